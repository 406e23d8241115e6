using System.Numerics;
using CoordSim.Engine;
using CoordSim.Metrics;
using CoordSim.Organisation;
using CoordSim.Workload;

namespace CoordSim.Mechanisms;

/// <summary>
/// One run of the coordination model: the event loop over desks (queues with servers), work
/// items moving between them through channels, coordination bodies' agendas, and the per-issue
/// ledgers that feed the measures. A <see cref="RoutingPolicy"/> decides the routes. Everything
/// lives in arrays indexed by int ids and grows only while the number of in-flight items grows;
/// in steady state an event allocates nothing.
/// </summary>
public sealed partial class CoordinationModel
{
    private const int EventArrival = 1;
    private const int EventServiceDone = 2;
    private const int EventDelivered = 3;
    private const int EventMeeting = 4;
    private const int EventTimer = 5;
    private const int EventReachedBody = 6;
    private const int None = -1;

    private readonly Parameters _p;
    private readonly RoutingPolicy _policy;
    private readonly EventQueue _events = new(4096);
    private readonly IssueStream _stream;
    private readonly RandomStream _serviceRandom;
    private readonly RandomStream _channelRandom;
    private readonly ServiceTime _serviceTime;
    private readonly ChannelSettings[] _channels;
    private readonly IIssueObserver? _observer;
    private readonly AccountabilityWeights _weights = new();
    private readonly RunAccumulator _accumulator;
    private readonly int _m;
    private readonly int _departments;
    private readonly double _alpha;
    private readonly bool _urgentFirst;

    // Desks.
    private readonly int[] _deskPerson;
    private readonly double[] _deskRate;
    private readonly double[] _deskShare;
    private readonly int[] _deskBusy;
    private readonly int[] _deskHead;
    private readonly int[] _deskTail;
    private readonly int[] _deskUrgentHead;
    private readonly int[] _deskUrgentTail;
    private readonly double[] _deskBusyTime;
    private readonly long[] _deskVisits;
    private readonly double[] _deskSojourn;
    private readonly double[] _deskArea;
    private readonly double[] _deskLastChange;
    private readonly int[] _deskInSystem;
    private readonly int _servers;

    // Work items (linked into desk queues through Next).
    private WorkItem[] _items = new WorkItem[256];
    private int _freeItem = None;
    private int _itemCount;

    // In-flight issues.
    private IssueState[] _issues = new IssueState[128];
    private int _freeIssue = None;
    private int _issueCount;
    private int[] _executorPosition;

    // State vectors: one slot = m doubles plus a lost-facts mask.
    private double[] _state;
    private ulong[] _lost;
    private int[] _freeSlots;
    private int _freeSlotCount;
    private int _slotCount;

    // Handler logs: a fixed stride of entries per issue slot.
    private int _logStride;
    private LogEntry[] _log;

    private long _arrivalsScheduled;
    private bool _arrivalsStopped;
    private int _active;
    private int _meetings;
    private bool _ran;

