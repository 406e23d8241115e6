using CoordSim.Organisation;

namespace CoordSim.Mechanisms;

/// <summary>Work items: hand-overs through channels, forks into branches, consultation requests, decisions and completions.</summary>
internal sealed partial class CoordinationModel
{
    private WorkItem[] _items = new WorkItem[256];
    private int _freeItem = None;
    private int _itemCount;

    // State vectors: one slot = m doubles plus a lost-facts mask.
    private double[] _state;
    private ulong[] _lost;
    private int[] _freeSlots;
    private int _freeSlotCount;
    private int _slotCount;

    /// <summary>The issue a work item belongs to.</summary>
    public IssueId IssueOf(ItemId item) => new(_items[item.Value].Issue);

    /// <summary>The department branch of a work item, or −1 before the decision forks it.</summary>
    public int BranchOf(ItemId item) => _items[item.Value].Branch;

    /// <summary>Where the item stands on its route.</summary>
    public RoutePhase PhaseOf(ItemId item) => _items[item.Value].Phase;

    /// <summary>Sets where the item stands on its route.</summary>
    public void SetPhase(ItemId item, RoutePhase phase) => _items[item.Value].Phase = phase;

    /// <summary>The person the routing aims the item at (an executor, a consulted head).</summary>
    public PersonId TargetOf(ItemId item) => new(_items[item.Value].Target);

    /// <summary>Aims the item at <paramref name="person"/>.</summary>
    public void SetTarget(ItemId item, PersonId person) => _items[item.Value].Target = person.Value;

    /// <summary>Sets the role recorded for the item's next visit.</summary>
    public void SetRole(ItemId item, WorkRole role) => _items[item.Value].Role = role;

    /// <summary>Sets the responsibility share the next handler of the item expects (drives effort w^α).</summary>
    public void SetExpectedShare(ItemId item, double share) => _items[item.Value].Share = share;

    /// <summary>Time the item joined its current queue or agenda.</summary>
    public double QueuedAtOf(ItemId item) => _items[item.Value].QueuedAt;

    /// <summary>Stamps the item as joining an agenda now (its meeting wait counts from now).</summary>
    public void MarkQueued(ItemId item) => _items[item.Value].QueuedAt = _events.Now;

    /// <summary>The severity fact (component 0) of the picture the item carries, as its holder perceives it: its magnitude.</summary>
    public double PerceivedSeverity(ItemId item) => Math.Abs(_state[_items[item.Value].Slot * _m]);

    /// <summary>
    /// Hands a work item from its current holder to <paramref name="desk"/> over a channel of
    /// <paramref name="kind"/>: applies the channel's distortion (noise scaled by the sender's care),
    /// counts the hop, and delivers the item after the channel's delay.
    /// </summary>
    public void Send(ItemId item, DeskId desk, ChannelKind kind, HopDirection direction)
    {
        var delay = HandOver(item.Value, kind, direction);
        ref var it = ref _items[item.Value];
        if (delay > 0)
        {
            it.Transmission += delay;
            _events.ScheduleIn(delay, EventDelivered, desk.Value, item.Value);
        }
        else
        {
            Enqueue(item, desk);
        }
    }

    /// <summary>
    /// Hands a work item to the routing itself (a body's agenda or office, or a consultation answer back to its
    /// coordinator) over a channel of <paramref name="kind"/>, after <paramref name="preparation"/> days of work
    /// outside any desk (a department drafting its answer); after both the policy's
    /// <see cref="RoutingPolicy.Received"/> is called with the item stamped as queued at that time.
    /// </summary>
    public void SendToRouting(ItemId item, ChannelKind kind, HopDirection direction, double preparation = 0)
    {
        var delay = HandOver(item.Value, kind, direction) + preparation;
        _items[item.Value].Transmission += delay;
        _events.ScheduleIn(delay, EventReceived, 0, item.Value);
    }

    /// <summary>
    /// The information side of one hand-over: applies the channel's distortion to the item's known state (noise
    /// scaled by the sender's care), attributes the error to the sender and counts the hop. Returns the delay:
    /// the channel's, or for an emergency at most the emergency delay (officials phone it on).
    /// </summary>
    private double HandOver(int item, ChannelKind kind, HopDirection direction)
    {
        ref var it = ref _items[item];
        var channel = _channels[(int)kind];
        Trace?.HandedOver(_issues[it.Issue].Id, it.Branch, kind, direction, _events.Now);
        if (it.Slot != None)
        {
            var care = Effort(it.Share);
            var scale = direction == HopDirection.Up ? 1 - _settings.UpwardBias : 1.0;
            var error = Channel.Transmit(_state.AsSpan(it.Slot * _m, _m), ref _lost[it.Slot], channel.Sigma / care, channel.Drop, scale, _channelRandom);
            AttributeError(item, error);
            it.Hops++;
        }

        return channel.Delay > _emergencyDelay && _issues[it.Issue].Urgent ? _emergencyDelay : channel.Delay;
    }

    /// <summary>
    /// Forks a decided item into a branch for <paramref name="department"/>: a new work item with
    /// its own copy of the known state and of the time spent so far. The parent stays valid; release
    /// it with <see cref="Release"/> when every branch is made.
    /// </summary>
    public ItemId Branch(ItemId parent, int department)
    {
        var child = AllocateItem();
        ref var p = ref _items[parent.Value];
        ref var c = ref _items[child];
        c = p;
        c.Branch = department;
        c.Next = None;
        c.InQueue = false;
        c.Slot = AllocateSlot();
        _state.AsSpan(p.Slot * _m, _m).CopyTo(_state.AsSpan(c.Slot * _m, _m));
        _lost[c.Slot] = _lost[p.Slot];
        _issues[p.Issue].PendingBranches++;
        return new ItemId(child);
    }

