using CoordSim.Mechanisms;
using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// The routing of the grid platform (docs/model.md §4.8), step by step:
/// <list type="number">
/// <item>discover: the frontline grid member who finds the issue serves it, and solves and archives a share
/// <c>gridSolveShare</c> of the single-department routine issues there (decided on the line, carried out by the
/// grid member);</item>
/// <item>report: everything else (cross-department issues, emergencies, the rest) goes to a command centre officer
/// over the record channel (the digital platform);</item>
/// <item>dispose and assign: the officer sorts it and dispatches it, again over the record channel, to the official
/// of the primary department who decides single-department issues (the head by default), who decides it and sends
/// it down the chain;</item>
/// <item>a cross-department issue goes to the primary department's head, who consults the other heads as in the
/// hierarchy; what they cannot resolve between them (contested, or no agreement after the rounds) waits for the joint
/// conference of its category instead of going to a deputy or the government head, convened
/// <c>jointConferenceDelay</c> days after the first such issue; the conference takes the required departments' heads
/// from their desks and decides every issue of its category waiting then, each going down each required department's
/// chain;</item>
/// <item>close, revisit and evaluate: when a reported issue is carried out, the revisit finds it wrongly closed if
/// an executor acted on a picture more than <c>failureDistortion</c> wrong, and then reopens it with probability
/// <c>revisitCatch</c>: after <c>revisitDelay</c> days it goes back to the command centre with a fresh picture.</item>
/// </list>
/// Responsibility is the hierarchy's: equal over everyone who handled the issue, the command centre included.
/// </summary>
internal sealed class GridRouting : HierarchyRouting
{
    private const double MinutesPerDay = 480;

    private readonly GridSettings _grid;
    private readonly PersonId[] _centre;
    private readonly bool[] _isCentre;
    private readonly List<ItemId>[] _waiting;
    private readonly bool[] _convened;
    private readonly List<ItemId>[] _taken;
    private readonly double[] _conferenceEnds;

    /// <summary>Creates the routing over <paramref name="organisation"/> with the command centre officers <paramref name="centre"/>.</summary>
    public GridRouting(Organisation.Organisation organisation, HierarchySettings settings, GridSettings grid, PersonId[] centre)
        : base(organisation, settings)
    {
        _grid = grid;
        _centre = centre;
        _isCentre = new bool[organisation.PersonCount];
        foreach (var officer in centre)
        {
            _isCentre[officer.Value] = true;
        }

        var categories = Enum.GetValues<Workload.IssueCategory>().Length;
        _waiting = Enumerable.Range(0, categories).Select(_ => new List<ItemId>()).ToArray();
        _taken = Enumerable.Range(0, categories).Select(_ => new List<ItemId>()).ToArray();
        _convened = new bool[categories];
        _conferenceEnds = new double[categories];
    }

    /// <inheritdoc />
    public override bool Revisits => true;

    /// <inheritdoc />
    protected override int ExtraRelays => 1;

    /// <inheritdoc />
    public override void Discovered(CoordinationModel model, ItemId item)
    {
        base.Discovered(model, item);
        model.SetPhase(item, RoutePhase.Grid);
    }

    /// <inheritdoc />
    public override void Served(CoordinationModel model, ItemId item, DeskId desk)
    {
        var issue = model.IssueOf(item);
        var person = model.PersonAt(desk);
        switch (model.PhaseOf(item))
        {
            case RoutePhase.Grid:
                AtGrid(model, item, person);
                return;
            case RoutePhase.CommandCentre:
                Dispatch(model, item);
                return;
            default:
                base.Served(model, item, desk);
                return;
        }
    }

    /// <inheritdoc />
    public override void Received(CoordinationModel model, ItemId item)
    {
        if (model.PhaseOf(item) != RoutePhase.CommandCentre)
        {
            base.Received(model, item);
            return;
        }

        // A reopened issue arrives back from its revisit.
        model.SetRole(item, WorkRole.Relay);
        model.Enqueue(item, CentreDesk(model, model.IssueOf(item)));
    }

    /// <inheritdoc />
    public override void Timer(CoordinationModel model, TimerKind kind, int subject, int data)
    {
        switch (kind)
        {
            case TimerKind.SpecialMeeting:
                Conference(model, subject);
                break;
            case TimerKind.MeetingEnds:
                Conclude(model, subject);
                break;
        }
    }

    /// <summary>
    /// Close, revisit, evaluate: a reported issue carried out on a picture more than <c>failureDistortion</c> wrong is
    /// reopened with probability <c>revisitCatch</c> (one draw on the routing stream for each such issue).
    /// </summary>
    public override bool Closing(CoordinationModel model, ItemId lastBranch)
    {
        var issue = model.IssueOf(lastBranch);
        if (_grid.RevisitCatch <= 0 || !(model.WorstDistortionOf(issue) > _grid.FailureDistortion) || !Reported(model, issue))
        {
            return false;
        }

        if (!(model.RoutingRandom.NextDouble() < _grid.RevisitCatch))
        {
            return false;
        }

        model.Reopen(lastBranch);
        model.SetPhase(lastBranch, RoutePhase.CommandCentre);
        model.SetRole(lastBranch, WorkRole.Reporter);
        model.SendToRouting(lastBranch, ChannelKind.Record, HopDirection.Up, _grid.RevisitDelay);
        return true;
    }

