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

    /// <summary>The design used for a run with <paramref name="parameters"/>.</summary>
    public BodyDesign DesignFor(Parameters parameters) => Custom ?? Design(parameters);

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
