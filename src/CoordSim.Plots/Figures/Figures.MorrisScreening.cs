using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

public static partial class Figures
{
    /// <summary>The most factors labelled in a panel of <see cref="MorrisScreening"/>: those with the largest μ*.</summary>
    public const int MorrisLabelledFactors = 8;

    /// <summary>Marker radius of a screening point plus a pixel, kept clear of labels.</summary>
    private const float ScreeningMarkerRadius = 6;

    /// <summary>
    /// Morris screening of a measure (Campolongo, Cariboni and Saltelli 2007): each factor a point at its μ* (across: the
    /// mean absolute elementary effect, the change of the measure over the factor's whole range, so its influence) and σ
    /// (up: the standard deviation of its elementary effects), with μ*'s 95% bootstrap interval as a horizontal error
    /// bar. One panel per structure and one per difference of a structure from the first structure ("task-force −
    /// hierarchy": where the structures' outcomes part, with common random numbers), in the structure's colour. Every
    /// factor is drawn; the <see cref="MorrisLabelledFactors"/> with the largest μ* in a panel are labelled with their
    /// parameter's name, placed so that no two labels overlap or cover a point (a leader line to a label set away from
    /// its point; a label with no free spot is left out). The line σ = μ* is dashed: above it a factor's effect changes
    /// much with where it is or with the other factors (non-linear or interacting); the line σ = 0.1 μ* is dotted: below
    /// it the effect is nearly linear and additive. The subtitle gives the design, the replications per point and how
    /// many runs had no steady state (their means enter the indices; for a latency measure also the issues pending).
    /// </summary>
    /// <remarks>The panels are <see cref="PanelGrid.Panels"/> of the single <see cref="PanelGrid"/> in the returned plot.</remarks>
    /// <param name="results">Results of a whole sweep with a morris design (the folder holds sensitivity.csv).</param>
    /// <param name="measure">A measure of sensitivity.csv, for example <c>latencyRestrictedMean</c>.</param>
    /// <exception cref="ArgumentException">The folder has no sensitivity.csv, the file has no row of the measure, or its indices are not Morris's.</exception>
    /// <exception cref="ResultsFormatException">A value in sensitivity.csv is malformed.</exception>
    public static Plot MorrisScreening(ResultsFolder results, string measure)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(measure);
        var table = RequireSensitivity(results, nameof(MorrisScreening));
        table.RequireMeasure(measure);
        var muStar = table.Of(measure, SensitivityIndexRow.MuStar);
        if (muStar.Count == 0)
        {
            throw new ArgumentException(
                $"{Path.GetFileName(table.FilePath)} ('{table.FilePath}') has no Morris index μ* ({SensitivityIndexRow.MuStar}) of '{measure}', only {string.Join(", ", table.Indices)}: " +
                $"{nameof(MorrisScreening)} needs a '{Manifest.MorrisKind}' design (for a '{Manifest.SobolKind}' design, draw {nameof(SobolIndices)}).",
                nameof(results));
        }

        var sigma = table.Of(measure, SensitivityIndexRow.Sigma).ToDictionary(r => (r.Structure, r.Baseline, r.Factor), r => r.Estimate);
        var summary = results.Summary;
        var subjects = SensitivitySubjects(muStar);
        var factorCount = muStar.Select(r => r.Factor).Distinct(StringComparer.Ordinal).Count();
        var columns = PanelGrid.ColumnsFor(subjects.Length);
        var unit = UnitOf(measure);
        var panels = new List<Plot>();
        var placements = new List<(List<ScottPlot.Plottables.Text> Labels, Coordinates[] Points, LeaderLines Leaders, Color Color)>();
        foreach (var (structure, baseline) in subjects)
        {
            var panel = FigureStyle.NewPlot();
            var color = StructurePalette.ColorOf(structure, summary.Structures);
            var points = muStar
                .Where(r => r.Structure == structure && r.Baseline == baseline && r.HasEstimate)
                .Select(r => (Row: r, Sigma: sigma.TryGetValue((structure, baseline, r.Factor), out var s) ? s : double.NaN))
                .Where(p => double.IsFinite(p.Sigma))
                .OrderByDescending(p => p.Row.Estimate)
                .ToArray();
            var xMax = points.Length == 0 ? 1 : points.Max(p => p.Row.HasInterval ? Math.Max(p.Row.High, p.Row.Estimate) : p.Row.Estimate) * 1.08;
            var yMax = points.Length == 0 ? 1 : points.Max(p => p.Sigma) * 1.12;
            (xMax, yMax) = (xMax > 0 ? xMax : 1, yMax > 0 ? yMax : 1);

            // The guides from the origin to the far edge, drawn under the points.
            var reach = Math.Max(xMax, yMax);
            AddGuide(panel, reach, 1, LinePattern.Dashed);
            AddGuide(panel, reach, 0.1, LinePattern.Dotted);

            var labels = new List<ScottPlot.Plottables.Text>();
            var leaders = new LeaderLines();
            if (points.Length > 0)
            {
                var xs = points.Select(p => p.Row.Estimate).ToArray();
                var ys = points.Select(p => p.Sigma).ToArray();
                var zeros = new double[xs.Length];
                panel.Add.Plottable(new ScottPlot.Plottables.ErrorBar(
                    xs, ys,
                    points.Select(p => p.Row.HasInterval ? Math.Max(p.Row.High - p.Row.Estimate, 0) : 0).ToArray(),
                    points.Select(p => p.Row.HasInterval ? Math.Max(p.Row.Estimate - p.Row.Low, 0) : 0).ToArray(),
                    zeros, zeros)
                {
                    Color = color.WithAlpha(0.6),
                    LineWidth = 1.5f,
                });
                var scatter = panel.Add.Scatter(xs, ys, color);
                scatter.LineWidth = 0;
                scatter.MarkerSize = 10;
                panel.Add.Plottable(leaders);
                foreach (var (row, s) in points.Take(MorrisLabelledFactors))
                {
                    var label = panel.Add.Text(FigureStyle.ParameterName(row.Factor), row.Estimate, s);
                    label.LabelFontSize = FigureStyle.DataLabelSize;
                    label.LabelFontName = FigureStyle.FontName;
                    label.LabelFontColor = Colors.Black;
                    label.LabelAlignment = Alignment.UpperLeft;
                    labels.Add(label);
                }
            }
            else
            {
                var none = panel.Add.Text("no finite μ* and σ", xMax / 2, yMax / 2);
                none.LabelFontSize = FigureStyle.DataLabelSize;
                none.LabelFontName = FigureStyle.FontName;
                none.LabelAlignment = Alignment.MiddleCenter;
            }

            panel.Axes.SetLimits(0, xMax, 0, yMax);
            TitlePanel(panel, SubjectTitle(structure, baseline), color);
            FigureStyle.StyleAxes(panel, WithUnit("μ*", unit), panels.Count % columns == 0 ? WithUnit("σ", unit) : "");
            panel.HideLegend();
            panels.Add(panel);
            placements.Add((labels, points.Select(p => new Coordinates(p.Row.Estimate, p.Sigma)).ToArray(), leaders, color));
        }

