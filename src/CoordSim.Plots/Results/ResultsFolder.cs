using CoordSim.Experiments;

namespace CoordSim.Plots.Results;

/// <summary>
/// A sweep's results folder, read: <c>manifest.json</c>, <c>summary.csv</c> and <c>runs.csv</c>
/// (required), <c>issues.csv</c> and <c>timeseries.csv</c> (optional, read on demand because they can be large), and
/// a morris or sobol sweep's <c>sensitivity.csv</c> and <c>sensitivity-convergence.csv</c> (optional: their headers are
/// checked when the folder is loaded, their rows read at the first use of <see cref="Sensitivity"/> or
/// <see cref="SensitivityConvergence"/> and kept). The
/// format is <see cref="ResultsFormat"/> (docs/experiments.md). Or the same results built in memory from a sweep's rows
/// (<see cref="FromRows"/>), without a folder.
/// </summary>
/// <example>
/// <code>
/// var results = ResultsFolder.Load("out/cross-share");
/// var plot = Figures.MeasureVsParameter(results.Summary, "latencyRestrictedMean", "crossDepartmentShare");
/// plot.SavePng("latency.png", 1200, 800);
///
/// // Or from rows in memory, without files:
/// var plan = spec.Plan();
/// var inMemory = ResultsFolder.FromRows(plan, Sweep.Rows(spec));
/// </code>
/// </example>
public sealed class ResultsFolder
{
    private readonly Dictionary<int, IReadOnlyDictionary<string, double[]>> _latencies = [];
    private readonly Dictionary<int, IReadOnlyList<TimeSeriesRow>> _series = [];

    private readonly Lazy<SensitivityIndexTable?> _sensitivity;
    private readonly Lazy<SensitivityIndexTable?> _convergence;

    private ResultsFolder(
        string directory, Manifest manifest, SummaryTable summary, RunTable runs, string? issuesPath, string? timeSeriesPath,
        string? sensitivityPath = null, string? convergencePath = null)
    {
        Directory = directory;
        Manifest = manifest;
        Summary = summary;
        Runs = runs;
        IssuesPath = issuesPath;
        TimeSeriesPath = timeSeriesPath;
        SensitivityPath = sensitivityPath;
        SensitivityConvergencePath = convergencePath;
        _sensitivity = new(() => sensitivityPath is null ? null : SensitivityIndexTable.Load(sensitivityPath));
        _convergence = new(() => convergencePath is null ? null : SensitivityIndexTable.LoadConvergence(convergencePath));
    }

    /// <summary>The folder read; empty for results built in memory (<see cref="IsInMemory"/>).</summary>
    public string Directory { get; }

    /// <summary>True for results built in memory by <see cref="FromRows"/>: there is no folder, issues.csv or timeseries.csv.</summary>
    public bool IsInMemory => Directory.Length == 0;

    /// <summary>The manifest.</summary>
    public Manifest Manifest { get; }

    /// <summary>Per point and structure summaries.</summary>
    public SummaryTable Summary { get; }

    /// <summary>Per run rows.</summary>
    public RunTable Runs { get; }

    /// <summary>The path of issues.csv, or null when the sweep did not write per-issue outcomes.</summary>
    public string? IssuesPath { get; }

    /// <summary>True when issues.csv is present.</summary>
    public bool HasIssues => IssuesPath is not null;

    /// <summary>The path of timeseries.csv, or null when the sweep did not write the runs' time series.</summary>
    public string? TimeSeriesPath { get; }

    /// <summary>True when timeseries.csv is present.</summary>
    public bool HasTimeSeries => TimeSeriesPath is not null;

    /// <summary>The path of sensitivity.csv, or null when the folder has none (not a whole sweep with a morris or sobol design, or results in memory).</summary>
    public string? SensitivityPath { get; }

    /// <summary>True when sensitivity.csv is present.</summary>
    public bool HasSensitivity => SensitivityPath is not null;

    /// <summary>The path of sensitivity-convergence.csv, or null when the folder has none.</summary>
    public string? SensitivityConvergencePath { get; }

    /// <summary>
    /// The rows of sensitivity.csv, read at the first use and kept; null when the folder has none.
    /// </summary>
    /// <exception cref="ResultsFormatException">A value in the file is malformed (read at the first use).</exception>
    public SensitivityIndexTable? Sensitivity => _sensitivity.Value;

    /// <summary>
    /// The rows of sensitivity-convergence.csv (the indices from the first half, quarter and eighth of the base rows or
    /// trajectories), read at the first use and kept; null when the folder has none.
    /// </summary>
    /// <exception cref="ResultsFormatException">A value in the file is malformed (read at the first use).</exception>
    public SensitivityIndexTable? SensitivityConvergence => _convergence.Value;

