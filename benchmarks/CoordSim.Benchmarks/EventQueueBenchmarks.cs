using BenchmarkDotNet.Attributes;
using CoordSim.Engine;
using MathNet.Numerics.Distributions;

namespace CoordSim.Benchmarks;

/// <summary>
/// The engine alone: the classic "hold" pattern on the future event list. A queue holding
/// <see cref="Pending"/> events pops the next one and schedules a new one an exponential time
/// later, so the queue size stays constant (steady state). One operation = one pop + one
/// schedule = one event; the delays are drawn beforehand so only the queue is measured.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class EventQueueBenchmarks
{
    /// <summary>Hold operations per benchmark invocation.</summary>
    public const int HoldsPerInvoke = 1 << 16;

    private const int DelayCount = 1 << 16;
    private EventQueue _queue = new();
    private double[] _delays = [];
    private int _cursor;

    /// <summary>Number of pending events in the queue.</summary>
    [Params(1_000, 100_000)]
    public int Pending { get; set; } = 1_000;

    /// <summary>Fills the queue with <see cref="Pending"/> events at exponential times and draws the delays.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new RandomStream(Scenarios.Seed);
        _queue = new EventQueue(Pending);
        var times = new double[Pending];
        Exponential.Samples(random, times, 1.0);
        for (var i = 0; i < times.Length; i++)
        {
            _queue.Schedule(times[i], kind: 1, subject: i, data: i);
        }

        _delays = new double[DelayCount];
        Exponential.Samples(random, _delays, 1.0);
        _cursor = 0;
    }

    /// <summary><see cref="HoldsPerInvoke"/> holds: pop the next event, schedule its successor at now + Exp(1).</summary>
    [Benchmark(OperationsPerInvoke = HoldsPerInvoke)]
    public double Hold()
    {
        var queue = _queue;
        var delays = _delays;
        var j = _cursor;
        for (var i = 0; i < HoldsPerInvoke; i++)
        {
            var e = queue.Pop();
            queue.Schedule(e.Time + delays[j], e.Kind, e.Subject, e.Data);
            j = (j + 1) & (DelayCount - 1);
        }

        _cursor = j;
        return queue.Now;
    }
}
