namespace CoordSim.Experiments;

/// <summary>
/// The results-folder format, defined once: the file names a sweep writes, the fixed column names, the suffixes of
/// summary.csv's statistics and the column lists of issues.csv and timeseries.csv. The sweep writes by it and
/// CoordSim.Plots reads by it, so the writer and the reader cannot drift apart. docs/experiments.md describes the files.
/// </summary>
public static class ResultsFormat
{
    /// <summary><c>runs.csv</c>: one row per run.</summary>
    public const string RunsFile = "runs.csv";

    /// <summary><c>summary.csv</c>: one row per design point and structure, with each measure's mean, sd and 95% CI.</summary>
    public const string SummaryFile = "summary.csv";

    /// <summary><c>issues.csv</c> (optional): one row per resolved issue of every run.</summary>
    public const string IssuesFile = "issues.csv";

    /// <summary><c>timeseries.csv</c> (optional): one row per sample of every run's time series.</summary>
    public const string TimeSeriesFile = "timeseries.csv";

    /// <summary><c>sensitivity.csv</c>: a morris or sobol sweep's sensitivity indices, per measure, structure (and difference from the first structure) and factor.</summary>
    public const string SensitivityFile = "sensitivity.csv";

    /// <summary>
    /// <c>sensitivity-convergence.csv</c>: beside sensitivity.csv, the first-order indices (Morris μ, μ*, σ; Sobol S1, ST)
    /// estimated again from the first half, quarter and eighth of the base rows or trajectories, to show whether they settled.
    /// </summary>
    public const string SensitivityConvergenceFile = "sensitivity-convergence.csv";

    /// <summary><c>checksums.csv</c>: each finished run's byte range and SHA-256 in the files above, which resume checks.</summary>
    public const string ChecksumsFile = "checksums.csv";

    /// <summary><c>codebook.csv</c>: one row per column of the CSV files (file, column, role, type, unit, meaning).</summary>
    public const string CodebookFile = "codebook.csv";

    /// <summary><c>manifest.json</c>: the spec, library version, status, timing and varied parameters.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary><c>figures</c>: the folder in a results folder that the default figures are written into.</summary>
    public const string FiguresFolder = "figures";

    /// <summary><c>pointId</c>: the 0-based design point (runs.csv, summary.csv, issues.csv, timeseries.csv).</summary>
    public const string PointId = "pointId";

    /// <summary><c>structure</c>: the compared structure's label (runs.csv, summary.csv, issues.csv, timeseries.csv).</summary>
    public const string Structure = "structure";

    /// <summary><c>replication</c>: the 0-based replication (runs.csv, issues.csv, timeseries.csv).</summary>
    public const string Replication = "replication";

    /// <summary><c>seed</c>: the run's seed (runs.csv).</summary>
    public const string Seed = "seed";

    /// <summary><c>n</c>: the runs a row of summary.csv summarises.</summary>
    public const string Runs = "n";

    /// <summary><c>unstableRuns</c>: the runs of a row of summary.csv that did not reach a steady state.</summary>
    public const string UnstableRuns = "unstableRuns";

    /// <summary><c>stable</c>: the measure every sweep keeps, 1 when the run reached a steady state and 0 otherwise.</summary>
    public const string StableMeasure = "stable";

    /// <summary><c>day</c>: a time-series sample's day (timeseries.csv).</summary>
    public const string Day = "day";

    /// <summary><c>latency</c>: an issue's days from discovery to the last required execution (issues.csv).</summary>
    public const string Latency = "latency";

    /// <summary>The prefix of timeseries.csv's department levels' utilisation columns: <c>utilisationLevel0</c>, <c>utilisationLevel1</c>, …</summary>
    public const string UtilisationLevelPrefix = "utilisationLevel";

    /// <summary>The suffix of a measure's mean in summary.csv: <c>M_mean</c>.</summary>
    public const string MeanSuffix = "_mean";

    /// <summary>The suffix of a measure's sample standard deviation in summary.csv: <c>M_sd</c>.</summary>
    public const string SdSuffix = "_sd";

    /// <summary>The suffix of the lower end of a measure's 95% confidence interval in summary.csv: <c>M_ciLow</c>.</summary>
    public const string CiLowSuffix = "_ciLow";

    /// <summary>The suffix of the upper end of a measure's 95% confidence interval in summary.csv: <c>M_ciHigh</c>.</summary>
    public const string CiHighSuffix = "_ciHigh";

    /// <summary>The columns of sensitivity.csv, in order.</summary>
    public static IReadOnlyList<string> SensitivityColumns { get; } = ["measure", "structure", "baseline", "factor", "factor2", "index", "estimate", "ciLow", "ciHigh", "n"];

    /// <summary>The columns of sensitivity-convergence.csv, in order.</summary>
    public static IReadOnlyList<string> SensitivityConvergenceColumns { get; } = ["measure", "structure", "baseline", "factor", "index", "samples", "estimate", "ciLow", "ciHigh", "n"];

    /// <summary>The suffixes of the four columns summary.csv has for each measure, in column order.</summary>
    public static IReadOnlyList<string> StatisticSuffixes { get; } = [MeanSuffix, SdSuffix, CiLowSuffix, CiHighSuffix];

    /// <summary>The columns runs.csv starts with, before the parameters and the measures.</summary>
    public static IReadOnlyList<string> RunKeys { get; } = [PointId, Structure, Replication, Seed];

    /// <summary>The columns summary.csv starts with, before the parameters.</summary>
    public static IReadOnlyList<string> SummaryKeys { get; } = [PointId, Structure];

    /// <summary>The columns of summary.csv between the parameters and the statistics.</summary>
    public static IReadOnlyList<string> SummaryCounts { get; } = [Runs, UnstableRuns];

    /// <summary>Every column of issues.csv, in file order: pointId, structure, replication, then the fields of an issue's outcome.</summary>
    public static IReadOnlyList<string> IssuesColumns { get; } = Array.AsReadOnly(IssuesTable.Header);

    /// <summary>
    /// The columns every timeseries.csv has, in file order, with only the first level's utilisation
    /// (<c>utilisationLevel0</c>); a file has one level column per department level of its deepest run, in their place.
    /// </summary>
    public static IReadOnlyList<string> TimeSeriesColumns { get; } = TimeSeriesTable.Columns(levels: 1).Select(c => c.Name).ToArray();

    /// <summary>The summary.csv column of <paramref name="measure"/>'s statistic with <paramref name="suffix"/> (one of <see cref="StatisticSuffixes"/>).</summary>
    public static string StatisticColumn(string measure, string suffix) => measure + suffix;
}
