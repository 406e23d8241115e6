using CoordSim.Engine;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CoordSim.Tests.Engine;

/// <summary>The packed, branch-free heap must pop exactly as a plain sort by (time, sequence) would.</summary>
public class EventQueueOrderTests
{
    private static readonly double[] Delays = [0.25, 0.0, 0.1, 0.25, 1.0 / 3.0, 0.75, 2.0, 0.1, 0.5];

    /// <summary>
    /// Interleaves absolute schedules, relative schedules and pops (delays in quarter days, many of
    /// them equal or zero so that ties are common, and six recurring delays competing for the
    /// lanes) and compares every popped event with the earliest (time, sequence) pending in a
    /// reference list.
    /// </summary>
    [Property(MaxTest = 300)]
    public void Pops_match_a_reference_ordered_by_time_then_sequence(byte[] script, PositiveInt capacity)
    {
        var queue = new EventQueue(Math.Min(capacity.Get, 64));
        var reference = new List<(double Time, long Sequence, int Subject)>();
        long sequence = 0;
        var subject = 0;
        foreach (var step in script)
        {
            if (step % 3 == 0 && reference.Count > 0)
            {
                var expected = reference.MinBy(e => (e.Time, e.Sequence));
                reference.Remove(expected);
                var actual = queue.Pop();
                Assert.Equal(expected.Time, actual.Time);
                Assert.Equal(expected.Sequence, actual.Sequence);
                Assert.Equal(expected.Subject, actual.Subject);
                Assert.Equal(expected.Time, queue.Now);
            }
            else if (step % 3 == 1)
            {
                var time = queue.Now + ((step % 8) * 0.25);
                queue.Schedule(time, kind: step, subject: subject, data: -subject);
                reference.Add((time, sequence++, subject++));
            }
            else
            {
                var delay = Delays[(step / 3) % Delays.Length];
                queue.ScheduleIn(delay, kind: step, subject: subject, data: -subject);
                reference.Add((queue.Now + delay, sequence++, subject++));
            }

            Assert.Equal(reference.Count, queue.Count);
        }

        while (reference.Count > 0)
        {
            var expected = reference.MinBy(e => (e.Time, e.Sequence));
            reference.Remove(expected);
            var actual = queue.Pop();
            Assert.Equal((expected.Time, expected.Sequence, expected.Subject, -expected.Subject), (actual.Time, actual.Sequence, actual.Subject, actual.Data));
        }

        Assert.Equal(0, queue.Count);
        Assert.Equal(double.PositiveInfinity, queue.NextTime);
    }

    [Fact]
    public void Recurring_delays_and_absolute_times_interleave_in_time_then_sequence_order()
    {
        var q = new EventQueue(4);
        for (var i = 0; i < 5; i++)
        {
            q.ScheduleIn(1.0, kind: 1, subject: i);
        }

        q.Schedule(1.0, kind: 2, subject: 5);
        q.ScheduleIn(0.5, kind: 3, subject: 6);
        q.Schedule(0.5, kind: 4, subject: 7);
        var order = new List<int>();
        while (q.Count > 0)
        {
            order.Add(q.Pop().Subject);
        }

        Assert.Equal([6, 7, 0, 1, 2, 3, 4, 5], order);
        Assert.Throws<ArgumentOutOfRangeException>(() => q.ScheduleIn(-0.5, kind: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => q.ScheduleIn(double.NaN, kind: 1));
    }

    [Fact]
    public void Negative_zero_is_ordered_as_zero()
    {
        var q = new EventQueue(4);
        q.Schedule(0.0, kind: 1, subject: 1);
        q.Schedule(-0.0, kind: 1, subject: 2);
        q.Schedule(1.0, kind: 1, subject: 3);
        Assert.Equal(1, q.Pop().Subject);
        Assert.Equal(2, q.Pop().Subject);
        Assert.Equal(3, q.Pop().Subject);
    }

    [Fact]
    public void Reset_empties_the_queue_and_restarts_sequence_and_clock()
    {
        var q = new EventQueue(2);
        for (var i = 0; i < 10; i++)
        {
            q.Schedule(10 - i, kind: 1, subject: i);
        }

        q.Pop();
        q.Reset();
        Assert.Equal(0, q.Count);
        Assert.Equal(0, q.Now);
        Assert.Equal(0, q.Processed);
        Assert.False(q.TryPop(double.MaxValue, out _));
        q.Schedule(2.0, kind: 7, subject: 1, data: 9);
        q.Schedule(1.0, kind: 8, subject: 2, data: 10);
        var first = q.Pop();
        Assert.Equal(new Event(1.0, 1, 8, 2, 10), first);
        Assert.Equal(new Event(2.0, 0, 7, 1, 9), q.Pop());
    }

    [Fact]
    public void TryPop_stops_at_the_horizon_and_counts_processed_events()
    {
        var q = new EventQueue();
        q.Schedule(1.0, kind: 1);
        q.Schedule(3.0, kind: 1);
        Assert.True(q.TryPop(2.0, out var e));
        Assert.Equal(1.0, e.Time);
        Assert.False(q.TryPop(2.0, out _));
        Assert.Equal(3.0, q.NextTime);
        Assert.Equal(1, q.Processed);
    }

    [Fact]
    public void Scheduling_before_now_names_the_time()
    {
        var q = new EventQueue();
        q.Schedule(5.0, kind: 1);
        q.Pop();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => q.Schedule(4.0, kind: 1));
        Assert.Equal("time", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => q.Schedule(double.NaN, kind: 1));
    }
}
