using CoordSim.Mechanisms;
using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// The routing of the flattened hierarchy (docs/model.md §4.7): the hierarchy's, except that with platform units an
/// issue the discovering frontline person does not decide goes first, over the relay channel, to the platform unit of
/// the discoverer's area (frontline position p of any department belongs to unit ⌊p × units / frontline⌋), whose
/// officer passes it on, again over the relay channel, to where the hierarchy would have sent it from the discoverer.
/// The unit decides nothing and answers as a handler.
/// </summary>
internal sealed class FlattenedRouting : HierarchyRouting
{
    private readonly PersonId[] _platform;

    /// <summary>Creates the routing over <paramref name="organisation"/> with the platform officers <paramref name="platform"/> (none for no platform).</summary>
    public FlattenedRouting(Organisation.Organisation organisation, HierarchySettings settings, PersonId[] platform)
        : base(organisation, settings)
    {
        _platform = platform;
    }

    /// <inheritdoc />
    protected override int ExtraRelays => _platform.Length > 0 ? 1 : 0;

    /// <inheritdoc />
    public override void Discovered(CoordinationModel model, ItemId item)
    {
        base.Discovered(model, item);
        if (_platform.Length > 0)
        {
            model.SetPhase(item, RoutePhase.ToPlatform);
        }
    }

    /// <inheritdoc />
    public override void Served(CoordinationModel model, ItemId item, DeskId desk)
    {
        var issue = model.IssueOf(item);
        switch (model.PhaseOf(item))
        {
            case RoutePhase.ToPlatform:
                model.SetPhase(item, RoutePhase.Up);
                var person = model.PersonAt(desk);
                if (model.RequiredCount(issue) == 1 && Organisation.LevelOf(person) == DecisionLevel)
                {
                    // The frontline decides it: nothing to report.
                    base.Served(model, item, desk);
                    return;
                }

                // "Communities blow the whistle": the frontline reports to its area's platform unit.
                model.SetPhase(item, RoutePhase.Platform);
                model.SetRole(item, WorkRole.Relay);
                model.Send(item, HomeDesk(UnitOf(person)), ChannelKind.Relay, HopDirection.Up);
                return;
            case RoutePhase.Platform:
                // The unit cannot decide: it passes the issue on to the line as the discoverer would have.
                model.SetPhase(item, RoutePhase.Up);
                Climb(model, item, model.DiscovererOf(issue));
                return;
            default:
                base.Served(model, item, desk);
                return;
        }
    }

    /// <summary>The platform officer of the area of frontline person <paramref name="frontline"/>.</summary>
    private PersonId UnitOf(PersonId frontline)
    {
        var department = Organisation.DepartmentOf(frontline);
        var position = frontline.Value - Organisation.Frontline(department, 0).Value;
        var count = Organisation.FrontlineCount(department);
        return _platform[(int)((long)position * _platform.Length / count)];
    }
}
