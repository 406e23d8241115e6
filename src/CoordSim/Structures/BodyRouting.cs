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
public sealed class BodyRouting : HierarchyRouting
{
    private const int PhaseToBody = 3;
    private const int PhaseLiaison = 4;
    private const int PhaseChairDecides = 5;
    private const int PhaseBodyExecute = 6;
    private const int TimerSupervision = 0;
    private const int TimerRestore = 1;

    private readonly BodyDesign _design;
    private readonly BodyStaffing[] _staffing;
    private readonly Queue<int>[] _urgentAgenda;
    private readonly Queue<int>[] _routineAgenda;
    private readonly bool[] _extraMeetingCalled;
    private readonly int _bodyCount;
    private readonly double _decisionSigma;
    private readonly int[] _bodyOfCategory;
    private readonly AccountabilityWeights _scratch = new();

    /// <summary>Creates the routing for bodies of <paramref name="design"/> staffed as <paramref name="staffing"/>.</summary>
    public BodyRouting(Organisation.Organisation organisation, Parameters parameters, BodyDesign design, BodyStaffing[] staffing)
        : base(organisation, parameters)
    {
        _design = design;
        _staffing = staffing;
        _bodyCount = staffing.Length;
        _urgentAgenda = staffing.Select(_ => new Queue<int>()).ToArray();
        _routineAgenda = staffing.Select(_ => new Queue<int>()).ToArray();
        _extraMeetingCalled = new bool[_bodyCount];
        _decisionSigma = parameters.DecisionNoiseSigma / Math.Sqrt(1 + design.Experts);
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
        for (var b = 0; b < _bodyCount; b++)
        {
            if (_design.MeetingInterval > 0)
            {
                model.ScheduleMeeting(b, _design.FormationDelay + _design.MeetingInterval);
            }
        }

        if (_design.SupervisionInterval > 0 && _design.Function == BodyFunction.ExecutionFocused)
        {
            model.ScheduleTimer(_design.FormationDelay + _design.SupervisionInterval, TimerSupervision);
        }
    }

    /// <inheritdoc />
    public override void Discovered(CoordinationModel model, int item)
    {
        var issue = model.IssueOf(item);
        var body = BodyFor(model, issue);
        if (body < 0)
        {
            base.Discovered(model, item);
            return;
        }

        model.SetBodyOf(issue, body);
        var discoverer = model.DiscovererOf(issue);
        model.SetRole(item, WorkRole.Reporter);
        model.SetExpectedShare(item, CollectiveShare(model, issue, body));
        var urgent = model.IsUrgent(issue);
        if ((urgent && _design.EmergenciesFromFrontline) || _design.EntryFromFrontline)
        {
            model.SetPhase(item, PhaseToBody);
        }
        else
        {
            model.SetPhase(item, PhaseUp);
        }

        model.Enqueue(item, discoverer);
    }

    /// <inheritdoc />
    public override void Served(CoordinationModel model, int item, int desk)
    {
        var issue = model.IssueOf(item);
        var body = model.BodyOf(issue);
        var person = model.PersonAt(desk);
        switch (model.PhaseOf(item))
        {
            case PhaseUp when body >= 0 && person == Organisation.HeadOf(model.PrimaryDepartment(issue)):
                // The primary department's head refers the issue to the body in writing.
                model.SendToBody(item, body, ChannelKind.Record, HopDirection.Up);
                return;
            case PhaseUp when body < 0 && Escalates(model, issue, person):
                var group = BodyFor(model, issue, ignoreScope: true);
                model.SetBodyOf(issue, group);
                model.MarkEscalated(issue);
                model.SendToBody(item, group, ChannelKind.Record, HopDirection.Up);
                return;
            case PhaseToBody:
                var liaison = _staffing[body].LiaisonDesks[model.PrimaryDepartment(issue)];
                if (liaison >= 0 && !(model.IsUrgent(issue) && _design.EmergenciesFromFrontline))
                {
                    model.SetPhase(item, PhaseLiaison);
                    model.SetRole(item, WorkRole.Liaison);
                    model.Send(item, liaison, ChannelKind.Liaison, HopDirection.Lateral);
                }
                else
                {
                    model.SendToBody(item, body, ChannelKind.Record, HopDirection.Up);
                }

                return;
            case PhaseLiaison:
                model.SendToBody(item, body, ChannelKind.Lateral, HopDirection.Lateral);
                return;
            case PhaseChairDecides:
                DecideInBody(model, item, body, atMeeting: false);
                return;
            case PhaseBodyExecute:
                model.CompleteBranch(item);
                return;
            default:
                base.Served(model, item, desk);
                return;
        }
    }

    /// <inheritdoc />
    public override void ReachedBody(CoordinationModel model, int item, int body)
    {
        var issue = model.IssueOf(item);
        var urgent = model.IsUrgent(issue);
        var chairDesk = _staffing[body].ChairDesk;
        if (_design.MeetingInterval <= 0 || (urgent && _design.OnSiteEmergencies))
        {
            var desk = chairDesk >= 0 ? chairDesk : _staffing[body].Body.Chair;
            model.SetPhase(item, PhaseChairDecides);
            model.SetRole(item, WorkRole.Decider);
            model.SetExpectedShare(item, DeciderShare(model, issue, body));
            model.Enqueue(item, desk);
            return;
        }

        model.CountAgendaItem(issue);
        if (urgent)
        {
            _urgentAgenda[body].Enqueue(item);
            if (_design.EmergencyMeeting && !_extraMeetingCalled[body])
            {
                _extraMeetingCalled[body] = true;
                model.ScheduleMeeting(body + _bodyCount, model.Now + _design.EmergencyMeetingDelay);
            }
        }
        else
        {
            _routineAgenda[body].Enqueue(item);
        }
    }

