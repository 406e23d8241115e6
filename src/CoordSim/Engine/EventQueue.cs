namespace CoordSim.Engine;

/// <summary>
/// The future event list and the simulated clock: an array-backed 4-ary min-heap of
/// <see cref="Event"/> values keyed by (time, sequence), so equal times pop in scheduling
/// order. Scheduling and popping allocate nothing once the array has grown to the
/// largest number of pending events.
/// </summary>
public sealed class EventQueue
{
    private Event[] _heap;
    private int _count;
    private long _nextSequence;

    /// <summary>Creates an empty queue with room for <paramref name="capacity"/> pending events before it grows.</summary>
    public EventQueue(int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _heap = new Event[capacity];
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
        _count = 0;
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

        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        var item = new Event(time, _nextSequence++, kind, subject, data);
        var i = _count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            if (!item.Precedes(_heap[parent]))
            {
                break;
            }

            _heap[i] = _heap[parent];
            i = parent;
        }

        _heap[i] = item;
    }

    /// <summary>Schedules an event <paramref name="delay"/> days from now.</summary>
    public void ScheduleIn(double delay, int kind, int subject = 0, int data = 0) =>
        Schedule(Now + delay, kind, subject, data);

    /// <summary>Time of the next event, or <see cref="double.PositiveInfinity"/> when none is pending.</summary>
    public double NextTime => _count == 0 ? double.PositiveInfinity : _heap[0].Time;

    /// <summary>Removes the next event, advances the clock to its time and returns it.</summary>
    public Event Pop()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("The event queue is empty.");
        }

        var top = _heap[0];
        var last = _heap[--_count];
        if (_count > 0)
        {
            SiftDown(last);
        }

        Now = top.Time;
        Processed++;
        return top;
    }

    /// <summary>Pops the next event if it fires no later than <paramref name="until"/>.</summary>
    public bool TryPop(double until, out Event next)
    {
        if (_count == 0 || _heap[0].Time > until)
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

    private void SiftDown(Event item)
    {
        var i = 0;
        var n = _count;
        while (true)
        {
            var first = (i << 2) + 1;
            if (first >= n)
            {
                break;
            }

            var best = first;
            var end = Math.Min(first + 4, n);
            for (var c = first + 1; c < end; c++)
            {
                if (_heap[c].Precedes(_heap[best]))
                {
                    best = c;
                }
            }

            if (!_heap[best].Precedes(item))
            {
                break;
            }

            _heap[i] = _heap[best];
            i = best;
        }

        _heap[i] = item;
    }
}
