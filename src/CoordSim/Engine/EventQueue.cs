using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CoordSim.Engine;

/// <summary>
/// The future event list and the simulated clock. Events pop in order of (time, sequence), so
/// equal times pop in scheduling order. Scheduling and popping allocate nothing once the arrays
/// have grown to the largest number of pending events.
/// </summary>
/// <remarks>
/// <para>
/// Events live in an array-backed 4-ary min-heap of 16-byte nodes (four children fill one 64-byte
/// cache line): the time's IEEE bits, which order like the times themselves because no time is
/// negative, and one word that packs the sequence number above the index of a payload slot
/// holding kind, subject and data. Children are compared without branches against padding nodes
/// that sort after every event.
/// </para>
/// <para>
/// Events scheduled with <see cref="ScheduleIn"/> at a delay that recurs (a channel's fixed
/// transmission time, say) go to a first-in-first-out lane for that delay instead: since the
/// clock never goes back, now + d never decreases, so the lane is already in order and costs
/// O(1). A delay gets one of <see cref="LaneCount"/> lanes the second time it is seen among the
/// last few delays; delays drawn from a continuous distribution practically never recur and stay
/// in the heap. <see cref="Pop"/> takes the earliest of the heap's root and the lanes' heads, so
/// the order is exactly the (time, sequence) order a single heap would give.
/// </para>
/// <para>
/// The packing limits a queue to 2^26 (67 million) pending events and 2^38 (2.7 × 10^11) events
/// scheduled between resets; going past either throws <see cref="InvalidOperationException"/>.
/// </para>
/// </remarks>
public sealed class EventQueue
{
    /// <summary>Most events that can be pending at once.</summary>
    public const int MaxPending = 1 << SlotBits;

    /// <summary>Most events that can be scheduled between creation (or <see cref="Reset"/>) and the end of a run.</summary>
    public const long MaxScheduled = 1L << (64 - SlotBits);

    /// <summary>Number of first-in-first-out lanes for recurring delays.</summary>
    public const int LaneCount = 4;

    private const int SlotBits = 26;
    private const ulong SlotMask = (1UL << SlotBits) - 1;
    private const int Arity = 4;
    private const int RecentDelays = 4;

    private static readonly Node Padding = new(ulong.MaxValue, ulong.MaxValue);

    private readonly Lane[] _lanes = new Lane[LaneCount];
    private readonly double[] _recentDelays = new double[RecentDelays];
    private Node[] _heap;
    private Payload[] _payload;
    private int[] _freeSlots;
    private int _freeCount;
    private int _slotCount;
    private int _heapCount;
    private int _laneEvents;
    private int _lanesInUse;
    private int _recentNext;
    private long _nextSequence;

    /// <summary>Creates an empty queue with room for <paramref name="capacity"/> pending events before it grows.</summary>
    public EventQueue(int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxPending);
        _heap = new Node[capacity + Arity];
        _heap.AsSpan().Fill(Padding);
        _payload = new Payload[capacity];
        _freeSlots = new int[capacity];
        for (var i = 0; i < LaneCount; i++)
        {
            _lanes[i] = new Lane();
        }

