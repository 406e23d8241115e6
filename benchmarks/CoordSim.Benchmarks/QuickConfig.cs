using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CoordSim.Benchmarks;

/// <summary>
/// The <c>--quick</c> configuration: the headline suites (event queue, whole runs) with a short
/// in-process job (1 launch, 3 warm-up and 5 measured iterations), so the table comes in a few
/// minutes without building a separate benchmark project. Less precise than the full set.
/// </summary>
public class QuickConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public QuickConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Quick"));
    }

    /// <summary>The suites the quick mode runs.</summary>
    public static Type[] Suites { get; } = [typeof(EventQueueBenchmarks), typeof(RunBenchmarks)];
}
