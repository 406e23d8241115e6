namespace CoordSim.Mechanisms;

/// <summary>The distribution of a person's service time for one item.</summary>
public enum ServiceDistribution
{
    /// <summary>Exponential with the level's mean (coefficient of variation 1); queues are then M/M/1-like.</summary>
    Exponential,

    /// <summary>Log-normal with the level's mean and coefficient of variation <see cref="Parameters.ServiceCv"/>.</summary>
    LogNormal,
}
