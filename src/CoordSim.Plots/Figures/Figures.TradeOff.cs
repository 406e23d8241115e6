using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

public static partial class Figures
{
    /// <summary>
    /// A trade-off between two measures: one point per design point and structure at the means,
    /// with 95% CI error bars in both directions, one colour per structure, each point labelled
    /// with the values of the parameters that vary (the subtitle names them). When exactly one
    /// parameter varies, each structure's points are joined in the order of its values. A point
    /// whose row had runs without a steady state is marked with a black ✕ (<see cref="UnstableMarks"/>);
    /// the subtitle counts them, or says the results do not record stability, and when either
    /// measure is a latency (<see cref="IsLatencyMeasure"/>) gives the range of the issues pending
    /// at the end.
    /// </summary>
    /// <param name="summary">The summary results.</param>
    /// <param name="xMeasure">The measure across, for example <c>latencyRestrictedMean</c>.</param>
    /// <param name="yMeasure">The measure up, for example <c>distortionRms</c> or <c>responsibilityEffectiveCount</c>.</param>
    /// <param name="at">Values of parameters to hold fixed (optional).</param>
    public static Plot TradeOff(SummaryTable summary, string xMeasure, string yMeasure, IReadOnlyDictionary<string, string>? at = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        summary.RequireMeasure(xMeasure);
        summary.RequireMeasure(yMeasure);
        var rows = Select(summary, at);
        var labelled = Unfixed(summary, rows, [.. at?.Keys ?? []]);
        var plot = FigureStyle.NewPlot();
        var drawn = new List<SummaryRow>();
        var labels = new List<(ScottPlot.Plottables.Text Label, Color Color)>();
        foreach (var structure in StructuresOf(summary, rows))
        {
            var color = StructurePalette.ColorOf(structure, summary.Structures);
            var points = rows
                .Where(r => r.Structure == structure && double.IsFinite(r.Measures[xMeasure].Mean) && double.IsFinite(r.Measures[yMeasure].Mean))
                .ToArray();
            if (labelled.Length == 1)
            {
                var axis = ParameterAxis.For(labelled[0], rows.Select(r => r.Parameters[labelled[0]]));
                points = points.OrderBy(r => axis.IndexOf(r.Parameters[labelled[0]])).ToArray();
            }

            if (points.Length == 0)
            {
                continue;
            }

            drawn.AddRange(points);
            var xs = points.Select(r => r.Measures[xMeasure].Mean).ToArray();
            var ys = points.Select(r => r.Measures[yMeasure].Mean).ToArray();
            var errors = new ScottPlot.Plottables.ErrorBar(
                xs, ys,
                points.Select(r => HalfHigh(r.Measures[xMeasure])).ToArray(), points.Select(r => HalfLow(r.Measures[xMeasure])).ToArray(),
                points.Select(r => HalfHigh(r.Measures[yMeasure])).ToArray(), points.Select(r => HalfLow(r.Measures[yMeasure])).ToArray())
            {
                Color = color.WithAlpha(0.7),
                LineWidth = 1.5f,
            };
            plot.Add.Plottable(errors);
            var scatter = plot.Add.Scatter(xs, ys, color);
            scatter.MarkerSize = 12;
            scatter.LineWidth = labelled.Length == 1 ? 1.5f : 0;
            scatter.LegendText = structure;

            if (labelled.Length > 0)
            {
                for (var i = 0; i < points.Length; i++)
                {
                    var label = plot.Add.Text(string.Join(", ", labelled.Select(p => points[i].Parameters[p])), xs[i], ys[i]);
                    label.LabelFontSize = FigureStyle.DataLabelSize;
                    label.LabelFontName = FigureStyle.FontName;
                    label.LabelFontColor = color;
                    label.LabelAlignment = Alignment.UpperLeft;
                    labels.Add((label, color));
                }
            }
        }

        if (labels.Count > 0)
        {
            var leaders = new LeaderLines();
            plot.Add.Plottable(leaders);
            FigureStyle.OnFit(plot, data => PlacePointLabels(plot, labels, leaders, data));
        }

        var stability = Stability(summary, drawn, "point", IsLatencyMeasure(xMeasure) || IsLatencyMeasure(yMeasure));
        MarkUnstable(plot, drawn.Where((_, i) => stability.Unstable[i]).Select(r => new Coordinates(r.Measures[xMeasure].Mean, r.Measures[yMeasure].Mean)));
        var fixedHere = Describe(at);
        var labelText = labelled.Length == 0 ? null : $"points labelled by {string.Join(", ", labelled.Select(FigureStyle.ParameterName))}";
        FigureStyle.Apply(plot,
            $"{summary.Scenario.Name}: {FigureStyle.MeasureName(yMeasure)} vs {FigureStyle.MeasureName(xMeasure)}",
            Subtitle(summary, stability, $"means with 95% CI ({Replications(rows)})", labelText, fixedHere.Length == 0 ? null : fixedHere),
            FigureStyle.MeasureLabel(xMeasure),
            FigureStyle.MeasureLabel(yMeasure));
        return plot;
    }

    /// <summary>Marker radius of a trade-off point plus a pixel, kept clear of labels.</summary>
    private const float TradeOffMarkerRadius = 7;

    /// <summary>
    /// Places the point labels of a trade-off for the data area laid out at this size (<see cref="LabelPlacement"/>):
    /// no two labels overlap and none covers a point; a label moved away from its point gets a thin leader line in
    /// its structure's colour; a label with no free spot is hidden. The leader lines of an earlier size are replaced.
    /// </summary>
    private static void PlacePointLabels(Plot plot, List<(ScottPlot.Plottables.Text Label, Color Color)> labels, LeaderLines leaders, PixelRect data)
    {
        leaders.Clear();
        LabelPlacement.Apply(plot, labels, TradeOffMarkerRadius, data, leaders);
    }

    private static double HalfHigh(MeasureStats s) => s.HasInterval ? s.CiHigh - s.Mean : 0;

    private static double HalfLow(MeasureStats s) => s.HasInterval ? s.Mean - s.CiLow : 0;
}
