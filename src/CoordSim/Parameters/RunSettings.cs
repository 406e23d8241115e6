namespace CoordSim;

/// <summary>When a run ends and which issues it measures.</summary>
/// <param name="HorizonDays">Simulated days.</param>
/// <param name="MaxIssues">Stop arrivals after this many issues (0 = no limit).</param>
/// <param name="WarmupDays">Issues discovered earlier are simulated but not measured.</param>
/// <param name="FailureDistortion">Relative error above which an executor's picture counts as failed.</param>
/// <param name="MaxPending">Open issues beyond which the run stops early (the overload guard).</param>
/// <param name="MaxEvents">Events after which the run stops early (the event budget).</param>
/// <param name="StateDimensions">Facts in an issue's state (the ratio form of distortion needs at least 3).</param>
/// <param name="AnswerableThreshold">Blame a person must carry for a failure to count as answered.</param>
internal sealed record RunSettings(double HorizonDays, long MaxIssues, double WarmupDays, double FailureDistortion, long MaxPending, long MaxEvents, int StateDimensions, double AnswerableThreshold)
{
    /// <summary>The run settings of <paramref name="p"/>.</summary>
    public static RunSettings From(Parameters p) => new(p.HorizonDays, p.MaxIssues, p.WarmupDays, p.FailureDistortion, p.MaxPending, p.MaxEvents, p.StateDimensions, p.AnswerableThreshold);
}
