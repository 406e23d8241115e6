namespace CoordSim.Metrics;

/// <summary>
/// Responsibility of resolved issues, two ways. <b>Formal</b> (ex ante, the structure's rule, weights summing to 1):
/// how diffuse it is. <b>Blame after failure</b> (ex post, the structure's blame rule, each person 0 to 1), scored
/// against the planted faults the rules never see: does blame find who faulted, does anyone answer, and how much
/// falls on people who did not fault.
/// </summary>
/// <param name="EffectiveCount">Mean effective number of accountable people, 1/Σw², over the formal weights.</param>
/// <param name="Entropy">Mean entropy −Σ w ln w of the formal weights (nats).</param>
/// <param name="OnWorstHandover">Mean formal weight on the person whose hand-over added most delay (deadline missed) or most error, over failed issues: where congestion or noise fell, not who was at fault (NaN when none failed).</param>
/// <param name="FailedShare">Share of resolved issues that failed (deadline missed or distortion above threshold).</param>
/// <param name="EscalatedShare">Share of agenda items escalated for cover (NaN when no body keeps an agenda).</param>
/// <param name="FaultedShare">Share of resolved issues with at least one planted fault.</param>
/// <param name="BlamePrecision">Mean share of the blame that falls on people who faulted, over failed issues with a fault and some blame (NaN when there are none).</param>
/// <param name="UnansweredFailures">Share of failed issues on which nobody carries at least <c>answerableThreshold</c> of the blame (NaN when none failed).</param>
/// <param name="Scapegoating">Mean blame on people who did not fault, over failed issues (people-equivalents: 1 = one innocent person blamed for the whole failure; NaN when none failed).</param>
public sealed record ResponsibilitySummary(
    double EffectiveCount,
    double Entropy,
    double OnWorstHandover,
    double FailedShare,
    double EscalatedShare,
    double FaultedShare,
    double BlamePrecision,
    double UnansweredFailures,
    double Scapegoating);
