namespace CoordSim.Experiments;

/// <summary>How a range of factor values is spaced.</summary>
public enum RangeScale
{
    /// <summary>Evenly spaced values (a constant difference).</summary>
    Linear,

    /// <summary>Logarithmically spaced values (a constant ratio); both ends must be positive.</summary>
    Log,
}