    /// <summary>Creates a run over <paramref name="organisation"/> with routing <paramref name="policy"/>.</summary>
    public CoordinationModel(Organisation.Organisation organisation, Parameters parameters, RoutingPolicy policy, long seed, IIssueObserver? observer = null)
    {
        Organisation = organisation;
        _p = parameters;
        _policy = policy;
        Seed = seed;
        _observer = observer;
        _m = parameters.StateDimensions;
        _departments = parameters.Departments;
        _alpha = parameters.EffortElasticity;
        _urgentFirst = parameters.QueueDiscipline == QueueDiscipline.UrgentFirst;
        _servers = parameters.ServersPerPerson;
        _stream = new IssueStream(parameters, seed);
        _serviceRandom = new RandomStream(SeedDerivation.ForPurpose(seed, StreamPurpose.Service));
        _channelRandom = new RandomStream(SeedDerivation.ForPurpose(seed, StreamPurpose.Channel));
        RoutingRandom = new RandomStream(SeedDerivation.ForPurpose(seed, StreamPurpose.Routing));
        DecisionRandom = new RandomStream(SeedDerivation.ForPurpose(seed, StreamPurpose.Decision));
        _serviceTime = new ServiceTime(parameters.ServiceDistribution, parameters.ServiceCv);
        _channels = new ChannelSettings[Enum.GetValues<ChannelKind>().Length];
        SetChannel(ChannelKind.Relay, new ChannelSettings(parameters.TransmissionDelay, parameters.NoiseSigma, parameters.DropProbability));
        SetChannel(ChannelKind.Meeting, new ChannelSettings(0, parameters.MeetingNoiseSigma, parameters.MeetingDropProbability));
        SetChannel(ChannelKind.Record, new ChannelSettings(parameters.RecordDelay, parameters.RecordNoiseSigma, parameters.RecordDropProbability));
        SetChannel(ChannelKind.Lateral, new ChannelSettings(parameters.LateralDelay, parameters.LateralNoiseSigma, parameters.LateralDropProbability));
        SetChannel(ChannelKind.Liaison, new ChannelSettings(parameters.LateralDelay, parameters.NoiseSigma, parameters.DropProbability));
        _accumulator = new RunAccumulator(parameters);

        var desks = organisation.DeskCount;
        _deskPerson = new int[desks];
        _deskRate = new double[desks];
        _deskShare = new double[desks];
        _deskBusy = new int[desks];
        _deskHead = new int[desks];
        _deskTail = new int[desks];
        _deskUrgentHead = new int[desks];
        _deskUrgentTail = new int[desks];
        _deskBusyTime = new double[desks];
        _deskVisits = new long[desks];
        _deskSojourn = new double[desks];
        _deskArea = new double[desks];
        _deskLastChange = new double[desks];
        _deskInSystem = new int[desks];
        for (var d = 0; d < desks; d++)
        {
            var desk = organisation.Desk(d);
            _deskPerson[d] = desk.Person;
            _deskShare[d] = desk.Share;
            _deskRate[d] = organisation.ServiceRateOf(desk.Person) * desk.Share;
            _deskHead[d] = _deskTail[d] = _deskUrgentHead[d] = _deskUrgentTail[d] = None;
        }

        _executorPosition = new int[_issues.Length * _departments];
        _slotCount = 0;
        _state = new double[256 * _m];
        _lost = new ulong[256];
        _freeSlots = new int[256];
        // Room for the usual route (up the line, then down each required department); a longer log grows (GrowLog).
        _logStride = (organisation.Levels + 1) * (Math.Min(parameters.MaxDepartmentsPerIssue, parameters.Departments) + 1);
        _log = new LogEntry[_issues.Length * _logStride];
    }

    /// <summary>The organisation being simulated.</summary>
    public Organisation.Organisation Organisation { get; }

    /// <summary>The parameters of the run.</summary>
    public Parameters Parameters => _p;

    /// <summary>The run seed.</summary>
    public long Seed { get; }

    /// <summary>Current simulated time (days).</summary>
    public double Now => _events.Now;

    /// <summary>Random stream for routing choices (for example escalation).</summary>
    public RandomStream RoutingRandom { get; }

    /// <summary>Random stream for decision error.</summary>
    public RandomStream DecisionRandom { get; }

    /// <summary>Sets the delay, noise and loss of a channel kind (structures call this in <see cref="RoutingPolicy.Initialise"/>).</summary>
    public void SetChannel(ChannelKind kind, ChannelSettings settings) => _channels[(int)kind] = settings;

    /// <summary>The settings of a channel kind.</summary>
    public ChannelSettings ChannelOf(ChannelKind kind) => _channels[(int)kind];

    /// <summary>Multiplies the service rate of <paramref name="desk"/> (for example effort raised by supervision).</summary>
    public void ScaleDeskRate(int desk, double factor) => _deskRate[desk] *= factor;

    /// <summary>The current service rate of <paramref name="desk"/> (items/day).</summary>
    public double DeskRate(int desk) => _deskRate[desk];

