using System.Globalization;
using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

public static partial class Figures
{
    /// <summary>The most factors <see cref="SensitivityConvergence"/> draws: those with the largest full-sample index.</summary>
    public const int ConvergenceShownFactors = 6;

    /// <summary>True when the folder's sensitivity-convergence.csv has rows of <paramref name="measure"/> at two or more sample sizes (what a convergence figure needs to show anything).</summary>
    internal static bool HasConvergence(ResultsFolder results, string measure) =>
        results.SensitivityConvergence is { } table &&
        table.Rows.Where(r => r.Measure == measure && r.Samples is not null).Select(r => r.Samples).Distinct().Skip(1).Any();

    /// <summary>
    /// Whether a sweep's sensitivity indices have settled: the index that ranks the factors (ST for a sobol design, μ*
    /// for a morris design) estimated from the first N/8, N/4, N/2 and all N base rows or trajectories
    /// (sensitivity-convergence.csv), against N on a log₂ axis, one line per factor with its 95% bootstrap interval as
    /// error bars (shifted a little sideways so that they do not hide each other). One panel per structure and one per
    /// difference of a structure from the first structure, each with its own y scale. Only the
    /// <see cref="ConvergenceShownFactors"/> factors with the largest full-sample index in any panel are drawn, in the
    /// same colour and marker in every panel (Paul Tol's "bright" colours, <see cref="FactorColors"/>); the subtitle
    /// says how many were left out. An index that still moves between the last two sizes by more than its interval,
    /// or factors that still swap places, call for a larger design.
    /// </summary>
    /// <remarks>The panels are <see cref="PanelGrid.Panels"/> of the single <see cref="PanelGrid"/> in the returned plot.</remarks>
    /// <param name="results">Results of a whole sweep with a morris or sobol design whose folder holds sensitivity-convergence.csv.</param>
    /// <param name="measure">A measure of sensitivity-convergence.csv, for example <c>latencyRestrictedMean</c>.</param>
    /// <exception cref="ArgumentException">The folder has no sensitivity-convergence.csv, or the file has no row of the measure, or neither ST nor μ* rows for it.</exception>
    /// <exception cref="ResultsFormatException">A value in sensitivity-convergence.csv is malformed.</exception>
    public static Plot SensitivityConvergence(ResultsFolder results, string measure)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(measure);
        var table = results.SensitivityConvergence ?? throw new ArgumentException(
            $"{nameof(SensitivityConvergence)} needs {ResultFiles.SensitivityConvergence}, which {NoIndicesReason(results)}" +
            (results.HasSensitivity ? " (it holds sensitivity.csv, so an older version of CoordSim wrote it: run the sweep again to get the convergence file)." : "."),
            nameof(results));
        table.RequireMeasure(measure);
        var morris = table.Of(measure, SensitivityIndexRow.ST).Count == 0;
        var index = morris ? SensitivityIndexRow.MuStar : SensitivityIndexRow.ST;
        var rows = table.Of(measure, index).Where(r => r.Samples is not null).ToArray();
        if (rows.Length == 0)
        {
            throw new ArgumentException(
                $"{Path.GetFileName(table.FilePath)} ('{table.FilePath}') has neither ST nor μ* ({SensitivityIndexRow.MuStar}) rows of '{measure}', only {string.Join(", ", table.Indices)}.",
                nameof(measure));
        }

