namespace CoordSim.Workload;

/// <summary>
/// The random streams of the issue stream. They are drawn in a fixed order per issue and by nothing else, so
/// every structure run with the same seed faces the same issues (common random numbers). Their numbers are the
/// purposes given to <see cref="Engine.SeedDerivation.ForPurpose"/>; the kernel's streams
/// (<see cref="Mechanisms.KernelStream"/>) use other numbers.
/// </summary>
internal enum WorkloadStream : ulong
{
    /// <summary>Arrival times of issues.</summary>
    Arrivals = 1,

    /// <summary>Category, departments, urgency, discoverer and executors of issues.</summary>
    Attributes = 2,

    /// <summary>True state vectors of issues.</summary>
    State = 3,
}
