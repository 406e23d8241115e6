namespace CoordSim.Plots.Results;

/// <summary>
/// A whole CSV results file as text cells with its header: the generic view of
/// <c>runs.csv</c> or <c>summary.csv</c> for any column, known to the library or not.
/// Typed views (<see cref="SummaryTable"/>, <see cref="RunTable"/>) are built on it.
/// </summary>
public sealed class CsvTable
{
    private readonly string[][] _rows;
    private readonly int[] _lines;
    private readonly Dictionary<string, int> _index;

    private CsvTable(string filePath, string[] columns, string[][] rows, int[] lines)
    {
        FilePath = filePath;
        Columns = columns;
        _rows = rows;
        _lines = lines;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            _index[columns[i]] = i;
        }
    }

    /// <summary>The file the table was read from.</summary>
    public string FilePath { get; }

    /// <summary>The file name, for example <c>summary.csv</c>.</summary>
    public string FileName => Path.GetFileName(FilePath);

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The number of data rows (the header excluded).</summary>
    public int RowCount => _rows.Length;

    /// <summary>Reads a whole CSV file; throws <see cref="ResultsFormatException"/> when it is missing or malformed.</summary>
    /// <param name="path">The file.</param>
    public static CsvTable Load(string path)
    {
        using var records = CsvRecords.Open(path);
        var rows = new List<string[]>();
        var lines = new List<int>();
        foreach (var (line, fields) in records.Records())
        {
            rows.Add(fields);
            lines.Add(line);
        }

        return new CsvTable(path, records.Header, rows.ToArray(), lines.ToArray());
    }

    /// <summary>
    /// A table held in memory, as the file <paramref name="fileName"/> would hold it: <paramref name="columns"/> its header,
    /// each of <paramref name="rows"/> the text of one row (row i on line i + 2). <see cref="FilePath"/> is the file name.
    /// </summary>
    /// <exception cref="ResultsFormatException">A row has another number of fields than the header has columns.</exception>
    public static CsvTable InMemory(string fileName, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var cells = rows.Select(r => r.ToArray()).ToArray();
        for (var r = 0; r < cells.Length; r++)
        {
            if (cells[r].Length != columns.Count)
            {
                throw new ResultsFormatException(
                    $"{fileName} (in memory) row {r + 1} has {cells[r].Length} fields but the header has {columns.Count} columns.", fileName, line: r + 2);
            }
        }

        return new CsvTable(fileName, [.. columns], cells, Enumerable.Range(2, cells.Length).ToArray());
    }

    /// <summary>True when the table has a column named <paramref name="column"/> (exact, case-sensitive).</summary>
    public bool HasColumn(string column) => _index.ContainsKey(column);

    /// <summary>The position of <paramref name="column"/>; throws <see cref="ResultsFormatException"/> naming the file and the column when it is missing.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="neededFor">What the column is needed for, added to the message (optional).</param>
    public int IndexOf(string column, string? neededFor = null)
    {
        if (_index.TryGetValue(column, out var i))
        {
            return i;
        }

        var why = neededFor is null ? "" : $" (needed for {neededFor})";
        throw new ResultsFormatException(
            $"{FileName} ('{FilePath}') has no column '{column}'{why}. Columns found: {string.Join(", ", Columns)}.",
            FilePath, column, 1);
    }

    /// <summary>Throws <see cref="ResultsFormatException"/> when the table has no data rows.</summary>
    public void RequireRows()
    {
        if (RowCount == 0)
        {
            throw new ResultsFormatException(
                $"{FileName} ('{FilePath}') has a header but no rows: the results are empty (did the sweep run any point?).",
                FilePath, line: 2);
        }
    }

    /// <summary>The 1-based line in the file of data row <paramref name="row"/> (the header is line 1).</summary>
    public int LineOf(int row) => _lines[row];

    /// <summary>The text of every cell of data row <paramref name="row"/>, in column order.</summary>
    public IReadOnlyList<string> Row(int row) => _rows[row];

    /// <summary>The text of a cell.</summary>
    public string Text(int row, int column) => _rows[row][column];

    /// <summary>The text of a cell, by column name.</summary>
    public string Text(int row, string column) => _rows[row][IndexOf(column)];

    /// <summary>A cell as a number (an empty cell is NaN); throws <see cref="ResultsFormatException"/> naming the file, line and column when it is not a number.</summary>
    public double Number(int row, int column) => FieldParser.Number(_rows[row][column], FilePath, Columns[column], _lines[row]);

    /// <summary>A cell as a number, by column name.</summary>
    public double Number(int row, string column) => Number(row, IndexOf(column));

    /// <summary>A cell as an integer; throws <see cref="ResultsFormatException"/> when it is not one.</summary>
    public long Integer(int row, int column) => FieldParser.Integer(_rows[row][column], FilePath, Columns[column], _lines[row]);

    /// <summary>A cell as an integer, by column name.</summary>
    public long Integer(int row, string column) => Integer(row, IndexOf(column));
}
