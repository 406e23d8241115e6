namespace CoordSim.Metrics;

/// <summary>Responsibility diffusion of resolved issues.</summary>
/// <param name="EffectiveCount">Mean effective number of accountable people, 1/Σw².</param>
/// <param name="Entropy">Mean entropy −Σ w ln w of the accountability weights (nats).</param>
/// <param name="Traceability">Mean weight that lands on the person who caused a failure, over failed issues (NaN when none failed).</param>
/// <param name="FailedShare">Share of resolved issues that failed (deadline missed or distortion above threshold).</param>
/// <param name="EscalatedShare">Share of agenda items escalated for cover (NaN when no body keeps an agenda).</param>
public sealed record ResponsibilitySummary(double EffectiveCount, double Entropy, double Traceability, double FailedShare, double EscalatedShare);