    /// <summary>
    /// Makes a consultation request for the trunk <paramref name="parent"/>: a work item of the same issue that
    /// carries no picture of its own (the request shows the proposal; the answer changes nothing the executors
    /// will know) and is not an open branch. Aim it with <see cref="SetTarget"/> and discard it with
    /// <see cref="Discard"/> when its answer is in.
    /// </summary>
    public ItemId Request(ItemId parent)
    {
        var request = AllocateItem();
        ref var p = ref _items[parent.Value];
        ref var r = ref _items[request];
        r = default;
        r.Issue = p.Issue;
        r.Branch = None;
        r.Slot = None;
        r.Next = None;
        r.LastLog = None;
        r.Share = p.Share;
        return new ItemId(request);
    }

    /// <summary>Releases a work item that has been replaced by its branches (it no longer counts as an open branch).</summary>
    public void Release(ItemId item)
    {
        _issues[_items[item.Value].Issue].PendingBranches--;
        Discard(item);
    }

    /// <summary>Gives a work item that is no longer needed (a released trunk, an answered request) back to the pool.</summary>
    public void Discard(ItemId item)
    {
        if (_items[item.Value].Slot != None)
        {
            FreeSlot(_items[item.Value].Slot);
        }

        FreeItem(item.Value);
    }

    /// <summary>Parks the item (it waits at nobody's desk) while its coordinator consults other departments.</summary>
    public void Park(ItemId item) => _items[item.Value].QueuedAt = _events.Now;

    /// <summary>Ends the item's parking: the time since <see cref="Park"/> counts as consultation on its critical path.</summary>
    public void Unpark(ItemId item)
    {
        ref var it = ref _items[item.Value];
        it.Consultation += _events.Now - it.QueuedAt;
    }

    /// <summary>Records time a work item spent on a body's agenda (added to its meeting wait).</summary>
    public void AddMeetingWait(ItemId item, double days) => _items[item.Value].MeetingWait += days;

    /// <summary>Records a visit of <paramref name="person"/> that took <paramref name="delay"/> days outside a desk queue (for example a meeting).</summary>
    public void LogVisit(ItemId item, PersonId person, WorkRole role, double delay) => AppendLog(item.Value, person.Value, role, delay);

    /// <summary>Adds a noise-only perturbation of the decision (decision error) to the item's known state.</summary>
    public void PerturbDecision(ItemId item, double sigma)
    {
        if (sigma <= 0)
        {
            return;
        }

        ref var it = ref _items[item.Value];
        var error = Channel.Transmit(_state.AsSpan(it.Slot * _m, _m), ref _lost[it.Slot], sigma, 0, 1, DecisionRandom);
        AttributeError(item.Value, error);
    }

    /// <summary>The executor has acted on a branch: measures its distortion and closes the issue when it was the last branch.</summary>
    public void CompleteBranch(ItemId branch)
    {
        var item = branch.Value;
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
        issue.SquaredErrorSum += diff;
        issue.SquaredNormSum += norm;
        // Signed in the direction of the truth: negative when the severity reached the executor understated.
        issue.BiasSum += (known[0] - truth[0]) * Math.Sign(truth[0]);
        issue.LostSum += (double)System.Numerics.BitOperations.PopCount(_lost[it.Slot]) / _m;
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
        issue.Consultation = it.Consultation;
        var issueIndex = it.Issue;
        if (issue.PendingBranches == 1 && _policy.Closing(this, branch))
        {
            // The routing reopened the issue (a revisit found it wrongly closed) and took the item back.
            return;
        }

        Discard(branch);
        if (--_issues[issueIndex].PendingBranches == 0)
        {
            FinishIssue(issueIndex);
        }
    }

    /// <summary>
    /// Reopens the issue of <paramref name="lastBranch"/>, the last branch to complete, from <see cref="RoutingPolicy.Closing"/>:
    /// the item becomes the issue's trunk again, keeps the time it has spent (so the latency parts go on summing),
    /// and carries a fresh picture of the issue (whoever revisits sees it as it is); what the executors knew is
    /// forgotten, so the resolved issue's distortion is that of the execution that is finally accepted.
    /// </summary>
    public void Reopen(ItemId lastBranch)
    {
        ref var it = ref _items[lastBranch.Value];
        ref var issue = ref _issues[it.Issue];
        issue.Reopens++;
        issue.DistortionSum = issue.SquaredErrorSum = issue.SquaredNormSum = issue.BiasSum = issue.LostSum = issue.HopsSum = 0;
        issue.Executors = 0;
        issue.WorstDistortion = 0;
        issue.WorstBranch = None;
        _state.AsSpan(issue.TrueSlot * _m, _m).CopyTo(_state.AsSpan(it.Slot * _m, _m));
        _lost[it.Slot] = 0;
        it.Hops = 0;
        it.Branch = None;
    }

    /// <summary>The largest relative distortion of any executor's picture of the issue so far.</summary>
    public double WorstDistortionOf(IssueId issue) => _issues[issue.Value].WorstDistortion;

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
        _items[item].InQueue = false;
        _items[item].Next = _freeItem;
        _freeItem = item;
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
