using CoordSim.Mechanisms;
using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// A structure made of the hierarchy plus coordination bodies of one or more designs (<see cref="Bodies"/>): the
/// in-scope issues go through the bodies, the rest follow the hierarchy. Each design comes from the parameters
/// (<see cref="StructureBody.Design"/>), so sweeps over body parameters work; a body with a parent sends its contested
/// items to the parent's meetings, as task forces send theirs to the leading group above them.
/// </summary>
public sealed record BodyStructure : Structure
{
    /// <summary>The most body designs one structure holds.</summary>
    public const int MaxBodies = 16;

    /// <summary>A structure with one body design built by <paramref name="design"/> from the run's parameters, or fixed as <paramref name="custom"/>.</summary>
    /// <param name="name">Stable name, for example "task-force".</param>
    /// <param name="description">How the structure routes issues.</param>
    /// <param name="design">Builds the body design from the run's parameters.</param>
    /// <param name="custom">A fixed design that replaces <paramref name="design"/> (parameters of bodies then have no effect).</param>
    public BodyStructure(string name, string description, Func<Parameters, BodyDesign> design, BodyDesign? custom = null)
        : this(name, description, [new StructureBody(null, design) { Custom = custom }])
    {
    }

    /// <summary>A structure with the body designs <paramref name="bodies"/>, in order; parents are indices into the list.</summary>
    /// <exception cref="ArgumentException">No body, more than <see cref="MaxBodies"/>, or a parent that is not another body of the list or that makes a cycle.</exception>
    public BodyStructure(string name, string description, IReadOnlyList<StructureBody> bodies)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(bodies);
        if (ParentError(bodies) is { } error)
        {
            throw new ArgumentException(error, nameof(bodies));
        }

        Name = name;
        Description = description;
        Bodies = bodies.ToArray();
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override string Description { get; }

    /// <summary>The body designs, in order: the first whose scope an issue falls in takes it.</summary>
    public IReadOnlyList<StructureBody> Bodies { get; }

    /// <summary>
    /// Fields of the designs fixed by a spec's <c>bodies</c> entry (or <see cref="WithBody"/>), each for the body at its
    /// <see cref="BodySetting.Body"/> index, applied in order after the design is built from the run's parameters;
    /// empty for the canonical structures.
    /// </summary>
    public IReadOnlyList<BodySetting> Settings { get; init; } = [];

    /// <summary>The organisation the bodies are built on: the hierarchy (the default) or the flattened hierarchy.</summary>
    public OrganisationForm Organisation { get; init; } = OrganisationForm.Hierarchy;

    /// <summary>The first body's design for a run with <paramref name="parameters"/> (see <see cref="DesignFor(Parameters, int)"/>).</summary>
    public BodyDesign DesignFor(Parameters parameters) => DesignFor(parameters, 0);

    /// <summary>
    /// The design of the body at index <paramref name="body"/> for a run with <paramref name="parameters"/>: its custom
    /// design or the one built from the parameters, with the body's <see cref="StructureBody.Fixed"/> fields, then the
    /// parameters' <see cref="Parameters.BodyFields"/> for that body and then <see cref="Settings"/> for that body applied.
    /// </summary>
    public BodyDesign DesignFor(Parameters parameters, int body)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(body);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(body, Bodies.Count);
        var part = Bodies[body];
        var design = part.Custom ?? part.Design(parameters);
        foreach (var setting in part.Fixed)
        {
            design = setting.ApplyTo(design);
        }
        foreach (var setting in parameters.BodyFields)
        {
            if (setting.Body == body)
            {
                design = setting.ApplyTo(design);
            }
        }

        foreach (var setting in Settings)
        {
            if (setting.Body == body)
            {
                design = setting.ApplyTo(design);
            }
        }

        return design;
    }

    /// <summary>
    /// A copy of this structure whose body designs have <paramref name="settings"/> fixed (each for the body at its
    /// <see cref="BodySetting.Body"/> index, after any already fixed; a later setting of a field wins).
    /// </summary>
    /// <exception cref="ArgumentException">A setting names a body the structure does not have.</exception>
    public BodyStructure WithBody(params BodySetting[] settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.FirstOrDefault(s => s.Body >= Bodies.Count) is { } beyond)
        {
            throw new ArgumentException($"bodies[{beyond.Body}].{beyond.Name}: {Name} has {Bodies.Count} {(Bodies.Count == 1 ? "body" : "bodies")}.", nameof(settings));
        }

        return this with { Settings = [.. Settings, .. settings] };
    }

    /// <summary>Why <paramref name="bodies"/> cannot make a structure (no body, too many, a parent out of range, itself or in a cycle), or null when they can.</summary>
    public static string? ParentError(IReadOnlyList<StructureBody> bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        if (bodies.Count is 0 or > MaxBodies)
        {
            return $"from 1 to {MaxBodies} bodies, not {bodies.Count}";
        }

        for (var i = 0; i < bodies.Count; i++)
        {
            if (bodies[i].Parent is not { } parent)
            {
                continue;
            }

            if (parent < 0 || parent >= bodies.Count || parent == i)
            {
                return $"bodies[{i}].parent = {parent}: the index of another body of the structure (0 to {bodies.Count - 1})";
            }

            var seen = 0;
            for (var at = (int?)parent; at is { } a; at = bodies[a].Parent)
            {
                if (a == i || ++seen > bodies.Count)
                {
                    return $"bodies[{i}].parent = {parent}: parents may not form a cycle";
                }
            }
        }

        return null;
    }

    /// <inheritdoc />
    public bool Equals(BodyStructure? other) =>
        other is not null && Name == other.Name && Description == other.Description && Organisation == other.Organisation &&
        Bodies.SequenceEqual(other.Bodies) && Settings.SequenceEqual(other.Settings);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Bodies.Count, Bodies[0].Design, Settings.Count);

    /// <inheritdoc />
    internal override (Organisation.Organisation Organisation, RoutingPolicy Policy) Build(Parameters parameters)
    {
        var designs = Enumerable.Range(0, Bodies.Count).Select(i => DesignFor(parameters, i)).ToArray();
        var builder = Organisation == OrganisationForm.Flattened ? OrganisationBuilder.Flattened(parameters) : OrganisationBuilder.Hierarchy(parameters);
        var staffing = BodyStaffing.Staff(builder, designs);
        var organisation = builder.Build();
        var sets = new BodySet[designs.Length];
        var crisis = CrisisSettings.From(parameters);
        for (var i = 0; i < designs.Length; i++)
        {
            sets[i] = new BodySet(i, designs[i], staffing[i], Bodies[i].Parent ?? -1, crisis, HierarchySettings.From(parameters).DecisionNoiseSigma);
        }

        return (organisation, new BodyRouting(organisation, HierarchySettings.From(parameters), sets));
    }
}
