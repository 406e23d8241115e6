namespace CoordSim.Metrics;

/// <summary>Information distortion of resolved issues, averaged over issues (each issue averaged over its executors).</summary>
/// <param name="Mean">Mean relative error ‖x_exec − x‖ / ‖x‖.</param>
/// <param name="SeverityBias">Mean signed error of the severity fact (negative: bad news shaded down).</param>
/// <param name="FactsLost">Mean fraction of facts lost on the way.</param>
/// <param name="MeanHops">Mean hand-overs between discovery and execution.</param>
/// <param name="AboveThreshold">Share of resolved issues whose distortion exceeded <c>failureDistortion</c>.</param>
public sealed record DistortionSummary(double Mean, double SeverityBias, double FactsLost, double MeanHops, double AboveThreshold);
