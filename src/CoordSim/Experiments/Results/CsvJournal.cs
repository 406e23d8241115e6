using System.Security.Cryptography;
using CsvHelper;

namespace CoordSim.Experiments;

/// <summary>
/// An append-only CSV file of a results folder: records are written in their final order and made
/// durable one by one (flushed and synced to disk), so a sweep killed at any moment leaves a
/// header, complete records and at most one torn record at the end. <see cref="Recover"/> finds the
/// longest valid prefix and cuts the rest off before a resumed sweep appends to it. Comma
/// separated, '\n' line ends, UTF-8 without byte order mark, invariant numbers. Every <see cref="Commit"/> returns the
/// file's length and the SHA-256 of the bytes committed, which a sweep records in checksums.csv so that a resume can
/// tell the rows it wrote from rows that were changed since.
/// </summary>
internal sealed class CsvJournal : IDisposable
{
    private static readonly CsvWriterOptions WriterOptions = CsvWriterOptions.Default with { NewLine = "\n" };

    private static readonly CsvReaderOptions ReaderOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        SkipEmptyLines = false,
        DetectSeparatorHint = false,
    };

    private readonly FileStream _stream;
    private readonly HashingStream _hashed;
    private readonly CsvWriter _csv;

    private CsvJournal(FileStream stream)
    {
        _stream = stream;
        _hashed = new HashingStream(stream);
        _csv = CsvWriter.Create(_hashed, WriterOptions, leaveOpen: true);
    }

    /// <summary>Creates (or replaces) the file with <paramref name="header"/> and makes it durable.</summary>
    public static CsvJournal Create(string path, IReadOnlyList<string> header)
    {
        var journal = new CsvJournal(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read));
        journal.Write(header);
        journal.Commit();
        return journal;
    }

    /// <summary>
    /// Writes a whole file: <paramref name="header"/> and <paramref name="rows"/> go to <paramref name="path"/>.tmp, which
    /// is committed (so a full disk throws here, never quietly in a dispose) and then renamed to <paramref name="path"/>,
    /// replacing any file there at once: a reader sees the old file or the new one, never part of one.
    /// </summary>
    public static void WriteWhole(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var temporary = path + ".tmp";
        using (var journal = Create(temporary, header))
        {
            foreach (var row in rows)
            {
                journal.Write(row);
            }

            journal.Commit();
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Opens the file to append after its first <paramref name="length"/> bytes, cutting off the rest; a length of 0 starts it again with <paramref name="header"/>.</summary>
    public static CsvJournal Append(string path, long length, IReadOnlyList<string> header)
    {
        if (length == 0)
        {
            return Create(path, header);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        stream.SetLength(length);
        stream.Seek(0, SeekOrigin.End);
        stream.Flush(flushToDisk: true);
        return new CsvJournal(stream);
    }

    /// <summary>Writes one record (held in a buffer until <see cref="Commit"/>).</summary>
    public void Write(IReadOnlyList<string> fields)
    {
        foreach (var f in fields)
        {
            _csv.WriteField(f);
        }

        _csv.EndRecord();
    }

    /// <summary>Writes buffered records to the file and syncs it to disk.</summary>
    /// <returns>The file's length now and the SHA-256 of the bytes written since the last commit.</returns>
    public JournalMark Commit()
    {
        _csv.Flush();
        _stream.Flush(flushToDisk: true);
        return new JournalMark(_stream.Position, _hashed.TakeHash());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // A write error (a full disk) has been thrown by Commit already; the writer's own flush on dispose would throw it
        // again and hide the first one, so its buffer (empty after a commit) is dropped when the file cannot take it.
        try
        {
            _csv.Dispose();
        }
        catch (IOException)
        {
        }

        _hashed.Dispose();
        _stream.Dispose();
    }

    /// <summary>The bytes a journal writes for <paramref name="header"/>: what a file it wrote starts with.</summary>
    public static byte[] HeaderBytes(IReadOnlyList<string> header)
    {
        using var memory = new MemoryStream();
        using (var csv = CsvWriter.Create(memory, WriterOptions, leaveOpen: true))
        {
            foreach (var f in header)
            {
                csv.WriteField(f);
            }

            csv.EndRecord();
        }

        return memory.ToArray();
    }

    /// <summary>The SHA-256 of <paramref name="count"/> bytes of <paramref name="file"/> from <paramref name="offset"/>, in lower-case hex, or null when the file is shorter.</summary>
    public static string? HashOf(FileStream file, long offset, long count)
    {
        if (offset < 0 || count < 0 || offset + count > file.Length)
        {
            return null;
        }

        file.Seek(offset, SeekOrigin.Begin);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        while (count > 0)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read == 0)
            {
                return null;
            }

            hash.AppendData(buffer, 0, read);
            count -= read;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The length in bytes of the valid prefix of the file at <paramref name="path"/>: its header if it
    /// equals <paramref name="header"/>, then every record that is complete (ends with exactly '\n'), follows
    /// the previous one directly and that <paramref name="accept"/> (given the reader on the record and
    /// its 0-based number) accepts, up to the first that is not. 0 when the file is missing or its
    /// header is not complete and equal. <paramref name="records"/> counts the records kept.
    /// </summary>
    public static long Recover(string path, IReadOnlyList<string> header, Func<CsvReader, int, bool> accept, out int records)
    {
        records = 0;
        if (!File.Exists(path))
        {
            return 0;
        }

        var length = new FileInfo(path).Length;
        using var reader = CsvReader.FromFile(path, ReaderOptions);
        using var bytes = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 12);
        long expected = 0;
        var first = true;
        while (reader.Read())
        {
            var end = reader.ByteOffset + reader.RawRecord.Length;
            if (reader.ByteOffset != expected || end >= length || !EndsWithNewline(bytes, end))
            {
                // Not directly after the last record, torn, or ended otherwise than by the '\n' a journal writes (an
                // editor's "\r\n"): the valid prefix ends before it.
                break;
            }

            if (first)
            {
                if (!HeaderEquals(reader, header))
                {
                    return 0;
                }

                first = false;
            }
            else if (accept(reader, records))
            {
                records++;
            }
            else
            {
                break;
            }

            expected = end + 1;
        }

        return expected;
    }

    /// <summary>True when the byte at <paramref name="offset"/> is the '\n' that ends a record the journal wrote.</summary>
    private static bool EndsWithNewline(FileStream bytes, long offset)
    {
        bytes.Seek(offset, SeekOrigin.Begin);
        return bytes.ReadByte() == '\n';
    }

    /// <summary>Reads the records of a file written by a journal, after its header.</summary>
    public static CsvReader Open(string path) => CsvReader.FromFile(path, ReaderOptions with { HasHeader = true });

    private static bool HeaderEquals(CsvReader reader, IReadOnlyList<string> header)
    {
        if (reader.FieldCount != header.Count)
        {
            return false;
        }

        for (var i = 0; i < header.Count; i++)
        {
            if (!string.Equals(reader.GetString(i), header[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
