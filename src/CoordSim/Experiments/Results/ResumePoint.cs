namespace CoordSim.Experiments;

/// <summary>
/// Where a resumed sweep continues: the runs kept and the length of each journal that holds them (0: start the file
/// again), with the rows found beyond them that are run again and, when they were dropped because they did not verify
/// rather than because a crash cut them short, why.
/// </summary>
/// <param name="Done">Runs kept.</param>
/// <param name="RunsLength">Bytes of runs.csv kept.</param>
/// <param name="IssuesLength">Bytes of issues.csv kept.</param>
/// <param name="SeriesLength">Bytes of timeseries.csv kept.</param>
/// <param name="ChecksumsLength">Bytes of checksums.csv kept.</param>
/// <param name="Discarded">Rows of runs.csv beyond the kept runs: a run cut short by a crash, or rows that did not verify.</param>
/// <param name="Problem">Why rows were dropped when it was not a crash (a row changed since it was written, a file lost), or null.</param>
internal sealed record ResumePoint(int Done, long RunsLength, long IssuesLength, long SeriesLength, long ChecksumsLength, int Discarded, string? Problem)
{
    /// <summary>Nothing kept: every journal starts again.</summary>
    public static ResumePoint Fresh(int discarded, string? problem) => new(0, 0, 0, 0, 0, discarded, problem);
}
