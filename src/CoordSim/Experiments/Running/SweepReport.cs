namespace CoordSim.Experiments;

/// <summary>What a sweep did.</summary>
/// <param name="Directory">The results folder.</param>
/// <param name="Total">Runs in the sweep.</param>
/// <param name="Done">Runs finished and written, including those found when resuming.</param>
/// <param name="Resumed">Runs found finished when this session started.</param>
/// <param name="Cancelled">True when cancellation stopped the sweep before every run was done.</param>
/// <param name="Elapsed">Wall time of this session.</param>
public sealed record SweepReport(string Directory, int Total, int Done, int Resumed, bool Cancelled, TimeSpan Elapsed)
{
    /// <summary>True when every run is done and summary.csv covers them all.</summary>
    public bool Completed => Done == Total;

    /// <summary>Finished runs that did not reach a steady state (stable = 0 in runs.csv): their latencies understate the wait.</summary>
    public int Unstable { get; init; }

    /// <summary>
    /// Rows found in the folder when resuming that did not match the checksums recorded when they were written (changed,
    /// cut or lost since) and were run again, with every run after the first of them; 0 when nothing was found wrong.
    /// </summary>
    public int Rerun { get; init; }

    /// <summary>Why <see cref="Rerun"/> rows were run again (the first row or file that did not verify), or null.</summary>
    public string? RerunReason { get; init; }
}
