using System.Globalization;

namespace CoordSim.Experiments;

/// <summary>
/// checksums.csv of a results folder: one record per finished run, committed after the run's rows in runs.csv (and
/// issues.csv and timeseries.csv when written), giving each file's length after the run and the SHA-256 of the run's
/// bytes in it. A resume keeps a run only when every file's bytes still hash to what was recorded, so a row that was
/// edited, truncated, lost or duplicated since is found and run again, with every run after it, never trusted.
/// </summary>
internal static class ChecksumsTable
{
    /// <summary>The file name.</summary>
    public const string FileName = ResultsFormat.ChecksumsFile;

    /// <summary>The header: the run's index, then a length and a hash for each of runs.csv, issues.csv and timeseries.csv (empty when the file is not written).</summary>
    public static readonly string[] Header = ["run", "runsEnd", "runsSha256", "issuesEnd", "issuesSha256", "timeseriesEnd", "timeseriesSha256"];

    private static readonly string[] Journals = [RunsTable.FileName, IssuesTable.FileName, TimeSeriesTable.FileName];

    /// <summary>The record of run <paramref name="run"/>, given where each journal stood after its rows.</summary>
    public static string[] Row(int run, JournalMark runs, JournalMark? issues, JournalMark? series) =>
    [
        run.ToString(CultureInfo.InvariantCulture),
        .. Fields(runs), .. Fields(issues), .. Fields(series),
    ];

    private static string[] Fields(JournalMark? mark) =>
        mark is { } m ? [m.End.ToString(CultureInfo.InvariantCulture), m.Sha256] : ["", ""];

    /// <summary>
    /// How much of the results in <paramref name="folder"/> a resume keeps: the runs whose records in checksums.csv are
    /// complete, in order (the k-th the record of run <paramref name="runs"/>[k]), and match the bytes of runs.csv,
    /// issues.csv and timeseries.csv (each given by its header, or null when the sweep does not write it), up to the
    /// first that does not. Nothing is changed on disk.
    /// </summary>
    public static ResumePoint Recover(ResultsFolder folder, IReadOnlyList<int> runs, IReadOnlyList<string> runsHeader, IReadOnlyList<string>? issuesHeader, IReadOnlyList<string>? seriesHeader)
    {
        string[] paths = [folder.Runs, folder.Issues, folder.TimeSeries];
        IReadOnlyList<string>?[] headers = [runsHeader, issuesHeader, seriesHeader];
        var ends = new long[Journals.Length];
        var streams = new FileStream?[Journals.Length];
        try
        {
            for (var f = 0; f < Journals.Length; f++)
            {
                if (headers[f] is not { } header)
                {
                    continue;
                }

                var bytes = CsvJournal.HeaderBytes(header);
                streams[f] = File.Exists(paths[f]) ? new FileStream(paths[f], FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16) : null;
                if (streams[f] is not { } stream || !StartsWith(stream, bytes))
                {
                    var written = CompleteLinesAfter(folder.Runs, 0) - 1;
                    return ResumePoint.Fresh(Math.Max(0, written), written > 0 ? $"{Journals[f]} is missing or does not start with the sweep's header" : null);
                }

                ends[f] = bytes.Length;
            }

            string? problem = null;
            var next = new long[Journals.Length];
            var length = CsvJournal.Recover(Path.Combine(folder.Directory, FileName), Header, (reader, i) =>
            {
                if (reader.FieldCount != Header.Length || i >= runs.Count ||
                    !int.TryParse(reader.GetString(0), NumberStyles.None, CultureInfo.InvariantCulture, out var run) || run != runs[i])
                {
                    problem = i < runs.Count ? $"record {i} of {FileName} is not the record of run {runs[i]}" : $"{FileName} has more records than the sweep has runs";
                    return false;
                }

                for (var f = 0; f < Journals.Length; f++)
                {
                    var endText = reader.GetString(1 + (2 * f));
                    var hash = reader.GetString(2 + (2 * f));
                    if (streams[f] is not { } stream)
                    {
                        if (endText.Length > 0 || hash.Length > 0)
                        {
                            problem = $"record {i} of {FileName} names {Journals[f]}, which this sweep does not write";
                            return false;
                        }

                        continue;
                    }

                    if (!long.TryParse(endText, NumberStyles.None, CultureInfo.InvariantCulture, out next[f]) ||
                        !string.Equals(CsvJournal.HashOf(stream, ends[f], next[f] - ends[f]), hash, StringComparison.Ordinal))
                    {
                        problem = $"run {run}'s rows in {Journals[f]} do not match their checksum";
                        return false;
                    }
                }

                Array.Copy(next, ends, ends.Length);
                return true;
            }, out var done);

            // ends[0] is the end of the kept runs, or of runs.csv's header when none is kept.
            var found = CompleteLinesAfter(folder.Runs, ends[0]);
            if (done == 0)
            {
                // No record kept: a crash before the first run's record is no problem, a lost or foreign checksums.csv is.
                return ResumePoint.Fresh(found, found > 0 ? problem ?? (length == 0 ? $"{FileName} is missing or does not start with its header" : null) : null);
            }

            return new ResumePoint(done, ends[0], ends[1], ends[2], length, found, problem);
        }
        finally
        {
            foreach (var s in streams)
            {
                s?.Dispose();
            }
        }
    }

    private static bool StartsWith(FileStream stream, byte[] bytes)
    {
        if (stream.Length < bytes.Length)
        {
            return false;
        }

        var head = new byte[bytes.Length];
        stream.Seek(0, SeekOrigin.Begin);
        stream.ReadExactly(head);
        return head.AsSpan().SequenceEqual(bytes);
    }

    /// <summary>The lines ended by '\n' in the file at <paramref name="path"/> from byte <paramref name="offset"/> on (0 when it is missing).</summary>
    private static int CompleteLinesAfter(string path, long offset)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        if (offset >= stream.Length)
        {
            return 0;
        }

        stream.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[1 << 16];
        var lines = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }
}
