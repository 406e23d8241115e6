namespace CoordSim.Experiments;

/// <summary>Where one run's rows lie in a journal (runs.csv, issues.csv or timeseries.csv), and their SHA-256, as checksums.csv records them.</summary>
/// <param name="Start">The offset of the run's first byte.</param>
/// <param name="End">The offset just after its last byte.</param>
/// <param name="Sha256">The SHA-256 (lower-case hex) of the bytes from <paramref name="Start"/> to <paramref name="End"/>.</param>
internal readonly record struct RowSpan(long Start, long End, string Sha256)
{
    /// <summary>The bytes of the rows.</summary>
    public long Length => End - Start;
}
