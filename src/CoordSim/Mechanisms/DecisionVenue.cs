namespace CoordSim.Mechanisms;

/// <summary>Where an issue was decided.</summary>
public enum DecisionVenue : byte
{
    /// <summary>Not decided (yet).</summary>
    None,

    /// <summary>At the desk of the official the hierarchy gives authority over a single-department issue.</summary>
    Line,

    /// <summary>By concurrence: every required department agreed in consultation (会签), and the coordinator issued the decision.</summary>
    Concurrence,

    /// <summary>At the desk of the deputy in charge, after the departments did not agree.</summary>
    Deputy,

    /// <summary>At the desk of the government head, after the departments did not agree.</summary>
    GovernmentHead,

    /// <summary>At a body member's desk as it came (a commander, a task force's lead or liaison, an office).</summary>
    BodyDesk,

    /// <summary>At a body's meeting.</summary>
    Meeting,
}
