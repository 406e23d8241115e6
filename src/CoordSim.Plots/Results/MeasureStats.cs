namespace CoordSim.Plots.Results;

/// <summary>The summary of one measure at one design point for one structure: mean, standard deviation and 95% confidence interval of the mean (NaN when not defined, for example sd and CI with n = 1).</summary>
/// <param name="Mean">Mean over replications.</param>
/// <param name="Sd">Sample standard deviation.</param>
/// <param name="CiLow">Lower end of the 95% CI of the mean.</param>
/// <param name="CiHigh">Upper end of the 95% CI of the mean.</param>
public readonly record struct MeasureStats(double Mean, double Sd, double CiLow, double CiHigh)
{
    /// <summary>True when both ends of the CI are finite.</summary>
    public bool HasInterval => double.IsFinite(CiLow) && double.IsFinite(CiHigh);
}
