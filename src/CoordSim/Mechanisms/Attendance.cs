namespace CoordSim.Mechanisms;

/// <summary>What calls a person away from their desks for a while: a meeting or a report.</summary>
internal enum Attendance
{
    /// <summary>Attending a body's meeting or progress review.</summary>
    Meeting,

    /// <summary>Writing a body's periodic brief.</summary>
    Report,
}
