using CoordSim.Experiments;

namespace CoordSim.Plots.Results;

/// <summary>
/// <c>sensitivity.csv</c> (<see cref="Load"/>) or <c>sensitivity-convergence.csv</c> (<see cref="LoadConvergence"/>) as
/// typed rows: the sensitivity indices a whole sweep with a morris or sobol design writes, per measure, structure (or
/// difference from the first structure), factor and index, with their 95% bootstrap intervals; the convergence file
/// gives them again from the first base rows or trajectories (<see cref="SensitivityIndexRow.Samples"/>). Columns are
/// those of <see cref="ResultsFormat.SensitivityColumns"/> and <see cref="ResultsFormat.SensitivityConvergenceColumns"/>.
/// </summary>
public sealed class SensitivityIndexTable
{
    private SensitivityIndexTable(string filePath, bool isConvergence, IReadOnlyList<SensitivityIndexRow> rows)
    {
        FilePath = filePath;
        IsConvergence = isConvergence;
        Rows = rows;
        Measures = rows.Select(r => r.Measure).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The file read.</summary>
    public string FilePath { get; }

    /// <summary>True for sensitivity-convergence.csv (every row has <see cref="SensitivityIndexRow.Samples"/>).</summary>
    public bool IsConvergence { get; }

    /// <summary>Every row, in file order (measure by measure; within a measure, each structure's own rows, then each difference from the first structure).</summary>
    public IReadOnlyList<SensitivityIndexRow> Rows { get; }

    /// <summary>The measures the file has rows for, in file order.</summary>
    public IReadOnlyList<string> Measures { get; }

    /// <summary>The indices the file has (for example mu, muStar, sigma), in order of appearance.</summary>
    public IReadOnlyList<string> Indices => Rows.Select(r => r.Index).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Reads sensitivity.csv; throws <see cref="ResultsFormatException"/> naming the file, line and column when it is missing, lacks a column or holds a malformed value.</summary>
    public static SensitivityIndexTable Load(string path) => Read(path, convergence: false);

    /// <summary>Reads sensitivity-convergence.csv; throws <see cref="ResultsFormatException"/> as <see cref="Load"/> does.</summary>
    public static SensitivityIndexTable LoadConvergence(string path) => Read(path, convergence: true);

    /// <summary>
    /// Checks that the file exists and has every column of its contract (sensitivity.csv, or with
    /// <paramref name="convergence"/> sensitivity-convergence.csv); throws <see cref="ResultsFormatException"/> naming the first missing column.
    /// </summary>
    public static void CheckHeader(string path, bool convergence)
    {
        using var records = CsvRecords.Open(path);
        var columns = ColumnsOf(convergence);
        var missing = columns.FirstOrDefault(c => !records.Header.Contains(c));
        if (missing is not null)
        {
            throw MissingColumn(path, missing, columns, records.Header);
        }
    }

    /// <summary>The rows of <paramref name="measure"/> with index <paramref name="index"/>, in file order.</summary>
    public IReadOnlyList<SensitivityIndexRow> Of(string measure, string index) =>
        Rows.Where(r => r.Measure == measure && r.Index == index).ToArray();

    /// <summary>Throws <see cref="ArgumentException"/> listing the measures present when the file has no row of <paramref name="measure"/>.</summary>
    public void RequireMeasure(string measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (!Measures.Contains(measure, StringComparer.Ordinal))
        {
            var present = Measures.Count == 0 ? "it has no rows" : "measures present: " + string.Join(", ", Measures);
            throw new ArgumentException($"Unknown measure '{measure}': {Path.GetFileName(FilePath)} ('{FilePath}') has no row of it; {present}.", nameof(measure));
        }
    }

    private static IReadOnlyList<string> ColumnsOf(bool convergence) =>
        convergence ? ResultsFormat.SensitivityConvergenceColumns : ResultsFormat.SensitivityColumns;

    private static ResultsFormatException MissingColumn(string path, string missing, IReadOnlyList<string> columns, IEnumerable<string> found) =>
        new($"{Path.GetFileName(path)} ('{path}') has no column '{missing}'. It needs the columns {string.Join(", ", columns)}; columns found: {string.Join(", ", found)}.",
            path, missing, 1);

    private static SensitivityIndexTable Read(string path, bool convergence)
    {
        var table = CsvTable.Load(path);
        var columns = ColumnsOf(convergence);
        var missing = columns.FirstOrDefault(c => !table.HasColumn(c));
        if (missing is not null)
        {
            throw MissingColumn(path, missing, columns, table.Columns);
        }

        // The same names in both files: measure, structure, baseline, factor, [factor2,] index, [samples,] estimate, ciLow, ciHigh, n.
        var names = ResultsFormat.SensitivityColumns;
        int At(string name) => table.IndexOf(name);
        var (measure, structure, baseline, factor) = (At(names[0]), At(names[1]), At(names[2]), At(names[3]));
        var factor2 = convergence ? -1 : At(names[4]);
        var (index, estimate, low, high, n) = (At(names[5]), At(names[6]), At(names[7]), At(names[8]), At(names[9]));
        var samples = convergence ? At(ResultsFormat.SensitivityConvergenceColumns[5]) : -1;
        var rows = new SensitivityIndexRow[table.RowCount];
        for (var r = 0; r < rows.Length; r++)
        {
            var line = table.LineOf(r);
            string Name(int column) => FieldParser.Name(table.Text(r, column), path, table.Columns[column], line);
            string? Optional(int column) => column < 0 || table.Text(r, column).Length == 0 ? null : table.Text(r, column);
            rows[r] = new SensitivityIndexRow(
                Name(measure), Name(structure), Optional(baseline), Name(factor), Optional(factor2), Name(index),
                table.Number(r, estimate), table.Number(r, low), table.Number(r, high),
                FieldParser.Index(table.Text(r, n), path, table.Columns[n], line))
            {
                Samples = samples < 0 ? null : FieldParser.Index(table.Text(r, samples), path, table.Columns[samples], line),
            };
        }

        return new SensitivityIndexTable(path, convergence, rows);
    }
}
