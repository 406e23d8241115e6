namespace CoordSim.Experiments;

/// <summary>
/// <c>codebook.csv</c> of a results folder: one row per column of every CSV file the sweep writes
/// (runs.csv, summary.csv, then issues.csv and timeseries.csv when they are written, and sensitivity.csv for a whole
/// sweep with a morris or sobol design), in file order, with columns
/// <c>file, column, role, type, unit, meaning</c>. Generated from the same column descriptions the
/// tables build their headers from (the parameter and measure catalogs, the kept measures of the
/// spec, the key, statistic, issue and time-series columns), so it documents exactly the files beside it. It
/// depends on the plan only, so it is the same bytes for any thread count and on resume.
/// </summary>
internal static class Codebook
{
    /// <summary>The file name.</summary>
    public const string FileName = ResultsFormat.CodebookFile;

    /// <summary>The header row.</summary>
    public static IReadOnlyList<string> Header { get; } = ["file", "column", "role", "type", "unit", "meaning"];

    /// <summary>
    /// Every CSV file the sweep of <paramref name="plan"/> writes, in the codebook's order, with its columns in file order;
    /// <paramref name="wholeSweep"/> is false for a shard, which writes no sensitivity.csv.
    /// </summary>
    public static IReadOnlyList<(string File, IReadOnlyList<ResultColumn> Columns)> Files(ExperimentPlan plan, bool wholeSweep = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var files = new List<(string, IReadOnlyList<ResultColumn>)>
        {
            (RunsTable.FileName, RunsTable.Columns(plan)),
            (SummaryTable.FileName, SummaryTable.Columns(plan)),
        };
        if (plan.Spec.Output.Issues)
        {
            files.Add((IssuesTable.FileName, IssuesTable.Columns));
        }

        if (plan.Spec.Output.TimeSeriesInterval is not null)
        {
            files.Add((TimeSeriesTable.FileName, TimeSeriesTable.Columns(plan)));
        }

        if (wholeSweep && SensitivityTable.Applies(plan))
        {
            files.Add((SensitivityTable.FileName, SensitivityTable.Columns));
            files.Add((SensitivityConvergenceTable.FileName, SensitivityConvergenceTable.Columns));
        }

        return files;
    }

    /// <summary>The rows of the codebook of <paramref name="plan"/> (<paramref name="wholeSweep"/>: false for a shard), after the header.</summary>
    public static IEnumerable<string[]> Rows(ExperimentPlan plan, bool wholeSweep = true) =>
        from file in Files(plan, wholeSweep)
        from column in file.Columns
        select new[] { file.File, column.Name, ResultColumn.Word(column.Role), ResultColumn.Word(column.Type), column.Unit, column.Description };

    /// <summary>Writes the codebook of <paramref name="plan"/> (<paramref name="wholeSweep"/>: false for a shard) to <paramref name="path"/>, replacing the old one at once (written beside and renamed).</summary>
    public static void Write(ExperimentPlan plan, string path, bool wholeSweep = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(path);
        CsvJournal.WriteWhole(path, Header, Rows(plan, wholeSweep));
    }
}
