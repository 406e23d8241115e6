namespace CoordSim.Structures;

/// <summary>Who chairs a coordination body.</summary>
public enum BodyChair
{
    /// <summary>The government head (a leading group's leader, a commander).</summary>
    GovernmentHead,

    /// <summary>The head of the lead department: the primary department of the first category the body covers.</summary>
    LeadDepartmentHead,
}
