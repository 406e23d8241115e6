using CoordSim.Organisation;

namespace CoordSim.Mechanisms;

/// <summary>Desks and people: queues and service, people called away to meetings and reports, and seconded capacity held or returned.</summary>
internal sealed partial class CoordinationModel
{
    private readonly int _servers;

    // Desks.
    private int[] _deskPerson = [];
    private double[] _deskRate = [];
    private double[] _deskShare = [];
    private double[] _deskNominal = [];
    private double[] _deskBoost = [];
    private int[] _deskBusy = [];
    private int[] _deskHead = [];
    private int[] _deskTail = [];
    private int[] _deskUrgentHead = [];
    private int[] _deskUrgentTail = [];
    private double[] _deskWork = [];
    private long[] _deskVisits = [];
    private double[] _deskSojourn = [];
    private double[] _deskArea = [];
    private double[] _deskLastChange = [];
    private int[] _deskInSystem = [];
    private double[] _deskBusyTime = [];

    // Seconded desks: held (capacity taken from home) or not, and draining after a dissolution.
    private bool[] _deskHolding = [];
    private bool[] _deskDraining = [];
    private double[] _deskHeldSince = [];
    private double[] _deskHeldDays = [];
    private double[] _homeShareDays = [];
    private double[] _homeShareSince = [];

    // People: their desks (home desk first), and the time they are away from them.
    private int[] _personDeskStart = [];
    private int[] _personDesks = [];
    private int[] _bodyDeskStart = [];
    private int[] _bodyDesks = [];
    private double[] _blockStart = [];
    private double[] _blockEnd = [];
    private double[] _blockedBefore = [];
    private double[] _blockedTotal = [];
    private readonly double[] _attended = new double[Enum.GetValues<Attendance>().Length];
    private readonly List<(Attendance Kind, double Start, double End)> _awaySegments = [];

    // Whether any person has ever been called away, any issue pressed, any body desk given its capacity back: until
    // then the per-event paths skip the checks these mechanisms need.
    private bool _anyAway;
    private bool _anyPressure;
    private bool _anyReleased;

    // Whether any service has been re-rated (a body formed or dissolved under it): until then no service-done event is stale.
    private bool _anyRerated;

    private void InitialiseDesks(Organisation.Organisation organisation)
    {
        var desks = organisation.DeskCount;
        _deskPerson = new int[desks];
        _deskRate = new double[desks];
        _deskShare = new double[desks];
        _deskNominal = new double[desks];
        _deskBoost = new double[desks];
        _deskBusy = new int[desks];
        _deskHead = new int[desks];
        _deskTail = new int[desks];
        _deskUrgentHead = new int[desks];
        _deskUrgentTail = new int[desks];
        _deskWork = new double[desks];
        _deskVisits = new long[desks];
        _deskSojourn = new double[desks];
        _deskArea = new double[desks];
        _deskLastChange = new double[desks];
        _deskInSystem = new int[desks];
        _deskBusyTime = new double[desks];
        _deskHolding = new bool[desks];
        _deskDraining = new bool[desks];
        _deskHeldSince = new double[desks];
        _deskHeldDays = new double[desks];
        _homeShareDays = new double[Organisation.PersonCount];
        _homeShareSince = new double[Organisation.PersonCount];
        var people = organisation.PersonCount;
        var deskCount = new int[people + 1];
        var bodyCount = new int[organisation.Bodies.Count + 1];
        for (var d = 0; d < desks; d++)
        {
            var desk = organisation.Desk(new DeskId(d));
            _deskPerson[d] = desk.Person.Value;
            _deskShare[d] = desk.Share;
            _deskNominal[d] = desk.Seconded;
            _deskBoost[d] = 1;
            _deskRate[d] = organisation.ServiceRateOf(desk.Person) * desk.Share;
            _deskHead[d] = _deskTail[d] = _deskUrgentHead[d] = _deskUrgentTail[d] = None;
            // Every body desk holds its share from the start; a body formed later gives it back at once (ReleaseBody).
            _deskHolding[d] = desk.Body is not null;
            deskCount[desk.Person.Value + 1]++;
            if (desk.Body is { } b)
            {
                bodyCount[b.Value + 1]++;
            }
        }

        _personDeskStart = Prefix(deskCount);
        _bodyDeskStart = Prefix(bodyCount);
        _personDesks = new int[desks];
        _bodyDesks = new int[_bodyDeskStart[^1]];
        var nextPerson = (int[])_personDeskStart.Clone();
        var nextBody = (int[])_bodyDeskStart.Clone();
        for (var d = 0; d < desks; d++)
        {
            // Home desks have the lowest ids, so each person's home desk comes first.
            _personDesks[nextPerson[_deskPerson[d]]++] = d;
            if (organisation.Desk(new DeskId(d)).Body is { } b)
            {
                _bodyDesks[nextBody[b.Value]++] = d;
            }
        }

        _blockStart = new double[people];
        _blockEnd = new double[people];
        _blockedBefore = new double[people];
        _blockedTotal = new double[people];
    }

