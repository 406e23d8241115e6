using System.Collections;
using System.Globalization;

namespace CoordSim.Experiments;

/// <summary>
/// One run as a flat row of <c>runs.csv</c>: column name → the text runs.csv holds, in the file's column order
/// (<see cref="ResultsFormat.RunKeys"/>, every parameter, every kept measure). Made from a <see cref="RunRow"/> in
/// memory by <see cref="Of(ExperimentPlan, RunRow)"/> with the same formatting the sweep writes runs.csv with, and by
/// CoordSim.Plots from runs.csv, so the two are equal key by key and text by text.
/// </summary>
/// <example>
/// <code>
/// var plan = spec.Plan();
/// foreach (var record in RunRecord.Of(plan, Sweep.Rows(spec)))
/// {
///     Console.WriteLine($"{record.Structure} {record["crossDepartmentShare"]} {record.Number("latencyRestrictedMean")}");
/// }
/// </code>
/// </example>
public sealed class RunRecord : IReadOnlyDictionary<string, string>, IEquatable<RunRecord>
{
    private readonly Layout _layout;
    private readonly string[] _fields;

    /// <summary>
    /// Creates the record of one runs.csv row from its header and its fields (as text).
    /// </summary>
    /// <param name="columns">The header: <see cref="ResultsFormat.RunKeys"/> first, then the parameters and measures.</param>
    /// <param name="fields">One field per column.</param>
    /// <exception cref="ArgumentException">The header does not start with the run keys or repeats a column, the counts differ, or a key field is malformed.</exception>
    public RunRecord(IReadOnlyList<string> columns, IReadOnlyList<string> fields)
        : this(new Layout(columns), fields)
    {
    }

    private RunRecord(Layout layout, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count != layout.Columns.Length)
        {
            throw new ArgumentException(
                $"A run record has {fields.Count} fields but its header has {layout.Columns.Length} columns ({string.Join(", ", layout.Columns)}); give one field per column.",
                nameof(fields));
        }

