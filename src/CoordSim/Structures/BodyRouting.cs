using CoordSim.Mechanisms;
using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// Routing over the hierarchy plus coordination bodies of one or more <see cref="BodyDesign"/>s, one
/// <see cref="BodySet"/> per design (docs/model.md §4.3, §4.5). An issue goes to the first design whose scope takes
/// it while its bodies work, and reaches its body from the frontline (via the department's liaison)
/// or through the primary department's head, who refers them. The body handles each item as it comes — its
/// office consults the member heads with the body's authority, co-located members settle it on the spot, or the
/// chair decides it — and only the contested and the items escalated for cover wait for a meeting (regular,
/// special at the agenda trigger, or for emergencies). Meetings and progress reviews call their attendees away
/// from their desks, liaisons file briefs, and a dissolved body's seconded capacity goes home. Decisions go down
/// each department's chain (decision-focused) or to the body's seconded executors (execution-focused).
/// A body whose design has a parent sends what it would put on its own agenda to the parent's agenda in writing;
/// the parent decides it and the referring body carries it out. Everything else follows the hierarchy.
/// Responsibility mixes the collective rule (equal over members and handlers) and the named rule (decider and
/// executors) by the deciding body's <see cref="BodyDesign.Collectivity"/>.
/// </summary>
internal sealed class BodyRouting : HierarchyRouting
{
    private const double MinutesPerDay = 480;

    private readonly BodySet[] _sets;
    private readonly BodyStaffing[] _staffing;
    private readonly BodySet[] _setOf;
    private readonly BodySet[] _escalationSets;
    private readonly Queue<ItemId>[] _urgentAgenda;
    private readonly Queue<ItemId>[] _routineAgenda;
    private readonly bool[] _emergencyMeetingCalled;
    private readonly bool[] _specialMeetingCalled;
    private readonly double[] _meetingEnds;
    private readonly int[] _takenUrgent;
    private readonly int[] _takenRoutine;
    private readonly AccountabilityWeights _scratch = new();

    /// <summary>Creates the routing for the bodies of <paramref name="sets"/>, one set per design of the structure, in order.</summary>
    public BodyRouting(Organisation.Organisation organisation, HierarchySettings settings, BodySet[] sets)
        : base(organisation, settings)
    {
        _sets = sets;
        _staffing = sets.SelectMany(s => s.Staffing).ToArray();
        _setOf = sets.SelectMany(s => s.Staffing.Select(_ => s)).ToArray();
        _escalationSets = sets.Where(s => s.TakesEscalations).ToArray();
        for (var b = 0; b < _staffing.Length; b++)
        {
            if (_staffing[b].Body.Id.Value != b)
            {
                throw new InvalidOperationException($"Body {b} is numbered {_staffing[b].Body.Id.Value}: bodies must be added in the order of their designs.");
            }
        }

        _urgentAgenda = _staffing.Select(_ => new Queue<ItemId>()).ToArray();
        _routineAgenda = _staffing.Select(_ => new Queue<ItemId>()).ToArray();
        _emergencyMeetingCalled = new bool[_staffing.Length];
        _specialMeetingCalled = new bool[_staffing.Length];
        _meetingEnds = new double[_staffing.Length];
        _takenUrgent = new int[_staffing.Length];
        _takenRoutine = new int[_staffing.Length];
    }

    /// <inheritdoc />
    public override void Initialise(CoordinationModel model)
    {
        foreach (var set in _sets)
        {
            Initialise(model, set);
        }
    }

