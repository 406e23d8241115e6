namespace CoordSim.Mechanisms;

/// <summary>
/// The random streams a run draws from besides the issue stream (<see cref="Workload.WorkloadStream"/>): one per
/// purpose, so that a mechanism that is switched on or off never shifts the draws of another. Their numbers are
/// the purposes given to <see cref="Engine.SeedDerivation.ForPurpose"/>.
/// </summary>
internal enum KernelStream : ulong
{
    /// <summary>Service times at desks.</summary>
    Service = 10,

    /// <summary>Channel noise and dropped facts.</summary>
    Channel = 11,

    /// <summary>Routing choices (escalation for cover).</summary>
    Routing = 12,

    /// <summary>Decision error at deciders.</summary>
    Decision = 13,

    /// <summary>Consultation between departments: which issues are contested, which partners deflect.</summary>
    Consultation = 14,

    /// <summary>Planted faults: which visits are faults, of which kind, and the noise of an error.</summary>
    Faults = 15,
}
