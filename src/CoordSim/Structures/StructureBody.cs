namespace CoordSim.Structures;

/// <summary>
/// One coordination body design of a <see cref="BodyStructure"/>: how the design is built from a run's parameters
/// (the catalogue body it is <see cref="Like"/>, or a function of your own), a fixed design that replaces it, and the
/// parent body, if any, that the contested items of these bodies go up to. A structure with a leading group above
/// task forces holds two: the task forces (parent: the group) and the group.
/// </summary>
/// <param name="Like">The catalogue body the design starts from (<see cref="BodyTemplates"/>: leading-group, task-force, command-hq, office), or null for a design built by a function of your own.</param>
/// <param name="Design">Builds the design from the run's parameters.</param>
public sealed record StructureBody(string? Like, Func<Parameters, BodyDesign> Design)
{
    /// <summary>A fixed design that replaces <see cref="Design"/> (parameters of bodies then have no effect on it).</summary>
    public BodyDesign? Custom { get; init; }

    /// <summary>
    /// Fields this body fixes as part of its definition, applied to the design built from the parameters before the
    /// run's body fields (<see cref="Parameters.BodyFields"/>) and the structure's <see cref="BodyStructure.Settings"/>:
    /// a leading group above task forces is <see cref="Like"/> the catalogue's leading group but takes no issues of its own.
    /// </summary>
    public IReadOnlyList<BodySetting> Fixed { get; init; } = [];

    /// <summary>
    /// The index, in the structure's <see cref="BodyStructure.Bodies"/>, of the body these bodies send their contested
    /// items to (it decides them at its meetings, and these bodies carry the decisions out); null when they decide
    /// them at their own meetings.
    /// </summary>
    public int? Parent { get; init; }

    /// <inheritdoc />
    public bool Equals(StructureBody? other) =>
        other is not null && Like == other.Like && Design == other.Design && Equals(Custom, other.Custom) && Parent == other.Parent &&
        Fixed.SequenceEqual(other.Fixed);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Like, Design, Parent, Fixed.Count);

    /// <summary>A body like the catalogue body <paramref name="like"/> (its design follows the run's parameters), or null when there is none of that name.</summary>
    public static StructureBody? Of(string like) =>
        BodyTemplates.Find(like) is { } design ? new StructureBody(BodyTemplates.Canonical(like), design) : null;
}
