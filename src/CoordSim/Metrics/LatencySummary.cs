namespace CoordSim.Metrics;

/// <summary>
/// Coordination latency of resolved issues (days from discovery to the last required execution),
/// with the mean breakdown along each issue's critical path: Queueing + Service + MeetingWait +
/// Transmission + Consultation = Mean.
/// </summary>
/// <param name="Mean">Mean latency (days).</param>
/// <param name="Median">Median latency (days).</param>
/// <param name="P90">90th percentile (days).</param>
/// <param name="P95">95th percentile (days).</param>
/// <param name="Max">Largest latency (days).</param>
/// <param name="Queueing">Mean days waiting in desk queues.</param>
/// <param name="Service">Mean days in service.</param>
/// <param name="MeetingWait">Mean days on an agenda waiting for a meeting.</param>
/// <param name="Transmission">Mean days in transmission between people.</param>
/// <param name="Throughput">Resolved issues per simulated day.</param>
/// <param name="DeadlineMissed">Share of resolved issues that missed their deadline.</param>
/// <param name="Consultation">Mean days parked while the departments were consulted.</param>
public sealed record LatencySummary(
    double Mean,
    double Median,
    double P90,
    double P95,
    double Max,
    double Queueing,
    double Service,
    double MeetingWait,
    double Transmission,
    double Throughput,
    double DeadlineMissed,
    double Consultation);
