using System.Numerics;
using CoordSim.Metrics;
using CoordSim.Organisation;

namespace CoordSim.Mechanisms;

/// <summary>Issues: arrivals, what the routing may read of an issue, its consultation and decision ledger, its handler log, and its outcome.</summary>
internal sealed partial class CoordinationModel
{
    private IssueState[] _issues = new IssueState[128];
    private int _freeIssue = None;
    private int _issueCount;
    private int[] _executorPosition;

    // Handler logs: a fixed stride of entries per issue slot.
    private int _logStride;
    private LogEntry[] _log;

    /// <summary>The issue's id (its number in the issue stream, the same for every structure).</summary>
    public long IdOf(IssueId issue) => _issues[issue.Value].Id;

    /// <summary>The issue's primary department.</summary>
    public int PrimaryDepartment(IssueId issue) => _issues[issue.Value].Primary;

    /// <summary>Bit mask of the departments the issue requires.</summary>
    public ulong RequiredDepartments(IssueId issue) => _issues[issue.Value].Required;

    /// <summary>Number of departments the issue requires.</summary>
    public int RequiredCount(IssueId issue) => BitOperations.PopCount(_issues[issue.Value].Required);

    /// <summary>True for an emergency.</summary>
    public bool IsUrgent(IssueId issue) => _issues[issue.Value].Urgent;

    /// <summary>True for an issue that arrived during a crisis.</summary>
    public bool IsCrisis(IssueId issue) => _issues[issue.Value].Crisis;

    /// <summary>Category index of the issue.</summary>
    public int CategoryOf(IssueId issue) => _issues[issue.Value].Category;

    /// <summary>Discovery time of the issue.</summary>
    public double ArrivalOf(IssueId issue) => _issues[issue.Value].Arrival;

    /// <summary>The discovering frontline person.</summary>
    public PersonId DiscovererOf(IssueId issue) => new(_issues[issue.Value].Discoverer);

    /// <summary>The frontline executor of department <paramref name="department"/> for the issue.</summary>
    public PersonId ExecutorOf(IssueId issue, int department) =>
        Organisation.Frontline(department, _executorPosition[(issue.Value * _departments) + department] % Organisation.FrontlineCount(department));

    /// <summary>Records that body <paramref name="body"/> took charge of the issue.</summary>
    public void SetBodyOf(IssueId issue, BodyId body) => _issues[issue.Value].Body = body.Value;

    /// <summary>The body that took charge of the issue, or null when it follows the hierarchy.</summary>
    public BodyId? BodyOf(IssueId issue) => _issues[issue.Value].Body >= 0 ? new BodyId(_issues[issue.Value].Body) : null;

    /// <summary>Records that body <paramref name="body"/> referred the issue up to its parent body, and will carry out the parent's decision.</summary>
    public void SetReferrerOf(IssueId issue, BodyId body) => _issues[issue.Value].Referrer = body.Value;

    /// <summary>The body that referred the issue up to the body now in charge of it, or null when none did.</summary>
    public BodyId? ReferrerOf(IssueId issue) => _issues[issue.Value].Referrer >= 0 ? new BodyId(_issues[issue.Value].Referrer) : null;

    /// <summary>Marks the issue as escalated for cover (it will count in the agenda's escalated share).</summary>
    public void MarkEscalated(IssueId issue) => _issues[issue.Value].Escalated = true;

    /// <summary>True when the issue was escalated for cover.</summary>
    public bool IsEscalated(IssueId issue) => _issues[issue.Value].Escalated;

    /// <summary>Counts one item put on a body's agenda (for the escalated share of the agenda).</summary>
    public void CountAgendaItem(IssueId issue) => _accumulator.CountAgendaItem(_issues[issue.Value].Escalated);

    /// <summary>Records that the issue was decided now, and where.</summary>
    public void MarkDecided(IssueId issue, DecisionVenue venue)
    {
        ref var state = ref _issues[issue.Value];
        state.DecidedAt = _events.Now;
        state.Venue = venue;
        Trace?.Decided(state.Id, venue, state.Body, _events.Now);
    }

    /// <summary>Number of issue slots in the ledger (in use or free); iterate with <see cref="IsInFlight"/>.</summary>
    public int IssueSlots => _issueCount;

    /// <summary>True when the slot holds an issue that has been discovered and is not yet resolved.</summary>
    public bool IsInFlight(IssueId issue) => _issues[issue.Value].InUse && _issues[issue.Value].Arrival <= _events.Now;

    // ------------------------------------------------------------------ consultation ledger

