namespace CoordSim.Organisation;

/// <summary>
/// A coordination body: a set of members with a chair, meeting over a channel. The body's
/// function, responsibility rule, cadence and lifecycle are described by the structure that
/// creates it.
/// </summary>
/// <param name="Id">The body's index in <see cref="Organisation.Bodies"/>.</param>
/// <param name="Name">Name, for example "leading group".</param>
/// <param name="Chair">The chair (leader, commander or lead).</param>
/// <param name="Members">Every member, the chair included.</param>
/// <param name="Channel">Channel used among members.</param>
public sealed record CoordinationBody(BodyId Id, string Name, PersonId Chair, IReadOnlyList<PersonId> Members, ChannelKind Channel);