    /// <summary>Runs the simulation to the horizon and returns the measures.</summary>
    public RunResult Run(string structureName)
    {
        if (_ran)
        {
            throw new InvalidOperationException("A model runs once; create a new one for another run.");
        }

        _ran = true;
        _policy.Initialise(this);
        ScheduleNextArrival();
        var horizon = _p.HorizonDays;
        while (_events.TryPop(horizon, out var e))
        {
            switch (e.Kind)
            {
                case EventArrival:
                    OnArrival(e.Subject);
                    break;
                case EventServiceDone:
                    OnServiceDone(e.Subject, e.Data);
                    break;
                case EventDelivered:
                    Enqueue(e.Data, e.Subject);
                    break;
                case EventMeeting:
                    _policy.Meeting(this, e.Subject);
                    break;
                case EventTimer:
                    _policy.Timer(this, e.Subject, e.Data);
                    break;
                case EventReachedBody:
                    _items[e.Data].QueuedAt = _events.Now;
                    _policy.ReachedBody(this, e.Data, e.Subject);
                    break;
            }

            if (_arrivalsStopped && _active == 0)
            {
                break;
            }
        }

        var end = _arrivalsStopped && _active == 0 ? _events.Now : horizon;
        _events.AdvanceTo(Math.Max(end, _events.Now));
        CloseBusyTime(end);
        var utilisation = Utilisation.Summarise(Organisation, _deskShare, _deskBusyTime, _servers, end, out var staffDays, out var secondedDays);
        return _accumulator.Finish(structureName, Seed, utilisation, staffDays, secondedDays, end, _events.Processed, _meetings, CountPending());
    }

    // ------------------------------------------------------------------ operations for policies

    /// <summary>Schedules meeting of <paramref name="body"/> at absolute time <paramref name="time"/>.</summary>
    public void ScheduleMeeting(int body, double time) => _events.Schedule(time, EventMeeting, body);

    /// <summary>Schedules a policy timer at absolute time <paramref name="time"/>.</summary>
    public void ScheduleTimer(double time, int subject, int data = 0) => _events.Schedule(time, EventTimer, subject, data);

    /// <summary>The issue a work item belongs to.</summary>
    public int IssueOf(int item) => _items[item].Issue;

    /// <summary>The department branch of a work item, or −1 before the decision forks it.</summary>
    public int BranchOf(int item) => _items[item].Branch;

    /// <summary>Policy-defined phase of a work item.</summary>
    public int PhaseOf(int item) => _items[item].Phase;

    /// <summary>Sets the policy-defined phase of a work item.</summary>
    public void SetPhase(int item, int phase) => _items[item].Phase = (byte)phase;

    /// <summary>Policy-defined target of a work item (for example the executor it is heading for).</summary>
    public int TargetOf(int item) => _items[item].Target;

    /// <summary>Sets the policy-defined target of a work item.</summary>
    public void SetTarget(int item, int target) => _items[item].Target = target;

    /// <summary>Sets the role recorded for the work item's next visit.</summary>
    public void SetRole(int item, WorkRole role) => _items[item].Role = role;

    /// <summary>Sets the responsibility share the next handler of the item expects (drives effort w^α).</summary>
    public void SetExpectedShare(int item, double share) => _items[item].Share = share;

    /// <summary>Person at a desk.</summary>
    public int PersonAt(int desk) => _deskPerson[desk];

    /// <summary>The issue's primary department.</summary>
    public int PrimaryDepartment(int issue) => _issues[issue].Primary;

    /// <summary>Bit mask of the departments the issue requires.</summary>
    public ulong RequiredDepartments(int issue) => _issues[issue].Required;

    /// <summary>Number of departments the issue requires.</summary>
    public int RequiredCount(int issue) => BitOperations.PopCount(_issues[issue].Required);

    /// <summary>True for an emergency.</summary>
    public bool IsUrgent(int issue) => _issues[issue].Urgent;

    /// <summary>Category index of the issue.</summary>
    public int CategoryOf(int issue) => _issues[issue].Category;

    /// <summary>The discovering frontline person.</summary>
    public int DiscovererOf(int issue) => _issues[issue].Discoverer;

