using System.Globalization;
using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

public static partial class Figures
{
    /// <summary>
    /// The backlog (open issues, warm-up included) over time at one design point, from timeseries.csv: for each
    /// structure a thin line per replication and a thick line for their mean at the days every replication sampled,
    /// from day 0 (nothing open). A dashed line marks the end of the warm-up when there is one. A backlog that keeps
    /// rising is an organisation short of capacity; one that levels off has reached a steady state.
    /// </summary>
    /// <param name="results">The results folder; it must hold timeseries.csv.</param>
    /// <param name="pointId">The design point.</param>
    /// <exception cref="ResultsFormatException">The folder has no timeseries.csv, or it is malformed.</exception>
    public static Plot BacklogOverTime(ResultsFolder results, int pointId)
    {
        ArgumentNullException.ThrowIfNull(results);
        PointRows(results.Summary, pointId);
        var rows = results.TimeSeries(pointId) ?? throw new ResultsFormatException(
            $"{ResultFiles.TimeSeries} was not found in '{results.Directory}': the sweep wrote no time series. " +
            "Sweep with \"output\": { \"timeSeries\": DAYS } in the spec, or with 'coordsim sweep --time-series DAYS'.",
            Path.Combine(results.Directory, ResultFiles.TimeSeries));
        return BacklogOverTime(results.Summary, pointId, rows, results.Manifest.TimeSeriesInterval);
    }

    /// <summary>
    /// The backlog over time at one design point from time-series rows (for example <see cref="TimeSeriesTable.Read"/>);
    /// see <see cref="BacklogOverTime(ResultsFolder, int)"/>. <paramref name="intervalDays"/>, when known, is named in the subtitle.
    /// </summary>
    public static Plot BacklogOverTime(SummaryTable summary, int pointId, IReadOnlyList<TimeSeriesRow> rows, double? intervalDays = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(rows);
        var pointRows = PointRows(summary, pointId);
        var plot = FigureStyle.NewPlot();
        var replications = new List<int>();
        var missing = new List<string>();
        foreach (var structure in StructuresOf(summary, pointRows))
        {
            var runs = rows
                .Where(r => r.PointId == pointId && string.Equals(r.Structure, structure, StringComparison.Ordinal))
                .GroupBy(r => r.Replication)
                .OrderBy(g => g.Key)
                .Select(g => g.OrderBy(r => r.Day).ToArray())
                .ToArray();
            if (runs.Length == 0)
            {
                missing.Add(structure);
                continue;
            }

            replications.Add(runs.Length);
            var color = StructurePalette.ColorOf(structure, summary.Structures);
            foreach (var run in runs)
            {
                var line = plot.Add.ScatterLine(
                    run.Select(r => r.Day).Prepend(0).ToArray(),
                    run.Select(r => (double)r.Backlog).Prepend(0).ToArray(),
                    color.WithAlpha(0.35));
                line.LineWidth = 1.5f;
            }

            var (days, means) = MeanBacklog(runs);
            var mean = plot.Add.ScatterLine(days, means, color);
            mean.LineWidth = 3.5f;
            mean.LegendText = structure;
        }

        if (WarmupDays(pointRows) is { } warmup && warmup > 0)
        {
            var end = plot.Add.VerticalLine(warmup);
            end.Color = BaseLineColor;
            end.LineWidth = 2;
            end.LinePattern = LinePattern.Dashed;
            end.LegendText = "end of warm-up";
        }

        plot.Axes.SetLimitsY(0, Math.Max(1, rows.Where(r => r.PointId == pointId).Select(r => (double)r.Backlog).DefaultIfEmpty(0).Max()) * 1.05);
        var n = replications.Count == 0 ? "no runs" : replications.Min() == replications.Max()
            ? $"n = {replications[0]} replications per structure" : $"n = {replications.Min()}-{replications.Max()} replications per structure";
        var sampled = intervalDays is { } interval ? $"sampled every {Format(interval)} days and at each run's end" : "samples of timeseries.csv";
        var note = missing.Count == 0 ? null : $"no time series for {string.Join(", ", missing)}";
        FigureStyle.Apply(plot,
            $"{summary.Scenario.Name}: backlog over time",
            Subtitle(summary, PointText(summary, pointId), $"{n}: thin lines each replication, thick lines their mean", sampled, note),
            "day of the run (days)",
            "backlog (open issues, warm-up included)");
        return plot;
    }

    /// <summary>The mean backlog of <paramref name="runs"/> at day 0 and at every day all of them sampled.</summary>
    internal static (double[] Days, double[] Means) MeanBacklog(IReadOnlyList<TimeSeriesRow[]> runs)
    {
        var common = runs.Skip(1).Aggregate(runs[0].Select(r => r.Day).ToHashSet(), (days, run) =>
        {
            days.IntersectWith(run.Select(r => r.Day));
            return days;
        });
        var days = common.Order().Prepend(0).ToArray();
        var means = days.Select(day => day == 0 ? 0 : runs.Average(run => (double)run.First(r => r.Day == day).Backlog)).ToArray();
        return (days, means);
    }

    /// <summary>The warm-up of the point's runs when summary.csv has it and every structure shares it; null otherwise.</summary>
    private static double? WarmupDays(IEnumerable<SummaryRow> rows)
    {
        var values = rows.Select(r => r.Parameters.TryGetValue("warmupDays", out var text) ? text : null).Distinct().ToArray();
        return values.Length == 1 && values[0] is { } only && double.TryParse(only, NumberStyles.Float, CultureInfo.InvariantCulture, out var days) ? days : null;
    }
}
