namespace CoordSim.Structures;

/// <summary>How a coordination body handles an in-scope issue that reaches it (model-v2 §2): who takes it at a desk as it comes, or whether it waits for a meeting.</summary>
public enum RoutineHandling
{
    /// <summary>Every item goes on the meeting agenda (the first model's leading group and office; a body without an office).</summary>
    Agenda,

    /// <summary>The body's office staff take items as they come and consult the member departments' heads in the body's name; what stays contested goes on the agenda.</summary>
    Office,

    /// <summary>The member from the primary department (its liaison) settles the item on the spot with the other members, face to face (a co-located task force); the contested go on the agenda.</summary>
    OnTheSpot,

    /// <summary>The chair decides each item at their desk as it comes (a commander; the lead of a task force whose liaisons only relay); for a body that meets, the contested go on the agenda.</summary>
    Chair,
}
