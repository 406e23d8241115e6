using CoordSim.Mechanisms;
using CoordSim.Metrics;
using CoordSim.Organisation;

namespace CoordSim.Tests.Structures;

/// <summary>A step of a traced route.</summary>
internal enum Step
{
    Queued,
    HandedOver,
    Decided,
}

/// <summary>One step of a traced route, its desk resolved to a person and body.</summary>
internal sealed record Traced(Step Kind, PersonId Person, BodyId? Body, ChannelKind? Channel, HopDirection? Direction, DecisionVenue? Venue);

/// <summary>Keeps every step of every issue, in order, and which issues were resolved.</summary>
internal sealed class RouteRecorder : IRouteTrace, IIssueObserver
{
    private readonly Dictionary<long, IssueOutcome> _resolved = [];
    private readonly Dictionary<long, List<(Step Kind, DeskId Desk, PersonId Person, ChannelKind? Channel, HopDirection? Direction, DecisionVenue? Venue, int Body)>> _steps = [];

    public void HandedOver(long issue, int branch, ChannelKind channel, HopDirection direction, double now) =>
        Of(issue).Add((Step.HandedOver, default, default, channel, direction, null, -1));

    public void Queued(long issue, int branch, DeskId desk, PersonId person, double now) =>
        Of(issue).Add((Step.Queued, desk, person, null, null, null, -1));

    public void Decided(long issue, DecisionVenue venue, int body, double now) =>
        Of(issue).Add((Step.Decided, default, default, null, null, venue, body));

    /// <summary>The routes of resolved issues in the order of their ids, desks resolved to their bodies.</summary>
    public IEnumerable<Traced[]> Resolved(CoordSim.Organisation.Organisation organisation) => ResolvedById(organisation).Select(r => r.Route);

    /// <summary>The resolved issues' outcomes and routes, in the order of their ids.</summary>
    public IEnumerable<(IssueOutcome Outcome, Traced[] Route)> ResolvedById(CoordSim.Organisation.Organisation organisation) =>
        _steps.Where(kv => _resolved.ContainsKey(kv.Key)).OrderBy(kv => kv.Key).Select(kv => (_resolved[kv.Key], kv.Value.Select(s => new Traced(
            s.Kind,
            s.Person,
            s.Kind == Step.Queued ? organisation.Desk(s.Desk).Body : s.Kind == Step.Decided && s.Body >= 0 ? new BodyId(s.Body) : null,
            s.Channel,
            s.Direction,
            s.Venue)).ToArray()));

    public void OnResolved(in IssueOutcome outcome) => _resolved[outcome.Id] = outcome;

    private List<(Step, DeskId, PersonId, ChannelKind?, HopDirection?, DecisionVenue?, int)> Of(long issue)
    {
        if (!_steps.TryGetValue(issue, out var list))
        {
            _steps[issue] = list = [];
        }

        return list;
    }
}
