using CsvHelper;

namespace CoordSim.Plots.Results;

/// <summary>
/// Reads a results CSV file with CsvHelper as the contract writes it (header row, comma,
/// invariant culture, UTF-8): the header first, then the records one by one, so that large
/// files (issues.csv) can be streamed without holding them.
/// </summary>
internal sealed class CsvRecords : IDisposable
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        DetectSeparatorHint = false,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        TrimWhitespace = false,
    };

    private readonly CsvReader _csv;

    private CsvRecords(string path, CsvReader csv, string[] header)
    {
        FilePath = path;
        _csv = csv;
        Header = header;
    }

    /// <summary>The file being read.</summary>
    public string FilePath { get; }

    /// <summary>The column names, in file order.</summary>
    public string[] Header { get; }

    private string Name => Path.GetFileName(FilePath);

    /// <summary>Opens <paramref name="path"/> and reads its header; throws <see cref="ResultsFormatException"/> when the file is missing, empty or has a bad header.</summary>
    public static CsvRecords Open(string path)
    {
        if (!File.Exists(path))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            throw new ResultsFormatException(
                $"{Path.GetFileName(path)} was not found in '{folder}'. A results folder holds runs.csv, summary.csv and manifest.json (and optionally issues.csv), as written by 'coordsim sweep'.",
                path);
        }

        var csv = CsvReader.FromFile(path, Options);
        try
        {
            string[] header;
            try
            {
                csv.ReadHeader();
                header = csv.Headers.ToArray();
            }
            catch (CsvFormatException e)
            {
                throw new ResultsFormatException($"{Path.GetFileName(path)} ('{path}') is not a readable CSV file: {e.Message}", path, line: 1);
            }

            if (header.Length == 0)
            {
                throw new ResultsFormatException($"{Path.GetFileName(path)} ('{path}') is empty: expected a header row naming the columns.", path, line: 1);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in header)
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    throw new ResultsFormatException($"{Path.GetFileName(path)} ('{path}') has an empty column name in its header row.", path, line: 1);
                }

                if (!seen.Add(name))
                {
                    throw new ResultsFormatException($"{Path.GetFileName(path)} ('{path}') has the column '{name}' twice in its header row.", path, name, 1);
                }
            }

            return new CsvRecords(path, csv, header);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The records after the header, each with its 1-based line number; checks every record has as
    /// many fields as the header. With <paramref name="columns"/>, only those fields are read, in
    /// that order (for streaming large files).
    /// </summary>
    public IEnumerable<(int Line, string[] Fields)> Records(params int[] columns)
    {
        var wanted = columns.Length == 0 ? Enumerable.Range(0, Header.Length).ToArray() : columns;
        while (true)
        {
            try
            {
                if (!_csv.Read())
                {
                    yield break;
                }
            }
            catch (CsvFormatException e)
            {
                throw new ResultsFormatException($"{Name} ('{FilePath}') is not a readable CSV file: {e.Message}", FilePath,
                    line: e.LineNumber > 0 ? (int)e.LineNumber : null);
            }

            var line = (int)_csv.LineNumber;
            if (_csv.FieldCount != Header.Length)
            {
                throw new ResultsFormatException(
                    $"{Name} ('{FilePath}') line {line} has {_csv.FieldCount} fields but the header has {Header.Length} columns.",
                    FilePath, line: line);
            }

            var fields = new string[wanted.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = _csv.GetString(wanted[i]);
            }

            yield return (line, fields);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _csv.Dispose();
}
