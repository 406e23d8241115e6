namespace CoordSim;

/// <summary>Planted faults, the ground truth of the blame measures: how often a visit is a fault, and what a shirk and an error do.</summary>
/// <param name="Probability">Probability that a visit (one service of an item at a desk) is a fault.</param>
/// <param name="ShirkDelay">Days a shirking person holds the item after serving it.</param>
/// <param name="Error">Noise an erring person adds to each fact (sd).</param>
internal sealed record FaultSettings(double Probability, double ShirkDelay, double Error)
{
    /// <summary>The fault settings of <paramref name="p"/>.</summary>
    public static FaultSettings From(Parameters p) => new(p.FaultProbability, p.ShirkDelay, p.FaultError);
}
