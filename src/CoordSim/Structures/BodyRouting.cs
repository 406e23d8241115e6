using CoordSim.Mechanisms;
using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// Routing over the hierarchy plus coordination bodies of one <see cref="BodyDesign"/>. Issues in a
/// body's scope (while the body is active under its lifecycle) reach it from the frontline (via the
/// department's liaison) or through the primary department's head; the body decides them at its
/// meetings, or at once at the chair's desk (a commander, on-site emergencies); decisions go down each
/// department's chain (decision-focused) or one lateral hop to the body's seconded executors
/// (execution-focused). Everything else follows the hierarchy. Responsibility mixes the collective rule
/// (equal over members and handlers) and the named rule (decider and executors) by
/// <see cref="BodyDesign.Collectivity"/>.
/// </summary>
internal sealed class BodyRouting : HierarchyRouting
{
    private readonly BodyDesign _design;
    private readonly BodyStaffing[] _staffing;
    private readonly Queue<ItemId>[] _urgentAgenda;
    private readonly Queue<ItemId>[] _routineAgenda;
    private readonly bool[] _extraMeetingCalled;
    private readonly double _decisionSigma;
    private readonly int[] _bodyOfCategory;
    private readonly AccountabilityWeights _scratch = new();

    /// <summary>Creates the routing for bodies of <paramref name="design"/> staffed as <paramref name="staffing"/>.</summary>
    public BodyRouting(Organisation.Organisation organisation, HierarchySettings settings, BodyDesign design, BodyStaffing[] staffing)
        : base(organisation, settings)
    {
        _design = design;
        _staffing = staffing;
        _urgentAgenda = staffing.Select(_ => new Queue<ItemId>()).ToArray();
        _routineAgenda = staffing.Select(_ => new Queue<ItemId>()).ToArray();
        _extraMeetingCalled = new bool[staffing.Length];
        _decisionSigma = settings.DecisionNoiseSigma / Math.Sqrt(1 + design.Experts);
        var categories = Enum.GetValues<Workload.IssueCategory>().Length;
        _bodyOfCategory = new int[categories];
        for (var c = 0; c < categories; c++)
        {
            _bodyOfCategory[c] = Array.FindIndex(staffing, s => (s.Categories & (1 << c)) != 0);
        }
    }

    /// <inheritdoc />
    public override void Initialise(CoordinationModel model)
    {
        for (var b = 0; b < _staffing.Length; b++)
        {
            if (_design.MeetingInterval > 0)
            {
                model.ScheduleTimer(TimerKind.RegularMeeting, _design.FormationDelay + _design.MeetingInterval, b);
            }
        }

        if (_design.SupervisionInterval > 0 && _design.Function == BodyFunction.ExecutionFocused)
        {
            model.ScheduleTimer(TimerKind.SupervisionRound, _design.FormationDelay + _design.SupervisionInterval, 0);
        }
    }

    /// <inheritdoc />
    public override void Discovered(CoordinationModel model, ItemId item)
    {
        var issue = model.IssueOf(item);
        var body = BodyFor(model, issue);
        if (body is not { } b)
        {
            base.Discovered(model, item);
            return;
        }

        model.SetBodyOf(issue, b);
        var discoverer = model.DiscovererOf(issue);
        model.SetRole(item, WorkRole.Reporter);
        model.SetExpectedShare(item, CollectiveShare(model, issue, b));
        var urgent = model.IsUrgent(issue);
        model.SetPhase(item, (urgent && _design.EmergenciesFromFrontline) || _design.EntryFromFrontline ? RoutePhase.ToBody : RoutePhase.Up);
        model.Enqueue(item, HomeDesk(discoverer));
    }

    /// <inheritdoc />
    public override void Served(CoordinationModel model, ItemId item, DeskId desk)
    {
        var issue = model.IssueOf(item);
        var body = model.BodyOf(issue);
        var person = model.PersonAt(desk);
        switch (model.PhaseOf(item))
        {
            case RoutePhase.Up when body is not null && person == Organisation.HeadOf(model.PrimaryDepartment(issue)):
                // The primary department's head refers the issue to the body in writing.
                model.SetPhase(item, RoutePhase.Referred);
                model.SendToRouting(item, ChannelKind.Record, HopDirection.Up);
                return;
            case RoutePhase.Up when body is null && Escalates(model, issue, person):
                model.SetBodyOf(issue, BodyFor(model, issue, ignoreScope: true)!.Value);
                model.MarkEscalated(issue);
                model.SetPhase(item, RoutePhase.Referred);
                model.SendToRouting(item, ChannelKind.Record, HopDirection.Up);
                return;
            case RoutePhase.ToBody:
                var liaison = _staffing[body!.Value.Value].LiaisonDesks[model.PrimaryDepartment(issue)];
                if (liaison is { } l && !(model.IsUrgent(issue) && _design.EmergenciesFromFrontline))
                {
                    model.SetPhase(item, RoutePhase.Liaison);
                    model.SetRole(item, WorkRole.Liaison);
                    model.Send(item, l, ChannelKind.Liaison, HopDirection.Lateral);
                }
                else
                {
                    model.SetPhase(item, RoutePhase.Referred);
                    model.SendToRouting(item, ChannelKind.Record, HopDirection.Up);
                }

                return;
            case RoutePhase.Liaison:
                model.SetPhase(item, RoutePhase.Referred);
                model.SendToRouting(item, ChannelKind.Lateral, HopDirection.Lateral);
                return;
            case RoutePhase.ChairDecides:
                DecideInBody(model, item, body!.Value, atMeeting: false);
                return;
            case RoutePhase.BodyExecute:
                model.CompleteBranch(item);
                return;
            default:
                base.Served(model, item, desk);
                return;
        }
    }