        _layout = layout;
        _fields = [.. fields];
        PointId = (int)Integer(ResultsFormat.PointId, 0, int.MaxValue);
        Structure = _fields[1].Length > 0
            ? _fields[1]
            : throw new ArgumentException($"A run record's {ResultsFormat.Structure} is empty; it must name the structure.", nameof(fields));
        Replication = (int)Integer(ResultsFormat.Replication, 0, int.MaxValue);
        Seed = Integer(ResultsFormat.Seed, long.MinValue, long.MaxValue);
    }

    /// <summary>The column names, in runs.csv's order.</summary>
    public IReadOnlyList<string> Columns => _layout.Columns;

    /// <summary>The fields, as runs.csv writes them, in column order.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>The 0-based design point.</summary>
    public int PointId { get; }

    /// <summary>The structure's label.</summary>
    public string Structure { get; }

    /// <summary>The 0-based replication.</summary>
    public int Replication { get; }

    /// <summary>The run's seed.</summary>
    public long Seed { get; }

    /// <inheritdoc />
    public int Count => _fields.Length;

    /// <inheritdoc />
    IEnumerable<string> IReadOnlyDictionary<string, string>.Keys => _layout.Columns;

    /// <inheritdoc />
    IEnumerable<string> IReadOnlyDictionary<string, string>.Values => _fields;

    /// <summary>The text of <paramref name="column"/>, as runs.csv holds it.</summary>
    /// <exception cref="KeyNotFoundException">The record has no such column; the message lists its columns.</exception>
    public string this[string column] => _fields[IndexOf(column)];

    /// <summary>The columns of runs.csv for <paramref name="plan"/>, in file order: the header every record of its runs has.</summary>
    public static IReadOnlyList<string> ColumnsOf(ExperimentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return RunsTable.Header(plan);
    }

    /// <summary>
    /// The records of <paramref name="rows"/>, runs of <paramref name="plan"/>, in their order: what runs.csv of a sweep of
    /// the plan holds for them, field by field.
    /// </summary>
    public static IEnumerable<RunRecord> Of(ExperimentPlan plan, IEnumerable<RunRow> rows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        return Records(plan, rows);
    }

    /// <summary>The record of <paramref name="row"/>, a run of <paramref name="plan"/>: its row of runs.csv, field by field.</summary>
    public static RunRecord Of(ExperimentPlan plan, RunRow row)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(row);
        return new RunRecord(new Layout(RunsTable.Header(plan)), RunsTable.Row(plan, row));
    }

    /// <summary>
    /// The records of a runs.csv read as text: <paramref name="columns"/> is its header, each of <paramref name="rows"/>
    /// the fields of one row (the records share the header).
    /// </summary>
    /// <exception cref="ArgumentException">See <see cref="RunRecord(IReadOnlyList{string}, IReadOnlyList{string})"/>.</exception>
    public static IReadOnlyList<RunRecord> Of(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var layout = new Layout(columns);
        return rows.Select(fields => new RunRecord(layout, fields)).ToArray();
    }

    /// <summary>True when the record has a column named <paramref name="column"/> (exact, case-sensitive).</summary>
    public bool ContainsKey(string column) => _layout.Index.ContainsKey(column);

    /// <inheritdoc />
    public bool TryGetValue(string key, out string value)
    {
        if (_layout.Index.TryGetValue(key, out var i))
        {
            value = _fields[i];
            return true;
        }

        value = "";
        return false;
    }

    /// <summary>
    /// The value of a numeric column (a measure, or a numeric parameter) as a double: NaN where runs.csv has an empty
    /// field (a value that is not finite).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The record has no such column.</exception>
    /// <exception cref="FormatException">The column's text is not a number; the message names the column and the text.</exception>
    public double Number(string column)
    {
        var text = this[column];
        if (text.Length == 0)
        {
            return double.NaN;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"The column '{column}' of run {PointId}/{Structure}/{Replication} holds '{text}', which is not a number.");
    }

    /// <summary>The columns and their text, in column order.</summary>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            yield return new KeyValuePair<string, string>(_layout.Columns[i], _fields[i]);
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>True when <paramref name="other"/> has the same columns, in the same order, with the same text.</summary>
    public bool Equals(RunRecord? other) =>
        other is not null && _layout.Columns.AsSpan().SequenceEqual(other._layout.Columns) && _fields.AsSpan().SequenceEqual(other._fields);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RunRecord);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PointId, Structure, Replication, Seed, _fields.Length);

    /// <summary>The record as one line of runs.csv's fields, for reading in a debugger or a log.</summary>
    public override string ToString() => string.Join(",", _fields);

    private static IEnumerable<RunRecord> Records(ExperimentPlan plan, IEnumerable<RunRow> rows)
    {
        var layout = new Layout(RunsTable.Header(plan));
        foreach (var row in rows)
        {
            yield return new RunRecord(layout, RunsTable.Row(plan, row));
        }
    }

    private int IndexOf(string column) =>
        _layout.Index.TryGetValue(column, out var i)
            ? i
            : throw new KeyNotFoundException($"A run record has no column '{column}'; its columns: {string.Join(", ", _layout.Columns)}.");

    private long Integer(string column, long min, long max)
    {
        var text = this[column];
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"A run record's {column} is '{text}'; it must be an integer from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.", "fields");
    }

    /// <summary>A header shared by the records of one file or one plan.</summary>
    private sealed class Layout
    {
        public Layout(IReadOnlyList<string> columns)
        {
            ArgumentNullException.ThrowIfNull(columns);
            Columns = [.. columns];
            if (!Columns.Take(ResultsFormat.RunKeys.Count).SequenceEqual(ResultsFormat.RunKeys, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"A run record's columns must start with {string.Join(", ", ResultsFormat.RunKeys)}, as runs.csv does; these start with {string.Join(", ", Columns.Take(ResultsFormat.RunKeys.Count))}.",
                    nameof(columns));
            }

            Index = new Dictionary<string, int>(Columns.Length, StringComparer.Ordinal);
            for (var i = 0; i < Columns.Length; i++)
            {
                if (!Index.TryAdd(Columns[i], i))
                {
                    throw new ArgumentException($"A run record's columns name '{Columns[i]}' twice; each column appears once.", nameof(columns));
                }
            }
        }

        public string[] Columns { get; }

        public Dictionary<string, int> Index { get; }
    }
}
