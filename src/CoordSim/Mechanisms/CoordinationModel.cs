using CoordSim.Engine;
using CoordSim.Metrics;
using CoordSim.Organisation;
using CoordSim.Workload;

namespace CoordSim.Mechanisms;

/// <summary>
/// One run of the coordination model, the kernel: the event loop over desks (queues with servers), work items
/// moving between them through channels, people called away from their desks to meetings and reports, seconded
/// capacity that comes and goes with the bodies' lifecycle, and the per-issue ledgers that feed the measures.
/// A <see cref="RoutingPolicy"/> decides the routes through the operations grouped in the partial files:
/// items (CoordinationModel.Items.cs), desks and people (CoordinationModel.Desks.cs) and issues
/// (CoordinationModel.Issues.cs). Everything lives in arrays indexed by int ids and grows only while the number
/// of in-flight items grows; in steady state an event allocates nothing.
/// </summary>
internal sealed partial class CoordinationModel
{
    private const int EventArrival = 1;
    private const int EventServiceDone = 2;
    private const int EventDelivered = 3;
    private const int EventReceived = 4;
    private const int EventUnblock = 5;
    private const int EventShirkDone = 6;
    private const int EventTimer = 16;
    private const int None = -1;

    private readonly KernelSettings _settings;
    private readonly RoutingPolicy _policy;
    private readonly EventQueue _events = new(4096);
    private readonly IssueStream _stream;
    private readonly RandomStream _serviceRandom;
    private readonly RandomStream _channelRandom;
    private readonly ServiceTime _serviceTime;
    private readonly ChannelSettings[] _channels;
    private readonly IIssueObserver? _observer;
    private readonly AccountabilityWeights _weights = new();
    private readonly AccountabilityWeights _blame = new();
    private readonly AccountabilityWeights _faulters = new();
    private readonly RunAccumulator _accumulator;
    private readonly Parameters _parameters;
    private readonly int _m;
    private readonly int _departments;
    private readonly EffortSettings _effort;
    private readonly FaultSettings _faults;
    private readonly RandomStream _faultRandom;
    private readonly bool _urgentFirst;
    private readonly double _emergencyDelay;

    private long _arrivalsScheduled;
    /// <summary>True once maxIssues arrivals were scheduled: the run ends when the last of them is resolved.</summary>
    private bool _arrivalsStopped;
    private int _active;
    private int _meetings;
    private bool _ran;

    // Stability: the backlog at the middle of the measured window, the arrivals after it, and the overload guard.
    private readonly double _midDay;
    private long _backlogMid;
    private long _arrivalsAfterMid;
    private bool _stoppedEarly;

    // The next time the model's state is sampled (the middle of the window, or the time series' next sample); +∞ once
    // every sample is taken. Whether the middle one is taken yet.
    private double _nextSample;
    private bool _midTaken;

    /// <summary>Receives every step of every route, for tests that trace routing; null in ordinary runs.</summary>
    internal IRouteTrace? Trace { get; set; }

