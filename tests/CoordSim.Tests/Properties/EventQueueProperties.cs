using CoordSim.Engine;
using FsCheck.Xunit;

namespace CoordSim.Tests.Properties;

public class EventQueueProperties
{
    [Property(MaxTest = 200)]
    public void Pops_in_time_order_with_ties_in_scheduling_order(byte[] times, int capacity)
    {
        var q = new EventQueue(1 + Math.Abs(capacity % 8));
        for (var i = 0; i < times.Length; i++)
        {
            q.Schedule(times[i] / 16.0, kind: 0, subject: i);
        }

        var expected = times.Select((t, i) => (t, i)).OrderBy(x => x.t).ThenBy(x => x.i).Select(x => x.i);
        var popped = new List<int>();
        while (q.TryPop(double.PositiveInfinity, out var e))
        {
            Assert.Equal(e.Time, q.Now);
            popped.Add(e.Subject);
        }

        Assert.Equal(expected, popped);
    }

    [Property(MaxTest = 100)]
    public void Interleaved_scheduling_never_goes_back_in_time(byte[] delays)
    {
        var q = new EventQueue(2);
        q.Schedule(0, 0);
        var last = 0.0;
        foreach (var d in delays)
        {
            var e = q.Pop();
            Assert.True(e.Time >= last);
            last = e.Time;
            q.ScheduleIn(d / 8.0, 0);
            q.ScheduleIn((255 - d) / 8.0, 0);
        }

        Assert.Equal(delays.Length + 1, q.Count);
    }
}
