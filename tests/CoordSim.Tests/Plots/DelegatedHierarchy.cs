using CoordSim.Mechanisms;
using CoordSim.Structures;

namespace CoordSim.Tests.Plots;

/// <summary>
/// A structure made for the plot tests from the library's own parts: the hierarchy with
/// single-department issues decided at level 1 instead of by the department head. It gives the
/// small results set a second, genuinely different structure with a name outside the fixed
/// palette, whatever <see cref="StructureCatalog"/> holds.
/// </summary>
internal sealed record DelegatedHierarchy : Structure
{
    public override string Name => "delegated-hierarchy";

    public override string Description => "The hierarchy with single-department issues decided at level 1.";

    internal override (global::CoordSim.Organisation.Organisation Organisation, RoutingPolicy Policy) Build(Parameters parameters) =>
        Hierarchy().Build(parameters with { DecisionLevel = 1 });
}
