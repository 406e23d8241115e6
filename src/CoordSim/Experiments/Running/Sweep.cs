namespace CoordSim.Experiments;

/// <summary>
/// Runs an experiment: every (point, structure, replication) in parallel, one run per thread,
/// results streamed to disk in a fixed order as they finish, so files are byte-identical for any
/// thread count; a sweep that was cancelled, crashed or was killed can be resumed and ends with the
/// same files as one that ran straight through, and hands each run to <see cref="SweepOptions.OnRow"/> as it is written.
/// Or streams the rows in memory with <see cref="Rows"/>, writing nothing.
/// </summary>
/// <example>
/// <code>
/// var spec = ExperimentSpec.Load("experiments/quickstart/spec.json");
/// var report = Sweep.Run(spec, "results/quickstart", new SweepOptions { Threads = 4, Resume = true });
///
/// foreach (var row in Sweep.Rows(ExperimentSpec.Create("share")
///              .Compare(Structure.Hierarchy())
///              .Vary("crossDepartmentShare", 0.1, 0.3, 0.5)
///              .Replications(5).Seed(1)))
/// {
///     Console.WriteLine($"{row.PointId} {row.Structure} {row.Result.Latency.MeanResolved:F2}");
/// }
/// </code>
/// </example>
public static class Sweep
{
    /// <summary>
    /// Runs <paramref name="spec"/> and writes runs.csv, summary.csv, checksums.csv, codebook.csv, manifest.json (and
    /// issues.csv and timeseries.csv when asked) to <paramref name="directory"/> (see docs/experiments.md). codebook.csv,
    /// which describes every column of the CSV files, is written at the start; runs are written in result
    /// order as they finish and each is synced to disk, followed by its checksums; summary.csv is made from runs.csv at
    /// the end. The folder is held by this process while the sweep runs (a lock the operating system releases however
    /// the process ends), and through <see cref="SweepOptions.OnComplete"/>; a resume keeps only runs whose rows still
    /// match their checksums and runs the rest again. With <see cref="SweepOptions.Shard"/> it runs only that slice of
    /// the runs, to be merged with the other slices by <see cref="Merge"/>. When cancelled, runs in progress finish, the finished ones are kept (with a summary of them)
    /// and the sweep can be resumed.
    /// </summary>
    /// <returns>How many runs were done, and whether the sweep was cancelled.</returns>
    /// <exception cref="SpecException">The spec is not valid; nothing was written.</exception>
    /// <exception cref="SweepException">The folder holds other results, is in use by another process, or the sweep to resume has another spec or library version; nothing was written.</exception>
    /// <exception cref="RunFailedException">A run threw; the runs before it are kept and the sweep can be resumed.</exception>
    public static SweepReport Run(ExperimentSpec spec, string directory, SweepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(directory);
        options ??= new SweepOptions();
        if (options.Threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Threads, "Threads must be at least 1.");
        }

        if (options.Resume && options.Force)
        {
            throw new SweepException(SweepRefusal.ResumeAndForce, "SweepOptions.Resume and SweepOptions.Force are both set.",
                "They exclude each other: Resume continues the results in the folder, Force replaces them; set one.");
        }

        var plan = Effective(spec, options).Plan();
        var shard = options.Shard ?? Shard.Whole;
        if (shard.Count > plan.RunCount)
        {
            throw new SweepException(
                SweepRefusal.TooManyShards,
                $"Shard {shard} cuts the sweep's {plan.RunCount} runs into {shard.Count} shards, and some would have no run.",
                $"Use at most {plan.RunCount} shards.");
        }

        var folder = new ResultsFolder(directory);
        RefuseAtSight(folder, options);
        Directory.CreateDirectory(folder.Directory);
        using var held = ResultsFolderLock.Acquire(folder.Directory, "sweep");
        var report = SweepSession.Open(plan, shard, folder, options).Run();
        if (!report.Cancelled)
        {
            options.OnComplete?.Invoke(report);
        }

