namespace CoordSim.Plots.Results;

/// <summary>
/// <c>runs.csv</c> as typed rows: one per run, with its parameter values (the columns named as
/// parameters of <see cref="ParameterCatalog"/>) and its measures (every other column after
/// pointId, structure, replication and seed).
/// </summary>
public sealed class RunTable
{
    private static readonly string[] Fixed = ["pointId", "structure", "replication", "seed"];

    private RunTable(CsvTable table, RunRow[] rows, string[] parameters, string[] measures)
    {
        Table = table;
        Rows = rows;
        ParameterColumns = parameters;
        Measures = measures;
    }

    /// <summary>The file as a generic table.</summary>
    public CsvTable Table { get; }

    /// <summary>Every run, in file order.</summary>
    public IReadOnlyList<RunRow> Rows { get; }

    /// <summary>The parameter columns, in file order.</summary>
    public IReadOnlyList<string> ParameterColumns { get; }

    /// <summary>The measure columns, in file order.</summary>
    public IReadOnlyList<string> Measures { get; }

    /// <summary>Reads <paramref name="path"/>; throws <see cref="ResultsFormatException"/> naming the file and column when pointId, structure, replication or seed is missing, when there are no rows, or when a value is malformed.</summary>
    public static RunTable Load(string path)
    {
        var table = CsvTable.Load(path);
        var fixedIndexes = Fixed.Select(c => table.IndexOf(c)).ToArray();
        var parameters = table.Columns.Where(c => !Fixed.Contains(c) && ParameterCatalog.Find(c) is not null).ToArray();
        var measures = table.Columns.Where(c => !Fixed.Contains(c) && !parameters.Contains(c)).ToArray();
        table.RequireRows();
        var parameterIndexes = parameters.Select(p => table.IndexOf(p)).ToArray();
        var measureIndexes = measures.Select(m => table.IndexOf(m)).ToArray();
        var rows = new RunRow[table.RowCount];
        for (var r = 0; r < rows.Length; r++)
        {
            var line = table.LineOf(r);
            var values = new Dictionary<string, string>(parameters.Length, StringComparer.Ordinal);
            for (var p = 0; p < parameters.Length; p++)
            {
                values[parameters[p]] = table.Text(r, parameterIndexes[p]);
            }

            var numbers = new Dictionary<string, double>(measures.Length, StringComparer.Ordinal);
            for (var m = 0; m < measures.Length; m++)
            {
                numbers[measures[m]] = table.Number(r, measureIndexes[m]);
            }

            rows[r] = new RunRow(
                FieldParser.Index(table.Text(r, fixedIndexes[0]), path, "pointId", line),
                FieldParser.Name(table.Text(r, fixedIndexes[1]), path, "structure", line),
                FieldParser.Index(table.Text(r, fixedIndexes[2]), path, "replication", line),
                FieldParser.Integer(table.Text(r, fixedIndexes[3]), path, "seed", line),
                values,
                numbers);
        }

        return new RunTable(table, rows, parameters, measures);
    }
}
