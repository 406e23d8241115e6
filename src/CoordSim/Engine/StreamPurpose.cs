namespace CoordSim.Engine;

/// <summary>
/// What a random stream is used for. Each purpose of a run draws from its own stream, so the
/// issue stream (the <c>Workload*</c> purposes) is the same for every structure given a seed
/// (common random numbers), whatever the structure does with its own streams.
/// </summary>
public enum StreamPurpose
{
    /// <summary>Arrival times of issues.</summary>
    WorkloadArrivals = 1,

    /// <summary>Category, departments, urgency, discoverer and executors of issues.</summary>
    WorkloadAttributes = 2,

    /// <summary>True state vectors of issues.</summary>
    WorkloadState = 3,

    /// <summary>Service times at desks.</summary>
    Service = 10,

    /// <summary>Channel noise and dropped facts.</summary>
    Channel = 11,

    /// <summary>Routing choices (for example escalation for cover).</summary>
    Routing = 12,

    /// <summary>Decision error at deciders.</summary>
    Decision = 13,
}
