using System.Diagnostics;
using CoordSim.Metrics;

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
    /// match their checksums and runs the rest again. When cancelled, runs in progress finish, the finished ones are kept (with a summary of them)
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
        var folder = new ResultsFolder(directory);
        RefuseAtSight(folder, options);
        Directory.CreateDirectory(folder.Directory);
        using var held = ResultsFolderLock.Acquire(folder.Directory, "sweep");
        var clock = Stopwatch.StartNew();
        var started = DateTime.UtcNow;
        var previousWall = 0.0;
        var resuming = false;
        if (options.Resume && folder.HasManifest)
        {
            var (hash, library, old) = SweepManifest.Read(folder.Manifest);
            if (!string.Equals(hash, plan.Spec.Hash, StringComparison.Ordinal))
            {
                throw new SweepException(
                    SweepRefusal.SpecChanged,
                    $"Cannot resume in {folder.Directory}: the spec (or the issues or time-series option) has changed since the sweep there started " +
                    $"({SweepManifest.FileName} has {hash}, the spec now gives {plan.Spec.Hash}).",
                    "Resume with the same spec and options, or start again with SweepOptions.Force or in another folder.");
            }

            if (!string.Equals(library, SweepManifest.Library, StringComparison.Ordinal))
            {
                throw new SweepException(
                    SweepRefusal.LibraryChanged,
                    $"Cannot resume in {folder.Directory}: the sweep there was started by {library}, this is {SweepManifest.Library}, and its runs could differ.",
                    "Start again with SweepOptions.Force or in another folder.");
            }

            started = old.StartedUtc;
            previousWall = old.WallSeconds;
            resuming = true;
        }
        else if (!folder.IsEmpty)
        {
            // Checked again now that the folder is held: another process may have written to it since it was first looked at.
            RefuseAtSight(folder, options);
            folder.Clear();
        }

        var writeIssues = plan.Spec.Output.Issues;
        var seriesInterval = plan.Spec.Output.TimeSeriesInterval;
        string[] files =
        [
            RunsTable.FileName, SummaryTable.FileName, .. writeIssues ? new[] { IssuesTable.FileName } : [],
            .. seriesInterval is not null ? new[] { TimeSeriesTable.FileName } : [], ChecksumsTable.FileName, Codebook.FileName, SweepManifest.FileName,
        ];
        var runsHeader = RunsTable.Header(plan);
        var seriesHeader = seriesInterval is not null ? TimeSeriesTable.Header(plan) : null;
        var seriesLevels = seriesInterval is not null ? TimeSeriesTable.DepartmentLevels(plan) : 0;
        var kept = resuming
            ? ChecksumsTable.Recover(folder, plan.RunCount, runsHeader, writeIssues ? IssuesTable.Header : null, seriesHeader)
            : ResumePoint.Fresh(0, null);
        var done = kept.Done;

        File.Delete(folder.Summary);
        new SweepManifest("running", done, options.Threads, started, null, previousWall).Write(folder.Manifest, plan, files);

        // Written first (after the manifest, so that a folder holding it is one resume accepts) and again on every resume:
        // it depends on the plan only, so an interrupted sweep's folder documents itself and the bytes never change.
        Codebook.Write(plan, folder.Codebook);
        var resumed = done;
        try
        {
            using var runs = CsvJournal.Append(folder.Runs, kept.RunsLength, runsHeader);
            using var issueRows = writeIssues ? CsvJournal.Append(folder.Issues, kept.IssuesLength, IssuesTable.Header) : null;
            using var seriesRows = seriesHeader is not null ? CsvJournal.Append(folder.TimeSeries, kept.SeriesLength, seriesHeader) : null;
            using var checksums = CsvJournal.Append(folder.Checksums, kept.ChecksumsLength, ChecksumsTable.Header);
            var work = OrderedRuns.Execute(done, plan.RunCount, options.Threads, i => Execute(plan, i, writeIssues, seriesInterval), options.CancellationToken);
            foreach (var (index, outcome) in work)
            {
                JournalMark? issuesMark = null, seriesMark = null;
                if (issueRows is not null)
                {
                    foreach (var issue in outcome.Issues)
                    {
                        issueRows.Write(IssuesTable.Row(outcome.Run, issue));
                    }

                    issuesMark = issueRows.Commit();
                }

                if (seriesRows is not null)
                {
                    foreach (var row in TimeSeriesTable.Rows(outcome.Run, outcome.Series!, seriesLevels))
                    {
                        seriesRows.Write(row);
                    }

                    seriesMark = seriesRows.Commit();
                }

                runs.Write(RunsTable.Row(plan, outcome.Run, outcome.Result));
                var runsMark = runs.Commit();

                // Last: a run counts as done once its checksums are on disk, so a crash before this line reruns it.
                checksums.Write(ChecksumsTable.Row(index, runsMark, issuesMark, seriesMark));
                checksums.Commit();
                done++;
                options.OnRow?.Invoke(RowOf(index, outcome));
                options.Progress?.Invoke(Progress(done, plan.RunCount, resumed, clock.Elapsed));
            }
        }
        catch (RunFailedException e)
        {
            Fail(plan, folder, files, options, started, previousWall, clock, done);
            var run = plan.Run(e.Index);
            throw new RunFailedException(e.Index,
                $"Run {e.Index} (point {run.Point.Id}, structure {run.Structure.Label}, replication {run.Replication}, seed {run.Seed}) failed: " +
                $"{e.InnerException?.Message} The {done} runs before it are kept in {folder.Runs}; resume after fixing the cause.",
                e.InnerException!);
        }
        catch
        {
            Fail(plan, folder, files, options, started, previousWall, clock, done);
            throw;
        }

        var unstable = SummaryTable.Write(plan, folder.Runs, folder.Summary);
        var cancelled = done < plan.RunCount;
        new SweepManifest(cancelled ? "cancelled" : "complete", done, options.Threads, started, DateTime.UtcNow, previousWall + clock.Elapsed.TotalSeconds)
            .Write(folder.Manifest, plan, files);
        var report = new SweepReport(folder.Directory, plan.RunCount, done, resumed, cancelled, clock.Elapsed)
        {
            Unstable = unstable,
            Rerun = kept.Problem is null ? 0 : kept.Discarded,
            RerunReason = kept.Problem,
        };
        if (!cancelled)
        {
            options.OnComplete?.Invoke(report);
        }

        return report;
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
    private static void RefuseAtSight(ResultsFolder folder, SweepOptions options)
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
        foreach (var (index, outcome) in OrderedRuns.Execute(0, plan.RunCount, threads, i => Execute(plan, i, false, null), cancellation))
        {
            yield return RowOf(index, outcome);
        }
    }

    private static RunRow RowOf(int index, Outcome outcome)
    {
        var run = outcome.Run;
        return new RunRow(index, run.Structure.Label, run.Point.Id, run.Replication, run.Seed, run.Parameters, outcome.Result);
    }

    private static Outcome Execute(ExperimentPlan plan, int index, bool recordIssues, double? seriesInterval)
    {
        var run = plan.Run(index);
        var recorder = recordIssues ? new IssueRecorder() : null;
        if (seriesInterval is { } interval)
        {
            var (sampled, series) = Simulation.RunWithTimeSeries(run.Structure.Structure, run.Parameters, run.Seed, interval, recorder);
            return new Outcome(run, sampled, recorder?.Outcomes ?? [], series);
        }

        var result = Simulation.Run(run.Structure.Structure, run.Parameters, run.Seed, recorder);
        return new Outcome(run, result, recorder?.Outcomes ?? [], null);
    }

    private static SweepProgress Progress(int done, int total, int resumed, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? (done - resumed) / elapsed.TotalSeconds : 0;
        TimeSpan? remaining = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : null;
        return new SweepProgress(done, total, resumed, elapsed, rate, remaining);
    }

    private static void Fail(ExperimentPlan plan, ResultsFolder folder, string[] files, SweepOptions options, DateTime started, double previousWall, Stopwatch clock, int done)
    {
        try
        {
            new SweepManifest("failed", done, options.Threads, started, DateTime.UtcNow, previousWall + clock.Elapsed.TotalSeconds)
                .Write(folder.Manifest, plan, files);
        }
        catch (IOException)
        {
            // The first failure is the one to report; the manifest still says "running", which resume handles alike.
        }
    }

    private sealed record Outcome(PlannedRun Run, RunResult Result, List<IssueOutcome> Issues, TimeSeries? Series);
}