    /// <summary>The frontline executor of department <paramref name="department"/> for the issue.</summary>
    public int ExecutorOf(int issue, int department) =>
        Organisation.Frontline(department, _executorPosition[(issue * _departments) + department] % Organisation.FrontlineCount(department));

    /// <summary>Marks the issue as escalated for cover (it will count in the agenda's escalated share).</summary>
    public void MarkEscalated(int issue) => _issues[issue].Escalated = true;

    /// <summary>Counts one item put on a body's agenda (for the escalated share of the agenda).</summary>
    public void CountAgendaItem(int issue) => _accumulator.CountAgendaItem(_issues[issue].Escalated);

    /// <summary>Sum of the accountability weights of the issue resolved last (1 after normalisation); for tests.</summary>
    internal double LastWeightTotal => _weights.Total();

    /// <summary>Counts a meeting that was held.</summary>
    public void CountMeeting() => _meetings++;

    /// <summary>Records that body <paramref name="body"/> took charge of the issue.</summary>
    public void SetBodyOf(int issue, int body) => _issues[issue].Body = body;

    /// <summary>The body that took charge of the issue, or −1 when it followed the hierarchy.</summary>
    public int BodyOf(int issue) => _issues[issue].Body;

    /// <summary>Items waiting or in service at <paramref name="desk"/>.</summary>
    public int QueueLength(int desk) => _deskInSystem[desk];

    /// <summary>True when the issue was escalated for cover.</summary>
    public bool IsEscalated(int issue) => _issues[issue].Escalated;

    /// <summary>Puts a work item into the queue of <paramref name="desk"/> now, with no hand-over (same person).</summary>
    public void Enqueue(int item, int desk)
    {
        ref var it = ref _items[item];
        it.Desk = desk;
        it.QueuedAt = _events.Now;
        _deskVisits[desk]++;
        ChangeInSystem(desk, +1);
        if (_deskBusy[desk] < _servers)
        {
            StartService(item, desk);
            return;
        }

        it.Next = None;
        if (_urgentFirst && _issues[it.Issue].Urgent)
        {
            if (_deskUrgentTail[desk] == None)
            {
                _deskUrgentHead[desk] = item;
            }
            else
            {
                _items[_deskUrgentTail[desk]].Next = item;
            }

            _deskUrgentTail[desk] = item;
        }
        else
        {
            if (_deskTail[desk] == None)
            {
                _deskHead[desk] = item;
            }
            else
            {
                _items[_deskTail[desk]].Next = item;
            }

            _deskTail[desk] = item;
        }
    }

    /// <summary>
    /// Hands a work item from its current holder to <paramref name="desk"/> over a channel of
    /// <paramref name="kind"/>: applies the channel's distortion (noise scaled by the sender's care),
    /// counts the hop, and delivers the item after the channel's delay.
    /// </summary>
    public void Send(int item, int desk, ChannelKind kind, HopDirection direction)
    {
        var channel = HandOver(item, kind, direction);
        ref var it = ref _items[item];
        if (channel.Delay > 0)
        {
            it.Transmission += channel.Delay;
            _events.ScheduleIn(channel.Delay, EventDelivered, desk, item);
        }
        else
        {
            Enqueue(item, desk);
        }
    }

    /// <summary>
    /// Hands a work item to coordination body <paramref name="body"/> (its office or agenda) over a
    /// channel of <paramref name="kind"/>; after the channel's delay the policy's
    /// <see cref="RoutingPolicy.ReachedBody"/> is called with the item stamped as queued at that time.
    /// </summary>
    public void SendToBody(int item, int body, ChannelKind kind, HopDirection direction)
    {
        var channel = HandOver(item, kind, direction);
        ref var it = ref _items[item];
        it.Transmission += channel.Delay;
        _events.ScheduleIn(channel.Delay, EventReachedBody, body, item);
    }