    /// <summary>The discovering grid member solves and archives a share of the single-department routine issues, and reports the rest.</summary>
    private void AtGrid(CoordinationModel model, ItemId item, PersonId grid)
    {
        var issue = model.IssueOf(item);
        var draw = model.RoutingRandom.NextDouble();
        if (model.RequiredCount(issue) == 1 && !model.IsUrgent(issue) && draw < _grid.SolveShare)
        {
            Decide(model, item, grid, DecisionVenue.Line);
            return;
        }

        model.SetPhase(item, RoutePhase.CommandCentre);
        model.SetRole(item, WorkRole.Relay);
        model.Send(item, CentreDesk(model, issue), ChannelKind.Record, HopDirection.Up);
    }

    /// <summary>The command centre dispatches the record to the primary department: to whoever decides a single-department issue, or to the head.</summary>
    private void Dispatch(CoordinationModel model, ItemId item)
    {
        var issue = model.IssueOf(item);
        var level = model.RequiredCount(issue) > 1 ? Organisation.Levels - 1 : DecisionLevel;
        var target = Organisation.AncestorAt(model.DiscovererOf(issue), level);
        model.SetPhase(item, RoutePhase.Up);
        model.SetRole(item, RoleAt(model, issue, target, WorkRole.Relay));
        model.Send(item, HomeDesk(target), ChannelKind.Record, HopDirection.Down);
    }

    /// <inheritdoc />
    protected override void ContestedAtHead(CoordinationModel model, ItemId item, PersonId head) => ToConference(model, item);

    /// <inheritdoc />
    protected override void Deadlocked(CoordinationModel model, ItemId trunk, DeskId coordinator) => ToConference(model, trunk);

    /// <summary>The departments cannot resolve a cross-department issue between them (contested, or the consultation deadlocked): it waits for the joint conference of its category.</summary>
    private void ToConference(CoordinationModel model, ItemId item)
    {
        var category = model.CategoryOf(model.IssueOf(item));
        model.SetPhase(item, RoutePhase.JointConference);
        model.MarkQueued(item);
        _waiting[category].Add(item);
        if (!_convened[category])
        {
            _convened[category] = true;
            model.ScheduleTimer(TimerKind.SpecialMeeting, model.Now + _grid.ConferenceDelay, category);
        }
    }

    /// <summary>
    /// A joint conference: takes every issue of its category waiting now, and the required departments' heads for its
    /// length (one that falls while the last is sitting follows it).
    /// </summary>
    private void Conference(CoordinationModel model, int category)
    {
        if (_taken[category].Count > 0)
        {
            // The conference of this category is still sitting: the next one follows it.
            model.ScheduleTimer(TimerKind.SpecialMeeting, _conferenceEnds[category], category);
            return;
        }

        _convened[category] = false;
        var taken = _taken[category];
        taken.AddRange(_waiting[category]);
        _waiting[category].Clear();
        model.CountMeeting();
        var length = _grid.MeetingDuration + (taken.Count * _grid.MinutesPerItem / MinutesPerDay);
        if (length <= 0)
        {
            Conclude(model, category);
            return;
        }

        // The heads of every department an issue taken needs, each once, in department order.
        ulong departments = 0;
        foreach (var item in taken)
        {
            departments |= model.RequiredDepartments(model.IssueOf(item));
        }

        for (var d = 0; d < Organisation.Departments; d++)
        {
            if ((departments & (1UL << d)) != 0)
            {
                model.CallAway(Organisation.HeadOf(d), length, Attendance.Meeting);
            }
        }

        _conferenceEnds[category] = model.Now + length;
        model.ScheduleTimer(TimerKind.MeetingEnds, _conferenceEnds[category], category);
    }

    /// <summary>The conference ends: each issue it took is decided, and goes down each required department's chain from the head who heard it.</summary>
    private void Conclude(CoordinationModel model, int category)
    {
        foreach (var item in _taken[category])
        {
            var issue = model.IssueOf(item);
            var wait = model.Now - model.QueuedAtOf(item);
            model.AddMeetingWait(item, wait);
            model.LogVisit(item, Organisation.HeadOf(model.PrimaryDepartment(issue)), WorkRole.Decider, wait);
            Decide(model, item, new PersonId(-1), DecisionVenue.Meeting, toEveryHead: true, ChannelKind.Meeting);
        }

        _taken[category].Clear();
    }

    /// <summary>The command centre officer who takes the issue's records.</summary>
    private DeskId CentreDesk(CoordinationModel model, IssueId issue) => HomeDesk(_centre[(int)(model.IdOf(issue) % _centre.Length)]);

    /// <summary>True when the issue was reported to the command centre (a centre officer is in its hand-over log).</summary>
    private bool Reported(CoordinationModel model, IssueId issue)
    {
        for (var i = 0; i < model.LogCount(issue); i++)
        {
            if (_isCentre[model.LogAt(issue, i).Person.Value])
            {
                return true;
            }
        }

        return false;
    }
}
