using CoordSim.Engine;

namespace CoordSim.Tests.Engine;

/// <summary>An event precedes another when it fires earlier, or at the same time and was scheduled earlier.</summary>
public class EventTests
{
    [Theory]
    [InlineData(1.0, 5, 2.0, 0, true)]     // earlier time, whatever the sequence
    [InlineData(2.0, 0, 1.0, 5, false)]    // later time
    [InlineData(1.0, 3, 1.0, 4, true)]     // same time, scheduled earlier
    [InlineData(1.0, 4, 1.0, 3, false)]    // same time, scheduled later
    [InlineData(1.0, 4, 1.0, 4, false)]    // an event does not precede itself
    public void Precedes_orders_by_time_then_sequence(double time, long sequence, double otherTime, long otherSequence, bool precedes)
    {
        var a = new Event(time, sequence, 1, 0, 0);
        var b = new Event(otherTime, otherSequence, 1, 0, 0);
        Assert.Equal(precedes, a.Precedes(b));
    }

    [Fact]
    public void Precedes_agrees_with_the_queues_pop_order()
    {
        var q = new EventQueue();
        foreach (var t in new[] { 3.0, 1.0, 2.0, 1.0, 3.0 })
        {
            q.Schedule(t, kind: 1);
        }

        var popped = Enumerable.Range(0, 5).Select(_ => q.Pop()).ToArray();
        Assert.All(popped.Zip(popped.Skip(1)), pair => Assert.True(pair.First.Precedes(pair.Second)));
    }
}
