using CoordSim.Experiments;
using CoordSim.Metrics;

namespace CoordSim.Plots.Results;

/// <summary>
/// <c>issues.csv</c>, the optional per-issue outcomes. The file can be large, so it is read on
/// demand: <see cref="ReadLatencies"/> streams the file and keeps only one point's latencies;
/// <see cref="Load"/> reads every row for small files.
/// </summary>
public static class IssueTable
{
    /// <summary>The columns of issues.csv in contract order: pointId, structure, replication, then the <see cref="IssueOutcome"/> fields in camelCase.</summary>
    public static readonly IReadOnlyList<string> Columns = ResultsFormat.IssuesColumns;

    /// <summary>Reads every row; throws <see cref="ResultsFormatException"/> naming the file and column when a column is missing or a value is malformed.</summary>
    public static IReadOnlyList<IssueRow> Load(string path)
    {
        using var records = Open(path);
        var c = Columns.Select(name => Array.IndexOf(records.Header, name)).ToArray();
        var rows = new List<IssueRow>();
        foreach (var (line, f) in records.Records())
        {
            double D(int i) => FieldParser.Number(f[c[i]], path, Columns[i], line);
            bool B(int i) => FieldParser.Boolean(f[c[i]], path, Columns[i], line);
            int I(int i) => (int)FieldParser.Integer(f[c[i]], path, Columns[i], line);
            var outcome = new IssueOutcome(
                FieldParser.Integer(f[c[3]], path, Columns[3], line), D(4), I(5), I(6), B(7), D(8), D(9), D(10), D(11), D(12),
                D(13), D(14), D(15), D(16), D(17), D(18), B(19), B(20), D(21), B(22))
            {
                Consultation = D(23),
                ConsultationRounds = I(24),
                Crisis = B(25),
                DecisionTime = D(26),
                Venue = FieldParser.Choice<CoordSim.Mechanisms.DecisionVenue>(f[c[27]], path, Columns[27], line),
                SquaredError = D(28),
                SquaredNorm = D(29),
                Faults = I(30),
                Blame = D(31),
                BlameOnFaulters = D(32),
                MaxBlame = D(33),
            };
            rows.Add(new IssueRow(
                FieldParser.Index(f[c[0]], path, ResultsFormat.PointId, line),
                FieldParser.Name(f[c[1]], path, ResultsFormat.Structure, line),
                FieldParser.Index(f[c[2]], path, ResultsFormat.Replication, line),
                outcome));
        }

        return rows;
    }

    /// <summary>
    /// The latencies of every issue at design point <paramref name="pointId"/>, by structure,
    /// pooled over replications, streaming the file. Structures with no issue at the point are absent.
    /// </summary>
    public static IReadOnlyDictionary<string, double[]> ReadLatencies(string path, int pointId)
    {
        using var records = Open(path);
        var columns = new[] { ResultsFormat.PointId, ResultsFormat.Structure, ResultsFormat.Latency }.Select(c => Array.IndexOf(records.Header, c)).ToArray();
        var result = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var (line, f) in records.Records(columns))
        {
            if (FieldParser.Index(f[0], path, ResultsFormat.PointId, line) != pointId)
            {
                continue;
            }

            var name = FieldParser.Name(f[1], path, ResultsFormat.Structure, line);
            if (!result.TryGetValue(name, out var list))
            {
                result[name] = list = [];
            }

            list.Add(FieldParser.Number(f[2], path, ResultsFormat.Latency, line));
        }

        return result.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Checks that the file exists and has every contract column; throws <see cref="ResultsFormatException"/> naming the first missing column.</summary>
    public static void CheckHeader(string path)
    {
        using var records = Open(path);
    }

    private static CsvRecords Open(string path)
    {
        var records = CsvRecords.Open(path);
        var missing = Columns.FirstOrDefault(c => !records.Header.Contains(c));
        if (missing is not null)
        {
            records.Dispose();
            throw new ResultsFormatException(
                $"{Path.GetFileName(path)} ('{path}') has no column '{missing}'. {ResultsFormat.IssuesFile} needs the columns {string.Join(", ", Columns)}; columns found: {string.Join(", ", records.Header)}.",
                path, missing, 1);
        }

        return records;
    }
}
