namespace CoordSim.Mechanisms;

/// <summary>What a person did with an issue at one visit; recorded in the handler log.</summary>
internal enum WorkRole : byte
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

    /// <summary>Answered a consultation request for another department (concurred or deflected).</summary>
    Consulted,

    /// <summary>Coordinated it: prepared the proposal and ran the consultation (a primary head, a body's office).</summary>
    Coordinator,
}