    /// <inheritdoc />
    public override void Received(CoordinationModel model, ItemId item)
    {
        var issue = model.IssueOf(item);
        var body = model.BodyOf(issue)!.Value;
        var urgent = model.IsUrgent(issue);
        var staffing = _staffing[body.Value];
        if (_design.MeetingInterval <= 0 || (urgent && _design.OnSiteEmergencies))
        {
            var desk = staffing.ChairDesk ?? HomeDesk(staffing.Body.Chair);
            model.SetPhase(item, RoutePhase.ChairDecides);
            model.SetRole(item, WorkRole.Decider);
            model.SetExpectedShare(item, DeciderShare(model, issue, body));
            model.Enqueue(item, desk);
            return;
        }

        model.CountAgendaItem(issue);
        if (urgent)
        {
            _urgentAgenda[body.Value].Enqueue(item);
            if (_design.EmergencyMeeting && !_extraMeetingCalled[body.Value])
            {
                _extraMeetingCalled[body.Value] = true;
                model.ScheduleTimer(TimerKind.EmergencyMeeting, model.Now + _design.EmergencyMeetingDelay, body.Value);
            }
        }
        else
        {
            _routineAgenda[body.Value].Enqueue(item);
        }
    }

    /// <inheritdoc />
    public override void Timer(CoordinationModel model, TimerKind kind, int subject, int data)
    {
        switch (kind)
        {
            case TimerKind.RegularMeeting:
                model.ScheduleTimer(TimerKind.RegularMeeting, model.Now + _design.MeetingInterval, subject);
                Meeting(model, new BodyId(subject), extra: false);
                break;
            case TimerKind.EmergencyMeeting:
                _extraMeetingCalled[subject] = false;
                Meeting(model, new BodyId(subject), extra: true);
                break;
            case TimerKind.SupervisionEnds:
                model.ScaleDeskRate(new DeskId(subject), 1 / (1 + _design.SupervisionBoost));
                break;
            case TimerKind.SupervisionRound:
                Supervise(model);
                break;
        }
    }

    private void Meeting(CoordinationModel model, BodyId body, bool extra)
    {
        var urgent = _urgentAgenda[body.Value];
        var routine = _routineAgenda[body.Value];

        // An extra meeting is held for the emergencies waiting; a regular one whenever the body is
        // active, and after a dissolution only to clear what is left on its agenda.
        var held = extra ? urgent.Count > 0 : _design.IsActive(model.Now) || urgent.Count + routine.Count > 0;
        if (!held)
        {
            return;
        }

        model.CountMeeting();
        var capacity = _design.AgendaCapacity;
        while (capacity > 0 && urgent.Count > 0)
        {
            DecideAtMeeting(model, urgent.Dequeue(), body);
            capacity--;
        }

        while (!extra && capacity > 0 && routine.Count > 0)
        {
            DecideAtMeeting(model, routine.Dequeue(), body);
            capacity--;
        }
    }

    private void Supervise(CoordinationModel model)
    {
        model.ScheduleTimer(TimerKind.SupervisionRound, model.Now + _design.SupervisionInterval, 0);
        if (!_design.IsActive(model.Now))
        {
            return;
        }

        // Each inspection finds, in every body, the member desk with the longest queue and speeds it up for a while.
        foreach (var staffing in _staffing)
        {
            DeskId? laggard = null;
            var longest = 0;
            foreach (var desk in staffing.ExecutorDesks.SelectMany(d => d).Concat(staffing.LiaisonDesks.Where(d => d is not null).Select(d => d!.Value)))
            {
                var length = model.QueueLength(desk);
                if (length > longest)
                {
                    longest = length;
                    laggard = desk;
                }
            }

            if (laggard is { } slow && _design.SupervisionBoost > 0)
            {
                model.ScaleDeskRate(slow, 1 + _design.SupervisionBoost);
                model.ScheduleTimer(TimerKind.SupervisionEnds, model.Now + _design.SupervisionDuration, slow.Value);
            }
        }
    }