    /// <summary>
    /// The information side of one hand-over: applies the channel's distortion to the item's known state (noise
    /// scaled by the sender's care), attributes the error to the sender and counts the hop.
    /// </summary>
    private ChannelSettings HandOver(int item, ChannelKind kind, HopDirection direction)
    {
        ref var it = ref _items[item];
        var channel = _channels[(int)kind];
        var care = Effort(it.Share);
        var scale = direction == HopDirection.Up ? 1 - _p.UpwardBias : 1.0;
        var error = Channel.Transmit(_state.AsSpan(it.Slot * _m, _m), ref _lost[it.Slot], channel.Sigma / care, channel.Drop, scale, _channelRandom);
        AttributeError(item, error);
        it.Hops++;
        return channel;
    }

    /// <summary>Time the item joined its current queue or agenda.</summary>
    public double QueuedAtOf(int item) => _items[item].QueuedAt;

    /// <summary>
    /// Forks a decided item into a branch for <paramref name="department"/>: a new work item with
    /// its own copy of the known state and of the time spent so far. The parent stays valid; release
    /// it with <see cref="Release"/> when every branch is made.
    /// </summary>
    public int Branch(int parent, int department)
    {
        var child = AllocateItem();
        ref var p = ref _items[parent];
        ref var c = ref _items[child];
        c = p;
        c.Branch = department;
        c.Next = None;
        c.Slot = AllocateSlot();
        _state.AsSpan(p.Slot * _m, _m).CopyTo(_state.AsSpan(c.Slot * _m, _m));
        _lost[c.Slot] = _lost[p.Slot];
        _issues[p.Issue].PendingBranches++;
        return child;
    }

    /// <summary>Releases a work item that has been replaced by its branches (it no longer counts as an open branch).</summary>
    public void Release(int item)
    {
        _issues[_items[item].Issue].PendingBranches--;
        Discard(item);
    }

    private void Discard(int item)
    {
        FreeSlot(_items[item].Slot);
        FreeItem(item);
    }

    /// <summary>Records time a work item spent on a body's agenda (added to its meeting wait).</summary>
    public void AddMeetingWait(int item, double days) => _items[item].MeetingWait += days;

    /// <summary>Records a visit of <paramref name="person"/> that took <paramref name="delay"/> days outside a desk queue (for example a meeting).</summary>
    public void LogVisit(int item, int person, WorkRole role, double delay) => AppendLog(item, person, role, delay);

    /// <summary>Adds a noise-only perturbation of the decision (decision error) to the item's known state.</summary>
    public void PerturbDecision(int item, double sigma)
    {
        if (sigma <= 0)
        {
            return;
        }

        ref var it = ref _items[item];
        var error = Channel.Transmit(_state.AsSpan(it.Slot * _m, _m), ref _lost[it.Slot], sigma, 0, 1, DecisionRandom);
        AttributeError(item, error);
    }

    /// <summary>The executor has acted on a branch: measures its distortion and closes the issue when it was the last branch.</summary>
    public void CompleteBranch(int item)
    {
        ref var it = ref _items[item];
        ref var issue = ref _issues[it.Issue];
        var known = _state.AsSpan(it.Slot * _m, _m);
        var truth = _state.AsSpan(issue.TrueSlot * _m, _m);
        double diff = 0, norm = 0;
        for (var j = 0; j < _m; j++)
        {
            var e = known[j] - truth[j];
            diff += e * e;
            norm += truth[j] * truth[j];
        }

        var relative = norm > 0 ? Math.Sqrt(diff / norm) : Math.Sqrt(diff);
        issue.DistortionSum += relative;
        // Signed in the direction of the truth: negative when the severity reached the executor understated.
        issue.BiasSum += (known[0] - truth[0]) * Math.Sign(truth[0]);
        issue.LostSum += (double)BitOperations.PopCount(_lost[it.Slot]) / _m;
        issue.HopsSum += it.Hops;
        issue.Executors++;
        if (relative > issue.WorstDistortion || issue.WorstBranch == None)
        {
            issue.WorstDistortion = relative;
            issue.WorstBranch = it.Branch;
        }

        // Events complete in time order, so the last branch to finish is the critical one.
        issue.CriticalBranch = it.Branch;
        issue.Queueing = it.Queueing;
        issue.Service = it.Service;
        issue.MeetingWait = it.MeetingWait;
        issue.Transmission = it.Transmission;
        var issueIndex = it.Issue;
        Discard(item);
        if (--_issues[issueIndex].PendingBranches == 0)
        {
            FinishIssue(issueIndex);
        }
    }

