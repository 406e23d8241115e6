namespace CoordSim.Metrics;

/// <summary>Information distortion of resolved issues: what the executors acted on against the true state.</summary>
/// <param name="Mean">Mean over issues (each averaged over its executors) of the relative error ‖x_exec − x‖ / ‖x‖, a mean of ratios. NaN when <c>stateDimensions</c> &lt; 3: with x ~ N(0, I_m) the ratio has infinite mean at m = 1 and infinite variance at m = 2.</param>
/// <param name="Rms">Root-mean-square relative error √(Σ‖x_exec − x‖² / Σ‖x‖²) pooled over every executor of every resolved issue: finite moments for any <c>stateDimensions</c>, and exactly σ√h in expectation for h relay hops of noise σ (docs/validation.md).</param>
/// <param name="SeverityBias">Mean signed error of the severity fact (negative: bad news shaded down).</param>
/// <param name="FactsLost">Mean fraction of facts lost on the way.</param>
/// <param name="MeanHops">Mean hand-overs between discovery and execution.</param>
/// <param name="AboveThreshold">Share of resolved issues whose distortion exceeded <c>failureDistortion</c>.</param>
public sealed record DistortionSummary(double Mean, double Rms, double SeverityBias, double FactsLost, double MeanHops, double AboveThreshold);
