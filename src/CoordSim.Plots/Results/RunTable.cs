using CoordSim.Experiments;

namespace CoordSim.Plots.Results;

/// <summary>
/// <c>runs.csv</c> as flat records (<see cref="RunRecord"/>): one per run, with its parameter values (the columns named as
/// parameters of <see cref="ParameterCatalog"/>) and its measures (every other column after
/// pointId, structure, replication and seed).
/// </summary>
public sealed class RunTable
{
    private RunTable(CsvTable table, IReadOnlyList<RunRecord> rows, string[] parameters, string[] measures)
    {
        Table = table;
        Rows = rows;
        ParameterColumns = parameters;
        Measures = measures;
    }

    /// <summary>The file as a generic table (for runs in memory, the table runs.csv would hold).</summary>
    public CsvTable Table { get; }

    /// <summary>Every run, in file order.</summary>
    public IReadOnlyList<RunRecord> Rows { get; }

    /// <summary>The parameter columns, in file order.</summary>
    public IReadOnlyList<string> ParameterColumns { get; }

    /// <summary>The measure columns, in file order.</summary>
    public IReadOnlyList<string> Measures { get; }

    /// <summary>Reads <paramref name="path"/>; throws <see cref="ResultsFormatException"/> naming the file and column when pointId, structure, replication or seed is missing, when there are no rows, or when a value is malformed.</summary>
    public static RunTable Load(string path) => From(CsvTable.Load(path));

    /// <summary>
    /// The runs of <paramref name="plan"/> in memory, <paramref name="rows"/> (from <see cref="Sweep.Rows(ExperimentSpec, int, CancellationToken)"/>
    /// or <see cref="SweepOptions.OnRow"/>), as the table their runs.csv would be; nothing is written.
    /// </summary>
    /// <exception cref="ResultsFormatException">There are no rows.</exception>
    public static RunTable FromRows(ExperimentPlan plan, IEnumerable<RunRow> rows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        var records = RunRecord.Of(plan, rows).ToArray();
        return From(CsvTable.InMemory(ResultsFormat.RunsFile, RunRecord.ColumnsOf(plan), records.Select(r => r.Fields)));
    }

    private static RunTable From(CsvTable table)
    {
        var path = table.FilePath;
        var fixedIndexes = ResultsFormat.RunKeys.Select(c => table.IndexOf(c)).ToArray();
        var parameters = table.Columns.Where(c => !ResultsFormat.RunKeys.Contains(c) && ParameterCatalog.Find(c) is not null).ToArray();
        var measures = table.Columns.Where(c => !ResultsFormat.RunKeys.Contains(c) && !parameters.Contains(c)).ToArray();
        table.RequireRows();
        var measureIndexes = measures.Select(m => table.IndexOf(m)).ToArray();
        var rows = new IReadOnlyList<string>[table.RowCount];
        for (var r = 0; r < rows.Length; r++)
        {
            // Checked here, for messages that name the file and line; the records then hold the text as it is.
            var line = table.LineOf(r);
            FieldParser.Index(table.Text(r, fixedIndexes[0]), path, ResultsFormat.PointId, line);
            FieldParser.Name(table.Text(r, fixedIndexes[1]), path, ResultsFormat.Structure, line);
            FieldParser.Index(table.Text(r, fixedIndexes[2]), path, ResultsFormat.Replication, line);
            FieldParser.Integer(table.Text(r, fixedIndexes[3]), path, ResultsFormat.Seed, line);
            foreach (var m in measureIndexes)
            {
                table.Number(r, m);
            }

            rows[r] = table.Row(r);
        }

        // Key columns out of place (runs.csv starts with them) are put first, so the records have runs.csv's order.
        var order = fixedIndexes.Concat(Enumerable.Range(0, table.Columns.Count).Except(fixedIndexes)).ToArray();
        var records = RunRecord.Of(order.Select(i => table.Columns[i]).ToArray(), rows.Select(f => order.Select(i => f[i]).ToArray()));
        return new RunTable(table, records, parameters, measures);
    }
}
