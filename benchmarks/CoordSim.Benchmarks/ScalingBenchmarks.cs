using BenchmarkDotNet.Attributes;
using CoordSim.Metrics;
using CoordSim.Structures;

namespace CoordSim.Benchmarks;

/// <summary>
/// Time and allocation against organisation size (10^3 … 10^6 people at 10^4 issues) and issue
/// count (10^4 … 10^7 issues on the default organisation), hierarchy structure. Each operation is
/// one whole run. Peak working set is measured outside BenchmarkDotNet by the <c>--scaling</c> mode.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ScalingBenchmarks
{
    private Parameters _parameters = Parameters.Default;

    /// <summary>The points of both series.</summary>
    public static IEnumerable<ScalingPoint> Points => ScalingPoint.BothSeries(maxPeopleExponent: 6, maxIssuesExponent: 7);

    /// <summary>The point run.</summary>
    [ParamsSource(nameof(Points))]
    public ScalingPoint Point { get; set; } = new("issues", 0, 10_000);

    /// <summary>Resolves the parameters.</summary>
    [GlobalSetup]
    public void Setup() => _parameters = Point.Parameters;

    /// <summary>One run of the strict hierarchy with the benchmark seed.</summary>
    [Benchmark]
    public RunResult Run() => Simulation.Run(Structure.Hierarchy(), _parameters, Scenarios.Seed);
}