    /// <summary>Starts a consultation of the issue coordinated at <paramref name="coordinator"/>, with the trunk <paramref name="trunk"/> parked meanwhile.</summary>
    public void BeginConsultation(IssueId issue, DeskId coordinator, ItemId trunk)
    {
        ref var state = ref _issues[issue.Value];
        state.Coordinator = coordinator.Value;
        state.Parked = trunk.Value;
        state.Round = 0;
        state.Deflected = 0;
        state.Outstanding = 0;
    }

    /// <summary>Starts the next round: the departments in <paramref name="asked"/> are asked; returns the round's number (1 for the first).</summary>
    public int BeginRound(IssueId issue, ulong asked)
    {
        ref var state = ref _issues[issue.Value];
        state.Round++;
        state.Rounds++;
        state.Outstanding = BitOperations.PopCount(asked);
        state.Deflected = 0;
        return state.Round;
    }

    /// <summary>Records one answer of the current round; returns true when it was the last one outstanding.</summary>
    public bool Answer(IssueId issue, int department, bool deflected)
    {
        ref var state = ref _issues[issue.Value];
        if (deflected)
        {
            state.Deflected |= 1UL << department;
        }

        return --state.Outstanding == 0;
    }

    /// <summary>The departments that deflected in the current round.</summary>
    public ulong DeflectedIn(IssueId issue) => _issues[issue.Value].Deflected;

    /// <summary>The current round's number (0 before the first).</summary>
    public int RoundOf(IssueId issue) => _issues[issue.Value].Round;

    /// <summary>The desk that coordinates the issue's consultation.</summary>
    public DeskId CoordinatorOf(IssueId issue) => new(_issues[issue.Value].Coordinator);

    /// <summary>The trunk item parked during the consultation.</summary>
    public ItemId ParkedOf(IssueId issue) => new(_issues[issue.Value].Parked);

    // ------------------------------------------------------------------ handler log

    /// <summary>Number of handler-log entries of an issue.</summary>
    public int LogCount(IssueId issue) => _issues[issue.Value].LogCount;

    /// <summary>The i-th handler-log entry of an issue.</summary>
    public LogEntry LogAt(IssueId issue, int i) => _log[(issue.Value * _logStride) + i];