        var summary = results.Summary;
        var subjects = SensitivitySubjects(rows);
        var full = rows.GroupBy(r => (r.Structure, r.Baseline)).SelectMany(g => g.Where(r => r.Samples == g.Max(x => x.Samples))).ToArray();
        var factorCount = rows.Select(r => r.Factor).Distinct(StringComparer.Ordinal).Count();
        var shown = full
            .Where(r => r.HasEstimate)
            .GroupBy(r => r.Factor, StringComparer.Ordinal)
            .Select(g => (Factor: g.Key, Largest: g.Max(r => r.Estimate)))
            .OrderByDescending(f => f.Largest)
            .Take(ConvergenceShownFactors)
            .Select(f => f.Factor)
            .ToArray();
        var sizes = rows.Select(r => r.Samples!.Value).Where(s => s > 0).Distinct().Order().ToArray();
        var symbol = morris ? "μ*" : "ST";
        var yLabel = morris ? WithUnit("μ*", UnitOf(measure)) : "ST (share of variance)";
        var unitName = morris ? "trajectories" : "base rows";
        var columns = PanelGrid.ColumnsFor(subjects.Length);
        var panels = new List<Plot>();
        foreach (var (structure, baseline) in subjects)
        {
            var panel = FigureStyle.NewPlot();
            for (var f = 0; f < shown.Length; f++)
            {
                var color = FactorColors[f % FactorColors.Count];
                var dodge = (f - ((shown.Length - 1) / 2.0)) * 0.06;
                var line = rows
                    .Where(r => r.Structure == structure && r.Baseline == baseline && r.Factor == shown[f] && r.HasEstimate && r.Samples > 0)
                    .OrderBy(r => r.Samples)
                    .ToArray();
                if (line.Length == 0)
                {
                    continue;
                }

                var xs = line.Select(r => Math.Log2(r.Samples!.Value) + dodge).ToArray();
                var ys = line.Select(r => r.Estimate).ToArray();
                var zeros = new double[xs.Length];
                panel.Add.Plottable(new ScottPlot.Plottables.ErrorBar(
                    xs, ys, zeros, zeros,
                    line.Select(r => r.HasInterval ? Math.Max(r.High - r.Estimate, 0) : 0).ToArray(),
                    line.Select(r => r.HasInterval ? Math.Max(r.Estimate - r.Low, 0) : 0).ToArray())
                {
                    Color = color.WithAlpha(0.8),
                    LineWidth = 1.5f,
                });
                var scatter = panel.Add.Scatter(xs, ys, color);
                scatter.LineWidth = 2;
                scatter.MarkerSize = 10;
                scatter.MarkerShape = FactorMarkers[f % FactorMarkers.Count];
            }

            panel.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                sizes.Select(s => new Tick(Math.Log2(s), s.ToString(CultureInfo.InvariantCulture), true)).ToArray());
            if (sizes.Length > 0)
            {
                panel.Axes.SetLimitsX(Math.Log2(sizes[0]) - 0.4, Math.Log2(sizes[^1]) + 0.4);
            }

            TitlePanel(panel, SubjectTitle(structure, baseline), StructurePalette.ColorOf(structure, summary.Structures));
            FigureStyle.StyleAxes(panel, $"{unitName} used (log₂ scale)", panels.Count % columns == 0 ? yLabel : "");
            panel.HideLegend();
            panels.Add(panel);
        }

        var plot = PanelGrid.Host(panels, columns);
        for (var f = 0; f < shown.Length; f++)
        {
            var color = FactorColors[f % FactorColors.Count];
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = FigureStyle.ParameterName(shown[f]),
                LineColor = color,
                LineWidth = 2,
                MarkerShape = FactorMarkers[f % FactorMarkers.Count],
                MarkerFillColor = color,
                MarkerLineColor = color,
                MarkerSize = 10,
            });
        }

        var left = factorCount > shown.Length
            ? $"the {shown.Length} of {factorCount} factors with the largest {symbol} from all {unitName} in any panel (the others left out)"
            : $"{factorCount} factors";
        FigureStyle.Apply(plot,
            $"{summary.Scenario.Name}: convergence of {symbol} of {FigureStyle.MeasureName(measure)} as the {unitName} double",
            Subtitle(summary,
                $"each point {symbol} from the first N {unitName} with its 95% bootstrap interval; each panel has its own y scale",
                SensitivityDesignText(results.Manifest, full, morris),
                ReplicationsPerPoint(summary),
                left,
                SampledStabilityText(summary, SubjectStructures(summary, subjects), IsLatencyMeasure(measure))),
            "",
            "",
            legendBelow: true);
        return plot;
    }
}