    private static int[] Prefix(int[] counts)
    {
        for (var i = 1; i < counts.Length; i++)
        {
            counts[i] += counts[i - 1];
        }

        return counts;
    }

    /// <summary>Person at a desk.</summary>
    public PersonId PersonAt(DeskId desk) => new(_deskPerson[desk.Value]);

    /// <summary>Items waiting or in service at <paramref name="desk"/>.</summary>
    public int QueueLength(DeskId desk) => _deskInSystem[desk.Value];

    /// <summary>The current service rate of <paramref name="desk"/> (items/day).</summary>
    public double DeskRate(DeskId desk) => _deskRate[desk.Value];

    /// <summary>Multiplies the service rate of <paramref name="desk"/> (for example effort raised by supervision).</summary>
    public void ScaleDeskRate(DeskId desk, double factor)
    {
        _deskRate[desk.Value] *= factor;
        _deskBoost[desk.Value] *= factor;
    }

    /// <summary>Puts a work item into the queue of <paramref name="desk"/> now, with no hand-over.</summary>
    public void Enqueue(ItemId item, DeskId desk)
    {
        var d = desk.Value;
        ref var it = ref _items[item.Value];
        Trace?.Queued(_issues[it.Issue].Id, it.Branch, desk, new PersonId(_deskPerson[d]), _events.Now);
        it.Desk = d;
        it.QueuedAt = _events.Now;
        _deskVisits[d]++;
        ChangeInSystem(d, +1);
        if (_anyReleased && !_deskHolding[d] && _deskNominal[d] > 0)
        {
            // A body desk that gave its capacity back receives an item still in flight in the body: it takes its
            // share back until it is empty again.
            HoldDesk(d, draining: true);
        }

        if (_deskBusy[d] < _servers && !(_anyAway && IsAway(_deskPerson[d])))
        {
            StartService(item.Value, d);
            return;
        }

        AppendToQueue(item.Value, d);
    }

