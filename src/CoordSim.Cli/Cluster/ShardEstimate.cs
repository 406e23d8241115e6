using System.Globalization;
using CoordSim.Experiments;

namespace CoordSim.Cli.Cluster;

/// <summary>
/// What one task of a sharded sweep asks Slurm for when the user does not say: memory from the largest run's
/// (<see cref="ResourceEstimate.RunMemory"/>) times the runs held at once, and a time limit from the runs' calibrated
/// seconds (<see cref="ResourceEstimate.SecondsPerRun"/>) times the shard's runs, each with a safety factor, because a
/// task that goes beyond either is killed by Slurm.
/// </summary>
/// <param name="RunsPerShard">Runs of the largest shard (the shards are balanced: they differ by at most one run).</param>
/// <param name="Cpus">Cores of a task, one run on each.</param>
/// <param name="RunMemoryBytes">The largest run's memory (<see cref="ResourceEstimate.RunMemoryBytes"/>).</param>
/// <param name="SecondsPerRun">Seconds of a run on one core of this machine, from the calibration; NaN when it was not run.</param>
internal sealed record ShardEstimate(int RunsPerShard, int Cpus, long RunMemoryBytes, double SecondsPerRun)
{
    /// <summary>
    /// Memory asked for over the estimate: <see cref="ResourceEstimate"/> is rough, a factor of two either way, and a
    /// task beyond its memory is killed.
    /// </summary>
    public const double MemorySafety = 2;

    /// <summary>
    /// The least memory a task asks for, in MB: the .NET runtime, the results files and the shard's figures (a shard
    /// of 3 small runs peaked at 135 MB of resident memory, figures included).
    /// </summary>
    public const long MemoryFloorMegabytes = 512;

    /// <summary>
    /// Time asked for over the estimate: the calibration is rough (a factor of two either way), it ran on this
    /// machine, not on the cluster's nodes, and a task beyond its limit is stopped before its shard is done.
    /// </summary>
    public const double TimeSafety = 3;

    /// <summary>
    /// The shortest time limit asked for, in minutes: starting the process, the sweep's own calibration, the shard's
    /// figures and a slow shared file system, which the runs' time does not include.
    /// </summary>
    public const int TimeFloorMinutes = 10;

    /// <summary>Whether the runs were timed (the time limit can be estimated).</summary>
    public bool Timed => !double.IsNaN(SecondsPerRun);

    /// <summary>Runs of a task at once: its cores, or its runs when fewer.</summary>
    public int Concurrent => Math.Max(1, Math.Min(Cpus, RunsPerShard));

    /// <summary>The memory a task asks for, in MB: <see cref="MemorySafety"/> times its runs at once, at least <see cref="MemoryFloorMegabytes"/>.</summary>
    public long MemoryMegabytes =>
        Math.Max(MemoryFloorMegabytes, (long)Math.Ceiling(MemorySafety * RunMemoryBytes * Concurrent / (1024.0 * 1024.0)));

    /// <summary>The estimated seconds of a task's runs: its runs over its cores at the calibrated pace (NaN when not timed).</summary>
    public double RunSeconds => RunsPerShard * SecondsPerRun / Concurrent;

    /// <summary>
    /// The time limit a task asks for: <see cref="TimeSafety"/> times <see cref="RunSeconds"/>, rounded up to whole
    /// minutes, at least <see cref="TimeFloorMinutes"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The runs were not timed.</exception>
    public SlurmTimeLimit TimeLimit
    {
        get
        {
            if (!Timed)
            {
                throw new InvalidOperationException("The runs were not timed, so there is no time limit to estimate.");
            }

            var minutes = Math.Max(TimeFloorMinutes, Math.Ceiling(TimeSafety * RunSeconds / 60));
            return new SlurmTimeLimit((long)Math.Min(minutes, 365.0 * 24 * 60) * 60);
        }
    }

    /// <summary>How the estimate was made, in one line, for example "3 runs per task of about 0.1 s each on 1 core, up to 75 MB per run".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{RunsPerShard} runs per task of {(Timed ? "about " + Seconds(SecondsPerRun) + " each" : "time not estimated")} on {Concurrent} {(Concurrent == 1 ? "core" : "cores")}, up to {ResourceEstimate.Size(RunMemoryBytes)} per run");

    private static string Seconds(double seconds) => seconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0.###} s")
        : ResourceEstimate.Duration(TimeSpan.FromSeconds(seconds));
}
