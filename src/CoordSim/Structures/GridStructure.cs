using CoordSim.Mechanisms;
using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// The grid platform (docs/model.md §4.8; S5, Hangzhou Shangcheng's "grid–group–area" linkage): frontline grids solve
/// and archive local issues or report them; a command centre sorts every record and dispatches it to a department
/// over the digital-record channel; a joint conference is convened only for what one department cannot resolve; and
/// a revisit reopens a share of the wrongly closed issues, so the loop discover → report → dispose → assign → close →
/// revisit → evaluate is closed.
/// </summary>
public sealed record GridStructure : Structure
{
    /// <inheritdoc />
    public override string Name => "grid-platform";

    /// <inheritdoc />
    public override string Description =>
        "Grid platform: the frontline grid solves half its single-department issues on the spot and reports the rest to a command centre, which dispatches each record to the department that decides it; cross-department issues wait for a joint conference of their category; a revisit reopens half the wrongly closed issues.";

    /// <inheritdoc />
    internal override (Organisation.Organisation Organisation, RoutingPolicy Policy) Build(Parameters parameters)
    {
        var builder = OrganisationBuilder.Hierarchy(parameters);
        var centre = new PersonId[parameters.CommandCentreStaff];
        for (var i = 0; i < centre.Length; i++)
        {
            centre[i] = builder.AddPlatformOfficer("command centre officer");
        }

        var organisation = builder.Build();
        return (organisation, new GridRouting(organisation, HierarchySettings.From(parameters), GridSettings.From(parameters), centre));
    }
}
