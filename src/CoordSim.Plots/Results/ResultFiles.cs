using CoordSim.Experiments;

namespace CoordSim.Plots.Results;

/// <summary>The names of the files and folders in a results folder, as <see cref="ResultsFormat"/> defines them (docs/experiments.md).</summary>
public static class ResultFiles
{
    /// <summary>One row per run.</summary>
    public const string Runs = ResultsFormat.RunsFile;

    /// <summary>One row per design point and structure: mean, sd and 95% CI of each measure.</summary>
    public const string Summary = ResultsFormat.SummaryFile;

    /// <summary>Optional: one row per resolved issue.</summary>
    public const string Issues = ResultsFormat.IssuesFile;

    /// <summary>Optional: one row per sample of every run's time series.</summary>
    public const string TimeSeries = ResultsFormat.TimeSeriesFile;

    /// <summary>Morris or sobol designs: the sensitivity indices of every measure, structure and factor.</summary>
    public const string Sensitivity = ResultsFormat.SensitivityFile;

    /// <summary>Morris or sobol designs: the same indices from the first half, quarter and eighth of the samples.</summary>
    public const string SensitivityConvergence = ResultsFormat.SensitivityConvergenceFile;

    /// <summary>One row per column of the CSV files: file, column, role, type, unit and meaning. Figures do not read it.</summary>
    public const string Codebook = ResultsFormat.CodebookFile;

    /// <summary>The spec, library version, timing and varied parameters.</summary>
    public const string Manifest = ResultsFormat.ManifestFile;

    /// <summary>The folder the default figures are written into.</summary>
    public const string Figures = ResultsFormat.FiguresFolder;
}
