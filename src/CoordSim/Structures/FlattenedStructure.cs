using CoordSim.Mechanisms;
using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// The flattened hierarchy (docs/model.md §4.7; S4, Longgang's "city directly manages communities"): the strict
/// hierarchy's routing on departments with <c>levelsRemoved</c> fewer levels and <c>staffingCap</c> of the comparable
/// hierarchy's people, the spans widened (and uneven) to hold them. With <c>platformUnits</c> &gt; 0, authority-less
/// platform units sit between the frontline and the line: every issue the frontline cannot settle is relayed through
/// the unit of its area, which faces every department and decides nothing.
/// </summary>
public sealed record FlattenedStructure : Structure
{
    /// <inheritdoc />
    public override string Name => "flattened";

    /// <inheritdoc />
    public override string Description =>
        "Flattened hierarchy: one level fewer and staff capped at 40% of the hierarchy's, spans widened; issues climb the shorter line as in the hierarchy; with platformUnits > 0, a platform unit without authority relays every issue from the frontline to the line.";

    /// <inheritdoc />
    internal override (Organisation.Organisation Organisation, RoutingPolicy Policy) Build(Parameters parameters)
    {
        var builder = OrganisationBuilder.Flattened(parameters);
        var platform = new PersonId[parameters.PlatformUnits];
        for (var u = 0; u < platform.Length; u++)
        {
            platform[u] = builder.AddPlatformOfficer();
        }

        var organisation = builder.Build();
        return (organisation, new FlattenedRouting(organisation, HierarchySettings.From(parameters), platform));
    }
}
