namespace CoordSim.Metrics;

/// <summary>How many issues arrived, were resolved, and were still open at the end (never dropped): Arrived = Resolved + Pending.</summary>
/// <param name="Arrived">Issues discovered after the warm-up.</param>
/// <param name="Resolved">Of those, issues whose last required execution was done by the end.</param>
/// <param name="Pending">Of those, issues still open at the end (the backlog).</param>
public sealed record IssueCounts(long Arrived, long Resolved, long Pending);
