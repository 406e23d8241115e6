using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

public static partial class Figures
{
    /// <summary>The colour of the dashed line at a factor's base value.</summary>
    internal static readonly Color BaseLineColor = new(90, 90, 90);

    /// <summary>
    /// A one-factor-at-a-time sweep as small multiples: one panel per factor, its values across
    /// (the base value, from point 0, included and marked by a dashed line and a "(base)" tick),
    /// the measure's mean up with its 95% CI as a band, one line per structure in its colour. Each
    /// panel has its own y scale, so that crossings show even where one factor moves the measure
    /// much more than another; one legend (below, so that the panels keep the width) and one title serve all panels. A factor whose values are
    /// log-spaced (a log range in the spec, or values that look it) gets a log axis. A point whose
    /// row had runs without a steady state is marked with a black ✕ in every panel it is drawn in
    /// (<see cref="UnstableMarks"/>, one legend entry); the subtitle counts the marked points (the
    /// base point's once), or says the results do not record stability, and for a latency measure
    /// (<see cref="IsLatencyMeasure"/>) gives the range of the issues pending at the end.
    /// </summary>
    /// <remarks>
    /// The panels are <see cref="PanelGrid.Panels"/> of the single <see cref="PanelGrid"/> in the
    /// returned plot; each is a ScottPlot plot that can be changed before saving.
    /// </remarks>
    /// <param name="results">Results of a one-at-a-time sweep.</param>
    /// <param name="measure">A measure with columns in summary.csv, for example <c>latencyRestrictedMean</c>.</param>
    /// <exception cref="ArgumentException">Unknown measure, the design is not one-at-a-time, or a point moves more than one factor.</exception>
    /// <exception cref="ResultsFormatException">The measure or a design factor is known but its columns are missing from summary.csv.</exception>
    public static Plot SensitivityPanels(ResultsFolder results, string measure)
    {
        ArgumentNullException.ThrowIfNull(results);
        var summary = results.Summary;
        summary.RequireMeasure(measure);
        var design = OneAtATimeResults.From(results);
        var columns = PanelGrid.ColumnsFor(design.Factors.Count);
        var panels = new List<Plot>();
        var ticks = new List<Tick[]>();
        var drawn = new List<(Plot Panel, SummaryRow Row, Coordinates At)>();
        foreach (var factor in design.Factors)
        {
            var panel = FigureStyle.NewPlot();
            var axis = factor.Axis;
            foreach (var structure in StructuresOf(summary, factor.Rows))
            {
                var color = StructurePalette.ColorOf(structure, summary.Structures);
                var structureRows = factor.Rows
                    .Where(r => r.Structure == structure && double.IsFinite(r.Measures[measure].Mean))
                    .OrderBy(r => axis.Position(r.Parameters[factor.Name]))
                    .ToArray();
                var points = structureRows.Select(r => (X: axis.Position(r.Parameters[factor.Name]), Stats: r.Measures[measure])).ToArray();
                if (points.Length == 0)
                {
                    continue;
                }

                AddLineWithBand(panel, points, color, structure);
                drawn.AddRange(structureRows.Select((r, i) => (panel, r, new Coordinates(points[i].X, points[i].Stats.Mean))));
            }

            var baseLine = panel.Add.VerticalLine(axis.Position(factor.BaseValue));
            baseLine.Color = BaseLineColor;
            baseLine.LineWidth = 2;
            baseLine.LinePattern = LinePattern.Dashed;

            ticks.Add(axis.ApplyTicks(panel.Axes.Bottom, v => ParameterValues.Same(v, factor.BaseValue) ? $"{ParameterAxis.Label(v)}\n(base)" : ParameterAxis.Label(v)).ToArray());
            var xLabel = FigureStyle.ParameterLabel(factor.Name) + (axis.IsLog ? ", log scale" : "");
            FigureStyle.StyleAxes(panel, xLabel, panels.Count % columns == 0 ? FigureStyle.MeasureLabel(measure) : "");
            panel.HideLegend();
            panels.Add(panel);
        }

        var distinct = drawn.Select(d => d.Row).Distinct().ToArray();
        var stability = Stability(summary, distinct, "point", IsLatencyMeasure(measure));
        var unstable = distinct.Where((_, i) => stability.Unstable[i]).ToHashSet();
        foreach (var panel in panels)
        {
            MarkUnstable(panel, drawn.Where(d => d.Panel == panel && unstable.Contains(d.Row)).Select(d => d.At), legend: false);
        }

        var plot = PanelGrid.Host(panels, columns);
        var grid = plot.GetPlottables<PanelGrid>().Single();
        var texts = panels.Select((p, k) => (X: p.Axes.Bottom.Label.Text, Y: p.Axes.Left.Label.Text, Ticks: ticks[k])).ToArray();
        var baseLabels = design.Factors.Select(f => ParameterAxis.Label(f.BaseValue)).ToArray();
        FigureStyle.OnFit(plot, _ => FitPanels(grid, texts, baseLabels));
        AddStructureLegend(plot, summary, summary.Rows, filled: false);
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "base value",
            LineColor = BaseLineColor,
            LineWidth = 2,
            LinePattern = LinePattern.Dashed,
        });
        if (unstable.Count > 0)
        {
            AddUnstableLegend(plot);
        }

        FigureStyle.Apply(plot,
            $"{summary.Scenario.Name}: {FigureStyle.MeasureName(measure)}, one factor at a time around the base point (others at base), mean ± 95% CI over {ReplicationCount(summary.Rows)} replications",
            Subtitle(summary, stability, $"base point {design.BasePointId}: {design.BaseText}", "each panel has its own y scale"),
            "",
            "",
            legendBelow: true);
        return plot;
    }

    /// <summary>
    /// Fits each panel's axis titles and tick labels to the size it was last drawn at, from the
    /// full texts (so that a later fit at a larger size gets them back): an axis title too long for
    /// its side breaks before its unit and then shrinks to 14 pt; a tick label that would overlap
    /// a neighbour's is left blank (its tick stays), the base value's label kept first.
    /// </summary>
    private static void FitPanels(PanelGrid grid, (string X, string Y, Tick[] Ticks)[] texts, string[] baseLabels)
    {
        using var paint = Paint.NewDisposablePaint();
        for (var k = 0; k < grid.Panels.Count && k < grid.LastRects.Count; k++)
        {
            // Axis titles are centred on the data area: their room is it and the narrower margin on each side, within the cell.
            var (panel, cell) = (grid.Panels[k], grid.LastRects[k]);
            var data = panel.LastRender.DataRect;
            FitAxisTitle(panel.Axes.Bottom.Label, texts[k].X, data.Width + (2 * Math.Min(data.Left - cell.Left, cell.Right - data.Right)) - 10, paint);
            FitAxisTitle(panel.Axes.Left.Label, texts[k].Y, data.Height + (2 * Math.Min(data.Top - cell.Top, cell.Bottom - data.Bottom)) - 10, paint);

            // A title broken onto more lines narrows the data area: lay the panel out again at its cell's size before spacing the ticks.
            panel.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(texts[k].Ticks);
            if (cell.Width < 1 || cell.Height < 1)
            {
                continue;
            }

            panel.RenderInMemory((int)Math.Round(cell.Width), (int)Math.Round(cell.Height));
            data = panel.LastRender.DataRect;
            var ticks = texts[k].Ticks;
            var limits = panel.LastRender.AxisLimits;
            if (ticks.Length == 0 || data.Width <= 0 || limits.HorizontalSpan <= 0)
            {
                continue;
            }

            var style = panel.Axes.Bottom.TickLabelStyle;
            var kept = new List<(float Left, float Right)>();
            var labels = new string[ticks.Length];
            var order = Enumerable.Range(0, ticks.Length).OrderByDescending(i => ticks[i].Label.StartsWith(baseLabels[k] + "\n", StringComparison.Ordinal)).ThenBy(i => i);
            foreach (var i in order)
            {
                var x = data.Left + (float)((ticks[i].Position - limits.Left) / limits.HorizontalSpan * data.Width);
                var half = (ticks[i].Label.Split('\n').Max(line => style.Measure(line, paint).Width) / 2) + 4;
                var overlaps = kept.Any(r => x - half < r.Right && x + half > r.Left);
                labels[i] = overlaps ? "" : ticks[i].Label;
                if (!overlaps)
                {
                    kept.Add((x - half, x + half));
                }
            }

            panel.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                ticks.Select((t, i) => new Tick(t.Position, labels[i], t.IsMajor)).ToArray());
        }
    }

    /// <summary>
    /// Sets the first of these that fits <paramref name="room"/> pixels, at the axis title size and
    /// else at 14 pt: <paramref name="full"/> on one line; broken after the parameter's name (before
    /// its unit or ", log scale"); with the camelCase name also broken at the capital nearest its
    /// middle. The last when none fits.
    /// </summary>
    private static void FitAxisTitle(LabelStyle label, string full, float room, Paint paint)
    {
        var at = full.IndexOfAny([' ', ',']);
        var (name, rest) = at < 0 ? (full, "") : (full[..at], full[at..].TrimStart(',', ' '));
        var capitals = Enumerable.Range(1, Math.Max(name.Length - 1, 0)).Where(i => char.IsUpper(name[i])).ToArray();
        var split = capitals.Length == 0 ? name : name.Insert(capitals.MinBy(i => Math.Abs((2 * i) - name.Length)), "\n");
        string[] variants = [full, rest.Length == 0 ? name : $"{name}\n{rest}", rest.Length == 0 ? split : $"{split}\n{rest}"];
        foreach (var size in new[] { FigureStyle.AxisLabelSize, 14f })
        {
            label.FontSize = size;
            foreach (var text in variants)
            {
                label.Text = text;
                if (text.Split('\n').Max(line => label.Measure(line, paint).Width) <= room)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One legend entry per structure of <paramref name="rows"/> in its colour: a line with a marker, or a filled box.</summary>
    private static void AddStructureLegend(Plot plot, SummaryTable summary, IEnumerable<SummaryRow> rows, bool filled)
    {
        foreach (var structure in StructuresOf(summary, rows))
        {
            var color = StructurePalette.ColorOf(structure, summary.Structures);
            plot.Legend.ManualItems.Add(filled
                ? new LegendItem { LabelText = structure, FillColor = color, OutlineColor = color }
                : new LegendItem
                {
                    LabelText = structure,
                    LineColor = color,
                    LineWidth = 3,
                    MarkerShape = MarkerShape.FilledCircle,
                    MarkerFillColor = color,
                    MarkerLineColor = color,
                    MarkerSize = 10,
                });
        }
    }
}
