namespace CoordSim.Metrics;

/// <summary>Where the resolved issues were decided (shares of resolved issues, summing to one), and how long consultation took.</summary>
/// <param name="OnTheLine">Share decided by the official the hierarchy gives authority over a single-department issue.</param>
/// <param name="ByConcurrence">Share decided by concurrence: every consulted department agreed.</param>
/// <param name="ByLeaders">Share escalated to and decided by a deputy in charge or the government head.</param>
/// <param name="InBodies">Share decided as they came at a body member's desk (a commander, a task force's lead or liaison).</param>
/// <param name="AtMeetings">Share decided at a body's meeting.</param>
/// <param name="ConsultationRounds">Mean consultation rounds over the issues that were consulted on (NaN when none was).</param>
public sealed record DecisionSummary(double OnTheLine, double ByConcurrence, double ByLeaders, double InBodies, double AtMeetings, double ConsultationRounds)
{
    /// <summary>Share of the resolved issues that a revisit found wrongly closed and reopened at least once; NaN in structures without a revisit loop.</summary>
    public double ReopenedShare { get; init; } = double.NaN;
}
