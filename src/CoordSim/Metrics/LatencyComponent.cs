namespace CoordSim.Metrics;

/// <summary>
/// One part of the resolved issues' critical path (queueing, service, meeting wait, transmission or consultation),
/// averaged two ways: over every resolved issue (zero where an issue had none of it; the five parts then add up to
/// the mean latency) and over the resolved issues that incurred it.
/// </summary>
/// <param name="Resolved">Mean days over every resolved issue.</param>
/// <param name="Incurred">Mean days over the resolved issues that incurred it (NaN when none did).</param>
/// <param name="IncurredShare">Share of resolved issues that incurred it; Resolved = Incurred × IncurredShare.</param>
public sealed record LatencyComponent(double Resolved, double Incurred, double IncurredShare);