    private void AppendToQueue(int item, int desk)
    {
        ref var it = ref _items[item];
        it.Next = None;
        it.InQueue = true;
        if ((_urgentFirst || _anyPressure) && ((_urgentFirst && _issues[it.Issue].Urgent) || _issues[it.Issue].Pressured))
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

    private void StartService(int item, int desk)
    {
        ref var it = ref _items[item];
        var now = _events.Now;
        it.Queueing += now - it.QueuedAt;
        it.ServiceStart = now;
        it.Desk = desk;
        it.InService = true;
        it.InQueue = false;
        it.BlockedAtStart = _anyAway ? BlockedUntilNow(_deskPerson[desk]) : 0;
        _deskBusy[desk]++;
        var duration = _serviceTime.Sample(_deskRate[desk] * Effort(it.Share), _serviceRandom);
        it.Required = duration;
        it.DeskShare = _deskShare[desk];
        it.ServiceEnd = now + duration;
        _events.ScheduleIn(duration, EventServiceDone, desk, item);
    }

    private void OnServiceDone(int desk, int item)
    {
        ref var it = ref _items[item];
        var now = _events.Now;
        if (_anyRerated && !(it.InService && it.Desk == desk && now == it.ServiceEnd))
        {
            // Scheduled before the service was re-rated; the event at its new end finishes it.
            return;
        }

        var person = _deskPerson[desk];
        var away = 0.0;
        if (_anyAway && _blockEnd[person] > it.ServiceStart)
        {
            // The person was called away while serving: the service resumes where it stopped when they return.
            away = BlockedUntilNow(person) - it.BlockedAtStart;
            var remaining = it.Required - (now - it.ServiceStart - away);
            if (away > 0 && remaining > 1e-12 * Math.Max(1, now))
            {
                it.ServiceEnd = Math.Max(now, _blockEnd[person]) + remaining;
                _events.Schedule(it.ServiceEnd, EventServiceDone, desk, item);
                return;
            }
        }

        var duration = now - it.ServiceStart - away;
        it.Service += duration;
        it.Queueing += away;
        it.InService = false;
        _deskBusyTime[desk] += duration;
        _deskWork[desk] += duration * it.DeskShare;
        _deskBusy[desk]--;
        _deskSojourn[desk] += now - it.QueuedAt;
        ChangeInSystem(desk, -1);
        AppendLog(item, person, it.Role, now - it.QueuedAt);

        // Free the server first so that an item the policy sends back to this desk queues fairly.
        if (!_anyAway || !IsAway(person))
        {
            var next = Dequeue(desk);
            if (next != None)
            {
                StartService(next, desk);
            }
        }

        if (_anyReleased && _deskDraining[desk] && _deskInSystem[desk] == 0)
        {
            ReleaseDesk(desk);
        }

        if (_faults.Probability > 0 && _faultRandom.NextDouble() < _faults.Probability && PlantFault(item))
        {
            // A shirk: the desk is free for the next item, but this one is passed on only after the delay.
            _events.ScheduleIn(_faults.ShirkDelay, EventShirkDone, desk, item);
            return;
        }

        _policy.Served(this, new ItemId(item), new DeskId(desk));
    }

    /// <summary>
    /// This visit is a fault: a shirk or an error, with equal odds among the kinds that have an effect (an error needs
    /// a picture to corrupt). Marks the visit's log entry as the fault. Returns true for a shirk, which the caller
    /// carries out by passing the item on <c>shirkDelay</c> days late (counted as queueing with this person).
    /// </summary>
    private bool PlantFault(int item)
    {
        ref var it = ref _items[item];
        var canShirk = _faults.ShirkDelay > 0;
        var canErr = _faults.Error > 0 && it.Slot != None;
        if (!canShirk && !canErr)
        {
            return false;
        }

        var shirk = canShirk && (!canErr || _faultRandom.NextDouble() < 0.5);
        var entry = (it.Issue * _logStride) + it.LastLog;
        if (shirk)
        {
            it.Queueing += _faults.ShirkDelay;
            _log[entry] = _log[entry] with { Delay = _log[entry].Delay + _faults.ShirkDelay, Fault = FaultKind.Shirk };
            return true;
        }

        var error = Channel.Transmit(_state.AsSpan(it.Slot * _m, _m), ref _lost[it.Slot], _faults.Error, 0, 1, _faultRandom);
        _log[entry] = _log[entry] with { Error = _log[entry].Error + error, Fault = FaultKind.Error };
        return false;
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

    private void ChangeInSystem(int desk, int delta)
    {
        var now = _events.Now;
        _deskArea[desk] += _deskInSystem[desk] * (now - _deskLastChange[desk]);
        _deskLastChange[desk] = now;
        _deskInSystem[desk] += delta;
    }

    // ------------------------------------------------------------------ people away from their desks

    /// <summary>
    /// Calls <paramref name="person"/> away from every desk for <paramref name="days"/>: their desks start nothing
    /// meanwhile and a service under way pauses and resumes when they return. Calls that overlap queue up, so a
    /// person's lost capacity is exactly the sum of what they attended.
    /// </summary>
    public void CallAway(PersonId person, double days, Attendance kind)
    {
        if (!(days > 0))
        {
            return;
        }

        _anyAway = true;
        var p = person.Value;
        var now = _events.Now;
        var start = Math.Max(now, _blockEnd[p]);
        if (now >= _blockEnd[p])
        {
            _blockedBefore[p] += _blockEnd[p] - _blockStart[p];
            _blockStart[p] = now;
            _blockEnd[p] = now + days;
        }
        else
        {
            _blockEnd[p] += days;
        }

        // Kept as segments (a few per meeting, not per event) so that the time away is counted within the run only.
        _awaySegments.Add((kind, start, start + days));
        _events.Schedule(_blockEnd[p], EventUnblock, p);
    }

    /// <summary>True while <paramref name="person"/> is away from their desks.</summary>
    public bool IsAway(PersonId person) => IsAway(person.Value);

    private bool IsAway(int person) => _events.Now < _blockEnd[person];

    /// <summary>Cumulative time <paramref name="person"/> has been away from their desks up to now.</summary>
    private double BlockedUntilNow(int person)
    {
        var now = _events.Now;
        var current = Math.Clamp(now - _blockStart[person], 0, _blockEnd[person] - _blockStart[person]);
        return _blockedBefore[person] + current;
    }

    private void OnUnblock(int person)
    {
        if (IsAway(person))
        {
            // The absence was extended; a later event ends it.
            return;
        }

        for (var i = _personDeskStart[person]; i < _personDeskStart[person + 1]; i++)
        {
            var desk = _personDesks[i];
            while (_deskBusy[desk] < _servers)
            {
                var next = Dequeue(desk);
                if (next == None)
                {
                    break;
                }

                StartService(next, desk);
            }
        }
    }

    // ------------------------------------------------------------------ seconded capacity

    /// <summary>
    /// A body is dissolved: each of its desks gives its share back to the person's home desk at once when empty,
    /// otherwise once the items still at it are done.
    /// </summary>
    public void ReleaseBody(BodyId body)
    {
        for (var i = _bodyDeskStart[body.Value]; i < _bodyDeskStart[body.Value + 1]; i++)
        {
            var desk = _bodyDesks[i];
            if (!_deskHolding[desk])
            {
                continue;
            }

            _anyReleased = true;
            if (_deskInSystem[desk] > 0)
            {
                _deskDraining[desk] = true;
            }
            else
            {
                ReleaseDesk(desk);
            }
        }
    }

    /// <summary>A body is formed or restarted: each of its desks takes its share from the person's home desk again.</summary>
    public void HoldBody(BodyId body)
    {
        for (var i = _bodyDeskStart[body.Value]; i < _bodyDeskStart[body.Value + 1]; i++)
        {
            var desk = _bodyDesks[i];
            if (_deskHolding[desk])
            {
                _deskDraining[desk] = false;
                continue;
            }

            HoldDesk(desk, draining: false);
        }
    }

    /// <summary>The desks of <paramref name="body"/>.</summary>
    public ReadOnlySpan<int> DesksOf(BodyId body) =>
        _bodyDesks.AsSpan(_bodyDeskStart[body.Value], _bodyDeskStart[body.Value + 1] - _bodyDeskStart[body.Value]);

    private void HoldDesk(int desk, bool draining)
    {
        _deskHolding[desk] = true;
        _deskDraining[desk] = draining;
        _deskHeldSince[desk] = _events.Now;
        Reshare(_deskPerson[desk]);
    }

    private void ReleaseDesk(int desk)
    {
        _deskHeldDays[desk] += _deskShare[desk] * (_events.Now - _deskHeldSince[desk]);
        _deskHolding[desk] = false;
        _deskDraining[desk] = false;
        Reshare(_deskPerson[desk]);
    }

    /// <summary>Recomputes the shares and rates of a person's desks from the body desks they hold now.</summary>
    private void Reshare(int person)
    {
        var start = _personDeskStart[person];
        var end = _personDeskStart[person + 1];
        var held = 0;
        var seconded = 0.0;
        for (var i = start + 1; i < end; i++)
        {
            var desk = _personDesks[i];
            if (_deskHolding[desk])
            {
                held++;
                seconded += _deskNominal[desk];
            }
        }

        var overhead = held <= 1 ? 1.0 : Math.Pow(1 - Organisation.SwitchingOverhead, held - 1);
        var rate = Organisation.ServiceRateOf(new PersonId(person));
        for (var i = start; i < end; i++)
        {
            var desk = _personDesks[i];
            var share = i == start ? (1 - seconded) * overhead : _deskHolding[desk] ? _deskNominal[desk] * overhead : 0;
            if (i == start)
            {
                // Close the home-capacity ledger at the old share (the home desk is the person's first).
                _homeShareDays[person] += _deskShare[desk] * (_events.Now - _homeShareSince[person]);
                _homeShareSince[person] = _events.Now;
            }
            if (_deskHolding[desk] && i != start)
            {
                // Close the held-capacity ledger at the old share before the share changes.
                _deskHeldDays[desk] += _deskShare[desk] * (_events.Now - _deskHeldSince[desk]);
                _deskHeldSince[desk] = _events.Now;
            }

            if (share != _deskShare[desk] && _deskBusy[desk] > 0)
            {
                Rerate(desk, share);
            }

            _deskShare[desk] = share;
            _deskRate[desk] = rate * share * _deskBoost[desk];
        }
    }

    /// <summary>
    /// The share of a person's capacity that <paramref name="desk"/> gets changes to <paramref name="share"/> while
    /// items are in service there (a body formed or dissolved): each service continues at the new rate. The part
    /// served so far is booked at the old share, and the work left takes old share ÷ new share as long. So a person
    /// never serves more than their whole capacity at once, and capacity a body gives back speeds up work in hand.
    /// Rare (body lifecycle only), so it scans the live items rather than keeping a list per desk.
    /// </summary>
    private void Rerate(int desk, double share)
    {
        if (!(share > 0))
        {
            throw new InvalidOperationException($"Desk {desk} would serve at share {share}: a desk with items in service keeps a positive share (only an empty body desk gives its share back).");
        }

        _anyRerated = true;
        var now = _events.Now;
        var person = _deskPerson[desk];
        var blocked = _anyAway ? BlockedUntilNow(person) : 0;
        for (var i = 0; i < _itemCount; i++)
        {
            ref var it = ref _items[i];
            if (!it.InService || it.Desk != desk || it.Issue == None)
            {
                continue;
            }

            var away = _anyAway ? blocked - it.BlockedAtStart : 0;
            var worked = Math.Clamp(now - it.ServiceStart - away, 0, it.Required);
            it.Service += worked;
            it.Queueing += away;
            _deskBusyTime[desk] += worked;
            _deskWork[desk] += worked * it.DeskShare;
            it.Required = (it.Required - worked) * it.DeskShare / share;
            it.DeskShare = share;
            it.ServiceStart = now;
            it.BlockedAtStart = blocked;
            it.ServiceEnd = (_anyAway && IsAway(person) ? _blockEnd[person] : now) + it.Required;
            _events.Schedule(it.ServiceEnd, EventServiceDone, desk, i);
        }
    }

    // ------------------------------------------------------------------ pressure

    /// <summary>Marks the issue as pressured: from now on its items go to the front lane of every desk queue.</summary>
    public void Pressure(IssueId issue)
    {
        _anyPressure = true;
        _issues[issue.Value].Pressured = true;
    }

    /// <summary>Moves every waiting item of a pressured issue to the front lane of its desk's queue, keeping the order within each lane.</summary>
    public void ApplyPressure()
    {
        for (var desk = 0; desk < _deskHead.Length; desk++)
        {
            var item = _deskHead[desk];
            var previous = None;
            while (item != None)
            {
                var next = _items[item].Next;
                if (_issues[_items[item].Issue].Pressured)
                {
                    if (previous == None)
                    {
                        _deskHead[desk] = next;
                    }
                    else
                    {
                        _items[previous].Next = next;
                    }

                    if (_deskTail[desk] == item)
                    {
                        _deskTail[desk] = previous;
                    }

                    AppendToQueue(item, desk);
                }
                else
                {
                    previous = item;
                }

                item = next;
            }
        }
    }

    // ------------------------------------------------------------------ end of run

    private void CloseDesks(double end)
    {
        for (var i = 0; i < _itemCount; i++)
        {
            ref var it = ref _items[i];
            if (it.InService && it.Issue != None)
            {
                var person = _deskPerson[it.Desk];
                var away = BlockedUntil(person, end) - it.BlockedAtStart;
                var worked = Math.Max(0, end - it.ServiceStart - away);
                _deskBusyTime[it.Desk] += worked;
                _deskWork[it.Desk] += worked * it.DeskShare;
            }
        }

        for (var d = 0; d < _deskHolding.Length; d++)
        {
            if (_deskHolding[d])
            {
                _deskHeldDays[d] += _deskShare[d] * (end - _deskHeldSince[d]);
                _deskHeldSince[d] = end;
            }
        }

        for (var p = 0; p < _homeShareDays.Length; p++)
        {
            _homeShareDays[p] += _deskShare[_personDesks[_personDeskStart[p]]] * (end - _homeShareSince[p]);
            _homeShareSince[p] = end;
        }

        for (var p = 0; p < _blockedTotal.Length; p++)
        {
            // Time away beyond the end of the run is not part of it.
            _blockedTotal[p] = BlockedUntil(p, end);
        }

        foreach (var (kind, start, stop) in _awaySegments)
        {
            _attended[(int)kind] += Math.Max(0, Math.Min(stop, end) - start);
        }
    }

    private double BlockedUntil(int person, double t) =>
        _blockedBefore[person] + Math.Clamp(t - _blockStart[person], 0, _blockEnd[person] - _blockStart[person]);

    /// <summary>
    /// Queue statistics of one desk after the run: completed visits, their mean sojourn (queue plus
    /// service), the time-average number of items at the desk and its busy fraction. Little's law
    /// says MeanInSystem ≈ (Visits / elapsed) × MeanSojourn.
    /// </summary>
    public DeskReport ReportDesk(DeskId desk)
    {
        var d = desk.Value;
        var elapsed = _events.Now;
        var area = _deskArea[d] + (_deskInSystem[d] * (elapsed - _deskLastChange[d]));
        var completed = _deskVisits[d] - _deskInSystem[d];
        return new DeskReport(
            desk,
            completed,
            completed > 0 ? _deskSojourn[d] / completed : double.NaN,
            elapsed > 0 ? area / elapsed : 0,
            elapsed > 0 ? _deskBusyTime[d] / (elapsed * _servers) : 0);
    }
}
