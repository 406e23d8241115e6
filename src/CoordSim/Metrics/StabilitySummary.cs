namespace CoordSim.Metrics;

/// <summary>
/// Whether the run reached a steady state: the backlog (every open issue, warm-up ones included) at the middle of
/// the measured window and at the end, and the rule that flags a growing one. Under a steady state the backlog's
/// change over the second half is a fluctuation; an overloaded organisation adds (arrival rate − capacity) × days.
/// The run is <see cref="Stable"/> unless it stopped early (<c>maxPending</c> or <c>maxEvents</c>) or the backlog grew over the second
/// half by more than <see cref="Tolerance"/> = 3·√(arrivals in the second half), three standard deviations of the
/// Poisson count of those arrivals: more growth than the sampling of the workload explains (docs/model.md §6).
/// A run that resolved everything before the horizon (<c>maxIssues</c>) is stable.
/// </summary>
/// <param name="Stable">False when the backlog grew beyond the tolerance or the run stopped early.</param>
/// <param name="MidDay">The day the middle backlog was taken: halfway between the end of the warm-up and the horizon, or the end of the run when it ended before that (drained with <c>maxIssues</c>, or stopped early), whose final backlog is then taken.</param>
/// <param name="BacklogMid">Open issues at <see cref="MidDay"/>.</param>
/// <param name="BacklogEnd">Open issues at the end of the run.</param>
/// <param name="GrowthPerDay">(BacklogEnd − BacklogMid) / (end − MidDay): issues per day.</param>
/// <param name="ArrivalsAfterMid">Issues discovered after <see cref="MidDay"/>.</param>
/// <param name="Tolerance">3·√<see cref="ArrivalsAfterMid"/>: the growth the rule allows (issues).</param>
/// <param name="StoppedEarly">True when the run stopped before the horizon because more than <c>maxPending</c> issues were open or <c>maxEvents</c> events had been processed.</param>
public sealed record StabilitySummary(
    bool Stable,
    double MidDay,
    long BacklogMid,
    long BacklogEnd,
    double GrowthPerDay,
    long ArrivalsAfterMid,
    double Tolerance,
    bool StoppedEarly)
{
    /// <summary>Standard deviations of the Poisson arrival count the backlog may grow by before a run counts as unstable.</summary>
    public const double ToleranceSigmas = 3;

    /// <summary>The rule: stable unless stopped early or the backlog grew by more than <see cref="ToleranceSigmas"/>·√(arrivals after the middle).</summary>
    public static StabilitySummary Judge(double midDay, long backlogMid, long backlogEnd, double end, long arrivalsAfterMid, bool stoppedEarly, bool drained)
    {
        midDay = Math.Min(midDay, end);
        var tolerance = ToleranceSigmas * Math.Sqrt(arrivalsAfterMid);
        var growth = end > midDay ? (backlogEnd - backlogMid) / (end - midDay) : 0;
        var stable = !stoppedEarly && (drained || backlogEnd - backlogMid <= tolerance);
        return new StabilitySummary(stable, midDay, backlogMid, backlogEnd, growth, arrivalsAfterMid, tolerance, stoppedEarly);
    }
}
