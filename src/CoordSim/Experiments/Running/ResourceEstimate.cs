using System.Diagnostics;
using System.Globalization;

namespace CoordSim.Experiments;

/// <summary>
/// What a sweep will take, estimated before it starts, against what the machine has: memory (the largest run's people
/// and open issues, times the runs held at once), wall time (from a short calibration: up to <see cref="CalibrationRuns"/> of the plan's runs,
/// evenly spread, cut off after <see cref="CalibrationEvents"/> events and extrapolated to their horizon) and disk (rows of the files it
/// writes). Rough — a factor of two either way — and meant as a guard: <see cref="Refusals"/> beyond the hard budget,
/// <see cref="Warnings"/> beyond the soft one (docs/reliability.md gives the budgets and their reasons).
/// </summary>
/// <param name="Runs">Runs in the sweep.</param>
/// <param name="Threads">Runs at once.</param>
/// <param name="RunMemoryBytes">The largest run's memory: runtime, people and open issues (at most maxPending, and no more than arrive).</param>
/// <param name="AvailableMemoryBytes">Memory the process may use (the machine's or the container's limit).</param>
/// <param name="SecondsPerRun">Wall seconds of a run on one core, from the calibration (NaN when it was not run).</param>
/// <param name="DiskBytes">Bytes of the files the sweep writes.</param>
/// <param name="FreeDiskBytes">Free bytes on the results folder's disk (null when unknown).</param>
public sealed record ResourceEstimate(int Runs, int Threads, long RunMemoryBytes, long AvailableMemoryBytes, double SecondsPerRun, long DiskBytes, long? FreeDiskBytes)
{
    /// <summary>Points of a design looked at for memory and disk; a larger design is sampled evenly.</summary>
    public const int MaxPointsLooked = 2_000;

    /// <summary>Events after which a calibration run is cut off and extrapolated.</summary>
    public const long CalibrationEvents = 50_000;

    /// <summary>Untimed runs (the plan's first, cut off like the timed ones) before the calibration's.</summary>
    public const int WarmUpRuns = 3;

    /// <summary>Runs of the plan timed by the calibration, evenly spread over it (first and last included).</summary>
    public const int CalibrationRuns = 8;

    /// <summary>Memory of the runtime, the engine and the plan, before any person or issue (measured: 50 MB for a one-day default run).</summary>
    public const long BaseBytes = 64L << 20;

    /// <summary>Memory per person of the organisation (measured: 254 B at 2.4 million people, 300 B at 300,000; docs/performance.md).</summary>
    public const long BytesPerPerson = 300;

    /// <summary>Memory per open issue (measured: 3.3–4.2 kB, organisation and runtime included; docs/performance.md).</summary>
    public const long BytesPerOpenIssue = 4_200;

    /// <summary>Bytes of one row of issues.csv (measured: 286 on average).</summary>
    public const long BytesPerIssueRow = 300;

    /// <summary>Bytes of one field of runs.csv or timeseries.csv (measured: 7.7 and 7.7 on average).</summary>
    public const long BytesPerField = 8;

    /// <summary>Share of the available memory beyond which a sweep is refused: the rest is the system's and other programs'.</summary>
    public const double MemoryRefused = 0.8;

    /// <summary>Share of the available memory beyond which a sweep is warned about.</summary>
    public const double MemoryWarned = 0.4;

    /// <summary>Share of the free disk beyond which a sweep is refused.</summary>
    public const double DiskRefused = 0.9;

    /// <summary>Share of the free disk beyond which a sweep is warned about.</summary>
    public const double DiskWarned = 0.5;

    /// <summary>Wall time beyond which a sweep is refused: a week of one machine belongs on a cluster.</summary>
    public static readonly TimeSpan TimeRefused = TimeSpan.FromDays(7);

    /// <summary>Wall time beyond which a sweep is warned about (so that it is started on purpose).</summary>
    public static readonly TimeSpan TimeWarned = TimeSpan.FromHours(1);

    /// <summary>Memory of all runs held at once.</summary>
    public long MemoryBytes => RunMemoryBytes * Math.Max(1, Math.Min(Threads, Runs));

    /// <summary>Estimated wall time of the whole sweep (NaN seconds when not calibrated).</summary>
    public TimeSpan Wall => double.IsNaN(SecondsPerRun) ? TimeSpan.Zero : TimeSpan.FromSeconds(SecondsPerRun * Runs / Math.Max(1, Math.Min(Threads, Runs)));

    /// <summary>What goes beyond the hard budget, one sentence each; empty when the sweep may start.</summary>
    public IReadOnlyList<string> Refusals => Beyond(MemoryRefused, DiskRefused, TimeRefused);

