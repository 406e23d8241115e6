namespace CoordSim.Metrics;

/// <summary>
/// Coordination latency (days from discovery to the last required execution). Two views that answer different
/// questions: over the <b>resolved</b> issues only (what finished; blind to the backlog, named so), and over
/// <b>all measured arrivals</b> with the unresolved ones right-censored at the end of the run
/// (<see cref="AllArrivals"/>, Kaplan–Meier). <see cref="Components"/> splits the critical path of the resolved
/// issues: queueing + service + meeting wait + transmission + consultation = <see cref="MeanResolved"/>.
/// </summary>
/// <param name="MeanResolved">Mean latency of the resolved issues (days).</param>
/// <param name="MedianResolved">Median latency of the resolved issues (days).</param>
/// <param name="P90Resolved">90th percentile of the resolved issues' latency (days).</param>
/// <param name="P95Resolved">95th percentile of the resolved issues' latency (days).</param>
/// <param name="MaxResolved">Largest latency of a resolved issue (days).</param>
/// <param name="Throughput">Resolved issues per simulated day after the warm-up.</param>
/// <param name="DeadlineMissed">Share of resolved issues that missed their deadline.</param>
/// <param name="AllArrivals">Latency over every measured arrival, the unresolved ones censored at the end.</param>
/// <param name="Components">Where the resolved issues' critical paths spent their time.</param>
public sealed record LatencySummary(
    double MeanResolved,
    double MedianResolved,
    double P90Resolved,
    double P95Resolved,
    double MaxResolved,
    double Throughput,
    double DeadlineMissed,
    CensoredLatency AllArrivals,
    LatencyComponents Components);
