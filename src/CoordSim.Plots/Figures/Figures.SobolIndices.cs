using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

public static partial class Figures
{
    /// <summary>The most factors a panel of <see cref="SobolIndices"/> shows: those with the largest ST.</summary>
    public const int SobolShownFactors = 12;

    /// <summary>
    /// Sobol' indices of a measure: per factor a pair of horizontal bars, S1 (the share of the measure's variance over the
    /// design that the factor explains alone) and ST (the share it explains with all its interactions), each with its 95%
    /// bootstrap interval as an error bar, the factors sorted by ST from the top and at most
    /// <see cref="SobolShownFactors"/> of them (the subtitle says "top 12 of K factors by ST" when some are left out). One
    /// panel per structure and one per difference of a structure from the first structure ("task-force − hierarchy":
    /// which factors decide where the structures' outcomes part). The axis runs from 0 to 1, a little further when
    /// sampling error puts an estimate or interval below 0 or above 1. ST − S1 is the factor's share in interactions;
    /// the subtitle gives each panel's Σ S1 (1 − Σ S1 is the share of the variance from interactions), the design, the
    /// replications per point and how many runs had no steady state.
    /// </summary>
    /// <remarks>The panels are <see cref="PanelGrid.Panels"/> of the single <see cref="PanelGrid"/> in the returned plot.</remarks>
    /// <param name="results">Results of a whole sweep with a sobol design (the folder holds sensitivity.csv).</param>
    /// <param name="measure">A measure of sensitivity.csv, for example <c>latencyRestrictedMean</c>.</param>
    /// <exception cref="ArgumentException">The folder has no sensitivity.csv, the file has no row of the measure, or its indices are not Sobol's.</exception>
    /// <exception cref="ResultsFormatException">A value in sensitivity.csv is malformed.</exception>
    public static Plot SobolIndices(ResultsFolder results, string measure)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(measure);
        var table = RequireSensitivity(results, nameof(SobolIndices));
        table.RequireMeasure(measure);
        var total = table.Of(measure, SensitivityIndexRow.ST);
        if (total.Count == 0)
        {
            throw new ArgumentException(
                $"{Path.GetFileName(table.FilePath)} ('{table.FilePath}') has no Sobol' index ST of '{measure}', only {string.Join(", ", table.Indices)}: " +
                $"{nameof(SobolIndices)} needs a '{Manifest.SobolKind}' design (for a '{Manifest.MorrisKind}' design, draw {nameof(MorrisScreening)}).",
                nameof(results));
        }

        var first = table.Of(measure, SensitivityIndexRow.S1).ToDictionary(r => (r.Structure, r.Baseline, r.Factor));
        var summary = results.Summary;
        var subjects = SensitivitySubjects(total);
        var factorCount = total.Select(r => r.Factor).Distinct(StringComparer.Ordinal).Count();
        var columns = PanelGrid.ColumnsFor(subjects.Length);
        var panels = new List<Plot>();
        var sums = new List<string>();
        var drawn = new List<SensitivityIndexRow>();
        foreach (var (structure, baseline) in subjects)
        {
            var panel = FigureStyle.NewPlot();
            var factors = total
                .Where(r => r.Structure == structure && r.Baseline == baseline)
                .OrderByDescending(r => r.HasEstimate ? r.Estimate : double.NegativeInfinity)
                .ToArray();
            var shown = factors.Take(SobolShownFactors).ToArray();
            var bars = new List<Bar>();
            var ends = new List<double> { 0, 1 };
            var ticks = new List<Tick>();
            var errors = new List<ScottPlot.Plottables.ErrorBar>();
            for (var i = 0; i < shown.Length; i++)
            {
                // The largest ST at the top: factor i at position (shown − 1 − i), S1 above ST.
                var position = shown.Length - 1 - i;
                var s1 = first.GetValueOrDefault((structure, baseline, shown[i].Factor));
                ticks.Add(new Tick(position, FigureStyle.ParameterName(shown[i].Factor), true));
                foreach (var (row, offset, color) in new[] { (s1, 0.2, SobolIndexColors[0]), (shown[i], -0.2, SobolIndexColors[1]) })
                {
                    if (row is null || !row.HasEstimate)
                    {
                        continue;
                    }

                    drawn.Add(row);
                    bars.Add(new Bar { Position = position + offset, Value = row.Estimate, ValueBase = 0, Size = 0.38, FillColor = color, LineColor = Colors.Black, LineWidth = 1 });
                    ends.Add(row.Estimate);
                    if (row.HasInterval)
                    {
                        errors.Add(new ScottPlot.Plottables.ErrorBar(
                            [row.Estimate], [position + offset], [Math.Max(row.High - row.Estimate, 0)], [Math.Max(row.Estimate - row.Low, 0)], [0.0], [0.0])
                        {
                            Color = Colors.Black,
                            LineWidth = 1.5f,
                        });
                        ends.Add(row.Low);
                        ends.Add(row.High);
                    }
                }
            }

            // The zero line under the bars, the bars under their error bars.
            var zero = panel.Add.VerticalLine(0);
            zero.Color = GuideColor;
            zero.LineWidth = 1;
            panel.Add.Bars(bars).Horizontal = true;
            foreach (var error in errors)
            {
                panel.Add.Plottable(error);
            }

            var (low, high) = (Math.Max(ends.Min(), -0.5) - 0.03, Math.Min(ends.Max(), 1.5) + 0.03);
            panel.Axes.SetLimits(low, high, -0.6, Math.Max(shown.Length, 1) - 0.4);
            panel.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
            panel.Grid.YAxisStyle.MajorLineStyle.Width = 0;
            TitlePanel(panel, SubjectTitle(structure, baseline), StructurePalette.ColorOf(structure, summary.Structures));
            FigureStyle.StyleAxes(panel, "share of variance", "");
            panel.HideLegend();
            panels.Add(panel);

            var s1s = factors.Select(r => first.GetValueOrDefault((structure, baseline, r.Factor))).Where(r => r is { HasEstimate: true }).Select(r => r!.Estimate).ToArray();
            sums.Add($"{SubjectTitle(structure, baseline)} {(s1s.Length == 0 ? "undefined" : Format(s1s.Sum()))}");
        }

        var plot = PanelGrid.Host(panels, columns);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "S1: first order (the factor alone)", FillColor = SobolIndexColors[0], OutlineColor = Colors.Black, OutlineWidth = 1 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "ST: total (with its interactions)", FillColor = SobolIndexColors[1], OutlineColor = Colors.Black, OutlineWidth = 1 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "95% bootstrap interval", LineColor = Colors.Black, LineWidth = 1.5f });
        var shownText = factorCount > SobolShownFactors ? $"top {SobolShownFactors} of {factorCount} factors by ST" : $"{factorCount} factors, sorted by ST";
        FigureStyle.Apply(plot,
            $"{summary.Scenario.Name}: Sobol' indices of {FigureStyle.MeasureName(measure)}, first-order S1 and total ST per factor",
            Subtitle(summary,
                SensitivityDesignText(results.Manifest, [.. total, .. drawn], morris: false),
                ReplicationsPerPoint(summary),
                shownText,
                $"Σ S1: {string.Join(", ", sums)} (1 − Σ S1: the share from interactions)",
                SampledStabilityText(summary, SubjectStructures(summary, subjects), IsLatencyMeasure(measure))),
            "",
            "",
            legendBelow: true);
        return plot;
    }
}
