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
}