    /// <inheritdoc />
    public override void Meeting(CoordinationModel model, int body)
    {
        var extra = body >= _bodyCount;
        if (extra)
        {
            body -= _bodyCount;
            _extraMeetingCalled[body] = false;
        }
        else
        {
            model.ScheduleMeeting(body, model.Now + _design.MeetingInterval);
        }

        var urgent = _urgentAgenda[body];
        var routine = _routineAgenda[body];

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

    /// <inheritdoc />
    public override void Timer(CoordinationModel model, int subject, int data)
    {
        if (subject == TimerRestore)
        {
            model.ScaleDeskRate(data, 1 / (1 + _design.SupervisionBoost));
            return;
        }

        model.ScheduleTimer(model.Now + _design.SupervisionInterval, TimerSupervision);
        if (!_design.IsActive(model.Now))
        {
            return;
        }

        // Each inspection finds, in every body, the member desk with the longest queue and speeds it up for a while.
        foreach (var staffing in _staffing)
        {
            var laggard = -1;
            var longest = 0;
            foreach (var desk in staffing.ExecutorDesks.SelectMany(d => d).Concat(staffing.LiaisonDesks.Where(d => d >= 0)))
            {
                var length = model.QueueLength(desk);
                if (length > longest)
                {
                    longest = length;
                    laggard = desk;
                }
            }

            if (laggard >= 0 && _design.SupervisionBoost > 0)
            {
                model.ScaleDeskRate(laggard, 1 + _design.SupervisionBoost);
                model.ScheduleTimer(model.Now + _design.SupervisionDuration, TimerRestore, laggard);
            }
        }
    }

    /// <inheritdoc />
    public override void AssignResponsibility(CoordinationModel model, int issue, AccountabilityWeights weights)
    {
        var body = model.BodyOf(issue);
        if (body < 0)
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
            foreach (var member in _staffing[body].Body.Members)
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
            weights.Add(_staffing[body].Body.Chair, named * (1 - executorShare));
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

    private void DecideAtMeeting(CoordinationModel model, int item, int body)
    {
        var wait = model.Now - model.QueuedAtOf(item);
        model.AddMeetingWait(item, wait);
        model.LogVisit(item, _staffing[body].Body.Chair, WorkRole.Decider, wait);
        DecideInBody(model, item, body, atMeeting: true);
    }

    private void DecideInBody(CoordinationModel model, int item, int body, bool atMeeting)
    {
        model.PerturbDecision(item, _decisionSigma);
        var issue = model.IssueOf(item);
        var required = model.RequiredDepartments(issue);
        var staffing = _staffing[body];
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
                SendDown(model, branch, -1, Organisation.HeadOf(d), executor, atMeeting ? ChannelKind.Meeting : ChannelKind.Record);
            }
            else
            {
                var executors = staffing.ExecutorDesks[d];
                var desk = executors[model.ExecutorOf(issue, d) % executors.Length];
                model.SetPhase(branch, PhaseBodyExecute);
                model.SetRole(branch, WorkRole.Executor);
                model.SetExpectedShare(branch, ExecutorShare(model, issue, body));
                model.Send(branch, desk, ChannelKind.Lateral, HopDirection.Lateral);
            }
        }

        model.Release(item);
    }

    private int BodyFor(CoordinationModel model, int issue, bool ignoreScope = false)
    {
        if (!_design.IsActive(model.Now))
        {
            return -1;
        }

        var inScope = (_design.CoversCrossDepartment && model.RequiredCount(issue) > 1) || (_design.CoversEmergencies && model.IsUrgent(issue));
        return inScope || ignoreScope ? _bodyOfCategory[model.CategoryOf(issue)] : -1;
    }

    private bool Escalates(CoordinationModel model, int issue, int person) =>
        _design.EscalationShare > 0
        && _design.MeetingInterval > 0
        && DecidesHere(model, issue, person)
        && Organisation.LevelOf(person) == Organisation.Levels - 1
        && _design.IsActive(model.Now)
        && model.RoutingRandom.NextDouble() < _design.EscalationShare;

    private double CollectiveShare(CoordinationModel model, int issue, int body) =>
        _design.Collectivity / (_staffing[body].Body.Members.Count + NominalHandlers(model, issue));

    private double DeciderShare(CoordinationModel model, int issue, int body) =>
        CollectiveShare(model, issue, body) + ((1 - _design.Collectivity) * _design.DeciderShare);

    private double ExecutorShare(CoordinationModel model, int issue, int body) =>
        CollectiveShare(model, issue, body) + ((1 - _design.Collectivity) * (1 - _design.DeciderShare) / model.RequiredCount(issue));

    private double NominalHandlers(CoordinationModel model, int issue) => 1 / NominalShare(model, issue);
}