    private static void Initialise(CoordinationModel model, BodySet set)
    {
        var design = set.Design;
        var formed = set.Lifecycle.FormationAt(0);
        foreach (var staffing in set.Staffing)
        {
            if (design.MeetingInterval > 0 && double.IsFinite(formed))
            {
                model.ScheduleTimer(TimerKind.RegularMeeting, formed + design.MeetingInterval, staffing.Body.Id.Value);
            }
        }

        if (design.SupervisionInterval > 0 && design.Function == BodyFunction.ExecutionFocused && double.IsFinite(formed))
        {
            model.ScheduleTimer(TimerKind.SupervisionRound, formed + design.SupervisionInterval, set.Index);
        }

        foreach (var staffing in set.Staffing)
        {
            if (!double.IsFinite(formed))
            {
                break;
            }

            if (design.ReviewInterval > 0)
            {
                model.ScheduleTimer(TimerKind.ProgressReview, formed + design.ReviewInterval, staffing.Body.Id.Value);
            }

            if (design.ReportInterval > 0 && design.ReportDuration > 0 && staffing.Reporters.Length > 0)
            {
                model.ScheduleTimer(TimerKind.Report, formed + design.ReportInterval, staffing.Body.Id.Value);
            }
        }

        // The kernel starts with every body desk holding its share; a body not yet formed gives it back at once.
        set.Active = set.Lifecycle.IsActive(0);
        if (set.Active)
        {
            ScheduleDissolution(model, set, 0);
        }
        else
        {
            Release(model, set);
            if (double.IsFinite(formed))
            {
                model.ScheduleTimer(TimerKind.BodyForms, formed, set.Index, 0);
            }
        }
    }

    /// <inheritdoc />
    public override void Discovered(CoordinationModel model, ItemId item)
    {
        var issue = model.IssueOf(item);
        if (BodyFor(model, issue) is not { } body)
        {
            base.Discovered(model, item);
            return;
        }

        model.SetBodyOf(issue, body);
        var discoverer = model.DiscovererOf(issue);
        model.SetRole(item, WorkRole.Reporter);
        model.SetExpectedShare(item, CollectiveShare(model, issue, body));
        var urgent = model.IsUrgent(issue);
        var design = DesignOf(body);
        model.SetPhase(item, (urgent && design.EmergenciesFromFrontline) || design.EntryFromFrontline ? RoutePhase.ToBody : RoutePhase.Up);
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
            case RoutePhase.Up when body is null && Escalates(model, item, person) is { } escalation:
                // Blame avoidance: the head puts on the group's agenda what it could decide alone.
                model.SetBodyOf(issue, escalation.BodyFor(model.CategoryOf(issue), model.PrimaryDepartment(issue), model.RequiredDepartments(issue)));
                model.MarkEscalated(issue);
                model.SetPhase(item, RoutePhase.Referred);
                model.SendToRouting(item, ChannelKind.Record, HopDirection.Up);
                return;
            case RoutePhase.ToBody:
                var liaison = _staffing[body!.Value.Value].LiaisonDesks[model.PrimaryDepartment(issue)];
                if (liaison is { } l && !(model.IsUrgent(issue) && DesignOf(body.Value).EmergenciesFromFrontline))
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
                AtLiaison(model, item, body!.Value, person);
                return;
            case RoutePhase.Coordinate:
                AtOffice(model, item, desk);
                return;
            case RoutePhase.ChairDecides:
                AtChair(model, item, body!.Value);
                return;
            case RoutePhase.RelayToExecutor:
                model.SetPhase(item, RoutePhase.BodyExecute);
                model.SetRole(item, WorkRole.Executor);
                model.Send(item, ExecutorDesk(model, issue, ExecutingBody(model, issue), model.BranchOf(item)), ChannelKind.Relay, HopDirection.Down);
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
        if (model.PhaseOf(item) is RoutePhase.Concurred or RoutePhase.Deflected)
        {
            base.Received(model, item);
            return;
        }

        var issue = model.IssueOf(item);
        var body = model.BodyOf(issue)!.Value;
        var urgent = model.IsUrgent(issue);
        var staffing = _staffing[body.Value];
        var design = DesignOf(body);
        if (model.IsEscalated(issue) || model.PhaseOf(item) == RoutePhase.ToParent)
        {
            ToAgenda(model, item, body);
        }
        else if ((urgent && design.OnSiteEmergencies) || design.Handling == RoutineHandling.Chair || design.MeetingInterval <= 0)
        {
            model.SetPhase(item, RoutePhase.ChairDecides);
            model.SetRole(item, WorkRole.Decider);
            model.SetExpectedShare(item, DeciderShare(model, issue, body));
            model.Enqueue(item, staffing.ChairDesk ?? HomeDesk(staffing.Body.Chair));
        }
        else if (design.Handling == RoutineHandling.Office && staffing.OfficeDesks.Length > 0)
        {
            model.SetPhase(item, RoutePhase.Coordinate);
            model.SetRole(item, WorkRole.Coordinator);
            model.Enqueue(item, staffing.OfficeDesks[(int)(model.IdOf(issue) % staffing.OfficeDesks.Length)]);
        }
        else
        {
            // The agenda: a body that decides only at meetings, or an item settled nowhere else (contested on the spot).
            ToAgenda(model, item, body);
        }
    }

