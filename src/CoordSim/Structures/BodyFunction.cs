namespace CoordSim.Structures;

/// <summary>What a coordination body does (S2's first axis).</summary>
public enum BodyFunction
{
    /// <summary>Decides; only heads are members and decisions travel down each department's chain (leading group, command headquarters).</summary>
    DecisionFocused,

    /// <summary>Decides and acts: seconded executors (and liaisons) are members and decisions go laterally, one hop, to them (office, task force).</summary>
    ExecutionFocused,
}