    /// <summary>Number of handler-log entries of an issue.</summary>
    public int LogCount(int issue) => _issues[issue].LogCount;

    /// <summary>The i-th handler-log entry of an issue.</summary>
    public LogEntry LogAt(int issue, int i) => _log[(issue * _logStride) + i];

    // ------------------------------------------------------------------ events

    private void ScheduleNextArrival()
    {
        if (_p.MaxIssues > 0 && _arrivalsScheduled >= _p.MaxIssues)
        {
            _arrivalsStopped = true;
            return;
        }

        // The arrival is generated now (drawing its attributes) and released when its time comes.
        var slot = AllocateIssue();
        ref var issue = ref _issues[slot];
        issue.TrueSlot = AllocateSlot();
        var spec = _stream.Next(_state.AsSpan(issue.TrueSlot * _m, _m), _executorPosition.AsSpan(slot * _departments, _departments));
        _arrivalsScheduled++;
        issue.Id = spec.Id;
        issue.Arrival = spec.Arrival;
        issue.Deadline = spec.Deadline;
        issue.Category = (int)spec.Category;
        issue.Primary = spec.PrimaryDepartment;
        issue.Required = spec.RequiredDepartments;
        issue.Urgent = spec.Urgent;
        issue.Discoverer = Organisation.Frontline(spec.PrimaryDepartment, spec.DiscovererPosition % Organisation.FrontlineCount(spec.PrimaryDepartment));
        issue.Measured = spec.Arrival >= _p.WarmupDays;
        if (spec.Arrival > _p.HorizonDays)
        {
            // Beyond the horizon: never discovered; give the slots back.
            FreeSlot(issue.TrueSlot);
            FreeIssue(slot);
            _arrivalsStopped = true;
            return;
        }

        _events.Schedule(spec.Arrival, EventArrival, slot);
    }

    private void OnArrival(int slot)
    {
        _active++;
        if (_issues[slot].Measured)
        {
            _accumulator.Arrived++;
        }

        var item = AllocateItem();
        ref var it = ref _items[item];
        it = default;
        it.Issue = slot;
        it.Branch = None;
        it.Next = None;
        it.LastLog = None;
        it.Share = 1;
        it.Role = WorkRole.Reporter;
        it.Slot = AllocateSlot();
        _state.AsSpan(_issues[slot].TrueSlot * _m, _m).CopyTo(_state.AsSpan(it.Slot * _m, _m));
        _lost[it.Slot] = 0;
        _issues[slot].PendingBranches = 1;
        ScheduleNextArrival();
        _policy.Discovered(this, item);
    }

    private void StartService(int item, int desk)
    {
        ref var it = ref _items[item];
        var now = _events.Now;
        it.Queueing += now - it.QueuedAt;
        it.ServiceStart = now;
        it.Desk = desk;
        it.InService = true;
        _deskBusy[desk]++;
        var duration = _serviceTime.Sample(_deskRate[desk] * Effort(it.Share), _serviceRandom);
        _events.ScheduleIn(duration, EventServiceDone, desk, item);
    }

    private void OnServiceDone(int desk, int item)
    {
        ref var it = ref _items[item];
        var now = _events.Now;
        var duration = now - it.ServiceStart;
        it.Service += duration;
        it.InService = false;
        _deskBusyTime[desk] += duration;
        _deskBusy[desk]--;
        _deskSojourn[desk] += now - it.QueuedAt;
        ChangeInSystem(desk, -1);
        AppendLog(item, _deskPerson[desk], it.Role, (now - it.QueuedAt));

        // Free the server first so that an item the policy sends back to this desk queues fairly.
        var next = Dequeue(desk);
        if (next != None)
        {
            StartService(next, desk);
        }

        _policy.Served(this, item, desk);
    }