    /// <summary>Creates a run over <paramref name="organisation"/> with routing <paramref name="policy"/>.</summary>
    public CoordinationModel(Organisation.Organisation organisation, Parameters parameters, RoutingPolicy policy, long seed, IIssueObserver? observer = null)
    {
        Organisation = organisation;
        _parameters = parameters;
        _settings = KernelSettings.From(parameters);
        _policy = policy;
        Seed = seed;
        _observer = observer;
        _m = _settings.StateDimensions;
        _departments = organisation.Departments;
        _effort = _settings.Effort;
        _faults = _settings.Faults;
        _urgentFirst = _settings.Discipline == QueueDiscipline.UrgentFirst;
        _emergencyDelay = _settings.EmergencyDelay;
        _servers = _settings.Servers;
        _stream = new IssueStream(WorkloadSettings.From(parameters), seed);
        _serviceRandom = new RandomStream(SeedDerivation.ForPurpose(seed, (ulong)KernelStream.Service));
        _channelRandom = new RandomStream(SeedDerivation.ForPurpose(seed, (ulong)KernelStream.Channel));
        RoutingRandom = new RandomStream(SeedDerivation.ForPurpose(seed, (ulong)KernelStream.Routing));
        DecisionRandom = new RandomStream(SeedDerivation.ForPurpose(seed, (ulong)KernelStream.Decision));
        ConsultationRandom = new RandomStream(SeedDerivation.ForPurpose(seed, (ulong)KernelStream.Consultation));
        _faultRandom = new RandomStream(SeedDerivation.ForPurpose(seed, (ulong)KernelStream.Faults));
        _serviceTime = new ServiceTime(_settings.Distribution, _settings.ServiceCv);
        _channels = (ChannelSettings[])_settings.Channels.Clone();
        _accumulator = new RunAccumulator(_settings.Run) { Revisits = policy.Revisits };
        _midDay = _settings.Run.WarmupDays + ((_settings.Run.HorizonDays - _settings.Run.WarmupDays) / 2);
        _nextSample = _midDay;
        InitialiseDesks(organisation);

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

    /// <summary>The run seed.</summary>
    public long Seed { get; }

    /// <summary>Current simulated time (days).</summary>
    public double Now => _events.Now;

    /// <summary>Random stream for routing choices (escalation for cover).</summary>
    public RandomStream RoutingRandom { get; }

    /// <summary>Random stream for decision error.</summary>
    public RandomStream DecisionRandom { get; }

    /// <summary>Random stream for consultation between departments (contested issues, deflections).</summary>
    public RandomStream ConsultationRandom { get; }

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
        var horizon = _settings.Run.HorizonDays;
        var maxEvents = _settings.Run.MaxEvents;
        while (_events.TryPop(horizon, out var e))
        {
            if (e.Time > _nextSample)
            {
                // Every event up to the sample time has happened: the state now is the state then.
                TakeSamples(e.Time);
            }

            switch (e.Kind)
            {
                case EventArrival:
                    OnArrival(e.Subject);
                    break;
                case EventServiceDone:
                    OnServiceDone(e.Subject, e.Data);
                    break;
                case EventDelivered:
                    Enqueue(new ItemId(e.Data), new DeskId(e.Subject));
                    break;
                case EventReceived:
                    _items[e.Data].QueuedAt = _events.Now;
                    _policy.Received(this, new ItemId(e.Data));
                    break;
                case EventUnblock:
                    OnUnblock(e.Subject);
                    break;
                case EventShirkDone:
                    _policy.Served(this, new ItemId(e.Data), new DeskId(e.Subject));
                    break;
                default:
                    _policy.Timer(this, (TimerKind)(e.Kind - EventTimer), e.Subject, e.Data);
                    break;
            }

            if ((_arrivalsStopped && _active == 0) || _stoppedEarly)
            {
                break;
            }

            if (_events.Processed >= maxEvents && _events.Count > 0 && _events.NextTime <= horizon)
            {
                // The event budget, spent with work still to do before the horizon: the run ends here, like the overload
                // guard, instead of running without end.
                _stoppedEarly = true;
                break;
            }
        }

        var drained = _arrivalsStopped && _active == 0;
        var end = drained || _stoppedEarly ? _events.Now : horizon;
        _events.AdvanceTo(Math.Max(end, _events.Now));
        TakeLastSamples(end);
        CloseDesks(end);
        var utilisation = Utilisation.Summarise(Organisation, _deskWork, _blockedTotal, _servers, end, _deskHeldDays, _homeShareDays, out var staffDays, out var secondedDays);
        var costs = new AttendanceCosts(_attended[(int)Attendance.Meeting], _attended[(int)Attendance.Report]);
        var stability = StabilitySummary.Judge(_midDay, _backlogMid, _active, end, _arrivalsAfterMid, _stoppedEarly, drained);
        return _accumulator.Finish(structureName, Seed, _parameters, utilisation, staffDays, secondedDays, costs, end, _events.Processed, _meetings, CensoredAges(end), stability);
    }

    /// <summary>
    /// Takes the samples due before <paramref name="until"/>: the backlog at the middle of the measured window, and the
    /// time series' samples when one was asked for (<see cref="SampleEvery"/>).
    /// </summary>
    private void TakeSamples(double until)
    {
        if (!_midTaken && _midDay < until)
        {
            _backlogMid = _active;
            _midTaken = true;
        }

        if (_samples is not null)
        {
            SampleSeriesBefore(until);
        }

        _nextSample = Math.Min(_midTaken ? double.PositiveInfinity : _midDay, _seriesNextDay);
    }

    /// <summary>
    /// Takes the samples left at the end of the run, which ended at <paramref name="end"/>: the middle backlog if the run
    /// ended before the middle (it is sampled in its final state), and the series' samples up to and at the end.
    /// </summary>
    private void TakeLastSamples(double end)
    {
        if (!_midTaken)
        {
            _backlogMid = _active;
            _midTaken = true;
        }

        if (_samples is not null)
        {
            FinishSeries(end);
        }

        _nextSample = double.PositiveInfinity;
    }

    /// <summary>Schedules a timer of <paramref name="kind"/> at absolute time <paramref name="time"/>.</summary>
    public void ScheduleTimer(TimerKind kind, double time, int subject, int data = 0) =>
        _events.Schedule(time, EventTimer + (int)kind, subject, data);

    /// <summary>Counts a meeting that was held.</summary>
    public void CountMeeting() => _meetings++;

    /// <summary>Sum of the accountability weights of the issue resolved last (1 after normalisation); for tests.</summary>
    internal double LastWeightTotal => _weights.Total();

    /// <summary>Speed and care of a person expecting responsibility share <paramref name="share"/> (see <see cref="EffortSettings"/>).</summary>
    private double Effort(double share) => _effort.At(share);
}
