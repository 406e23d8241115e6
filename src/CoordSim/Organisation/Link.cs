namespace CoordSim.Organisation;

/// <summary>A link of the organisation graph: who, to whom, what it stands for and which channel it uses.</summary>
/// <param name="From">The person at the tail.</param>
/// <param name="To">The person at the head (for <see cref="LinkKind.ReportsTo"/>, the superior).</param>
/// <param name="Kind">What the link stands for.</param>
/// <param name="Channel">The channel kind information uses on it.</param>
public readonly record struct Link(PersonId From, PersonId To, LinkKind Kind, ChannelKind Channel);
