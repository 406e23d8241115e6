using CoordSim.Metrics;
using Spectre.Console;

namespace CoordSim.Cli;

/// <summary>
/// Renders a run's time series (<c>coordsim run --time-series DAYS</c>) as a Spectre table: one row per sample with the
/// issue counts at its day, each level's mean utilisation over the interval that ended then (a percentage under the
/// level's title, frontline first, the government leaders last) and the interval's meetings and person-days away.
/// </summary>
internal static class SeriesTable
{
    /// <summary>The line above the table: the interval, and what the columns count.</summary>
    public static string Header(TimeSeries series) =>
        $"time series every {DisplayFormat.Number(series.IntervalDays, 2)} days: issues at the day (warm-up included); " +
        "utilisation (%), meetings and person-days away over the interval ending then";

    /// <summary>The table of <paramref name="series"/>.</summary>
    public static Table Create(TimeSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var table = new Table().RoundedBorder();
        foreach (var heading in new[] { "day", "arrived", "resolved", "backlog" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var title in series.Levels)
        {
            table.AddColumn(new TableColumn(Markup.Escape(title)).RightAligned());
        }

        foreach (var heading in new[] { "meetings", "meeting days", "brief days" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var s in series.Samples)
        {
            var cells = new List<string>
            {
                DisplayFormat.Number(s.Day, 2), DisplayFormat.Integer(s.Arrived), DisplayFormat.Integer(s.Resolved), DisplayFormat.Integer(s.Backlog),
            };
            cells.AddRange(s.Utilisation.Select(DisplayFormat.Percent));
            cells.Add(DisplayFormat.Integer(s.Meetings));
            cells.Add(DisplayFormat.Number(s.MeetingDays, 1));
            cells.Add(DisplayFormat.Number(s.ReportDays, 1));
            table.AddRow(cells.Select(c => new Text(c)));
        }

        return table;
    }
}
