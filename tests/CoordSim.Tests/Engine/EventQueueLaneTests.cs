using CoordSim.Engine;

namespace CoordSim.Tests.Engine;

/// <summary>
/// The first-in-first-out lanes for recurring delays and what <see cref="EventQueue.Reset"/> must forget: a lane that
/// outgrows its ring (also when the ring has wrapped), the next time when a lane's head comes before the heap's root,
/// and a reset queue that holds nothing of what was pending, in the heap or in a lane.
/// </summary>
public class EventQueueLaneTests
{
    [Fact]
    public void A_lane_keeps_every_event_and_their_order_past_its_first_ring_also_when_wrapped()
    {
        // One delay recurring 250 times goes to one lane (after its first use, to the heap); popping some first makes
        // the ring wrap before it grows.
        var q = new EventQueue();
        var expected = new List<int>();
        for (var i = 0; i < 50; i++)
        {
            q.ScheduleIn(1.0, kind: 1, subject: i);
        }

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(i, q.Pop().Subject);
        }

        for (var i = 50; i < 250; i++)
        {
            q.ScheduleIn(1.0, kind: 1, subject: i);
        }

        Assert.Equal(220, q.Count);
        var popped = new List<Event>();
        while (q.Count > 0)
        {
            popped.Add(q.Pop());
        }

        Assert.Equal(Enumerable.Range(30, 220), popped.Select(e => e.Subject));
        Assert.All(popped, e => Assert.Equal(e.Subject < 50 ? 1.0 : 2.0, e.Time));   // the later ones a day after the 30th pop
        Assert.Equal(popped.Select(e => e.Sequence).Order(), popped.Select(e => e.Sequence));
    }

    [Fact]
    public void The_next_time_is_a_lanes_head_when_it_comes_before_the_heaps_root()
    {
        var q = new EventQueue();
        q.ScheduleIn(1.0, kind: 1, subject: 0);    // first use of the delay: the heap
        q.ScheduleIn(1.0, kind: 1, subject: 1);    // recurring: a lane
        q.Schedule(5.0, kind: 1, subject: 2);      // the heap
        Assert.Equal(0, q.Pop().Subject);

        Assert.Equal(1.0, q.NextTime);             // the lane's head, not the heap's root at 5
        Assert.Equal(1, q.Pop().Subject);
        Assert.Equal(5.0, q.NextTime);
    }

    [Fact]
    public void Reset_forgets_the_pending_events_of_the_heap()
    {
        // Ten pending events fill the heap's first nodes; after the reset three new ones must pop alone and in order.
        var q = new EventQueue();
        for (var i = 1; i <= 10; i++)
        {
            q.Schedule(i, kind: 1, subject: i);
        }

        q.Reset();
        q.Schedule(100, kind: 2, subject: 100);
        q.Schedule(200, kind: 2, subject: 200);
        q.Schedule(300, kind: 2, subject: 300);

        Assert.Equal([100, 200, 300], [q.Pop().Subject, q.Pop().Subject, q.Pop().Subject]);
        Assert.Equal(0, q.Count);
    }

    [Fact]
    public void Reset_forgets_the_pending_events_of_the_lanes()
    {
        var q = new EventQueue();
        for (var i = 0; i < 5; i++)
        {
            q.ScheduleIn(1.0, kind: 1, subject: i);    // four of them wait in a lane
        }

        q.Reset();
        for (var i = 0; i < 3; i++)
        {
            q.ScheduleIn(2.0, kind: 2, subject: 10 + i);    // the second and third take a lane again
        }

        var popped = new List<Event>();
        while (q.Count > 0)
        {
            popped.Add(q.Pop());
        }

        Assert.Equal([10, 11, 12], popped.Select(e => e.Subject));
        Assert.All(popped, e => Assert.Equal(2.0, e.Time));
    }

    [Fact]
    public void The_clock_may_be_advanced_to_the_time_it_shows()
    {
        var q = new EventQueue();
        q.AdvanceTo(3.0);
        q.AdvanceTo(3.0);
        Assert.Equal(3.0, q.Now);
    }

    [Fact]
    public void Errors_say_what_went_wrong()
    {
        var q = new EventQueue();
        q.Schedule(5.0, kind: 1);
        q.Pop();

        Assert.Contains("before the current time 5", Assert.Throws<ArgumentOutOfRangeException>(() => q.Schedule(4.0, kind: 1)).Message, StringComparison.Ordinal);
        var past = Assert.Throws<ArgumentOutOfRangeException>(() => q.ScheduleIn(-1.0, kind: 1));
        Assert.Equal("delay", past.ParamName);
        Assert.Contains("the delay must be zero or positive", past.Message, StringComparison.Ordinal);
        Assert.Contains("The clock cannot go back", Assert.Throws<ArgumentOutOfRangeException>(() => q.AdvanceTo(4.0)).Message, StringComparison.Ordinal);
        Assert.Contains("empty", Assert.Throws<InvalidOperationException>(() => q.Pop()).Message, StringComparison.Ordinal);
    }
}
