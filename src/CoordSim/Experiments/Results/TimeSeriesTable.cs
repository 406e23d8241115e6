using System.Globalization;
using CoordSim.Metrics;
using CsvHelper;

namespace CoordSim.Experiments;

/// <summary>
/// The layout of <c>timeseries.csv</c>, every run's time series in long format (one row per sample, the samples of a
/// run after those of the run before it, in result order): <c>pointId, structure, replication</c>, then <c>day</c>,
/// the cumulative counts <c>arrived, resolved</c> and the <c>backlog</c> at that day, the mean utilisation of each
/// level over the interval that ended then, <c>utilisationLevel0</c> (frontline) … <c>utilisationLevel{L−1}</c>
/// (department heads) and <c>utilisationLeaders</c> (the government head and deputies), and the interval's
/// <c>meetings, meetingDays, reportDays</c>. There is one level column for every department level any run of the plan
/// has (L is the largest <c>levels</c> of its points and structures), so every row has the same columns; a run with
/// fewer levels leaves the columns of the levels it does not have empty, and its leaders are always in
/// <c>utilisationLeaders</c>.
/// </summary>
internal static class TimeSeriesTable
{
    /// <summary>The file name.</summary>
    public const string FileName = ResultsFormat.TimeSeriesFile;

    /// <summary>The key columns, before the sample's day.</summary>
    public static IReadOnlyList<ResultColumn> Keys { get; } = [KeyColumns.PointId, KeyColumns.Structure, KeyColumns.Replication];

    /// <summary><c>day</c>: the day of the sample, which with the keys says which row it is.</summary>
    public static ResultColumn Day { get; } = new(ResultsFormat.Day, ColumnRole.Key, ColumnType.Number, "days",
        "The sample's day: a multiple of output.timeSeries, or for a run's last row the day the run ended (its interval is then shorter). " +
        "Counts are taken at this day, amounts over the interval since the run's previous row (day 0 for its first).");

    /// <summary>The columns before the utilisation: the cumulative counts and the backlog.</summary>
    private static readonly ResultColumn[] Counts =
    [
        new("arrived", ColumnRole.Series, ColumnType.Integer, "issues", "Issues discovered from day 0 to this day, the warm-up's included (cumulative)."),
        new("resolved", ColumnRole.Series, ColumnType.Integer, "issues", "Issues resolved from day 0 to this day, the warm-up's included (cumulative)."),
        new("backlog", ColumnRole.Series, ColumnType.Integer, "issues", "Issues open at this day: arrived - resolved."),
    ];

    /// <summary><c>utilisationLeaders</c>: the top level.</summary>
    private static readonly ResultColumn Leaders = new("utilisationLeaders", ColumnRole.Series, ColumnType.Number, "share",
        "Mean utilisation over the interval of the government leaders, the head and the deputies in charge (the level above the departments): " +
        "work done at their desks plus time away in meetings and briefs, over the interval's days.");

    /// <summary>The columns after the utilisation: the interval's costs.</summary>
    private static readonly ResultColumn[] Costs =
    [
        new("meetings", ColumnRole.Series, ColumnType.Integer, "meetings", "Meetings held by coordination bodies during the interval."),
        new("meetingDays", ColumnRole.Series, ColumnType.Number, "person-days", "Person-days spent in meetings and progress reviews during the interval."),
        new("reportDays", ColumnRole.Series, ColumnType.Number, "person-days", "Person-days spent writing periodic briefs during the interval."),
    ];

    /// <summary>The column of department level <paramref name="level"/>'s utilisation.</summary>
    public static ResultColumn Level(int level) => new(ResultsFormat.UtilisationLevelPrefix + Integer(level), ColumnRole.Series, ColumnType.Number, "share",
        $"Mean utilisation over the interval of the people at department level {Integer(level)} (0 = frontline, levels - 1 = department heads): " +
        "work done at their desks (services in progress included) plus time away in meetings and briefs, over the interval's days" +
        (level == 0 ? "." : $"; empty for a run with levels <= {Integer(level)}."));

    /// <summary>The most department levels any run of <paramref name="plan"/> has: the number of level columns.</summary>
    public static int DepartmentLevels(ExperimentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var levels = 0;
        foreach (var point in plan.Points)
        {
            for (var s = 0; s < plan.Structures.Count; s++)
            {
                levels = Math.Max(levels, plan.ParametersOf(point, s).Levels);
            }
        }

        return levels;
    }

    /// <summary>Every column in file order for <paramref name="plan"/>.</summary>
    public static IReadOnlyList<ResultColumn> Columns(ExperimentPlan plan) => Columns(DepartmentLevels(plan));

    /// <summary>Every column in file order with <paramref name="levels"/> level columns.</summary>
    public static IReadOnlyList<ResultColumn> Columns(int levels) =>
        [.. Keys, Day, .. Counts, .. Enumerable.Range(0, levels).Select(Level), Leaders, .. Costs];

    /// <summary>The header row for <paramref name="plan"/>.</summary>
    public static string[] Header(ExperimentPlan plan) => Columns(plan).Select(c => c.Name).ToArray();

    /// <summary>The rows of the series of <paramref name="run"/>, in a file with <paramref name="levels"/> department level columns.</summary>
    public static IEnumerable<string[]> Rows(PlannedRun run, TimeSeries series, int levels)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(series);
        var own = series.Levels.Count - 1;
        if (own > levels)
        {
            throw new ArgumentOutOfRangeException(nameof(levels), levels, $"The run has {own} department levels, more than the file's {levels} columns.");
        }

        foreach (var s in series.Samples)
        {
            var row = new string[Keys.Count + 1 + Counts.Length + levels + 1 + Costs.Length];
            var i = 0;
            row[i++] = Integer(run.Point.Id);
            row[i++] = run.Structure.Label;
            row[i++] = Integer(run.Replication);
            row[i++] = RunsTable.Number(s.Day);
            row[i++] = Integer(s.Arrived);
            row[i++] = Integer(s.Resolved);
            row[i++] = Integer(s.Backlog);
            for (var k = 0; k < levels; k++)
            {
                row[i++] = k < own ? RunsTable.Number(s.Utilisation[k]) : "";
            }

            row[i++] = RunsTable.Number(s.Utilisation[own]);
            row[i++] = Integer(s.Meetings);
            row[i++] = RunsTable.Number(s.MeetingDays);
            row[i] = RunsTable.Number(s.ReportDays);
            yield return row;
        }
    }

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}
