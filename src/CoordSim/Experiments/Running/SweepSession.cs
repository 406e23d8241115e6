using System.Diagnostics;
using CoordSim.Metrics;

namespace CoordSim.Experiments;

/// <summary>
/// One session of a sweep in a results folder the process holds: it finds what an earlier session left (checked
/// against checksums.csv), runs the rest of its shard's runs, writes each run's rows in result order as it finishes,
/// and ends with summary.csv (and, for a whole sweep with a morris or sobol design, sensitivity.csv) and the manifest's status. <see cref="Sweep.Run"/> checks the options and holds the folder
/// around it.
/// </summary>
internal sealed class SweepSession
{
    private readonly ExperimentPlan _plan;
    private readonly Shard _shard;
    private readonly IReadOnlyList<int> _runs;
    private readonly ResultsFolder _folder;
    private readonly SweepOptions _options;
    private readonly Stopwatch _clock;
    private readonly DateTime _started;
    private readonly double _previousWall;
    private readonly string[] _files;
    private readonly ResumePoint _kept;
    private int _done;

    private SweepSession(ExperimentPlan plan, Shard shard, ResultsFolder folder, SweepOptions options, Stopwatch clock, DateTime started, double previousWall, bool resuming)
    {
        _plan = plan;
        _shard = shard;
        _runs = shard.Runs(plan);
        _folder = folder;
        _options = options;
        _clock = clock;
        _started = started;
        _previousWall = previousWall;
        _files = Files(plan, shard.Count == 1);
        _kept = resuming
            ? ChecksumsTable.Recover(folder, _runs, RunsTable.Header(plan), plan.Spec.Output.Issues ? IssuesTable.Header : null, SeriesHeader(plan))
            : ResumePoint.Fresh(0, null);
        _done = _kept.Done;
    }

    /// <summary>The files a sweep of <paramref name="plan"/> writes, as its manifest lists them (<paramref name="wholeSweep"/>: false for a shard, which writes no sensitivity.csv).</summary>
    public static string[] Files(ExperimentPlan plan, bool wholeSweep = true) =>
    [
        RunsTable.FileName, SummaryTable.FileName, .. plan.Spec.Output.Issues ? new[] { IssuesTable.FileName } : [],
        .. plan.Spec.Output.TimeSeriesInterval is not null ? new[] { TimeSeriesTable.FileName } : [],
        .. wholeSweep && SensitivityTable.Applies(plan) ? new[] { SensitivityTable.FileName, SensitivityConvergenceTable.FileName } : [], ChecksumsTable.FileName, Codebook.FileName, SweepManifest.FileName,
    ];

    /// <summary>timeseries.csv's header for <paramref name="plan"/>, or null when the sweep does not write it.</summary>
    public static string[]? SeriesHeader(ExperimentPlan plan) => plan.Spec.Output.TimeSeriesInterval is not null ? TimeSeriesTable.Header(plan) : null;

    /// <summary>
    /// Starts a session in <paramref name="folder"/> (held by this process): continues the sweep there when resuming
    /// (same spec, library and shard) or starts it afresh, marks the manifest running and writes the codebook.
    /// </summary>
    /// <exception cref="SweepException">The sweep to resume differs from this one.</exception>
    public static SweepSession Open(ExperimentPlan plan, Shard shard, ResultsFolder folder, SweepOptions options)
    {
        var clock = Stopwatch.StartNew();
        var started = DateTime.UtcNow;
        var previousWall = 0.0;
        var resuming = false;
        if (options.Resume && folder.HasManifest)
        {
            var old = Resumable(plan, shard, folder);
            started = old.StartedUtc;
            previousWall = old.WallSeconds;
            resuming = true;
        }
        else if (!folder.IsEmpty)
        {
            // Checked again now that the folder is held: another process may have written to it since it was first looked at.
            Sweep.RefuseAtSight(folder, options);
            folder.Clear();
        }

        var session = new SweepSession(plan, shard, folder, options, clock, started, previousWall, resuming);
        File.Delete(folder.Summary);
        File.Delete(folder.Sensitivity);
        File.Delete(folder.SensitivityConvergence);
        session.WriteManifest(SweepStatus.Running, null);

        // Written first (after the manifest, so that a folder holding it is one resume accepts) and again on every resume:
        // it depends on the plan only, so an interrupted sweep's folder documents itself and the bytes never change.
        Codebook.Write(plan, folder.Codebook, shard.Count == 1);
        return session;
    }

    /// <summary>The manifest of the sweep in <paramref name="folder"/>, when this one (<paramref name="plan"/>, <paramref name="shard"/>) may continue it.</summary>
    private static SweepManifest Resumable(ExperimentPlan plan, Shard shard, ResultsFolder folder)
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

        var before = old.Shard ?? Shard.Whole;
        if (before != shard)
        {
            static string Of(Shard s) => s.Count == 1 ? "every run" : $"shard {s}";
            throw new SweepException(
                SweepRefusal.ShardChanged,
                $"Cannot resume in {folder.Directory}: the sweep there runs {Of(before)} of the spec, this one {Of(shard)}.",
                $"Resume with SweepOptions.Shard = {(before.Count == 1 ? "null" : before.ToString())}, or start again with SweepOptions.Force or in another folder.");
        }

