using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CoordSim.Benchmarks;

/// <summary>
/// The <c>--quick</c> configuration: BenchmarkDotNet's defaults with one short in-process job
/// (1 launch, 3 warm-up and 5 measured iterations) over the headline suites (event queue, whole
/// runs), so the table comes in a few minutes without building a separate benchmark project.
/// Less precise than the full set.
/// </summary>
public static class QuickConfig
{
    /// <summary>The suites the quick mode runs.</summary>
    public static Type[] Suites { get; } = [typeof(EventQueueBenchmarks), typeof(RunBenchmarks)];

    /// <summary>The short in-process job.</summary>
    public static Job Job { get; } = Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(5)
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithId("Quick");

    /// <summary>The default configuration with <see cref="Job"/> as its only job.</summary>
    public static IConfig Create() => ManualConfig.Create(DefaultConfig.Instance).AddJob(Job);
}