        ForgetDelays();
    }

    /// <summary>The simulated time in days: the time of the last event popped.</summary>
    public double Now { get; private set; }

    /// <summary>Number of pending events.</summary>
    public int Count => _heapCount + _laneEvents;

    /// <summary>Number of events popped since creation or the last <see cref="Reset"/>.</summary>
    public long Processed { get; private set; }

    /// <summary>Empties the queue and sets the clock back to zero, keeping the storage.</summary>
    public void Reset()
    {
        _heap.AsSpan(0, _heapCount).Fill(Padding);
        _heapCount = 0;
        foreach (var lane in _lanes)
        {
            lane.Clear();
        }

        _laneEvents = 0;
        _lanesInUse = 0;
        ForgetDelays();
        _freeCount = 0;
        _slotCount = 0;
        _nextSequence = 0;
        Now = 0;
        Processed = 0;
    }

    /// <summary>Schedules an event at absolute time <paramref name="time"/>, which must not lie before <see cref="Now"/>.</summary>
    public void Schedule(double time, int kind, int subject = 0, int data = 0)
    {
        if (!(time >= Now))
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, $"An event cannot be scheduled before the current time {Now}.");
        }

        PushHeap(NewNode(time, kind, subject, data));
    }

    /// <summary>Schedules an event <paramref name="delay"/> days from now (a recurring delay is served by a lane).</summary>
    public void ScheduleIn(double delay, int kind, int subject = 0, int data = 0)
    {
        var time = Now + delay;
        if (!(time >= Now))
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "An event cannot be scheduled in the past: the delay must be zero or positive.");
        }

        var lane = LaneFor(delay);
        var node = NewNode(time, kind, subject, data);
        if (lane is null)
        {
            PushHeap(node);
            return;
        }

        lane.Add(node);
        _laneEvents++;
    }

    /// <summary>Time of the next event, or <see cref="double.PositiveInfinity"/> when none is pending.</summary>
    public double NextTime
    {
        get
        {
            if (Count == 0)
            {
                return double.PositiveInfinity;
            }

            var lane = EarliestLane(out var head);
            return BitConverter.UInt64BitsToDouble(lane is null ? _heap[0].TimeBits : head.TimeBits);
        }
    }

    /// <summary>Removes the next event, advances the clock to its time and returns it.</summary>
    public Event Pop()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("The event queue is empty.");
        }

        Node top;
        var lane = EarliestLane(out top);
        if (lane is null)
        {
            top = _heap[0];
            RemoveTop();
        }
        else
        {
            lane.RemoveFirst();
            _laneEvents--;
        }

        var slot = (int)(top.Order & SlotMask);
        var payload = _payload[slot];
        _freeSlots[_freeCount++] = slot;
        var time = BitConverter.UInt64BitsToDouble(top.TimeBits);
        Now = time;
        Processed++;
        return new Event(time, (long)(top.Order >> SlotBits), payload.Kind, payload.Subject, payload.Data);
    }

    /// <summary>Pops the next event if it fires no later than <paramref name="until"/>.</summary>
    public bool TryPop(double until, out Event next)
    {
        if (Count == 0 || NextTime > until)
        {
            next = default;
            return false;
        }

        next = Pop();
        return true;
    }

    /// <summary>Moves the clock forward to <paramref name="time"/> without an event (used to close a run at its horizon).</summary>
    public void AdvanceTo(double time)
    {
        if (time < Now)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "The clock cannot go back.");
        }

        Now = time;
    }

    /// <summary>1 when <paramref name="a"/> fires before <paramref name="b"/>, else 0; computed without branches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Before(in Node a, in Node b) =>
        Unsafe.BitCast<bool, byte>(a.TimeBits < b.TimeBits)
        | (Unsafe.BitCast<bool, byte>(a.TimeBits == b.TimeBits) & Unsafe.BitCast<bool, byte>(a.Order < b.Order));

    /// <summary>
    /// The lane whose head fires before the heap's root (and before every other lane's head), with
    /// that head in <paramref name="head"/>; null when the heap's root comes first.
    /// </summary>
    private Lane? EarliestLane(out Node head)
    {
        Lane? best = null;
        head = _heapCount > 0 ? _heap[0] : Padding;
        for (var i = 0; i < _lanesInUse; i++)
        {
            var lane = _lanes[i];
            if (Before(lane.Head, head) != 0)
            {
                head = lane.Head;
                best = lane;
            }
        }

        return best;
    }

    /// <summary>
    /// The lane serving <paramref name="delay"/>: an existing one, or a new (or emptied) one when
    /// the delay was seen among the last few that went to the heap; null for the heap.
    /// </summary>
    private Lane? LaneFor(double delay)
    {
        var bits = BitConverter.DoubleToUInt64Bits(delay);
        Lane? idle = null;
        for (var i = 0; i < _lanesInUse; i++)
        {
            var lane = _lanes[i];
            if (lane.DelayBits == bits)
            {
                return lane;
            }

            if (lane.Count == 0)
            {
                idle ??= lane;
            }
        }

        if (Array.IndexOf(_recentDelays, delay) < 0)
        {
            _recentDelays[_recentNext] = delay;
            _recentNext = (_recentNext + 1) % RecentDelays;
            return null;
        }

        if (idle is null)
        {
            if (_lanesInUse == LaneCount)
            {
                return null;
            }

            idle = _lanes[_lanesInUse++];
        }

        idle.DelayBits = bits;
        return idle;
    }

    private void ForgetDelays()
    {
        // NaN never equals a delay, so an empty memory matches nothing.
        Array.Fill(_recentDelays, double.NaN);
        _recentNext = 0;
    }

    private Node NewNode(double time, int kind, int subject, int data)
    {
        if (_nextSequence == MaxScheduled)
        {
            throw new InvalidOperationException($"More than {MaxScheduled} events were scheduled in one run; the event queue cannot order more.");
        }

        var slot = AllocateSlot();
        _payload[slot] = new Payload(kind, subject, data);

        // Adding +0.0 turns −0.0 into +0.0, whose bits sort first; every other time is positive.
        return new Node(BitConverter.DoubleToUInt64Bits(time + 0.0), ((ulong)_nextSequence++ << SlotBits) | (uint)slot);
    }

    private int AllocateSlot()
    {
        if (_freeCount > 0)
        {
            return _freeSlots[--_freeCount];
        }

        if (_slotCount == _payload.Length)
        {
            if (_slotCount == MaxPending)
            {
                throw new InvalidOperationException($"More than {MaxPending} events are pending; the event queue cannot hold more.");
            }

            var size = (int)Math.Min((long)_payload.Length * 2, MaxPending);
            Array.Resize(ref _payload, size);
            Array.Resize(ref _freeSlots, size);
        }

        return _slotCount++;
    }

    private void PushHeap(Node item)
    {
        if (_heapCount + Arity >= _heap.Length)
        {
            var old = _heap.Length;
            Array.Resize(ref _heap, ((old - Arity) * 2) + Arity);
            _heap.AsSpan(old).Fill(Padding);
        }

        ref var heap = ref MemoryMarshal.GetArrayDataReference(_heap);
        var i = _heapCount++;
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            ref var p = ref Unsafe.Add(ref heap, parent);
            if (Before(item, p) == 0)
            {
                break;
            }

            Unsafe.Add(ref heap, i) = p;
            i = parent;
        }

        Unsafe.Add(ref heap, i) = item;
    }

    /// <summary>
    /// Removes the heap's root: the last node moves into the hole, which sinks along the earliest
    /// child. Positions from the heap's count on always hold <see cref="Padding"/>, so all four
    /// children of a node with any child can be read (the array keeps <see cref="Arity"/> spare nodes).
    /// </summary>
    private void RemoveTop()
    {
        ref var heap = ref MemoryMarshal.GetArrayDataReference(_heap);
        var n = --_heapCount;
        var item = Unsafe.Add(ref heap, n);
        Unsafe.Add(ref heap, n) = Padding;
        if (n == 0)
        {
            heap = Padding;
            return;
        }

        var i = 0;
        while (true)
        {
            var first = (i << 2) + 1;
            if (first >= n)
            {
                break;
            }

            var a = first + Before(Unsafe.Add(ref heap, first + 1), Unsafe.Add(ref heap, first));
            var b = first + 2 + Before(Unsafe.Add(ref heap, first + 3), Unsafe.Add(ref heap, first + 2));
            var best = a + ((b - a) & -Before(Unsafe.Add(ref heap, b), Unsafe.Add(ref heap, a)));
            ref var child = ref Unsafe.Add(ref heap, best);
            if (Before(child, item) == 0)
            {
                break;
            }

            Unsafe.Add(ref heap, i) = child;
            i = best;
        }

        Unsafe.Add(ref heap, i) = item;
    }

    /// <summary>A heap or lane node: the time's bits and the sequence number packed above the payload slot.</summary>
    private readonly record struct Node(ulong TimeBits, ulong Order);

    /// <summary>The model-defined part of a pending event.</summary>
    private readonly record struct Payload(int Kind, int Subject, int Data);

    /// <summary>
    /// A first-in-first-out ring of nodes that all share one delay, so they arrive in order. The
    /// earliest node is kept in <see cref="Head"/> (padding when empty) so that choosing between
    /// lanes reads one field per lane.
    /// </summary>
    private sealed class Lane
    {
        private Node[] _ring = new Node[64];
        private int _start;

        /// <summary>The bits of the delay the lane serves.</summary>
        public ulong DelayBits { get; set; }

        /// <summary>Nodes in the lane.</summary>
        public int Count { get; private set; }

        /// <summary>The earliest node, or <see cref="Padding"/> when the lane is empty.</summary>
        public Node Head { get; private set; } = Padding;

        public void Add(in Node node)
        {
            if (Count == _ring.Length)
            {
                var grown = new Node[_ring.Length * 2];
                var tail = _ring.Length - _start;
                Array.Copy(_ring, _start, grown, 0, tail);
                Array.Copy(_ring, 0, grown, tail, _start);
                _ring = grown;
                _start = 0;
            }

            _ring[(_start + Count) & (_ring.Length - 1)] = node;
            if (Count++ == 0)
            {
                Head = node;
            }
        }

        public void RemoveFirst()
        {
            _start = (_start + 1) & (_ring.Length - 1);
            Head = --Count > 0 ? _ring[_start] : Padding;
        }

        public void Clear()
        {
            _start = 0;
            Count = 0;
            Head = Padding;
        }
    }
}