        var plot = PanelGrid.Host(panels, columns);
        var grid = plot.GetPlottables<PanelGrid>().Single();
        FigureStyle.OnFit(plot, _ => PlaceScreeningLabels(grid, placements));
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "σ = μ*: above it non-linear or interacting", LineColor = GuideColor, LineWidth = 2, LinePattern = LinePattern.Dashed });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "σ = 0.1 μ*: below it nearly linear", LineColor = GuideColor, LineWidth = 2, LinePattern = LinePattern.Dotted });
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "factor: μ* with 95% bootstrap interval",
            LineColor = Colors.Gray,
            LineWidth = 1.5f,
            MarkerShape = MarkerShape.FilledCircle,
            MarkerFillColor = Colors.Gray,
            MarkerLineColor = Colors.Gray,
            MarkerSize = 10,
        });

        var labelled = factorCount > MorrisLabelledFactors
            ? $"labelled: the {MorrisLabelledFactors} of {factorCount} factors with the largest μ* in each panel"
            : $"{factorCount} factors";
        FigureStyle.Apply(plot,
            $"{summary.Scenario.Name}: Morris screening of {FigureStyle.MeasureName(measure)}, influence μ* against σ per factor",
            Subtitle(summary,
                SensitivityDesignText(results.Manifest, muStar, morris: true),
                ReplicationsPerPoint(summary),
                "μ*: mean |elementary effect|, the change over a factor's whole range; σ: their standard deviation",
                labelled,
                SampledStabilityText(summary, SubjectStructures(summary, subjects), IsLatencyMeasure(measure))),
            "",
            "",
            legendBelow: true);
        return plot;
    }

    /// <summary>"μ* (days)", or "μ*" for a measure without a unit.</summary>
    private static string WithUnit(string symbol, string unit) => unit.Length == 0 ? symbol : $"{symbol} ({unit})";

    /// <summary>The guide line σ = <paramref name="ratio"/> · μ* from the origin out to <paramref name="reach"/>, in grey.</summary>
    private static void AddGuide(Plot panel, double reach, double ratio, LinePattern pattern)
    {
        var line = panel.Add.Line(0, 0, reach, ratio * reach);
        line.LineColor = GuideColor;
        line.LineWidth = 2;
        line.LinePattern = pattern;
        line.MarkerSize = 0;
    }

    /// <summary>
    /// Places each panel's labels for the size its cell was last drawn at (<see cref="LabelPlacement"/>): the panel is laid
    /// out at its cell's size, the labels go, largest μ* first, where they cover no other label and no point (labelled
    /// or not); a label set away from its point gets a leader line; one with no free spot is hidden.
    /// </summary>
    private static void PlaceScreeningLabels(PanelGrid grid, List<(List<ScottPlot.Plottables.Text> Labels, Coordinates[] Points, LeaderLines Leaders, Color Color)> placements)
    {
        for (var k = 0; k < grid.Panels.Count && k < grid.LastRects.Count; k++)
        {
            var (panel, cell) = (grid.Panels[k], grid.LastRects[k]);
            var (labels, points, leaders, color) = placements[k];
            leaders.Clear();
            if (labels.Count == 0 || cell.Width < 1 || cell.Height < 1)
            {
                continue;
            }

            panel.RenderInMemory((int)Math.Round(cell.Width), (int)Math.Round(cell.Height));
            var others = points.Skip(labels.Count).Select(panel.GetPixel).ToArray();
            LabelPlacement.Apply(panel, labels.Select(l => (l, color)).ToArray(), ScreeningMarkerRadius, panel.LastRender.DataRect, leaders, others);
        }
    }
}
