namespace CoordSim.Sensitivity;

/// <summary>A sensitivity index's estimate with its bootstrap confidence interval.</summary>
/// <param name="Value">The estimate from all the rows (base rows or trajectories) used.</param>
/// <param name="Low">The lower end of the percentile bootstrap interval (NaN when there were too few rows to resample).</param>
/// <param name="High">The upper end of the percentile bootstrap interval (NaN when there were too few rows to resample).</param>
public sealed record IndexEstimate(double Value, double Low, double High);