    /// <inheritdoc />
    public override void Timer(CoordinationModel model, TimerKind kind, int subject, int data)
    {
        var body = new BodyId(subject);
        switch (kind)
        {
            case TimerKind.RegularMeeting:
                if (data == 0)
                {
                    model.ScheduleTimer(TimerKind.RegularMeeting, model.Now + DesignOf(body).MeetingInterval, subject);
                }

                Meeting(model, body, kind);
                break;
            case TimerKind.EmergencyMeeting:
            case TimerKind.SpecialMeeting:
                Meeting(model, body, kind);
                break;
            case TimerKind.MeetingEnds:
                EndMeeting(model, body);
                break;
            case TimerKind.ProgressReview:
                Review(model, body);
                break;
            case TimerKind.Report:
                var design = DesignOf(body);
                model.ScheduleTimer(TimerKind.Report, model.Now + design.ReportInterval, subject);
                if (_setOf[subject].Active)
                {
                    foreach (var reporter in _staffing[subject].Reporters)
                    {
                        model.CallAway(reporter, design.ReportDuration, Attendance.Report);
                    }
                }

                break;
            case TimerKind.SupervisionEnds:
                model.ScaleDeskRate(new DeskId(subject), 1 / (1 + _sets[data].Design.SupervisionBoost));
                break;
            case TimerKind.SupervisionRound:
                Supervise(model, _sets[subject]);
                break;
            case TimerKind.BodyForms:
                var formed = _sets[subject];
                formed.Active = true;
                foreach (var staffing in formed.Staffing)
                {
                    model.HoldBody(staffing.Body.Id);
                }

                ScheduleDissolution(model, formed, data);
                break;
            case TimerKind.BodyDissolves:
                var dissolved = _sets[subject];
                dissolved.Active = false;
                Release(model, dissolved);
                var next = dissolved.Lifecycle.FormationAt(data + 1);
                if (double.IsFinite(next))
                {
                    model.ScheduleTimer(TimerKind.BodyForms, next, subject, data + 1);
                }

                break;
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

        // Collective part: shared equally over the body's members and everyone who handled the issue.
        var liable = CollectivelyLiable(model, issue, body);
        for (var i = 0; i < liable.Count; i++)
        {
            weights.Add(liable.PersonAt(i), DesignOf(body).Collectivity / liable.Count);
        }

        AddNamed(model, issue, body, weights);
    }

    /// <summary>
    /// Blame by a body's rule (model-v2.md §3): for the collective part every member and handler is fully liable
    /// (同奖同罚: each answers for all of it, so the blame adds up to more than one failure), and the named part falls
    /// on the named chair and executors as in the formal weights. Issues outside the body follow the hierarchy's rule.
    /// </summary>
    public override void AssignBlame(CoordinationModel model, IssueId issue, AccountabilityWeights formal, AccountabilityWeights blame)
    {
        if (model.BodyOf(issue) is not { } body)
        {
            base.AssignBlame(model, issue, formal, blame);
            return;
        }

        var liable = CollectivelyLiable(model, issue, body);
        for (var i = 0; i < liable.Count; i++)
        {
            blame.Add(liable.PersonAt(i), DesignOf(body).Collectivity);
        }

        AddNamed(model, issue, body, blame);
    }

    /// <summary>The body's members and everyone who handled the issue, each once (in a scratch list reused from issue to issue).</summary>
    private AccountabilityWeights CollectivelyLiable(CoordinationModel model, IssueId issue, BodyId body)
    {
        var scratch = _scratch;
        scratch.Clear();
        if (DesignOf(body).Collectivity > 0)
        {
            foreach (var member in _staffing[body.Value].Body.Members)
            {
                scratch.Add(member, 0);
            }

            for (var i = 0; i < model.LogCount(issue); i++)
            {
                scratch.Add(model.LogAt(issue, i).Person, 0);
            }
        }

        return scratch;
    }

    /// <summary>The named part, 1 − collectivity: the chair for the decision, and the executors of the branches.</summary>
    private void AddNamed(CoordinationModel model, IssueId issue, BodyId body, AccountabilityWeights weights)
    {
        var design = DesignOf(body);
        var named = 1 - design.Collectivity;
        if (named <= 0)
        {
            return;
        }

        var executors = 0;
        for (var i = 0; i < model.LogCount(issue); i++)
        {
            if (model.LogAt(issue, i).Role == WorkRole.Executor)
            {
                executors++;
            }
        }

        var executorShare = executors > 0 ? 1 - design.DeciderShare : 0;
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

    /// <inheritdoc />
    protected override double DeflectProbabilityFor(CoordinationModel model, IssueId issue) =>
        model.BodyOf(issue) is not { } body ? base.DeflectProbabilityFor(model, issue) : DesignOf(body).DeflectProbability * (1 - DesignOf(body).Authority);

    /// <inheritdoc />
    protected override int RoundsFor(CoordinationModel model, IssueId issue) =>
        model.BodyOf(issue) is not { } body ? base.RoundsFor(model, issue) : DesignOf(body).ConsultationRounds;

    /// <inheritdoc />
    protected override void Agreed(CoordinationModel model, ItemId trunk, DeskId coordinator)
    {
        if (model.BodyOf(model.IssueOf(trunk)) is { } body)
        {
            DecideInBody(model, trunk, body, DecisionVenue.Concurrence);
            return;
        }

        base.Agreed(model, trunk, coordinator);
    }

    /// <inheritdoc />
    protected override void Deadlocked(CoordinationModel model, ItemId trunk, DeskId coordinator)
    {
        if (model.BodyOf(model.IssueOf(trunk)) is { } body)
        {
            ToAgenda(model, trunk, body);
            return;
        }

        base.Deadlocked(model, trunk, coordinator);
    }

    /// <summary>At the primary department's liaison: emergencies go on to the lead; co-located members settle the rest on the spot unless contested.</summary>
    private void AtLiaison(CoordinationModel model, ItemId item, BodyId body, PersonId liaison)
    {
        var issue = model.IssueOf(item);
        var design = DesignOf(body);
        var onSite = model.IsUrgent(issue) && design.OnSiteEmergencies;
        if (!onSite && design.Handling == RoutineHandling.OnTheSpot && !Contested(model, design))
        {
            DecideInBody(model, item, body, DecisionVenue.BodyDesk);
            return;
        }

        // On to the body: the lead (emergencies, or when the liaisons only relay), or the agenda (contested).
        model.SetPhase(item, RoutePhase.Referred);
        model.SendToRouting(item, design.CoLocated ? ChannelKind.Lateral : ChannelKind.Relay, HopDirection.Lateral);
    }

    /// <summary>At the office: a contested item goes on the agenda; any other starts the office's consultation of the member heads.</summary>
    private void AtOffice(CoordinationModel model, ItemId item, DeskId office)
    {
        var issue = model.IssueOf(item);
        if (Contested(model, DesignOf(model.BodyOf(issue)!.Value)))
        {
            ToAgenda(model, item, model.BodyOf(issue)!.Value);
            return;
        }

        var asked = model.RequiredDepartments(issue) & ~(1UL << model.PrimaryDepartment(issue));
        if (asked == 0)
        {
            // An issue escalated into scope from a single department has nobody else to consult.
            DecideInBody(model, item, model.BodyOf(issue)!.Value, DecisionVenue.BodyDesk);
            return;
        }

        model.BeginConsultation(issue, office, item);
        model.Park(item);
        SendRound(model, item, asked);
    }

    /// <summary>At the chair's desk: decided at once, except a routine item of a body that meets and finds it contested.</summary>
    private void AtChair(CoordinationModel model, ItemId item, BodyId body)
    {
        var issue = model.IssueOf(item);
        var design = DesignOf(body);
        var onSite = model.IsUrgent(issue) && design.OnSiteEmergencies;
        if (!onSite && design.MeetingInterval > 0 && design.Handling == RoutineHandling.Chair && Contested(model, design))
        {
            ToAgenda(model, item, body);
            return;
        }

        DecideInBody(model, item, body, DecisionVenue.BodyDesk);
    }

    /// <summary>True when the item the body handles turns out contested (one draw on the consultation stream per item, whatever the share, so that runs with different shares stay aligned).</summary>
    private static bool Contested(CoordinationModel model, BodyDesign design) => model.ConsultationRandom.NextDouble() < design.ContestedShare;

    /// <summary>
    /// Puts the item on the agenda of <paramref name="body"/>, or, when the body has a parent body that works, sends it
    /// in writing to the parent's agenda (the parent decides it and this body carries the decision out).
    /// </summary>
    private void ToAgenda(CoordinationModel model, ItemId item, BodyId body)
    {
        var issue = model.IssueOf(item);
        var set = _setOf[body.Value];
        if (set.Parent >= 0 && _sets[set.Parent].Active)
        {
            if (model.ReferrerOf(issue) is null)
            {
                model.SetReferrerOf(issue, body);
            }

            model.SetBodyOf(issue, _sets[set.Parent].BodyFor(model.CategoryOf(issue), model.PrimaryDepartment(issue), model.RequiredDepartments(issue)));
            model.SetPhase(item, RoutePhase.ToParent);
            model.SendToRouting(item, ChannelKind.Record, HopDirection.Up);
            return;
        }

        var design = set.Design;
        if (design.MeetingInterval <= 0)
        {
            // A body that never meets has no agenda: its chair decides.
            DecideInBody(model, item, body, DecisionVenue.BodyDesk);
            return;
        }

        model.MarkQueued(item);
        model.CountAgendaItem(issue);
        var b = body.Value;
        if (model.IsUrgent(issue))
        {
            _urgentAgenda[b].Enqueue(item);
            if (design.EmergencyMeeting && !_emergencyMeetingCalled[b])
            {
                _emergencyMeetingCalled[b] = true;
                model.ScheduleTimer(TimerKind.EmergencyMeeting, model.Now + design.EmergencyMeetingDelay, b);
            }
        }
        else
        {
            _routineAgenda[b].Enqueue(item);
        }

        var waiting = _urgentAgenda[b].Count + _routineAgenda[b].Count - _takenUrgent[b] - _takenRoutine[b];
        if (design.AgendaTrigger > 0 && waiting >= design.AgendaTrigger && !_specialMeetingCalled[b])
        {
            _specialMeetingCalled[b] = true;
            model.ScheduleTimer(TimerKind.SpecialMeeting, model.Now + design.EmergencyMeetingDelay, b);
        }
    }

    /// <summary>
    /// A meeting of <paramref name="body"/>: a regular one is held while the body works (and afterwards to clear
    /// its agenda), an emergency one for the emergencies waiting, a special one for the whole agenda. It takes up
    /// to the agenda capacity, emergencies first, calls its attendees away for its length and decides what it took
    /// when it ends (at once when it takes no time).
    /// </summary>
    private void Meeting(CoordinationModel model, BodyId body, TimerKind kind)
    {
        var b = body.Value;
        if (kind == TimerKind.EmergencyMeeting)
        {
            _emergencyMeetingCalled[b] = false;
        }
        else if (kind == TimerKind.SpecialMeeting)
        {
            _specialMeetingCalled[b] = false;
        }

        if (model.Now < _meetingEnds[b])
        {
            // The members are still sitting: this meeting follows the one under way.
            model.ScheduleTimer(kind, _meetingEnds[b], b, data: 1);
            if (kind == TimerKind.EmergencyMeeting)
            {
                _emergencyMeetingCalled[b] = true;
            }
            else if (kind == TimerKind.SpecialMeeting)
            {
                _specialMeetingCalled[b] = true;
            }

            return;
        }

        var urgent = _urgentAgenda[b];
        var routine = _routineAgenda[b];
        var held = kind switch
        {
            TimerKind.EmergencyMeeting => urgent.Count > 0,
            TimerKind.SpecialMeeting => urgent.Count + routine.Count > 0,
            _ => _setOf[b].Active || urgent.Count + routine.Count > 0,
        };
        if (!held)
        {
            return;
        }

        model.CountMeeting();
        var design = DesignOf(body);
        var capacity = design.AgendaCapacity;
        var takeUrgent = Math.Min(capacity, urgent.Count);
        var takeRoutine = kind == TimerKind.EmergencyMeeting ? 0 : Math.Min(capacity - takeUrgent, routine.Count);
        var length = design.MeetingDuration + ((takeUrgent + takeRoutine) * design.MinutesPerItem / MinutesPerDay);
        if (length <= 0)
        {
            Decide(model, body, takeUrgent, takeRoutine);
            return;
        }

        foreach (var attendee in _staffing[b].Attendees)
        {
            model.CallAway(attendee, length, Attendance.Meeting);
        }

        _takenUrgent[b] = takeUrgent;
        _takenRoutine[b] = takeRoutine;
        _meetingEnds[b] = model.Now + length;
        model.ScheduleTimer(TimerKind.MeetingEnds, _meetingEnds[b], b);
    }

    private void EndMeeting(CoordinationModel model, BodyId body)
    {
        var b = body.Value;
        var (urgent, routine) = (_takenUrgent[b], _takenRoutine[b]);
        _takenUrgent[b] = _takenRoutine[b] = 0;
        Decide(model, body, urgent, routine);
    }

    private void Decide(CoordinationModel model, BodyId body, int urgent, int routine)
    {
        for (var i = 0; i < urgent; i++)
        {
            DecideAtMeeting(model, _urgentAgenda[body.Value].Dequeue(), body);
        }

        for (var i = 0; i < routine; i++)
        {
            DecideAtMeeting(model, _routineAgenda[body.Value].Dequeue(), body);
        }
    }

    /// <summary>
    /// A progress review ("dispatch"): decides nothing; its attendees spend the meeting's time, and every item of
    /// the body older than the pressure age goes to the front of its desk's queue from now on.
    /// </summary>
    private void Review(CoordinationModel model, BodyId body)
    {
        var design = DesignOf(body);
        model.ScheduleTimer(TimerKind.ProgressReview, model.Now + design.ReviewInterval, body.Value);
        if (!_setOf[body.Value].Active)
        {
            return;
        }

        model.CountMeeting();
        foreach (var attendee in _staffing[body.Value].Attendees)
        {
            model.CallAway(attendee, design.MeetingDuration, Attendance.Meeting);
        }

        var oldest = model.Now - design.PressureAge;
        var pressed = false;
        for (var slot = 0; slot < model.IssueSlots; slot++)
        {
            var issue = new IssueId(slot);
            if (model.IsInFlight(issue) && model.BodyOf(issue) == body && model.ArrivalOf(issue) < oldest)
            {
                model.Pressure(issue);
                pressed = true;
            }
        }

        if (pressed)
        {
            model.ApplyPressure();
        }
    }

    private static void Supervise(CoordinationModel model, BodySet set)
    {
        var design = set.Design;
        model.ScheduleTimer(TimerKind.SupervisionRound, model.Now + design.SupervisionInterval, set.Index);
        if (!set.Active)
        {
            return;
        }

        // Each inspection finds, in every body, the member desk with the longest queue and speeds it up for a while.
        foreach (var staffing in set.Staffing)
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

            if (laggard is { } slow && design.SupervisionBoost > 0)
            {
                model.ScaleDeskRate(slow, 1 + design.SupervisionBoost);
                model.ScheduleTimer(TimerKind.SupervisionEnds, model.Now + design.SupervisionDuration, slow.Value, set.Index);
            }
        }
    }

    private static void ScheduleDissolution(CoordinationModel model, BodySet set, int cycle)
    {
        var end = set.Lifecycle.DissolutionAt(cycle);
        if (double.IsFinite(end))
        {
            model.ScheduleTimer(TimerKind.BodyDissolves, end, set.Index, cycle);
        }
    }

    private static void Release(CoordinationModel model, BodySet set)
    {
        foreach (var staffing in set.Staffing)
        {
            model.ReleaseBody(staffing.Body.Id);
        }
    }

    private void DecideAtMeeting(CoordinationModel model, ItemId item, BodyId body)
    {
        var wait = model.Now - model.QueuedAtOf(item);
        model.AddMeetingWait(item, wait);
        model.LogVisit(item, _staffing[body.Value].Body.Chair, WorkRole.Decider, wait);
        DecideInBody(model, item, body, DecisionVenue.Meeting);
    }

    private void DecideInBody(CoordinationModel model, ItemId item, BodyId body, DecisionVenue venue)
    {
        model.PerturbDecision(item, _setOf[body.Value].DecisionSigma);
        var issue = model.IssueOf(item);
        model.MarkDecided(issue, venue);
        var required = model.RequiredDepartments(issue);

        // The body that referred the issue up carries out its parent's decision; otherwise the deciding body does.
        var executing = ExecutingBody(model, issue);
        var staffing = _staffing[executing.Value];
        var design = DesignOf(executing);
        for (var d = 0; d < Organisation.Departments; d++)
        {
            if ((required & (1UL << d)) == 0)
            {
                continue;
            }

            var branch = model.Branch(item, d);
            if (design.Function == BodyFunction.DecisionFocused || staffing.ExecutorDesks[d].Length == 0)
            {
                // The member head hears the decision (face to face at a meeting, in writing otherwise) and passes it down the chain.
                var executor = model.ExecutorOf(issue, d);
                model.SetTarget(branch, executor);
                model.SetExpectedShare(branch, CollectiveShare(model, issue, body));
                SendDown(model, branch, new PersonId(-1), Organisation.HeadOf(d), executor, venue == DecisionVenue.Meeting ? ChannelKind.Meeting : ChannelKind.Record);
            }
            else if (design.CoLocated || staffing.LiaisonDesks[d] is not { } liaison)
            {
                model.SetPhase(branch, RoutePhase.BodyExecute);
                model.SetRole(branch, WorkRole.Executor);
                model.SetExpectedShare(branch, ExecutorShare(model, issue, body));
                model.Send(branch, ExecutorDesk(model, issue, executing, d), ChannelKind.Lateral, HopDirection.Lateral);
            }
            else
            {
                // Not co-located: the department's liaison relays the decision to the executor.
                model.SetPhase(branch, RoutePhase.RelayToExecutor);
                model.SetRole(branch, WorkRole.Liaison);
                model.SetExpectedShare(branch, ExecutorShare(model, issue, body));
                model.Send(branch, liaison, ChannelKind.Relay, HopDirection.Down);
            }
        }

        model.Release(item);
    }

    private DeskId ExecutorDesk(CoordinationModel model, IssueId issue, BodyId body, int department)
    {
        var executors = _staffing[body.Value].ExecutorDesks[department];
        return executors[model.ExecutorOf(issue, department).Value % executors.Length];
    }

    /// <summary>The body that takes the issue: that of the first design, while its bodies work, whose scope the issue falls in; null when none does.</summary>
    private BodyId? BodyFor(CoordinationModel model, IssueId issue)
    {
        foreach (var set in _sets)
        {
            if (!set.Active)
            {
                continue;
            }

            var design = set.Design;
            var inScope = (design.CoversCrossDepartment && model.RequiredCount(issue) > 1) ||
                          (design.CoversEmergencies && (model.IsUrgent(issue) || model.IsCrisis(issue)));
            if (inScope && set.Covers(model.CategoryOf(issue), model.PrimaryDepartment(issue)))
            {
                return set.BodyFor(model.CategoryOf(issue), model.PrimaryDepartment(issue), model.RequiredDepartments(issue));
            }
        }

        return null;
    }

    /// <summary>
    /// Blame avoidance: a member head escalates an issue it would decide alone, to the first design whose bodies work
    /// and take escalations, when a draw falls below the base share or its perceived severity exceeds the threshold.
    /// The draw is made exactly when the first model made it. Returns the design escalated to, or null.
    /// </summary>
    private BodySet? Escalates(CoordinationModel model, ItemId item, PersonId person)
    {
        // Every hop up asks: the cheap test of where the issue stands first, then the first design that takes escalations.
        var issue = model.IssueOf(item);
        if (_escalationSets.Length == 0 || Organisation.LevelOf(person) != Organisation.Levels - 1 || !DecidesHere(model, issue, person))
        {
            return null;
        }

        BodySet? set = null;
        foreach (var candidate in _escalationSets)
        {
            if (candidate.Active && candidate.Covers(model.CategoryOf(issue), model.PrimaryDepartment(issue)))
            {
                set = candidate;
                break;
            }
        }

        if (set is null)
        {
            return null;
        }

        var design = set.Design;
        var byShare = design.EscalationShare > 0 && model.RoutingRandom.NextDouble() < design.EscalationShare;
        return byShare || model.PerceivedSeverity(item) > design.EscalationThreshold ? set : null;
    }

    /// <summary>The design of body <paramref name="body"/>.</summary>
    private BodyDesign DesignOf(BodyId body) => _setOf[body.Value].Design;

    /// <summary>The body that carries out the decision on the issue: the one that referred it up, or the one in charge.</summary>
    private static BodyId ExecutingBody(CoordinationModel model, IssueId issue) => model.ReferrerOf(issue) ?? model.BodyOf(issue)!.Value;

    private double CollectiveShare(CoordinationModel model, IssueId issue, BodyId body) =>
        DesignOf(body).Collectivity / (_staffing[body.Value].Body.Members.Count + NominalHandlers(model, issue));

    private double DeciderShare(CoordinationModel model, IssueId issue, BodyId body) =>
        CollectiveShare(model, issue, body) + ((1 - DesignOf(body).Collectivity) * DesignOf(body).DeciderShare);

    private double ExecutorShare(CoordinationModel model, IssueId issue, BodyId body) =>
        CollectiveShare(model, issue, body) + ((1 - DesignOf(body).Collectivity) * (1 - DesignOf(body).DeciderShare) / model.RequiredCount(issue));

    private double NominalHandlers(CoordinationModel model, IssueId issue) => 1 / NominalShare(model, issue);
}