    /// <summary>What goes beyond the soft budget but not the hard one, one sentence each.</summary>
    public IReadOnlyList<string> Warnings => Refusals.Count > 0 ? [] : Beyond(MemoryWarned, DiskWarned, TimeWarned);

    /// <summary>The largest memory one run of <paramref name="p"/> can take (<paramref name="recordIssues"/>: keeping every issue's outcome for issues.csv).</summary>
    public static long RunMemory(Parameters p, bool recordIssues = false)
    {
        ArgumentNullException.ThrowIfNull(p);
        var arrivals = Arrivals(p);
        var open = Math.Min(p.MaxPending + 1.0, arrivals);
        var bytes = BaseBytes + (BytesPerPerson * ParameterCatalog.OrganisationSize(p)) + (BytesPerOpenIssue * open) + (recordIssues ? BytesPerIssueRow * arrivals : 0);
        return (long)Math.Min(bytes, long.MaxValue / 4);
    }

    /// <summary>
    /// Estimates <paramref name="plan"/> on <paramref name="threads"/> threads into <paramref name="directory"/>; with
    /// <paramref name="calibrate"/> and when the memory fits, times a few of its runs (each cut off after
    /// <see cref="CalibrationEvents"/> events: a fraction of a second).
    /// </summary>
    public static ResourceEstimate Of(ExperimentPlan plan, int threads, string? directory, bool calibrate = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var issues = plan.Spec.Output.Issues;
        var series = plan.Spec.Output.TimeSeriesInterval;
        var runColumns = RunsTable.Header(plan).Length;
        long memory = 0;
        double disk = 0;

        // Every point of a small design; of a large one, up to MaxPointsLooked at evenly spread, the disk scaled up.
        var looked = Math.Min(plan.Points.Count, MaxPointsLooked);
        for (var k = 0; k < looked; k++)
        {
            var point = looked == plan.Points.Count ? k : (int)((long)k * (plan.Points.Count - 1) / Math.Max(1, looked - 1));
            for (var s = 0; s < plan.Structures.Count; s++)
            {
                var p = plan.ParametersOf(plan.Points[point], s);
                memory = Math.Max(memory, RunMemory(p, issues));
                var perRun = (double)(runColumns * BytesPerField);
                perRun += issues ? BytesPerIssueRow * Arrivals(p) : 0;
                perRun += series is { } interval ? ((p.HorizonDays / interval) + 2) * 16 * BytesPerField : 0;
                disk += perRun * plan.Replications * ((double)plan.Points.Count / looked);
            }
        }

        var available = AvailableMemory;
        var seconds = calibrate && memory * Math.Min(threads, Math.Max(1, plan.RunCount)) <= available * MemoryRefused ? Calibrate(plan) : double.NaN;
        return new ResourceEstimate(plan.RunCount, threads, memory, available, seconds, (long)Math.Min(disk, long.MaxValue / 4), FreeBytes(directory));
    }

    /// <summary>The estimate of runs of <paramref name="parameters"/> held one at a time, as <c>run</c> and <c>compare</c> run them: memory only, not timed.</summary>
    public static ResourceEstimate OfRuns(IReadOnlyCollection<Parameters> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new ResourceEstimate(parameters.Count, 1, parameters.Max(p => RunMemory(p)), AvailableMemory, double.NaN, 0, null);
    }

