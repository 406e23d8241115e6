using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CoordSim.Engine;

/// <summary>
/// The future event list and the simulated clock: an array-backed 4-ary min-heap keyed by
/// (time, sequence), so equal times pop in scheduling order. Scheduling and popping allocate
/// nothing once the arrays have grown to the largest number of pending events.
/// </summary>
/// <remarks>
/// For speed the heap holds 16-byte nodes (four children fill one 64-byte cache line): the time's
/// IEEE bits, which order like the times themselves because no time is negative, and one word
/// that packs the sequence number above the index of a payload slot holding kind, subject and
/// data. Children are compared without branches against padding nodes that sort after every
/// event. The packing limits a queue to 2^26 (67 million) pending events and 2^38 (2.7 × 10^11)
/// events scheduled between resets; going past either throws <see cref="InvalidOperationException"/>.
/// </remarks>
public sealed class EventQueue
{
    /// <summary>Most events that can be pending at once.</summary>
    public const int MaxPending = 1 << SlotBits;

    /// <summary>Most events that can be scheduled between creation (or <see cref="Reset"/>) and the end of a run.</summary>
    public const long MaxScheduled = 1L << (64 - SlotBits);

    private const int SlotBits = 26;
    private const ulong SlotMask = (1UL << SlotBits) - 1;
    private const int Arity = 4;

    private static readonly Node Padding = new(ulong.MaxValue, ulong.MaxValue);

    private Node[] _heap;
    private Payload[] _payload;
    private int[] _freeSlots;
    private int _freeCount;
    private int _slotCount;
    private int _count;
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
    }

    /// <summary>The simulated time in days: the time of the last event popped.</summary>
    public double Now { get; private set; }

    /// <summary>Number of pending events.</summary>
    public int Count => _count;

    /// <summary>Number of events popped since creation or the last <see cref="Reset"/>.</summary>
    public long Processed { get; private set; }

    /// <summary>Empties the queue and sets the clock back to zero, keeping the storage.</summary>
    public void Reset()
    {
        _heap.AsSpan(0, _count).Fill(Padding);
        _count = 0;
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

        if (_nextSequence == MaxScheduled)
        {
            throw new InvalidOperationException($"More than {MaxScheduled} events were scheduled in one run; the event queue cannot order more.");
        }

        var slot = AllocateSlot();
        _payload[slot] = new Payload(kind, subject, data);
        if (_count + Arity >= _heap.Length)
        {
            Grow();
        }

        // Adding +0.0 turns −0.0 into +0.0, whose bits sort first; every other time is positive.
        var item = new Node(BitConverter.DoubleToUInt64Bits(time + 0.0), ((ulong)_nextSequence++ << SlotBits) | (uint)slot);
        SiftUp(_count++, item);
    }

    /// <summary>Schedules an event <paramref name="delay"/> days from now.</summary>
    public void ScheduleIn(double delay, int kind, int subject = 0, int data = 0) =>
        Schedule(Now + delay, kind, subject, data);

    /// <summary>Time of the next event, or <see cref="double.PositiveInfinity"/> when none is pending.</summary>
    public double NextTime => _count == 0 ? double.PositiveInfinity : BitConverter.UInt64BitsToDouble(_heap[0].TimeBits);

    /// <summary>Removes the next event, advances the clock to its time and returns it.</summary>
    public Event Pop()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("The event queue is empty.");
        }

        var top = _heap[0];
        RemoveTop();
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
        if (_count == 0 || BitConverter.UInt64BitsToDouble(_heap[0].TimeBits) > until)
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

    private void Grow()
    {
        var old = _heap.Length;
        Array.Resize(ref _heap, ((old - Arity) * 2) + Arity);
        _heap.AsSpan(old).Fill(Padding);
    }

    private void SiftUp(int i, Node item)
    {
        ref var heap = ref MemoryMarshal.GetArrayDataReference(_heap);
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
    /// Removes the root: the last node moves into the hole, which sinks along the earliest child.
    /// Positions from <see cref="_count"/> on always hold <see cref="Padding"/>, so all four children
    /// of a node with any child can be read (the array keeps <see cref="Arity"/> spare nodes).
    /// </summary>
    private void RemoveTop()
    {
        ref var heap = ref MemoryMarshal.GetArrayDataReference(_heap);
        var n = --_count;
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

    /// <summary>A heap node: the time's bits and the sequence number packed above the payload slot.</summary>
    private readonly record struct Node(ulong TimeBits, ulong Order);

    /// <summary>The model-defined part of a pending event.</summary>
    private readonly record struct Payload(int Kind, int Subject, int Data);
}
