namespace CoordSim.Organisation;

/// <summary>How information moves across a link; each kind has its own delay, noise and loss (model.md §5).</summary>
public enum ChannelKind
{
    /// <summary>Relay in person along a reporting line: the noisiest and slowest.</summary>
    Relay,

    /// <summary>Face-to-face inside a coordination body's meeting.</summary>
    Meeting,

    /// <summary>A written or digital record: little noise, little loss.</summary>
    Record,

    /// <summary>A liaison who relays without authority (a "loudspeaker", S3).</summary>
    Liaison,

    /// <summary>Direct lateral contact between members of one body (for example inside a task force).</summary>
    Lateral,
}