    /// <summary>Memory the process may use (the machine's or the container's limit).</summary>
    private static long AvailableMemory => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>The estimate in one line, for example "150 runs: about 8 s on 2 threads, up to 240 MB of memory, 2.1 MB on disk".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Runs} runs: {(double.IsNaN(SecondsPerRun) ? "time not estimated" : "about " + Duration(Wall))} on {Math.Min(Threads, Math.Max(1, Runs))} threads, ") +
                string.Create(CultureInfo.InvariantCulture, $"up to {Size(MemoryBytes)} of memory, {Size(DiskBytes)} on disk");

    private IReadOnlyList<string> Beyond(double memoryShare, double diskShare, TimeSpan time)
    {
        var found = new List<string>();
        if (MemoryBytes > AvailableMemoryBytes * memoryShare)
        {
            found.Add(string.Create(CultureInfo.InvariantCulture,
                $"it would need about {Size(MemoryBytes)} of memory ({Math.Min(Threads, Runs)} at once of up to {Size(RunMemoryBytes)} each: people and open issues), " +
                $"more than {memoryShare * 100:F0}% of the {Size(AvailableMemoryBytes)} available; use fewer threads, a smaller organisation, a lower maxPending or a shorter horizon"));
        }

        if (FreeDiskBytes is { } free && DiskBytes > free * diskShare)
        {
            found.Add(string.Create(CultureInfo.InvariantCulture,
                $"it would write about {Size(DiskBytes)}, more than {diskShare * 100:F0}% of the {Size(free)} free on the results folder's disk; choose another folder, fewer runs, or leave out issues.csv"));
        }

        if (!double.IsNaN(SecondsPerRun) && Wall > time)
        {
            found.Add(string.Create(CultureInfo.InvariantCulture,
                $"it would take about {Duration(Wall)} ({Runs} runs of about {Duration(TimeSpan.FromSeconds(SecondsPerRun))} on {Math.Min(Threads, Runs)} threads), more than {Duration(time)}; ") +
                "use fewer points, replications or structures, more threads, or split it over machines");
        }

        return found;
    }

    /// <summary>Issues that can arrive in a run (the horizon at the arrival rate, or maxIssues).</summary>
    private static double Arrivals(Parameters p)
    {
        var arrivals = p.ArrivalRate * p.HorizonDays;
        return p.MaxIssues > 0 ? Math.Min(arrivals, p.MaxIssues) : arrivals;
    }

    /// <summary>Mean wall seconds per run of up to <see cref="CalibrationRuns"/> of the plan's runs, evenly spread, each cut off after <see cref="CalibrationEvents"/> events and scaled to its horizon and event budget.</summary>
    private static double Calibrate(ExperimentPlan plan)
    {
        if (plan.RunCount == 0)
        {
            return 0;
        }

        var count = Math.Min(CalibrationRuns, plan.RunCount);
        var indices = Enumerable.Range(0, count).Select(k => count == 1 ? 0 : (int)((long)k * (plan.RunCount - 1) / (count - 1))).Distinct().ToArray();

        // Warmed up first, so that the timing is of the simulation as a sweep's later runs meet it, compiled to the
        // last tier, and not of the just-in-time compiler (a cold process runs the first runs about twice as slowly).
        var first = plan.Run(0);
        for (var warm = 0; warm < WarmUpRuns; warm++)
        {
            Simulation.Run(first.Structure.Structure, first.Parameters with { MaxEvents = Math.Min(first.Parameters.MaxEvents, CalibrationEvents) }, first.Seed);
        }

        var total = 0.0;
        foreach (var index in indices)
        {
            var run = plan.Run(index);

            // The run's setup (building the organisation and its arrays) is timed on its own, with one event: it is
            // paid once, and only the simulation after it is extrapolated to the horizon.
            var clock = Stopwatch.StartNew();
            Simulation.Run(run.Structure.Structure, run.Parameters with { MaxEvents = 1 }, run.Seed);
            var setup = clock.Elapsed.TotalSeconds;
            var p = run.Parameters with { MaxEvents = Math.Min(run.Parameters.MaxEvents, CalibrationEvents) };
            clock.Restart();
            var result = Simulation.Run(run.Structure.Structure, p, run.Seed);
            var seconds = clock.Elapsed.TotalSeconds;
            if (result.Events >= p.MaxEvents && p.MaxEvents < run.Parameters.MaxEvents && result.SimulatedDays > 0)
            {
                // Cut off by the calibration: the rest of the run at the same pace, up to its own event budget.
                var scale = Math.Min(run.Parameters.HorizonDays / result.SimulatedDays, (double)run.Parameters.MaxEvents / result.Events);
                seconds = setup + (Math.Max(0, seconds - setup) * Math.Max(1, scale));
            }

            total += seconds;
        }

        return total / indices.Length;
    }

    private static long? FreeBytes(string? directory)
    {
        if (directory is null)
        {
            return null;
        }

        try
        {
            var path = Path.GetFullPath(directory);
            while (!Directory.Exists(path) && Path.GetDirectoryName(path) is { } parent)
            {
                path = parent;
            }

            // A file system without a size (/proc, /sys) says nothing about room: unknown, left to the write to find out.
            var drive = new DriveInfo(path);
            return drive.TotalSize > 0 ? drive.AvailableFreeSpace : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    internal static string Size(double bytes) => bytes switch
    {
        >= 1L << 40 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 40):F1} TB"),
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 30):F1} GB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 20):F0} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:F0} kB"),
    };

    internal static string Duration(TimeSpan t) => t.TotalSeconds switch
    {
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:F0} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:F0} min"),
        < 3 * 86400 => string.Create(CultureInfo.InvariantCulture, $"{t.TotalHours:F1} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{t.TotalDays:F0} days"),
    };
}
