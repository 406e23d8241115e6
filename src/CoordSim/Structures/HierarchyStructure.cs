using CoordSim.Mechanisms;
using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// Strict hierarchy (model.md §4.1): issues climb the department chain; a single-department issue
/// is decided at <c>decisionLevel</c>, a cross-department issue climbs to the government head (the
/// lowest common superior); the decision travels down each required department's chain to a
/// frontline executor. Every hop queues at a person; responsibility is spread equally over everyone
/// who handled the issue.
/// </summary>
public sealed record HierarchyStructure : Structure
{
    /// <inheritdoc />
    public override string Name => "hierarchy";

    /// <inheritdoc />
    public override string Description =>
        "Hierarchy: up the department chain to the department head (or decisionLevel); a cross-department issue's primary head consults the other heads, and what they do not agree on goes to a deputy in charge or the government head; decisions down each chain.";

    /// <inheritdoc />
    internal override (Organisation.Organisation Organisation, RoutingPolicy Policy) Build(Parameters parameters)
    {
        var organisation = OrganisationBuilder.Hierarchy(parameters).Build();
        return (organisation, new HierarchyRouting(organisation, HierarchySettings.From(parameters)));
    }
}
