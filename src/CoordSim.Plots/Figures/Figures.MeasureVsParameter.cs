using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

public static partial class Figures
{
    /// <summary>
    /// A measure against a varied parameter: one line per structure through the means, with the
    /// 95% CI of the mean as a shaded band (left out where the CI is not defined, n = 1).
    /// </summary>
    /// <remarks>
    /// When other parameters vary too, hold them fixed with <paramref name="at"/> (one figure per
    /// combination, as <see cref="FigureSet"/> does; <see cref="SummaryTable.Slices"/> lists them).
    /// Parameters left varying are pooled: each row is then drawn as a point with its CI as an
    /// error bar and no line, and the subtitle names the pooled parameters.
    /// A point whose row had runs without a steady state is marked with a black ✕
    /// (<see cref="UnstableMarks"/>); the subtitle counts them, or says the results do not record
    /// stability, and for a latency measure (<see cref="IsLatencyMeasure"/>) gives the range of
    /// the issues pending at the end.
    /// </remarks>
    /// <param name="summary">The summary results.</param>
    /// <param name="measure">A measure with columns in summary.csv, for example <c>latencyRestrictedMean</c>.</param>
    /// <param name="parameter">The parameter on the x axis.</param>
    /// <param name="at">Values of other parameters to hold fixed (optional).</param>
    /// <exception cref="ArgumentException">The measure, parameter or values in <paramref name="at"/> are not in the results.</exception>
    /// <exception cref="ResultsFormatException">The measure is known but its columns are missing from summary.csv.</exception>
    public static Plot MeasureVsParameter(SummaryTable summary, string measure, string parameter, IReadOnlyDictionary<string, string>? at = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        summary.RequireMeasure(measure);
        summary.RequireParameter(parameter);
        var rows = Select(summary, at);
        var axis = ParameterAxis.For(parameter, rows.Select(r => r.Parameters[parameter]));
        var pooled = Unfixed(summary, rows, [parameter, .. at?.Keys ?? []]);
        var plot = FigureStyle.NewPlot();
        var drawn = new List<(SummaryRow Row, Coordinates At)>();
        foreach (var structure in StructuresOf(summary, rows))
        {
            var color = StructurePalette.ColorOf(structure, summary.Structures);
            var structureRows = rows
                .Where(r => r.Structure == structure && double.IsFinite(r.Measures[measure].Mean))
                .OrderBy(r => axis.Position(r.Parameters[parameter]))
                .ToArray();
            var points = structureRows.Select(r => (X: axis.Position(r.Parameters[parameter]), Stats: r.Measures[measure])).ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            drawn.AddRange(structureRows.Select((r, i) => (r, new Coordinates(points[i].X, points[i].Stats.Mean))));

            var xs = points.Select(p => p.X).ToArray();
            var means = points.Select(p => p.Stats.Mean).ToArray();
            if (pooled.Length == 0)
            {
                AddLineWithBand(plot, points, color, structure);
            }
            else
            {
                var low = points.Select(p => p.Stats.HasInterval ? p.Stats.Mean - p.Stats.CiLow : 0).ToArray();
                var high = points.Select(p => p.Stats.HasInterval ? p.Stats.CiHigh - p.Stats.Mean : 0).ToArray();
                var zeros = new double[xs.Length];
                var bars = new ScottPlot.Plottables.ErrorBar(xs, means, zeros, zeros, high, low) { Color = color, LineWidth = 2 };
                plot.Add.Plottable(bars);
                var markers = plot.Add.ScatterPoints(xs, means, color);
                markers.MarkerSize = 10;
                markers.LegendText = structure;
            }
        }

        var stability = Stability(summary, drawn.Select(d => d.Row), "point", IsLatencyMeasure(measure));
        MarkUnstable(plot, drawn.Where((_, i) => stability.Unstable[i]).Select(d => d.At));
        axis.ApplyTicks(plot.Axes.Bottom);
        var fixedHere = Describe(at);
        var pooledText = pooled.Length == 0 ? null : $"pooled over {string.Join(", ", pooled)} (not held fixed): points with 95% CI";
        var what = pooled.Length == 0 ? $"mean and 95% CI ({Replications(rows)} replications)" : null;
        FigureStyle.Apply(plot,
            $"{summary.Scenario.Name}: {FigureStyle.MeasureName(measure)} vs {FigureStyle.ParameterName(parameter)}",
            Subtitle(summary, stability, what, pooledText, fixedHere.Length == 0 ? null : fixedHere),
            FigureStyle.ParameterLabel(parameter),
            FigureStyle.MeasureLabel(measure));
        return plot;
    }

    /// <summary>One structure's means as a line with markers (labelled for the legend) over its 95% CI band; <paramref name="points"/> in x order.</summary>
    private static void AddLineWithBand(Plot plot, (double X, MeasureStats Stats)[] points, Color color, string structure)
    {
        foreach (var band in Bands(points))
        {
            var polygon = plot.Add.Polygon(band);
            polygon.FillColor = color.WithAlpha(0.18);
            polygon.LineWidth = 0;
        }

        var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Stats.Mean).ToArray(), color);
        line.LineWidth = 3;
        line.MarkerSize = 10;
        line.LegendText = structure;
    }

    /// <summary>The CI band as polygons, one per run of consecutive points whose CI is defined (a run needs two points).</summary>
    private static IEnumerable<Coordinates[]> Bands((double X, MeasureStats Stats)[] points)
    {
        var start = 0;
        while (start < points.Length)
        {
            if (!points[start].Stats.HasInterval)
            {
                start++;
                continue;
            }

            var end = start;
            while (end + 1 < points.Length && points[end + 1].Stats.HasInterval)
            {
                end++;
            }

            if (end > start)
            {
                var upper = Enumerable.Range(start, end - start + 1).Select(i => new Coordinates(points[i].X, points[i].Stats.CiHigh));
                var lower = Enumerable.Range(start, end - start + 1).Reverse().Select(i => new Coordinates(points[i].X, points[i].Stats.CiLow));
                yield return upper.Concat(lower).ToArray();
            }

            start = end + 1;
        }
    }
}