        return old;
    }

    /// <summary>Runs what is left, writes summary.csv (and sensitivity.csv), and the manifest's final status, and says what was done.</summary>
    /// <exception cref="RunFailedException">A run threw; the runs before it are kept and the manifest says failed.</exception>
    public SweepReport Run()
    {
        var resumed = _done;
        try
        {
            WriteRuns(resumed);
        }
        catch (RunFailedException e)
        {
            Fail();
            var run = _plan.Run(_runs[e.Index]);
            throw new RunFailedException(run.Index,
                $"Run {run.Index} (point {run.Point.Id}, structure {run.Structure.Label}, replication {run.Replication}, seed {run.Seed}) failed: " +
                $"{e.InnerException?.Message} The {_done} runs before it are kept in {_folder.Runs}; resume after fixing the cause.",
                e.InnerException!);
        }
        catch
        {
            Fail();
            throw;
        }

        var unstable = SummaryTable.Write(_plan, _folder.Runs, _folder.Summary);
        if (_shard.Count == 1 && SensitivityTable.Applies(_plan))
        {
            // Of the runs done: a base row or trajectory that a cancelled sweep left incomplete is left out (the n column).
            SensitivityTable.Write(_plan, _folder.Runs, _folder.Sensitivity, _folder.SensitivityConvergence);
        }

        var cancelled = _done < _runs.Count;
        WriteManifest(cancelled ? SweepStatus.Cancelled : SweepStatus.Complete, DateTime.UtcNow);
        return new SweepReport(_folder.Directory, _runs.Count, _done, resumed, cancelled, _clock.Elapsed)
        {
            Unstable = unstable,
            Rerun = _kept.Problem is null ? 0 : _kept.Discarded,
            RerunReason = _kept.Problem,
        };
    }

    /// <summary>Runs the shard's runs from the first not kept on, appending each run's rows, and then its checksums, as it finishes.</summary>
    private void WriteRuns(int resumed)
    {
        var writeIssues = _plan.Spec.Output.Issues;
        var seriesInterval = _plan.Spec.Output.TimeSeriesInterval;
        var seriesHeader = SeriesHeader(_plan);
        var seriesLevels = seriesHeader is not null ? TimeSeriesTable.DepartmentLevels(_plan) : 0;
        using var runs = CsvJournal.Append(_folder.Runs, _kept.RunsLength, RunsTable.Header(_plan));
        using var issueRows = writeIssues ? CsvJournal.Append(_folder.Issues, _kept.IssuesLength, IssuesTable.Header) : null;
        using var seriesRows = seriesHeader is not null ? CsvJournal.Append(_folder.TimeSeries, _kept.SeriesLength, seriesHeader) : null;
        using var checksums = CsvJournal.Append(_folder.Checksums, _kept.ChecksumsLength, ChecksumsTable.Header);
        var model = _options.Model;
        if (model is not null && (writeIssues || seriesInterval is not null))
        {
            throw new InvalidOperationException("A model run in place of the simulation records no issues or time series: turn both off.");
        }

        var work = OrderedRuns.Execute(_done, _runs.Count, _options.Threads,
            k => model is null ? Execute(_plan, _runs[k], writeIssues, seriesInterval) : Substitute(_plan, _runs[k], model), _options.CancellationToken);
        foreach (var (position, outcome) in work)
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

            runs.Write(RunsTable.Row(_plan, outcome.Run, outcome.Result));
            var runsMark = runs.Commit();

            // Last: a run counts as done once its checksums are on disk, so a crash before this line reruns it.
            checksums.Write(ChecksumsTable.Row(_runs[position], runsMark, issuesMark, seriesMark));
            checksums.Commit();
            _done++;
            _options.OnRow?.Invoke(Sweep.RowOf(_runs[position], outcome));
            _options.Progress?.Invoke(Progress(_done, _runs.Count, resumed, _clock.Elapsed));
        }
    }

    private void WriteManifest(string status, DateTime? finished) =>
        new SweepManifest(status, _done, _options.Threads, _started, finished, _previousWall + _clock.Elapsed.TotalSeconds) { Shard = _shard }
            .Write(_folder.Manifest, _plan, _files);

    private void Fail()
    {
        try
        {
            WriteManifest(SweepStatus.Failed, DateTime.UtcNow);
        }
        catch (IOException)
        {
            // The first failure is the one to report; the manifest still says "running", which resume handles alike.
        }
    }

    /// <summary>Runs run <paramref name="index"/> of <paramref name="plan"/>, recording its issues and time series when asked.</summary>
    internal static Outcome Execute(ExperimentPlan plan, int index, bool recordIssues, double? seriesInterval)
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

    /// <summary>Run <paramref name="index"/> of <paramref name="plan"/> with <paramref name="model"/> in place of the simulation (<see cref="SweepOptions.Model"/>).</summary>
    private static Outcome Substitute(ExperimentPlan plan, int index, Func<PlannedRun, RunResult> model)
    {
        var run = plan.Run(index);
        return new Outcome(run, model(run), [], null);
    }

    private static SweepProgress Progress(int done, int total, int resumed, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? (done - resumed) / elapsed.TotalSeconds : 0;
        TimeSpan? remaining = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : null;
        return new SweepProgress(done, total, resumed, elapsed, rate, remaining);
    }

    /// <summary>A finished run with what was recorded of it.</summary>
    internal sealed record Outcome(PlannedRun Run, RunResult Result, List<IssueOutcome> Issues, TimeSeries? Series);
}
