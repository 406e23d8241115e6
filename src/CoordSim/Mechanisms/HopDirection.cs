namespace CoordSim.Mechanisms;

/// <summary>Which way a hand-over goes; upward hops shade bad news (model.md §5).</summary>
internal enum HopDirection
{
    /// <summary>Towards authority (reporting up).</summary>
    Up,

    /// <summary>Away from authority (instruction down).</summary>
    Down,

    /// <summary>Between peers or from a body to its members.</summary>
    Lateral,
}
