using System.Globalization;
using CsvHelper;

namespace CoordSim.Benchmarks;

/// <summary>
/// One row of the scaling CSV written by <c>--scaling</c>, reduced to what the scaling figures
/// draw: the series, the organisation size, the issue count, the wall time and the peak memory.
/// </summary>
/// <param name="Series">"people", "issues", "target" or "backlog".</param>
/// <param name="People">People in the organisation.</param>
/// <param name="Issues">Issues that arrived.</param>
/// <param name="Seconds">Wall seconds of setup and event loop.</param>
/// <param name="PeakWorkingSetBytes">Peak working set of the measuring process (VmHWM).</param>
public sealed record ScalingRow(string Series, long People, long Issues, double Seconds, long PeakWorkingSetBytes)
{
    /// <summary>The CSV columns the figures need.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["series", "people", "issues", "seconds", "peakWorkingSetBytes"];

    /// <summary>Peak working set in MiB (2^20 bytes), as the scaling table prints it.</summary>
    public double PeakMebibytes => PeakWorkingSetBytes / 1048576.0;

    /// <summary>
    /// Reads the rows of a scaling CSV (invariant culture, header row). Throws
    /// <see cref="InvalidDataException"/> naming the file, the column and the value when a column is
    /// missing or a value is not a positive number.
    /// </summary>
    public static IReadOnlyList<ScalingRow> Read(string path)
    {
        using var csv = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',', HasHeader = false, DetectSeparatorHint = false });
        if (!csv.Read())
        {
            throw new InvalidDataException($"{path}: empty file; expected the header written by --scaling ({string.Join(", ", Columns)}, ...).");
        }

        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToList();
        var index = Columns.ToDictionary(c => c, c => header.IndexOf(c), StringComparer.Ordinal);
        var missing = index.Where(c => c.Value < 0).Select(c => c.Key).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{path}: column(s) {string.Join(", ", missing)} missing; the header is '{string.Join(",", header)}' but --scaling writes {string.Join(", ", Columns)}, ...");
        }

        var rows = new List<ScalingRow>();
        var line = 1;
        while (csv.Read())
        {
            line++;
            string Field(string column) => index[column] < csv.FieldCount ? csv.GetString(index[column]) : string.Empty;
            double Positive(string column)
            {
                var text = Field(column);
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value))
                {
                    return value;
                }

                throw new InvalidDataException($"{path} line {line}: {column} = '{text}' is not allowed; use a positive number with a decimal point.");
            }

            rows.Add(new ScalingRow(Field("series"), (long)Positive("people"), (long)Positive("issues"), Positive("seconds"), (long)Positive("peakWorkingSetBytes")));
        }

        return rows;
    }
}
