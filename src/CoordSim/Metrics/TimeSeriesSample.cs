namespace CoordSim.Metrics;

/// <summary>
/// One sample of a run's <see cref="TimeSeries"/>: the issue counts at <see cref="Day"/>, and the utilisation and
/// costs of the interval that ended then, which began at the previous sample's day (day 0 for the first sample).
/// Counts include the issues of the warm-up: they describe the organisation, not the measured window.
/// </summary>
/// <param name="Day">The day of the sample: a multiple of the interval, or the day the run ended for the last sample.</param>
/// <param name="Arrived">Issues discovered from day 0 to <see cref="Day"/> (cumulative, warm-up included).</param>
/// <param name="Resolved">Issues resolved from day 0 to <see cref="Day"/> (cumulative, warm-up included).</param>
/// <param name="Backlog">Issues open at <see cref="Day"/>: always <see cref="Arrived"/> − <see cref="Resolved"/>.</param>
/// <param name="Utilisation">
/// Mean utilisation of each level's people over the interval, indexed by level as in <see cref="UtilisationSummary.ByLevel"/>:
/// 0 = frontline … levels − 1 = department heads, and last, levels = the government leaders (head and deputies). A person's
/// utilisation is the work they did at their desks (in-progress services included) plus the time they were away in
/// meetings and writing briefs, over the interval's days.
/// </param>
/// <param name="Meetings">Meetings held by coordination bodies during the interval.</param>
/// <param name="MeetingDays">Person-days spent in meetings and progress reviews during the interval.</param>
/// <param name="ReportDays">Person-days spent writing periodic briefs during the interval.</param>
public sealed record TimeSeriesSample(
    double Day,
    long Arrived,
    long Resolved,
    long Backlog,
    IReadOnlyList<double> Utilisation,
    int Meetings,
    double MeetingDays,
    double ReportDays);