    /// <summary>
    /// The time-series rows of every run at design point <paramref name="pointId"/>, in file order, read from
    /// timeseries.csv once and kept; null when the folder has no timeseries.csv.
    /// </summary>
    public IReadOnlyList<TimeSeriesRow>? TimeSeries(int pointId)
    {
        if (TimeSeriesPath is null)
        {
            return null;
        }

        lock (_series)
        {
            if (!_series.TryGetValue(pointId, out var rows))
            {
                _series[pointId] = rows = TimeSeriesTable.Read(TimeSeriesPath, pointId);
            }

            return rows;
        }
    }

    /// <summary>
    /// The latency of every resolved issue at design point <paramref name="pointId"/>, by structure
    /// (pooled over replications), read from issues.csv once and kept; null when the folder has no issues.csv.
    /// </summary>
    public IReadOnlyDictionary<string, double[]>? IssueLatencies(int pointId)
    {
        if (IssuesPath is null)
        {
            return null;
        }

        lock (_latencies)
        {
            if (!_latencies.TryGetValue(pointId, out var latencies))
            {
                _latencies[pointId] = latencies = IssueTable.ReadLatencies(IssuesPath, pointId);
            }

            return latencies;
        }
    }

    /// <summary>The folder default figures go into (<c>figures/</c>).</summary>
    /// <exception cref="InvalidOperationException">The results were built in memory and have no folder.</exception>
    public string FiguresDirectory => IsInMemory
        ? throw new InvalidOperationException(
            "These results were built in memory and have no folder to write figures into: save the figures of FigureSet.Defaults yourself, or render them with FigureSet.Render.")
        : Path.Combine(Directory, ResultFiles.Figures);

    /// <summary>
    /// The results of <paramref name="rows"/>, runs of <paramref name="plan"/> in memory (from
    /// <see cref="Sweep.Rows(ExperimentSpec, int, CancellationToken)"/> or <see cref="SweepOptions.OnRow"/>; enumerated once):
    /// the manifest, summary and runs a sweep of them would write (<see cref="Manifest.Of"/>,
    /// <see cref="SummaryTable.FromRows"/>, <see cref="RunTable.FromRows"/>), without issues.csv, timeseries.csv or
    /// sensitivity indices (a morris or sobol sweep writes those from its runs.csv at the end: run it with <c>Sweep.Run</c>).
    /// Nothing is read or written; the figures of <see cref="FigureSet.Defaults"/> can be drawn from it.
    /// </summary>
    /// <exception cref="ResultsFormatException">There are no rows.</exception>
    /// <exception cref="ArgumentException">A row is not a run of the plan.</exception>
    public static ResultsFolder FromRows(ExperimentPlan plan, IEnumerable<RunRow> rows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        var runs = rows.ToArray();
        return new ResultsFolder("", Manifest.Of(plan), SummaryTable.FromRows(plan, runs), RunTable.FromRows(plan, runs), null, null);
    }

    /// <summary>
    /// Reads the folder. Throws <see cref="ResultsFormatException"/> naming the file (and column or
    /// line) when the folder or a required file is missing, a column is missing, the results are
    /// empty, or a value is malformed.
    /// </summary>
    public static ResultsFolder Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new ResultsFormatException(
                $"The results folder '{directory}' does not exist. Give the folder a sweep wrote (it holds runs.csv, summary.csv and manifest.json).",
                directory);
        }

        var manifest = Manifest.Load(Path.Combine(directory, ResultFiles.Manifest));
        var summary = SummaryTable.Load(Path.Combine(directory, ResultFiles.Summary), manifest);
        var runs = RunTable.Load(Path.Combine(directory, ResultFiles.Runs));
        var issuesPath = Path.Combine(directory, ResultFiles.Issues);
        if (File.Exists(issuesPath))
        {
            IssueTable.CheckHeader(issuesPath);
        }
        else
        {
            issuesPath = null;
        }

        var seriesPath = Path.Combine(directory, ResultFiles.TimeSeries);
        if (File.Exists(seriesPath))
        {
            TimeSeriesTable.CheckHeader(seriesPath);
        }
        else
        {
            seriesPath = null;
        }

        return new ResultsFolder(directory, manifest, summary, runs, issuesPath, seriesPath,
            Checked(Path.Combine(directory, ResultFiles.Sensitivity), convergence: false),
            Checked(Path.Combine(directory, ResultFiles.SensitivityConvergence), convergence: true));
    }

    /// <summary><paramref name="path"/> when the file exists (its header checked), else null.</summary>
    private static string? Checked(string path, bool convergence)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        SensitivityIndexTable.CheckHeader(path, convergence);
        return path;
    }
}
