using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

public static partial class Figures
{
    /// <summary>
    /// Where the ranking flips in a one-factor-at-a-time sweep: one row per factor, one cell per
    /// factor value in ascending order (the base value, from point 0, outlined in black), each cell
    /// filled with the colour of the structure with the best mean of the measure at that point and
    /// labelled with the value and that structure. Where the best structure's 95% CI overlaps the
    /// second best's (or either has no CI, n = 1), the cell is a tie: a lighter, striped colour and
    /// "tie with" the second best. Grey cells have no result.
    /// </summary>
    /// <remarks>
    /// A cell is marked with a black ✕ in its top-right corner (<see cref="UnstableMarks"/>) when
    /// the row of any structure at that value had runs without a steady state, not only the
    /// winner's: the cell states an order of all the structures, and a value understated by a
    /// growing backlog may move any of them, the runner-up (and so the tie) as much as the
    /// winner, in a direction that depends on the measure. The subtitle counts the marked cells
    /// and states this rule, or says the results do not record stability; for a latency
    /// measure (<see cref="IsLatencyMeasure"/>) it gives the range of the issues pending at the end.
    /// </remarks>
    /// <param name="results">Results of a one-at-a-time sweep.</param>
    /// <param name="measure">The measure to rank by.</param>
    /// <param name="lowerIsBetter">Whether lower values are better; null for the direction <see cref="MeasureDirection"/> declares.</param>
    /// <exception cref="ArgumentException">Unknown measure, a measure without a declared direction and none given, the design is not one-at-a-time, or a point moves more than one factor.</exception>
    /// <exception cref="ResultsFormatException">The measure or a design factor is known but its columns are missing from summary.csv.</exception>
    public static Plot WinnerMap(ResultsFolder results, string measure, bool? lowerIsBetter = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var summary = results.Summary;
        summary.RequireMeasure(measure);
        var lower = MeasureDirection.Resolve(measure, lowerIsBetter);
        var design = OneAtATimeResults.From(results);
        var plot = FigureStyle.NewPlot();
        var count = design.Factors.Count;
        var rowTicks = new List<Tick>();
        var labels = new List<(ScottPlot.Plottables.Text Text, string[][] Variants)>();
        var cells = new List<(IReadOnlyList<SummaryRow> Rows, Coordinates Corner)>();
        for (var f = 0; f < count; f++)
        {
            var factor = design.Factors[f];
            var bottom = count - 1 - f;
            rowTicks.Add(new Tick(bottom + 0.5, FigureStyle.ParameterLabel(factor.Name), true));
            var values = factor.Axis.Values;
            for (var i = 0; i < values.Count; i++)
            {
                var isBase = ParameterValues.Same(values[i], factor.BaseValue);
                var ranking = Rank(factor.At(values[i]), measure, lower);
                var color = ranking.Best is null ? Colors.LightGray : StructurePalette.ColorOf(ranking.Best, summary.Structures);
                var fill = ranking.Tie ? Lighten(color, 0.6) : color;
                var (left, right, low, high) = (i + ((1 - CellWidth) / 2), i + ((1 + CellWidth) / 2), bottom + ((1 - CellHeight) / 2), bottom + ((1 + CellHeight) / 2));
                cells.Add((factor.At(values[i]).ToArray(), UnstableMarks.CornerOf(left, right, low, high)));
                var cell = plot.Add.Rectangle(left, right, low, high);
                cell.FillColor = fill;
                if (ranking.Tie)
                {
                    cell.FillHatch = new ScottPlot.Hatches.Striped();
                    cell.FillHatchColor = Lighten(color, 0.3);
                }

                cell.LineColor = isBase ? Colors.Black : Colors.White;
                cell.LineWidth = isBase ? 4 : 1;

                var label = ParameterAxis.Label(values[i]);
                var value = isBase ? $"{label} (base)" : label;
                var best = ranking.Best ?? "no result";
                string[][] variants = ranking.Tie
                    ? [[value, best, $"tie with {ranking.RunnerUp}"], [value, best, "tie"], [label, best, "tie"], [label, "tie"]]
                    : [[value, best], [label, best], [label]];
                var text = plot.Add.Text(string.Join("\n", variants[0]), i + 0.5, bottom + 0.5);
                labels.Add((text, variants));
                text.LabelFontSize = FigureStyle.DataLabelSize;
                text.LabelFontName = FigureStyle.FontName;
                text.LabelBold = isBase;
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontColor = fill.Luminance > 0.5 ? Colors.Black : Colors.White;
                if (ranking.Tie)
                {
                    text.LabelBackgroundColor = Colors.White.WithAlpha(0.75);
                    text.LabelFontColor = Colors.Black;
                }
            }
        }

        var stability = Stability(summary, cells.Select(c => c.Rows).ToArray(), "cell", IsLatencyMeasure(measure), WinnerMarkRule);
        var marks = MarkUnstable(plot, cells.Where((_, i) => stability.Unstable[i]).Select(c => c.Corner), legend: false);
        if (marks is not null)
        {
            marks.Cell = (CellWidth, CellHeight);
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(rowTicks.ToArray());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([]);
        plot.HideGrid();
        var limits = new AxisLimits(-0.02, design.Factors.Max(f => f.Axis.Values.Count) + 0.02, -0.02, count + 0.02);
        plot.Axes.SetLimits(limits);
        var marked = labels.Select((_, i) => marks is not null && stability.Unstable[i]).ToArray();
        FigureStyle.OnFit(plot, data => FitCellLabels(labels, marked, marks, data.Width / limits.HorizontalSpan * CellWidth, data.Height / limits.VerticalSpan * CellHeight));

        AddStructureLegend(plot, summary, summary.Rows, filled: true);
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "tie (95% CIs overlap)",
            FillColor = Lighten(Colors.Gray, 0.6),
            FillHatch = new ScottPlot.Hatches.Striped(),
            FillHatchColor = Lighten(Colors.Gray, 0.3),
        });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "base value", FillColor = Colors.White, OutlineColor = Colors.Black, OutlineWidth = 3 });
        if (marks is not null)
        {
            AddUnstableLegend(plot);
        }

        var direction = lower ? "lower" : "higher";
        FigureStyle.Apply(plot,
            $"{summary.Scenario.Name}: best structure by {FigureStyle.MeasureName(measure)} ({direction} is better); ties where 95% CIs overlap",
            Subtitle(summary,
                stability,
                $"mean over {ReplicationCount(summary.Rows)} replications per point",
                $"one factor at a time around base point {design.BasePointId}: {design.BaseText}"),
            "factor value, ascending (base value outlined)",
            "factor",
            legendBelow: true);
        return plot;
    }

    /// <summary>The winner map's rule for marking a cell, as its subtitle states it after "marked ×".</summary>
    internal const string WinnerMarkRule = "any structure's runs at that value, not only the winner's";

    /// <summary>Width of a winner-map cell, and its height, as a fraction of the space a value and a factor take.</summary>
    private const double CellWidth = 0.94;

    private const double CellHeight = 0.88;

    /// <summary>
    /// Gives each cell the first of its label variants (longest first) that fits a cell of
    /// <paramref name="width"/> × <paramref name="height"/> pixels, at the data label size or else
    /// at 14 pt; the last variant at 14 pt when none fits. In a <paramref name="marked"/> cell the
    /// label (centred) must also clear the ✕ in the top-right corner, across or up.
    /// </summary>
    private static void FitCellLabels(List<(ScottPlot.Plottables.Text Text, string[][] Variants)> labels, bool[] marked, UnstableMarks? marks, double width, double height)
    {
        using var paint = Paint.NewDisposablePaint();
        var mark = marks is null ? 0 : (marks.SizeIn(width, height) / 2) + marks.HaloWidth + 2;
        var (clearX, clearY) = ((UnstableMarks.CornerInset * width) + mark, (UnstableMarks.CornerInset * height) + mark);
        for (var k = 0; k < labels.Count; k++)
        {
            var (text, variants) = labels[k];
            var fitted = variants
                .SelectMany(lines => new[] { FigureStyle.DataLabelSize, 14f }.Select(size => (Lines: lines, Size: size)))
                .FirstOrDefault(option =>
                {
                    text.LabelFontSize = option.Size;
                    var sizes = option.Lines.Select(l => text.LabelStyle.Measure(l, paint)).ToArray();
                    var (w, h) = (sizes.Max(m => m.Width), sizes.Sum(m => m.Height));
                    return w + 8 <= width && h + 4 <= height && (!marked[k] || w + (2 * clearX) <= width || h + (2 * clearY) <= height);
                });
            var (lines, size) = fitted.Lines is null ? (variants[^1], 14f) : fitted;
            text.LabelFontSize = size;
            text.LabelText = string.Join("\n", lines);
        }
    }

    /// <summary>
    /// The best and second-best structure of <paramref name="rows"/> (one design point) by the
    /// mean of <paramref name="measure"/>, and whether they tie: their 95% CIs overlap, or either
    /// has none. Rows whose mean is not finite are left out; with one structure there is no tie.
    /// </summary>
    internal static Ranking Rank(IEnumerable<SummaryRow> rows, string measure, bool lowerIsBetter)
    {
        var ranked = rows
            .Select(r => (r.Structure, Stats: r.Measures[measure]))
            .Where(r => double.IsFinite(r.Stats.Mean))
            .OrderBy(r => lowerIsBetter ? r.Stats.Mean : -r.Stats.Mean)
            .ToArray();
        if (ranked.Length == 0)
        {
            return new Ranking(null, null, false);
        }

        if (ranked.Length == 1)
        {
            return new Ranking(ranked[0].Structure, null, false);
        }

        var (best, second) = (ranked[0].Stats, ranked[1].Stats);
        var tie = !best.HasInterval || !second.HasInterval || (best.CiLow <= second.CiHigh && second.CiLow <= best.CiHigh);
        return new Ranking(ranked[0].Structure, ranked[1].Structure, tie);
    }

    private static Color Lighten(Color color, double towardsWhite) => new(
        (byte)Math.Round(color.R + ((255 - color.R) * towardsWhite)),
        (byte)Math.Round(color.G + ((255 - color.G) * towardsWhite)),
        (byte)Math.Round(color.B + ((255 - color.B) * towardsWhite)));

    /// <summary>The outcome of ranking the structures at one design point.</summary>
    /// <param name="Best">The structure with the best mean, or null when no structure has a result.</param>
    /// <param name="RunnerUp">The second best, or null.</param>
    /// <param name="Tie">True when the best and second best are not separated by their 95% CIs.</param>
    internal sealed record Ranking(string? Best, string? RunnerUp, bool Tie);
}