    /// <inheritdoc />
    public override void AssignResponsibility(CoordinationModel model, IssueId issue, AccountabilityWeights weights)
    {
        if (model.BodyOf(issue) is not { } body)
        {
            base.AssignResponsibility(model, issue, weights);
            return;
        }

        // Collective part: equal over the body's members and everyone who handled the issue.
        var collective = _design.Collectivity;
        if (collective > 0)
        {
            var scratch = _scratch;
            scratch.Clear();
            foreach (var member in _staffing[body.Value].Body.Members)
            {
                scratch.Add(member, 0);
            }

            for (var i = 0; i < model.LogCount(issue); i++)
            {
                scratch.Add(model.LogAt(issue, i).Person, 0);
            }

            for (var i = 0; i < scratch.Count; i++)
            {
                weights.Add(scratch.PersonAt(i), collective / scratch.Count);
            }
        }

        // Named part: the decider, and the executors of the branches.
        var named = 1 - collective;
        if (named > 0)
        {
            var executors = 0;
            for (var i = 0; i < model.LogCount(issue); i++)
            {
                if (model.LogAt(issue, i).Role == WorkRole.Executor)
                {
                    executors++;
                }
            }

            var executorShare = executors > 0 ? 1 - _design.DeciderShare : 0;
            weights.Add(_staffing[body.Value].Body.Chair, named * (1 - executorShare));
            for (var i = 0; i < model.LogCount(issue); i++)
            {
                var entry = model.LogAt(issue, i);
                if (entry.Role == WorkRole.Executor)
                {
                    weights.Add(entry.Person, named * executorShare / executors);
                }
            }
        }
    }

    private void DecideAtMeeting(CoordinationModel model, ItemId item, BodyId body)
    {
        var wait = model.Now - model.QueuedAtOf(item);
        model.AddMeetingWait(item, wait);
        model.LogVisit(item, _staffing[body.Value].Body.Chair, WorkRole.Decider, wait);
        DecideInBody(model, item, body, atMeeting: true);
    }

    private void DecideInBody(CoordinationModel model, ItemId item, BodyId body, bool atMeeting)
    {
        model.PerturbDecision(item, _decisionSigma);
        var issue = model.IssueOf(item);
        model.MarkDecided(issue, atMeeting ? DecisionVenue.Meeting : DecisionVenue.BodyDesk);
        var required = model.RequiredDepartments(issue);
        var staffing = _staffing[body.Value];
        for (var d = 0; d < Organisation.Departments; d++)
        {
            if ((required & (1UL << d)) == 0)
            {
                continue;
            }

            var branch = model.Branch(item, d);
            if (_design.Function == BodyFunction.DecisionFocused || staffing.ExecutorDesks[d].Length == 0)
            {
                // The member head hears the decision (face to face at a meeting, by order otherwise) and passes it down the chain.
                var executor = model.ExecutorOf(issue, d);
                model.SetTarget(branch, executor);
                model.SetExpectedShare(branch, CollectiveShare(model, issue, body));
                SendDown(model, branch, new PersonId(-1), Organisation.HeadOf(d), executor, atMeeting ? ChannelKind.Meeting : ChannelKind.Record);
            }
            else
            {
                var executors = staffing.ExecutorDesks[d];
                var desk = executors[model.ExecutorOf(issue, d).Value % executors.Length];
                model.SetPhase(branch, RoutePhase.BodyExecute);
                model.SetRole(branch, WorkRole.Executor);
                model.SetExpectedShare(branch, ExecutorShare(model, issue, body));
                model.Send(branch, desk, ChannelKind.Lateral, HopDirection.Lateral);
            }
        }

        model.Release(item);
    }

    private BodyId? BodyFor(CoordinationModel model, IssueId issue, bool ignoreScope = false)
    {
        if (!_design.IsActive(model.Now))
        {
            return null;
        }

        var inScope = (_design.CoversCrossDepartment && model.RequiredCount(issue) > 1) || (_design.CoversEmergencies && model.IsUrgent(issue));
        return inScope || ignoreScope ? new BodyId(_bodyOfCategory[model.CategoryOf(issue)]) : null;
    }

    private bool Escalates(CoordinationModel model, IssueId issue, PersonId person) =>
        _design.EscalationShare > 0
        && _design.MeetingInterval > 0
        && DecidesHere(model, issue, person)
        && Organisation.LevelOf(person) == Organisation.Levels - 1
        && _design.IsActive(model.Now)
        && model.RoutingRandom.NextDouble() < _design.EscalationShare;

    private double CollectiveShare(CoordinationModel model, IssueId issue, BodyId body) =>
        _design.Collectivity / (_staffing[body.Value].Body.Members.Count + NominalHandlers(model, issue));

    private double DeciderShare(CoordinationModel model, IssueId issue, BodyId body) =>
        CollectiveShare(model, issue, body) + ((1 - _design.Collectivity) * _design.DeciderShare);

    private double ExecutorShare(CoordinationModel model, IssueId issue, BodyId body) =>
        CollectiveShare(model, issue, body) + ((1 - _design.Collectivity) * (1 - _design.DeciderShare) / model.RequiredCount(issue));

    private double NominalHandlers(CoordinationModel model, IssueId issue) => 1 / NominalShare(model, issue);
}
