namespace CoordSim.Metrics;

/// <summary>Where the resolved issues' critical paths spent their time; the five <see cref="LatencyComponent.Resolved"/> means add up to the mean latency of the resolved issues.</summary>
/// <param name="Queueing">Waiting in desk queues.</param>
/// <param name="Service">In service at desks.</param>
/// <param name="MeetingWait">On a body's agenda waiting for a meeting.</param>
/// <param name="Transmission">In transmission between people.</param>
/// <param name="Consultation">Parked while the departments were consulted.</param>
public sealed record LatencyComponents(
    LatencyComponent Queueing,
    LatencyComponent Service,
    LatencyComponent MeetingWait,
    LatencyComponent Transmission,
    LatencyComponent Consultation);