    private void AppendLog(int item, int person, WorkRole role, double delay)
    {
        ref var it = ref _items[item];
        ref var issue = ref _issues[it.Issue];
        if (issue.LogCount == _logStride)
        {
            GrowLog();
        }

        var index = issue.LogCount++;
        _log[(it.Issue * _logStride) + index] = new LogEntry(new PersonId(person), it.Branch, role, delay, 0);
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
            AppendLog(item, last.Person.Value, last.Role, 0);
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

    // ------------------------------------------------------------------ arrivals and outcomes

    private void ScheduleNextArrival()
    {
        var run = _settings.Run;
        if (run.MaxIssues > 0 && _arrivalsScheduled >= run.MaxIssues)
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
        issue.Crisis = spec.Crisis;
        issue.Discoverer = Organisation.Frontline(spec.PrimaryDepartment, spec.DiscovererPosition % Organisation.FrontlineCount(spec.PrimaryDepartment)).Value;
        issue.Measured = spec.Arrival >= run.WarmupDays;
        if (spec.Arrival > run.HorizonDays)
        {
            // Beyond the horizon: never discovered; give the slots back.
            FreeSlot(issue.TrueSlot);
            FreeIssue(slot);

            // No more arrivals, but the run goes on to the horizon: its window (throughput, utilisation, the
            // restricted mean's reach, the backlog's growth) is the horizon's whether or not the last issue was
            // resolved before it. Only maxIssues ends a run when it drains.
            return;
        }

        _events.Schedule(spec.Arrival, EventArrival, slot);
    }

    private void OnArrival(int slot)
    {
        _active++;
        _issuesDiscovered++;
        _issues[slot].Discovered = true;
        if (_issues[slot].Measured)
        {
            _accumulator.Arrived++;
        }

        if (_events.Now > _midDay)
        {
            _arrivalsAfterMid++;
        }

        if (_active > _settings.Run.MaxPending)
        {
            // The overload guard: the run ends after this event instead of growing its backlog until memory runs out.
            _stoppedEarly = true;
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
        _policy.Discovered(this, new ItemId(item));
    }

    /// <summary>
    /// The ages at <paramref name="end"/> of the measured issues still open, counted from the ledger itself (not from
    /// arrived − resolved), so the no-issue-lost property checks the bookkeeping. Their latencies are right-censored
    /// at these ages. An arrival drawn but not yet discovered (the next one, when the run stopped early) is not open.
    /// </summary>
    private double[] CensoredAges(double end)
    {
        var ages = new List<double>();
        for (var i = 0; i < _issueCount; i++)
        {
            if (_issues[i].InUse && _issues[i].Measured && _issues[i].Discovered)
            {
                ages.Add(end - _issues[i].Arrival);
            }
        }

        return [.. ages];
    }

    private void FinishIssue(int slot)
    {
        ref var issue = ref _issues[slot];
        _active--;
        _issuesResolved++;
        if (issue.Measured)
        {
            _weights.Clear();
            _policy.AssignResponsibility(this, new IssueId(slot), _weights);
            _weights.Normalise();
            var latency = _events.Now - issue.Arrival;
            var executors = Math.Max(1, issue.Executors);
            var distortion = issue.DistortionSum / executors;
            var missed = _events.Now > issue.Deadline;
            var failed = missed || issue.WorstDistortion > _settings.Run.FailureDistortion;
            var worstHandoverWeight = double.NaN;
            // Without planted faults no visit can be one: the log is not scanned.
            var faults = _faults.Probability > 0 ? CountFaults(slot) : 0;
            double blame = double.NaN, blameOnFaulters = double.NaN, maxBlame = double.NaN;
            if (failed)
            {
                var worst = missed ? WorstHandover(slot, issue.CriticalBranch, byDelay: true) : WorstHandover(slot, issue.WorstBranch, byDelay: false);
                worstHandoverWeight = worst == None ? 0 : _weights.WeightOf(new PersonId(worst));
                (blame, blameOnFaulters, maxBlame) = Blame(slot, faults);
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
                worstHandoverWeight,
                issue.Escalated)
            {
                Consultation = issue.Consultation,
                ConsultationRounds = issue.Rounds,
                Crisis = issue.Crisis,
                DecisionTime = issue.DecidedAt,
                Venue = issue.Venue,
                SquaredError = issue.SquaredErrorSum,
                SquaredNorm = issue.SquaredNormSum,
                Faults = faults,
                Blame = blame,
                BlameOnFaulters = blameOnFaulters,
                MaxBlame = maxBlame,
                Reopens = issue.Reopens,
            };
            _accumulator.Add(outcome);
            _observer?.OnResolved(outcome);
        }

        FreeSlot(issue.TrueSlot);
        FreeIssue(slot);
    }

    /// <summary>The visits of the issue that were planted faults.</summary>
    private int CountFaults(int slot)
    {
        var faults = 0;
        var start = slot * _logStride;
        for (var i = 0; i < _issues[slot].LogCount; i++)
        {
            faults += _log[start + i].Fault == FaultKind.None ? 0 : 1;
        }

        return faults;
    }

    /// <summary>
    /// Blame for a failed issue by the structure's rule (<see cref="RoutingPolicy.AssignBlame"/>), scored against the
    /// ground truth (<paramref name="faults"/>, the issue's faulty visits): the total, the part on people who faulted
    /// on it, and the largest on one person.
    /// </summary>
    private (double Total, double OnFaulters, double Max) Blame(int slot, int faults)
    {
        _blame.Clear();
        _policy.AssignBlame(this, new IssueId(slot), _weights, _blame);
        _faulters.Clear();
        var start = slot * _logStride;
        for (var i = 0; faults > 0 && i < _issues[slot].LogCount; i++)
        {
            if (_log[start + i].Fault != FaultKind.None)
            {
                _faulters.Add(_log[start + i].Person, 1);
            }
        }

        double total = 0, onFaulters = 0, max = 0;
        for (var i = 0; i < _blame.Count; i++)
        {
            var b = _blame.WeightAt(i);
            total += b;
            max = Math.Max(max, b);
            if (_faulters.Contains(_blame.PersonAt(i)))
            {
                onFaulters += b;
            }
        }

        return (total, onFaulters, max);
    }

    /// <summary>The person whose hand-over on <paramref name="branch"/> added most delay (or most error), or None.</summary>
    private int WorstHandover(int slot, int branch, bool byDelay)
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
                best = e.Person.Value;
            }
        }

        return best;
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
        _issues[slot].Referrer = None;
        _issues[slot].Coordinator = None;
        _issues[slot].Parked = None;
        return slot;
    }

    private void FreeIssue(int slot)
    {
        _issues[slot].InUse = false;
        _issues[slot].NextFree = _freeIssue;
        _freeIssue = slot;
    }
}
