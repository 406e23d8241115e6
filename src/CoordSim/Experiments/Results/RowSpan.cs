namespace CoordSim.Experiments;

/// <summary>Where one run's rows lie in a journal (runs.csv, issues.csv or timeseries.csv), and their SHA-256, as checksums.csv records them.</summary>
/// <param name="Start">The offset of the run's first byte.</param>
/// <param name="End">The offset just after its last byte.</param>
/// <param name="Sha256">The SHA-256 (lower-case hex) of the bytes from <paramref name="Start"/> to <paramref name="End"/>.</param>
internal readonly record struct RowSpan(long Start, long End, string Sha256)
{
    /// <summary>The bytes of the rows.</summary>
    public long Length => End - Start;

    /// <summary>Copies the span's bytes from <paramref name="source"/> to <paramref name="target"/>, through <paramref name="buffer"/>.</summary>
    /// <exception cref="InvalidDataException"><paramref name="source"/> ends before the span does (the file was cut after it was checked).</exception>
    public void Copy(FileStream source, Stream target, byte[] buffer)
    {
        source.Seek(Start, SeekOrigin.Begin);
        var left = Length;
        while (left > 0)
        {
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw new InvalidDataException($"{source.Name} ended while it was merged.");
            }

            target.Write(buffer, 0, read);
            left -= read;
        }
    }
}