    private int Dequeue(int desk)
    {
        var item = _deskUrgentHead[desk];
        if (item != None)
        {
            _deskUrgentHead[desk] = _items[item].Next;
            if (_deskUrgentHead[desk] == None)
            {
                _deskUrgentTail[desk] = None;
            }

            return item;
        }

        item = _deskHead[desk];
        if (item != None)
        {
            _deskHead[desk] = _items[item].Next;
            if (_deskHead[desk] == None)
            {
                _deskTail[desk] = None;
            }
        }

        return item;
    }

    /// <summary>
    /// Open issues counted from the ledger itself (not from arrived − resolved), so the no-issue-lost property
    /// checks the bookkeeping. An arrival drawn beyond the horizon is freed at once, so every issue still in use
    /// at the end has been discovered.
    /// </summary>
    private long CountPending()
    {
        long pending = 0;
        for (var i = 0; i < _issueCount; i++)
        {
            if (_issues[i].InUse && _issues[i].Measured)
            {
                pending++;
            }
        }

        return pending;
    }

    private void ChangeInSystem(int desk, int delta)
    {
        var now = _events.Now;
        _deskArea[desk] += _deskInSystem[desk] * (now - _deskLastChange[desk]);
        _deskLastChange[desk] = now;
        _deskInSystem[desk] += delta;
    }

    /// <summary>
    /// Queue statistics of one desk after the run: completed visits, their mean sojourn (queue plus
    /// service), the time-average number of items at the desk and its busy fraction. Little's law
    /// says MeanInSystem ≈ (Visits / elapsed) × MeanSojourn.
    /// </summary>
    public DeskReport ReportDesk(int desk)
    {
        var elapsed = _events.Now;
        var area = _deskArea[desk] + (_deskInSystem[desk] * (elapsed - _deskLastChange[desk]));
        var completed = _deskVisits[desk] - _deskInSystem[desk];
        return new DeskReport(
            desk,
            completed,
            completed > 0 ? _deskSojourn[desk] / completed : double.NaN,
            elapsed > 0 ? area / elapsed : 0,
            elapsed > 0 ? _deskBusyTime[desk] / (elapsed * _servers) : 0);
    }

    /// <summary>Smallest share effort is computed from: a person without named responsibility still works as if holding 5%.</summary>
    public const double MinimumEffortShare = 0.05;

    private double Effort(double share) => _alpha == 0 ? 1.0 : Math.Pow(Math.Clamp(share, MinimumEffortShare, 1.0), _alpha);

    private void FinishIssue(int slot)
    {
        ref var issue = ref _issues[slot];
        _active--;
        if (issue.Measured)
        {
            _weights.Clear();
            _policy.AssignResponsibility(this, slot, _weights);
            _weights.Normalise();
            var latency = _events.Now - issue.Arrival;
            var executors = Math.Max(1, issue.Executors);
            var distortion = issue.DistortionSum / executors;
            var missed = _events.Now > issue.Deadline;
            var failed = missed || issue.WorstDistortion > _p.FailureDistortion;
            var culpritWeight = double.NaN;
            if (failed)
            {
                var culprit = missed ? Culprit(slot, issue.CriticalBranch, byDelay: true) : Culprit(slot, issue.WorstBranch, byDelay: false);
                culpritWeight = culprit == None ? 0 : _weights.WeightOf(culprit);
            }

            var outcome = new IssueOutcome(
                issue.Id,
                issue.Arrival,
                issue.Category,
                BitOperations.PopCount(issue.Required),
                issue.Urgent,
                latency,
                issue.Queueing,
                issue.Service,
                issue.MeetingWait,
                issue.Transmission,
                distortion,
                issue.BiasSum / executors,
                issue.LostSum / executors,
                issue.HopsSum / executors,
                _weights.EffectiveCount(),
                _weights.Entropy(),
                missed,
                failed,
                culpritWeight,
                issue.Escalated);
            _accumulator.Add(outcome);
            _observer?.OnResolved(outcome);
        }

        FreeSlot(issue.TrueSlot);
        FreeIssue(slot);
    }