        return report;
    }

    /// <summary>
    /// Merges the results folders of a sweep's shards (each run with <see cref="SweepOptions.Shard"/>, one per folder,
    /// in any order) into <paramref name="directory"/>: runs.csv, issues.csv and timeseries.csv (when the sweep writes
    /// them), checksums.csv, summary.csv and codebook.csv byte-identical to those of the whole sweep run on one machine,
    /// and its manifest.json but for the timing (startedUtc: the earliest shard's start; wallSeconds: the shards' wall
    /// times added up; threads: the most any shard used; finishedUtc: the merge's end). Every shard's rows are checked
    /// against its checksums first; the shards' folders and the output are held while the merge works.
    /// </summary>
    /// <param name="shards">The shards' folders.</param>
    /// <param name="directory">The folder for the merged results: new, empty, or (with <see cref="MergeOptions.Force"/>) holding results to replace.</param>
    /// <param name="options">Whether to replace results, and what to do once the merge is complete.</param>
    /// <returns>The merged sweep's report: every run done.</returns>
    /// <exception cref="SweepException">
    /// The folders are not the shards of one sweep (another spec or library, a shard missing, unfinished or given twice:
    /// <see cref="SweepException.Gaps"/> lists the shards short of runs), a folder is in use, or the output folder holds
    /// other results; nothing was written.
    /// </exception>
    public static SweepReport Merge(IReadOnlyList<string> shards, string directory, MergeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(directory);
        return ShardMerge.Run(shards, directory, options ?? new MergeOptions());
    }

    /// <summary>The spec a sweep with <paramref name="options"/> runs: <paramref name="spec"/> with the options' issues and time-series choices in place of its own.</summary>
    internal static ExperimentSpec Effective(ExperimentSpec spec, SweepOptions options)
    {
        var effective = spec;
        if (options.Issues is { } issues && issues != spec.Output.Issues)
        {
            effective = effective with { Output = effective.Output with { Issues = issues } };
        }

        if (options.TimeSeriesInterval is { } interval && interval != effective.Output.TimeSeriesInterval)
        {
            effective = effective with { Output = effective.Output with { TimeSeriesInterval = interval } };
        }

        return effective;
    }

    /// <summary>Refuses, before anything is written, a folder that is not a sweep's or that the options do not allow to be replaced.</summary>
    internal static void RefuseAtSight(ResultsFolder folder, SweepOptions options)
    {
        if (folder.IsEmpty || (options.Resume && folder.HasManifest))
        {
            return;
        }

        if (options.Resume)
        {
            throw new SweepException(
                SweepRefusal.NotASweepFolder,
                $"Cannot resume in {folder.Directory}: it holds files but no {SweepManifest.FileName}, so it is not the results folder of a sweep.",
                "Choose another folder.");
        }

        if (!options.Force)
        {
            throw new SweepException(
                SweepRefusal.FolderNotEmpty,
                $"{folder.Directory} is not empty.",
                "Set SweepOptions.Resume to continue the sweep there, SweepOptions.Force to replace its results, or choose another folder.");
        }

        folder.RefuseForeign();
    }

    /// <summary>
    /// Runs <paramref name="spec"/> in memory on <paramref name="threads"/> threads (default: every
    /// processor) and yields every run in result order (by point, replication, then structure) as soon
    /// as it and the runs before it are done. Nothing is written; stopping the enumeration stops the
    /// runs. The spec is checked before this returns.
    /// </summary>
    /// <exception cref="SpecException">The spec is not valid.</exception>
    public static IEnumerable<RunRow> Rows(ExperimentSpec spec, int threads = 0, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        var plan = spec.Plan();
        return Stream(plan, threads == 0 ? Environment.ProcessorCount : threads, cancellation);
    }

    private static IEnumerable<RunRow> Stream(ExperimentPlan plan, int threads, CancellationToken cancellation)
    {
        foreach (var (index, outcome) in OrderedRuns.Execute(0, plan.RunCount, threads, i => SweepSession.Execute(plan, i, false, null), cancellation))
        {
            yield return RowOf(index, outcome);
        }
    }

    internal static RunRow RowOf(int index, SweepSession.Outcome outcome)
    {
        var run = outcome.Run;
        return new RunRow(index, run.Structure.Label, run.Point.Id, run.Replication, run.Seed, run.Parameters, outcome.Result);
    }
}
