namespace CoordSim.Experiments;

/// <summary>
/// The words <c>manifest.json</c>'s <c>status</c> takes: how far the sweep (or merge) that wrote the folder got. Only
/// people read it; a resume goes by the rows on disk, whatever the status says.
/// </summary>
internal static class SweepStatus
{
    /// <summary>Started and not ended: still running, or killed (nothing else could record it).</summary>
    public const string Running = "running";

    /// <summary>Every run written, and the summary after them.</summary>
    public const string Complete = "complete";

    /// <summary>Stopped when asked to, with the runs finished so far written.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Stopped by an error: results that could not be written, or (in a sweep) a run that failed.</summary>
    public const string Failed = "failed";
}
