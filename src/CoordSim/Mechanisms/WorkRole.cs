namespace CoordSim.Mechanisms;

/// <summary>What a person did with an issue at one visit; recorded in the handler log.</summary>
public enum WorkRole : byte
{
    /// <summary>Discovered the issue and reported it.</summary>
    Reporter,

    /// <summary>Passed it on (up or down) without deciding.</summary>
    Relay,

    /// <summary>Decided it.</summary>
    Decider,

    /// <summary>Took part in a collective decision as a member of a body.</summary>
    Member,

    /// <summary>Relayed it as a liaison without authority.</summary>
    Liaison,

    /// <summary>Acted on the decision.</summary>
    Executor,
}
