using CoordSim.Experiments;

namespace CoordSim.Plots.Results;

/// <summary>
/// <c>timeseries.csv</c>, the optional time series of every run (one row per sample, docs/experiments.md). The file
/// grows with runs × horizon / interval, so it is read on demand: <see cref="Read"/> streams it and keeps one design
/// point's rows; <see cref="Load"/> reads every row for small files.
/// </summary>
public static class TimeSeriesTable
{
    /// <summary>The prefix of the department levels' utilisation columns: <c>utilisationLevel0</c>, <c>utilisationLevel1</c>, …</summary>
    public const string LevelPrefix = ResultsFormat.UtilisationLevelPrefix;

    /// <summary>The columns every timeseries.csv has, in contract order; the level columns from <c>utilisationLevel0</c> up come between backlog and utilisationLeaders.</summary>
    public static readonly IReadOnlyList<string> Columns = ResultsFormat.TimeSeriesColumns;

    /// <summary>Reads every row; throws <see cref="ResultsFormatException"/> naming the file, line and column when a column is missing or a value is malformed.</summary>
    public static IReadOnlyList<TimeSeriesRow> Load(string path) => Rows(path, pointId: null);

    /// <summary>The rows of design point <paramref name="pointId"/>, in file order (by replication and structure, then day), streaming the file.</summary>
    public static IReadOnlyList<TimeSeriesRow> Read(string path, int pointId) => Rows(path, pointId);

    /// <summary>Checks that the file exists and has every contract column; throws <see cref="ResultsFormatException"/> naming the first missing column.</summary>
    public static void CheckHeader(string path)
    {
        using var records = Open(path, out _);
    }

    private static List<TimeSeriesRow> Rows(string path, int? pointId)
    {
        using var records = Open(path, out var levels);
        var c = Columns.Select(name => Array.IndexOf(records.Header, name)).ToArray();
        var levelColumns = Enumerable.Range(0, levels).Select(k => Array.IndexOf(records.Header, LevelPrefix + k)).ToArray();
        var rows = new List<TimeSeriesRow>();
        foreach (var (line, f) in records.Records())
        {
            var point = FieldParser.Index(f[c[0]], path, ResultsFormat.PointId, line);
            if (pointId is { } wanted && point != wanted)
            {
                continue;
            }

            double D(int i) => FieldParser.Number(f[c[i]], path, Columns[i], line);
            long L(int i) => FieldParser.Integer(f[c[i]], path, Columns[i], line);
            var utilisation = levelColumns.Select((column, k) => FieldParser.Number(f[column], path, LevelPrefix + k, line)).ToArray();
            rows.Add(new TimeSeriesRow(
                point,
                FieldParser.Name(f[c[1]], path, ResultsFormat.Structure, line),
                FieldParser.Index(f[c[2]], path, ResultsFormat.Replication, line),
                D(3), L(4), L(5), L(6), utilisation, D(8), (int)L(9), D(10), D(11)));
        }

        return rows;
    }

    private static CsvRecords Open(string path, out int levels)
    {
        var records = CsvRecords.Open(path);
        var missing = Columns.FirstOrDefault(c => !records.Header.Contains(c));
        if (missing is not null)
        {
            records.Dispose();
            throw new ResultsFormatException(
                $"{Path.GetFileName(path)} ('{path}') has no column '{missing}'. {ResultsFormat.TimeSeriesFile} needs the columns {string.Join(", ", Columns)} " +
                $"(and {LevelPrefix}1, … for deeper organisations); columns found: {string.Join(", ", records.Header)}.",
                path, missing, 1);
        }

        levels = 0;
        while (records.Header.Contains(LevelPrefix + levels))
        {
            levels++;
        }

        return records;
    }
}
