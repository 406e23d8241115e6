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
    /// much more than another; one legend and one title serve all panels. A factor whose values are
    /// log-spaced (a log range in the spec, or values that look it) gets a log axis.
    /// </summary>
    /// <remarks>
    /// The panels are <see cref="PanelGrid.Panels"/> of the single <see cref="PanelGrid"/> in the
    /// returned plot; each is a ScottPlot plot that can be changed before saving.
    /// </remarks>
    /// <param name="results">Results of a one-at-a-time sweep.</param>
    /// <param name="measure">A measure with columns in summary.csv, for example <c>latencyMean</c>.</param>
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
        foreach (var factor in design.Factors)
        {
            var panel = FigureStyle.NewPlot();
            var axis = factor.Axis;
            foreach (var structure in StructuresOf(summary, factor.Rows))
            {
                var color = StructurePalette.ColorOf(structure, summary.Structures);
                var points = factor.Rows
                    .Where(r => r.Structure == structure)
                    .Select(r => (X: axis.Position(r.Parameters[factor.Name]), Stats: r.Measures[measure]))
                    .Where(p => double.IsFinite(p.Stats.Mean))
                    .OrderBy(p => p.X)
                    .ToArray();
                if (points.Length == 0)
                {
                    continue;
                }

                AddLineWithBand(panel, points, color, structure);
            }

            var baseLine = panel.Add.VerticalLine(axis.Position(factor.BaseValue));
            baseLine.Color = BaseLineColor;
            baseLine.LineWidth = 2;
            baseLine.LinePattern = LinePattern.Dashed;

            axis.ApplyTicks(panel.Axes.Bottom, v => ParameterValues.Same(v, factor.BaseValue) ? $"{ParameterAxis.Label(v)}\n(base)" : ParameterAxis.Label(v));
            var xLabel = FigureStyle.ParameterLabel(factor.Name) + (axis.IsLog ? ", log scale" : "");
            FigureStyle.StyleAxes(panel, xLabel, panels.Count % columns == 0 ? FigureStyle.MeasureLabel(measure) : "");
            panel.HideLegend();
            panels.Add(panel);
        }

        var plot = PanelGrid.Host(panels, columns);
        AddStructureLegend(plot, summary, summary.Rows, filled: false);
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "base value",
            LineColor = BaseLineColor,
            LineWidth = 2,
            LinePattern = LinePattern.Dashed,
        });
        FigureStyle.Apply(plot,
            $"{summary.Scenario.Name}: {measure}, one factor at a time around the base point (others at base), mean ± 95% CI over {ReplicationCount(summary.Rows)} replications",
            Subtitle(summary, $"base point {design.BasePointId}: {design.BaseText}", "each panel has its own y scale"),
            "",
            "");
        return plot;
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
