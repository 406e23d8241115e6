using CoordSim.Engine;

namespace CoordSim.Tests.Engine;

public class EventQueueTests
{
    [Fact]
    public void Events_pop_in_time_order_and_ties_in_scheduling_order()
    {
        var q = new EventQueue(2);
        q.Schedule(2.0, kind: 1, subject: 0);
        q.Schedule(1.0, kind: 1, subject: 1);
        q.Schedule(2.0, kind: 1, subject: 2);
        q.Schedule(1.0, kind: 1, subject: 3);
        var order = new List<int>();
        while (q.Count > 0)
        {
            order.Add(q.Pop().Subject);
        }

        Assert.Equal([1, 3, 0, 2], order);
        Assert.Equal(2.0, q.Now);
    }

    [Fact]
    public void Many_equal_times_pop_in_scheduling_order_with_increasing_sequence()
    {
        var q = new EventQueue(4);
        for (var i = 0; i < 500; i++)
        {
            q.Schedule(7.0, kind: 0, subject: i);
        }

        var previous = -1L;
        for (var i = 0; i < 500; i++)
        {
            var e = q.Pop();
            Assert.Equal(i, e.Subject);
            Assert.True(e.Sequence > previous);
            previous = e.Sequence;
        }
    }

    /// <summary>A capacity of at least one and at most the pending events a slot number can address; refused outside, before anything is allocated.</summary>
    [Fact]
    public void A_capacity_outside_one_to_the_most_pending_events_is_refused()
    {
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new EventQueue(0)).ParamName);
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new EventQueue(EventQueue.MaxPending + 1)).ParamName);
        Assert.Equal(0, new EventQueue(1).Count);
    }

    [Fact]
    public void Grows_beyond_its_initial_capacity_and_keeps_every_event()
    {
        var q = new EventQueue(1);
        var random = new RandomStream(3);
        var times = Enumerable.Range(0, 5000).Select(_ => random.NextDouble() * 100).ToArray();
        for (var i = 0; i < times.Length; i++)
        {
            q.Schedule(times[i], kind: 2, subject: i, data: -i);
        }

        Assert.Equal(times.Length, q.Count);
        var expected = times.Select((t, i) => (t, i)).OrderBy(x => x.t).ThenBy(x => x.i).Select(x => x.i).ToArray();
        var popped = new int[times.Length];
        for (var k = 0; k < popped.Length; k++)
        {
            var e = q.Pop();
            Assert.Equal(2, e.Kind);
            Assert.Equal(-e.Subject, e.Data);
            popped[k] = e.Subject;
        }

        Assert.Equal(expected, popped);
        Assert.Equal(times.Length, q.Processed);
    }

    [Fact]
    public void Reset_empties_the_queue_and_restarts_clock_sequence_and_count()
    {
        var q = new EventQueue(8);
        q.Schedule(3, 1, subject: 1);
        q.Schedule(5, 1, subject: 2);
        q.Pop();
        Assert.Equal(3, q.Now);

        q.Reset();

        Assert.Equal(0, q.Count);
        Assert.Equal(0, q.Now);
        Assert.Equal(0, q.Processed);
        Assert.Equal(double.PositiveInfinity, q.NextTime);
        q.Schedule(0, 1, subject: 9);
        var e = q.Pop();
        Assert.Equal(9, e.Subject);
        Assert.Equal(0, e.Sequence);
    }

    [Fact]
    public void Cannot_schedule_before_now_or_at_an_undefined_time()
    {
        var q = new EventQueue();
        q.Schedule(5, 1);
        q.Pop();

        Assert.Throws<ArgumentOutOfRangeException>(() => q.Schedule(4.999, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => q.Schedule(double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => q.ScheduleIn(-0.001, 1));
        q.Schedule(5, 1, subject: 7);
        Assert.Equal(7, q.Pop().Subject);
    }

    [Fact]
    public void ScheduleIn_is_relative_to_now()
    {
        var q = new EventQueue();
        q.Schedule(2, 1);
        q.Pop();
        q.ScheduleIn(1.5, 1, subject: 4);
        Assert.Equal(3.5, q.NextTime);
        Assert.Equal(4, q.Pop().Subject);
        Assert.Equal(3.5, q.Now);
    }

    [Fact]
    public void TryPop_returns_only_events_no_later_than_until()
    {
        var q = new EventQueue();
        q.Schedule(1, 1, subject: 1);
        q.Schedule(2, 1, subject: 2);
        q.Schedule(3, 1, subject: 3);

        Assert.True(q.TryPop(2, out var first));
        Assert.Equal(1, first.Subject);
        Assert.True(q.TryPop(2, out var second));
        Assert.Equal(2, second.Subject);
        Assert.False(q.TryPop(2, out var none));
        Assert.Equal(default(Event), none);
        Assert.Equal(2, q.Now);
        Assert.Equal(1, q.Count);
        Assert.Equal(3, q.NextTime);
    }

    [Fact]
    public void Pop_on_an_empty_queue_throws_and_TryPop_returns_false()
    {
        var q = new EventQueue();
        Assert.Throws<InvalidOperationException>(() => q.Pop());
        Assert.False(q.TryPop(double.PositiveInfinity, out _));
    }

    [Fact]
    public void AdvanceTo_moves_the_clock_forward_only()
    {
        var q = new EventQueue();
        q.AdvanceTo(10);
        Assert.Equal(10, q.Now);
        Assert.Throws<ArgumentOutOfRangeException>(() => q.AdvanceTo(9));
        Assert.Throws<ArgumentOutOfRangeException>(() => q.Schedule(9.5, 1));
    }

    [Fact]
    public void Capacity_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventQueue(0));
    }

    [Fact]
    public void Schedule_and_pop_allocate_nothing_in_steady_state()
    {
        const int pending = 1000;
        const int operations = 100_000;
        var q = new EventQueue(16);
        var random = new RandomStream(11);

        // Warm-up: grow the heap to its steady-state size and let the JIT settle.
        for (var i = 0; i < pending; i++)
        {
            q.Schedule(random.NextDouble(), 1, i);
        }

        Churn(q, random, operations);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Churn(q, random, operations);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(pending, q.Count);
    }

    private static void Churn(EventQueue q, RandomStream random, int operations)
    {
        for (var i = 0; i < operations; i++)
        {
            var e = q.Pop();
            q.ScheduleIn(random.NextDouble() * 2, e.Kind, e.Subject, e.Data);
        }
    }
}
