namespace CoordSim.Plots.Results;

/// <summary>One row of <c>timeseries.csv</c>: one sample of a run's time series with the run it belongs to.</summary>
/// <param name="PointId">The 0-based design point.</param>
/// <param name="Structure">The structure's label.</param>
/// <param name="Replication">The 0-based replication.</param>
/// <param name="Day">The sample's day (a multiple of the interval, or the day the run ended for its last row).</param>
/// <param name="Arrived">Issues discovered up to the day (cumulative, warm-up included).</param>
/// <param name="Resolved">Issues resolved up to the day (cumulative, warm-up included).</param>
/// <param name="Backlog">Issues open at the day.</param>
/// <param name="UtilisationByLevel">Mean utilisation over the interval of each department level (0 = frontline), one per <c>utilisationLevel{k}</c> column; NaN for a level the run does not have.</param>
/// <param name="UtilisationLeaders">Mean utilisation over the interval of the government head and deputies.</param>
/// <param name="Meetings">Meetings held during the interval.</param>
/// <param name="MeetingDays">Person-days in meetings during the interval.</param>
/// <param name="ReportDays">Person-days writing briefs during the interval.</param>
public sealed record TimeSeriesRow(
    int PointId,
    string Structure,
    int Replication,
    double Day,
    long Arrived,
    long Resolved,
    long Backlog,
    IReadOnlyList<double> UtilisationByLevel,
    double UtilisationLeaders,
    int Meetings,
    double MeetingDays,
    double ReportDays);
