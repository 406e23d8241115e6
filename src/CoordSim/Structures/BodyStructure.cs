using CoordSim.Mechanisms;
using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// A structure made of the hierarchy plus coordination bodies of one design: the in-scope issues go
/// through the bodies, the rest follow the hierarchy. The design comes from the parameters through
/// <see cref="Design"/>, so sweeps over body parameters work; give <see cref="Custom"/> to fix your own.
/// </summary>
/// <param name="Name">Stable name, for example "task-force".</param>
/// <param name="Description">How the structure routes issues.</param>
/// <param name="Design">Builds the body design from the run's parameters.</param>
/// <param name="Custom">A fixed design that replaces <paramref name="Design"/> (parameters of bodies then have no effect).</param>
public sealed record BodyStructure(string Name, string Description, Func<Parameters, BodyDesign> Design, BodyDesign? Custom = null) : Structure
{
    /// <inheritdoc />
    public override string Name { get; } = Name;

    /// <inheritdoc />
    public override string Description { get; } = Description;

    /// <summary>
    /// Fields of the design fixed by a spec's <c>bodies</c> entry (or <see cref="WithBody"/>), applied in order after
    /// the design is built from the run's parameters; empty for the canonical structure.
    /// </summary>
    public IReadOnlyList<BodySetting> Settings { get; init; } = [];

    /// <summary>The design used for a run with <paramref name="parameters"/>: the custom design or the one built from the parameters, with the parameters' <see cref="Parameters.BodyFields"/> and then <see cref="Settings"/> applied.</summary>
    public BodyDesign DesignFor(Parameters parameters)
    {
        var design = Custom ?? Design(parameters);
        foreach (var setting in parameters.BodyFields)
        {
            design = setting.ApplyTo(design);
        }

        foreach (var setting in Settings)
        {
            design = setting.ApplyTo(design);
        }

        return design;
    }

    /// <summary>A copy of this structure whose body design has <paramref name="settings"/> fixed (after any already fixed; a later setting of a field wins).</summary>
    public BodyStructure WithBody(params BodySetting[] settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return this with { Settings = [.. Settings, .. settings] };
    }

    /// <inheritdoc />
    public bool Equals(BodyStructure? other) =>
        other is not null && Name == other.Name && Description == other.Description && Design == other.Design &&
        Equals(Custom, other.Custom) && Settings.SequenceEqual(other.Settings);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Design, Custom, Settings.Count);

    /// <inheritdoc />
    internal override (Organisation.Organisation Organisation, RoutingPolicy Policy) Build(Parameters parameters)
    {
        var design = DesignFor(parameters);
        var builder = OrganisationBuilder.Hierarchy(parameters);
        var staffing = BodyStaffing.Staff(builder, design);
        var organisation = builder.Build();
        return (organisation, new BodyRouting(organisation, HierarchySettings.From(parameters), design, staffing, CrisisSettings.From(parameters)));
    }
}