    private int Culprit(int slot, int branch, bool byDelay)
    {
        var best = None;
        var bestValue = double.NegativeInfinity;
        var start = slot * _logStride;
        for (var i = 0; i < _issues[slot].LogCount; i++)
        {
            ref var e = ref _log[start + i];
            if (e.Branch != None && e.Branch != branch)
            {
                continue;
            }

            var value = byDelay ? e.Delay : e.Error;
            if (value > bestValue)
            {
                bestValue = value;
                best = e.Person;
            }
        }

        return best;
    }

    private void AppendLog(int item, int person, WorkRole role, double delay)
    {
        ref var it = ref _items[item];
        ref var issue = ref _issues[it.Issue];
        if (issue.LogCount == _logStride)
        {
            GrowLog();
        }

        var index = issue.LogCount++;
        _log[(it.Issue * _logStride) + index] = new LogEntry(person, it.Branch, role, delay, 0);
        it.LastLog = index;
    }

    private void AttributeError(int item, double error)
    {
        ref var it = ref _items[item];
        if (it.LastLog == None)
        {
            return;
        }

        var start = it.Issue * _logStride;
        ref var last = ref _log[start + it.LastLog];
        if (last.Branch != it.Branch)
        {
            // First hand-over of a new branch: the sender answers for it on that branch.
            AppendLog(item, last.Person, last.Role, 0);
            var fresh = (it.Issue * _logStride) + it.LastLog;
            _log[fresh] = _log[fresh] with { Error = error };
            return;
        }

        _log[start + it.LastLog] = last with { Error = last.Error + error };
    }

    private void GrowLog()
    {
        var stride = _logStride * 2;
        var grown = new LogEntry[_issues.Length * stride];
        for (var s = 0; s < _issues.Length; s++)
        {
            Array.Copy(_log, s * _logStride, grown, s * stride, _logStride);
        }

        _log = grown;
        _logStride = stride;
    }

    private void CloseBusyTime(double end)
    {
        for (var i = 0; i < _itemCount; i++)
        {
            if (_items[i].InService && _items[i].Issue != None)
            {
                _deskBusyTime[_items[i].Desk] += Math.Max(0, end - _items[i].ServiceStart);
            }
        }
    }

    // ------------------------------------------------------------------ pools

    private int AllocateItem()
    {
        if (_freeItem != None)
        {
            var i = _freeItem;
            _freeItem = _items[i].Next;
            _items[i].Issue = None;
            return i;
        }

        if (_itemCount == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        return _itemCount++;
    }

    private void FreeItem(int item)
    {
        _items[item].Issue = None;
        _items[item].InService = false;
        _items[item].Next = _freeItem;
        _freeItem = item;
    }

    private int AllocateIssue()
    {
        int slot;
        if (_freeIssue != None)
        {
            slot = _freeIssue;
            _freeIssue = _issues[slot].NextFree;
        }
        else
        {
            if (_issueCount == _issues.Length)
            {
                var size = _issues.Length * 2;
                Array.Resize(ref _issues, size);
                Array.Resize(ref _executorPosition, size * _departments);
                Array.Resize(ref _log, size * _logStride);
            }

            slot = _issueCount++;
        }

        _issues[slot] = default;
        _issues[slot].InUse = true;
        _issues[slot].WorstBranch = None;
        _issues[slot].CriticalBranch = None;
        _issues[slot].Body = None;
        return slot;
    }

    private void FreeIssue(int slot)
    {
        _issues[slot].InUse = false;
        _issues[slot].NextFree = _freeIssue;
        _freeIssue = slot;
    }

    private int AllocateSlot()
    {
        if (_freeSlotCount > 0)
        {
            return _freeSlots[--_freeSlotCount];
        }

        if (_slotCount == _lost.Length)
        {
            var size = _lost.Length * 2;
            Array.Resize(ref _lost, size);
            Array.Resize(ref _state, size * _m);
            Array.Resize(ref _freeSlots, size);
        }

        return _slotCount++;
    }

    private void FreeSlot(int slot) => _freeSlots[_freeSlotCount++] = slot;
}
