using System.Globalization;
using CoordSim.Experiments;
using CoordSim.Plots;
using CoordSim.Plots.Results;
using CoordSim.Tests.Experiments;
using ScottPlot;
using ScottPlot.Plottables;
using ResultsFolder = CoordSim.Plots.Results.ResultsFolder;

namespace CoordSim.Tests.Plots;

/// <summary>
/// The global sensitivity figures (Morris screening, Sobol' indices, their convergence): each drawn from a real small
/// morris and sobol sweep (<see cref="SensitivitySweeps"/>) and compared with the file's numbers, the refusals, and the
/// default figure set of such a design.
/// </summary>
public sealed class SensitivityIndexFiguresTests
{
    private const int Width = 1200;
    private const int Height = 800;

    private static readonly string[] Panels = ["hierarchy", "flat", "flat − hierarchy"];

    private static PanelGrid Grid(Plot plot) => plot.GetPlottables<PanelGrid>().Single();

    private static string Title(Plot plot) => plot.Axes.Title.Label.Text.Replace("\n", " ", StringComparison.Ordinal);

    private static string Header(IReadOnlyList<string> columns) => string.Join(",", columns);

    // ---- Morris screening ----

    [Fact]
    public void Morris_screening_has_a_panel_per_structure_and_difference_with_each_factors_mu_star_and_sigma()
    {
        var results = ResultsFolder.Load(SensitivitySweeps.Morris);
        var plot = Figures.MorrisScreening(results, "latencyRestrictedMean");
        var panels = Grid(plot).Panels;
        var rows = results.Sensitivity!.Rows.Where(r => r.Measure == "latencyRestrictedMean").ToArray();

        Assert.Equal(Panels, panels.Select(p => p.Axes.Title.Label.Text));
        for (var k = 0; k < panels.Count; k++)
        {
            var (structure, baseline) = k < 2 ? (Panels[k], (string?)null) : ("flat", "hierarchy");
            double Of(string factor, string index) => rows.Single(r => r.Structure == structure && r.Baseline == baseline && r.Factor == factor && r.Index == index).Estimate;
            var expected = SensitivitySweeps.Factors.Take(SensitivitySweeps.MorrisFactors)
                .Select(f => new Coordinates(Of(f.Name, "muStar"), Of(f.Name, "sigma")))
                .OrderByDescending(c => c.X)
                .ToArray();
            var points = panels[k].GetPlottables<Scatter>().Single().Data.GetScatterPoints();
            Assert.Equal(expected, points);

            // μ*'s interval as a horizontal error bar at each point.
            var errors = panels[k].GetPlottables<ErrorBar>().Single();
            var interval = rows.Single(r => r.Structure == structure && r.Baseline == baseline && r.Index == "muStar" && r.Estimate == expected[0].X);
            Assert.Equal(interval.High - interval.Estimate, errors.XErrorPositive![0], 12);
            Assert.Equal(interval.Estimate - interval.Low, errors.XErrorNegative![0], 12);

            // The guides σ = μ* (dashed) and σ = 0.1 μ* (dotted) from the origin.
            var guides = panels[k].GetPlottables<LinePlot>().ToArray();
            Assert.Equal([LinePattern.Dashed, LinePattern.Dotted], guides.Select(g => g.LinePattern));
            Assert.All(guides, g => Assert.Equal(new Coordinates(0, 0), g.Start));
            Assert.Equal(guides[0].End.X, guides[0].End.Y, 12);
            Assert.Equal(0.1 * guides[1].End.X, guides[1].End.Y, 12);
        }

        Assert.Contains(plot.Legend.ManualItems, i => i.LabelText.StartsWith("σ = μ*", StringComparison.Ordinal) && i.LinePattern.Equals(LinePattern.Dashed));
        Assert.Contains("Morris screening of restricted mean latency", Title(plot), StringComparison.Ordinal);
        var subtitle = FigureStyle.SubtitleOf(plot);
        Assert.Contains("morris design: 4 trajectories on 4 levels", subtitle, StringComparison.Ordinal);
        Assert.Contains("2 replications per point", subtitle, StringComparison.Ordinal);
        Assert.Contains("labelled: the 8 of 10 factors with the largest μ* in each panel", subtitle, StringComparison.Ordinal);

        // Steady state over every design point of both structures, and the pending issues, since the measure is a latency.
        var summary = results.Summary;
        var unstable = summary.Rows.Sum(r => r.UnstableRuns);
        Assert.Contains(unstable == 0 ? Figures.AllStableText : $"{unstable} of {summary.Rows.Sum(r => r.N)} runs without a steady state", subtitle, StringComparison.Ordinal);
        Assert.Contains("pending at the end: ", subtitle, StringComparison.Ordinal);
        Assert.DoesNotContain("pending", FigureStyle.SubtitleOf(Figures.MorrisScreening(results, "distortionRms")), StringComparison.Ordinal);
    }

    [Fact]
    public void Morris_screening_labels_the_top_factors_by_mu_star_without_overlap()
    {
        var results = ResultsFolder.Load(SensitivitySweeps.Morris);
        var plot = Figures.MorrisScreening(results, "latencyRestrictedMean");
        FigureStyle.Fit(plot, Width, Height);
        var rows = results.Sensitivity!.Rows.Where(r => r.Measure == "latencyRestrictedMean" && r.Index == "muStar").ToArray();

        using var paint = Paint.NewDisposablePaint();
        foreach (var (panel, k) in Grid(plot).Panels.Select((p, k) => (p, k)))
        {
            var (structure, baseline) = k < 2 ? (Panels[k], (string?)null) : ("flat", "hierarchy");
            var top = rows.Where(r => r.Structure == structure && r.Baseline == baseline).OrderByDescending(r => r.Estimate).Take(Figures.MorrisLabelledFactors);
            var labels = panel.GetPlottables<Text>().ToArray();
            Assert.Equal(top.Select(r => FigureStyle.ParameterName(r.Factor)), labels.Select(l => l.LabelText));

            // The visible labels' boxes, in the panel laid out at its cell's size, do not overlap.
            var cell = Grid(plot).LastRects[k];
            panel.RenderInMemory((int)Math.Round(cell.Width), (int)Math.Round(cell.Height));
            var boxes = labels.Where(l => l.IsVisible).Select(l =>
            {
                var at = panel.GetPixel(l.Location);
                var size = l.LabelStyle.Measure(l.LabelText, paint);
                return new PixelRect(at.X + l.OffsetX, at.X + l.OffsetX + size.Width, at.Y + l.OffsetY + size.Height, at.Y + l.OffsetY);
            }).ToArray();
            Assert.True(boxes.Length >= 4, $"{Panels[k]}: only {boxes.Length} labels placed");
            var points = panel.GetPlottables<Scatter>().Single().Data.GetScatterPoints().Select(panel.GetPixel).ToArray();
            Assert.Equal(SensitivitySweeps.MorrisFactors, points.Length);
            Assert.DoesNotContain(points, p => boxes.Any(b => p.X > b.Left && p.X < b.Right && p.Y > b.Top && p.Y < b.Bottom));
            for (var i = 0; i < boxes.Length; i++)
            {
                for (var j = i + 1; j < boxes.Length; j++)
                {
                    Assert.False(LabelPlacement.Intersects(boxes[i], boxes[j]), $"{Panels[k]}: labels {i} and {j} overlap");
                }
            }
        }
    }

    // ---- Sobol' indices ----

    [Fact]
    public void Sobol_indices_show_s1_and_st_of_the_top_12_factors_by_st_with_their_intervals()
    {
        var results = ResultsFolder.Load(SensitivitySweeps.Sobol);
        var plot = Figures.SobolIndices(results, "latencyRestrictedMean");
        var panels = Grid(plot).Panels;
        var rows = results.Sensitivity!.Rows.Where(r => r.Measure == "latencyRestrictedMean").ToArray();

        Assert.Equal(Panels, panels.Select(p => p.Axes.Title.Label.Text));
        var sums = new List<string>();
        for (var k = 0; k < panels.Count; k++)
        {
            var (structure, baseline) = k < 2 ? (Panels[k], (string?)null) : ("flat", "hierarchy");
            var mine = rows.Where(r => r.Structure == structure && r.Baseline == baseline).ToArray();
            var byTotal = mine.Where(r => r.Index == "ST").OrderByDescending(r => r.HasEstimate ? r.Estimate : double.NegativeInfinity).Take(12).ToArray();

            // Factor names from the top down, the largest ST first.
            var ticks = panels[k].Axes.Left.TickGenerator.Ticks.OrderByDescending(t => t.Position).Select(t => t.Label);
            Assert.Equal(byTotal.Select(r => FigureStyle.ParameterName(r.Factor)), ticks);

            var bars = panels[k].GetPlottables<BarPlot>().Single();
            Assert.All(bars.Bars, b => Assert.Equal(Orientation.Horizontal, b.Orientation));
            var fills = bars.Bars.GroupBy(b => b.FillColor).ToDictionary(g => g.Key, g => g.OrderByDescending(b => b.Position).Select(b => b.Value).ToArray());
            Assert.Equal(byTotal.Where(r => r.HasEstimate).Select(r => r.Estimate), fills[Figures.SobolIndexColors[1]]);
            var first = byTotal.Select(t => mine.Single(r => r.Index == "S1" && r.Factor == t.Factor)).Where(r => r.HasEstimate).ToArray();
            Assert.Equal(first.Select(r => r.Estimate), fills[Figures.SobolIndexColors[0]]);

            // An error bar per bar with an interval, from its low to its high end.
            var errors = panels[k].GetPlottables<ErrorBar>().ToArray();
            Assert.Equal(first.Concat(byTotal).Count(r => r.HasEstimate && r.HasInterval), errors.Length);
            var top = byTotal[0];
            Assert.Contains(errors, e => e.Xs[0] == top.Estimate && Math.Abs(e.Xs[0] + e.XErrorPositive![0] - top.High) < 1e-12 && Math.Abs(e.Xs[0] - e.XErrorNegative![0] - top.Low) < 1e-12);

            // The axis covers 0 to 1.
            var limits = panels[k].Axes.GetLimits();
            Assert.True(limits.Left < 0 && limits.Right > 1, $"{Panels[k]}: x from {limits.Left} to {limits.Right}");
            var s1 = mine.Where(r => r.Index == "S1" && r.HasEstimate).Sum(r => r.Estimate);
            sums.Add($"{Panels[k]} {Figures.Format(s1)}");
        }

        Assert.Contains("Sobol' indices of restricted mean latency", Title(plot), StringComparison.Ordinal);
        var subtitle = FigureStyle.SubtitleOf(plot);
        Assert.Contains("sobol design: 16 base rows", subtitle, StringComparison.Ordinal);
        Assert.Contains("top 12 of 14 factors by ST", subtitle, StringComparison.Ordinal);
        Assert.Contains($"Σ S1: {string.Join(", ", sums)} (1 − Σ S1: the share from interactions)", subtitle, StringComparison.Ordinal);
        Assert.Contains("1 replication per point", subtitle, StringComparison.Ordinal);
    }

    // ---- Convergence ----

    /// <summary>
    /// Writes sensitivity-convergence.csv by hand into a copy of the sobol sweep: for each structure, difference and
    /// factor, ST at 4, 8 and 16 base rows, converging on the full-sample value of sensitivity.csv from 0.3 away.
    /// </summary>
    private static string WithConvergence(string tag)
    {
        var folder = SensitivitySweeps.Copy(SensitivitySweeps.Sobol, tag);
        var full = SensitivityIndexTable.Load(Path.Combine(folder, ResultsFormat.SensitivityFile)).Rows.Where(r => r.Index is "ST" or "S1" && r.HasEstimate);
        var lines = new List<string> { Header(ResultsFormat.SensitivityConvergenceColumns) };
        foreach (var r in full)
        {
            foreach (var (samples, shift) in new[] { (4, 0.3), (8, 0.1), (16, 0.0) })
            {
                var value = r.Estimate + shift;
                lines.Add(string.Join(",", r.Measure, r.Structure, r.Baseline ?? "", r.Factor, r.Index, Invariant(samples), Invariant(value), Invariant(value - 0.05), Invariant(value + 0.05), Invariant(samples)));
            }
        }

        File.WriteAllLines(Path.Combine(folder, ResultsFormat.SensitivityConvergenceFile), lines);
        return folder;
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void Convergence_draws_the_top_6_factors_st_against_the_samples_on_a_log2_axis()
    {
        var results = ResultsFolder.Load(WithConvergence("convergence"));
        var plot = Figures.SensitivityConvergence(results, "latencyRestrictedMean");
        var panels = Grid(plot).Panels;
        var full = results.Sensitivity!.Rows.Where(r => r.Measure == "latencyRestrictedMean" && r.Index == "ST" && r.HasEstimate).ToArray();
        var top = full.GroupBy(r => r.Factor).OrderByDescending(g => g.Max(r => r.Estimate)).Take(6).Select(g => g.Key).ToArray();

        Assert.Equal(Panels, panels.Select(p => p.Axes.Title.Label.Text));
        Assert.Equal(top.Select(FigureStyle.ParameterName), plot.Legend.ManualItems.Select(i => i.LabelText));
        for (var k = 0; k < panels.Count; k++)
        {
            var (structure, baseline) = k < 2 ? (Panels[k], (string?)null) : ("flat", "hierarchy");
            var lines = panels[k].GetPlottables<Scatter>().ToArray();
            Assert.Equal(top.Length, lines.Length);
            for (var f = 0; f < top.Length; f++)
            {
                var points = lines[f].Data.GetScatterPoints();
                var value = full.Single(r => r.Structure == structure && r.Baseline == baseline && r.Factor == top[f]).Estimate;
                // log2 of 4, 8, 16, each shifted by the same small dodge; the estimates converge on the full value.
                Assert.Equal([1.0, 1.0], points.Zip(points.Skip(1), (a, b) => b.X - a.X).Select(d => Math.Round(d, 12)));
                Assert.Equal(2, Math.Round(points[0].X), 12);
                Assert.Equal([value + 0.3, value + 0.1, value], points.Select(p => p.Y));
                Assert.Equal(Figures.FactorColors[f], lines[f].Color);
            }

            Assert.Equal(["4", "8", "16"], panels[k].Axes.Bottom.TickGenerator.Ticks.Select(t => t.Label));
        }

        Assert.Contains("convergence of ST of restricted mean latency as the base rows double", Title(plot), StringComparison.Ordinal);
        var subtitle = FigureStyle.SubtitleOf(plot);
        Assert.Contains("the 6 of 14 factors with the largest ST from all base rows in any panel (the others left out)", subtitle, StringComparison.Ordinal);
        Assert.Contains("95% bootstrap interval", subtitle, StringComparison.Ordinal);
    }

    [Fact]
    public void Convergence_of_a_real_sobol_sweep_ends_at_the_indices_of_sensitivity_csv()
    {
        var results = ResultsFolder.Load(SensitivitySweeps.Sobol);
        var plot = Figures.SensitivityConvergence(results, "distortionRms");
        var full = results.Sensitivity!.Rows.Where(r => r.Measure == "distortionRms" && r.Index == "ST").ToArray();

        // 16 base rows and the first 8 (none below 8); the last point of every line is the factor's ST in sensitivity.csv.
        foreach (var (panel, k) in Grid(plot).Panels.Select((p, k) => (p, k)))
        {
            Assert.Equal(["8", "16"], panel.Axes.Bottom.TickGenerator.Ticks.Select(t => t.Label));
            var (structure, baseline) = k < 2 ? (Panels[k], (string?)null) : ("flat", "hierarchy");
            var ends = panel.GetPlottables<Scatter>().Select(s => s.Data.GetScatterPoints()[^1].Y).ToArray();
            Assert.NotEmpty(ends);
            Assert.All(ends, y => Assert.Contains(full, r => r.Structure == structure && r.Baseline == baseline && r.Estimate == y));
        }

        Assert.Contains("sensitivity-convergence-distortionRms", FigureSet.Defaults(results).Select(f => f.Name));
    }

    [Fact]
    public void Convergence_of_a_morris_sweep_draws_mu_star_against_the_trajectories()
    {
        var results = ResultsFolder.Load(SensitivitySweeps.Morris);
        var plot = Figures.SensitivityConvergence(results, "latencyRestrictedMean");
        var first = Grid(plot).Panels[0];
        var muStar = results.Sensitivity!.Rows.Where(r => r.Measure == "latencyRestrictedMean" && r.Index == "muStar").ToArray();
        var top = muStar.GroupBy(r => r.Factor).OrderByDescending(g => g.Max(r => r.Estimate)).Take(6).Select(g => g.Key);

        Assert.Equal("μ* (days)", first.Axes.Left.Label.Text);
        Assert.Equal("trajectories used (log₂ scale)", first.Axes.Bottom.Label.Text);
        Assert.Equal(["4"], first.Axes.Bottom.TickGenerator.Ticks.Select(t => t.Label));
        // One size: each line is one point, the factor's μ* from all 4 trajectories, for the six with the largest μ* in any panel.
        var ends = first.GetPlottables<Scatter>().Select(s => s.Data.GetScatterPoints().Single().Y).ToArray();
        Assert.Equal(top.Select(f => muStar.Single(r => r.Structure == "hierarchy" && r.Baseline is null && r.Factor == f).Estimate), ends);
        Assert.Contains("convergence of μ* of restricted mean latency as the trajectories double", Title(plot), StringComparison.Ordinal);
    }

    [Fact]
    public void Results_in_memory_have_no_indices_and_get_no_index_figures()
    {
        var spec = SweepFixture.Small("in-memory-morris")
            .Vary(Factor.Interval("crossDepartmentShare", 0.1, 0.6))
            .Vary(Factor.Interval("arrivalRate", 4, 8))
            .Morris(2, levels: 4)
            .TimeSeries(null)
            .Seed(2)
            .Build();
        var results = ResultsFolder.FromRows(spec.Plan(), Sweep.Rows(spec));

        Assert.True(results.Manifest.IsMorris);
        Assert.False(results.HasSensitivity);
        Assert.Null(results.Sensitivity);
        Assert.Empty(FigureSet.Defaults(results));
        var e = Assert.Throws<ArgumentException>(() => Figures.MorrisScreening(results, "latencyRestrictedMean"));
        Assert.Contains("results built in memory do not have (run the sweep with Sweep.Run to get it)", e.Message, StringComparison.Ordinal);
    }

    // ---- Refusals ----

    [Fact]
    public void An_unknown_measure_or_a_folder_without_indices_is_refused_with_what_exists()
    {
        var morris = ResultsFolder.Load(SensitivitySweeps.Morris);
        var sobol = ResultsFolder.Load(SensitivitySweeps.Sobol);

        var unknown = Assert.Throws<ArgumentException>(() => Figures.MorrisScreening(morris, "latencyMean"));
        Assert.Contains("Unknown measure 'latencyMean'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains($"measures present: {string.Join(", ", morris.Sensitivity!.Measures)}.", unknown.Message, StringComparison.Ordinal);
        Assert.Contains(ResultsFormat.SensitivityFile, unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Figures.SobolIndices(sobol, "nope"));

        var wrongKind = Assert.Throws<ArgumentException>(() => Figures.SobolIndices(morris, "latencyRestrictedMean"));
        Assert.Contains("needs a 'sobol' design (for a 'morris' design, draw MorrisScreening)", wrongKind.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Figures.MorrisScreening(sobol, "latencyRestrictedMean"));

        var withoutConvergence = SensitivitySweeps.Copy(SensitivitySweeps.Sobol, "no-convergence");
        File.Delete(Path.Combine(withoutConvergence, ResultsFormat.SensitivityConvergenceFile));
        var noConvergence = Assert.Throws<ArgumentException>(() => Figures.SensitivityConvergence(ResultsFolder.Load(withoutConvergence), "latencyRestrictedMean"));
        Assert.Contains("SensitivityConvergence needs sensitivity-convergence.csv", noConvergence.Message, StringComparison.Ordinal);

        var factorial = SweepFixture.TempFolder("factorial-refused");
        Sweep.Run(SweepFixture.TwoStructures(replications: 1, timeSeries: null), factorial, new SweepOptions { Threads = 2 });
        var plain = Assert.Throws<ArgumentException>(() => Figures.MorrisScreening(ResultsFolder.Load(factorial), "latencyRestrictedMean"));
        Assert.Contains("MorrisScreening needs sensitivity.csv, which a whole sweep with a 'morris' or 'sobol' design", plain.Message, StringComparison.Ordinal);
        Assert.Contains("its design is 'factorial'", plain.Message, StringComparison.Ordinal);
    }

    // ---- The default set ----

    [Fact]
    public void The_default_set_of_a_morris_or_sobol_sweep_is_its_index_figures_and_no_pooled_clouds()
    {
        // The morris sweep's 4 trajectories are its only size in sensitivity-convergence.csv (none below 4): no convergence to draw.
        var morrisResults = ResultsFolder.Load(SensitivitySweeps.Morris);
        Assert.Equal([SensitivitySweeps.Trajectories], morrisResults.SensitivityConvergence!.Rows.Select(r => r.Samples).Distinct());
        var morris = FigureSet.Defaults(morrisResults).Select(f => f.Name).ToArray();
        Assert.Equal(["morris-latencyRestrictedMean", "morris-distortionRms"], morris);

        var sobol = ResultsFolder.Load(WithConvergence("default-set"));
        var names = FigureSet.Defaults(sobol).Select(f => f.Name).ToArray();
        Assert.Equal(["sobol-latencyRestrictedMean", "sensitivity-convergence-latencyRestrictedMean", "sobol-distortionRms", "sensitivity-convergence-distortionRms"], names);

        // A point asked for gets its figures; the options' measures are kept.
        var atPoint = FigureSet.Defaults(sobol, new FigureOptions { Measures = ["issuesPending"], PointId = 3 }).Select(f => f.Name).ToArray();
        Assert.Equal(["sobol-issuesPending", "sensitivity-convergence-issuesPending", "latency-quantiles-point3"], atPoint);
        Assert.DoesNotContain(atPoint, n => n.Contains("-vs-", StringComparison.Ordinal) || n.StartsWith("heatmap-", StringComparison.Ordinal) || n.StartsWith("tradeoff-", StringComparison.Ordinal));
    }

    [Fact]
    public void The_figures_render_to_png_and_svg_with_their_colours()
    {
        var folder = WithConvergence("render");
        var written = FigureSet.WriteDefaults(folder, [FigureFormat.Png, FigureFormat.Svg], new FigureOptions { Measures = ["latencyRestrictedMean"] });
        var figures = Path.Combine(folder, ResultsFormat.FiguresFolder);
        Assert.Equal(
            ["sobol-latencyRestrictedMean.png", "sobol-latencyRestrictedMean.svg", "sensitivity-convergence-latencyRestrictedMean.png", "sensitivity-convergence-latencyRestrictedMean.svg"],
            written.Select(Path.GetFileName));
        var bars = Rendering.AssertPng(Path.Combine(figures, "sobol-latencyRestrictedMean.png"), Width, Height);
        Assert.All(Figures.SobolIndexColors, c => Assert.True(Rendering.CountColor(bars, c, 4) > 500, $"{c.ToHex()} barely drawn"));
        var lines = Rendering.AssertPng(Path.Combine(figures, "sensitivity-convergence-latencyRestrictedMean.png"), Width, Height);
        Assert.All(Figures.FactorColors, c => Assert.True(Rendering.CountColor(lines, c, 4) > 50, $"{c.ToHex()} barely drawn"));
        var svg = Rendering.AssertSvg(Path.Combine(figures, "sobol-latencyRestrictedMean.svg"), Width, Height);
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToArray();
        Assert.Contains(texts, t => t.Contains("flat − hierarchy", StringComparison.Ordinal));

        var morris = SensitivitySweeps.Copy(SensitivitySweeps.Morris, "render-morris");
        FigureSet.WriteDefaults(morris, [FigureFormat.Png], new FigureOptions { Measures = ["latencyRestrictedMean"] });
        var screening = Rendering.AssertPng(Path.Combine(morris, ResultsFormat.FiguresFolder, "morris-latencyRestrictedMean.png"), Width, Height);
        Assert.True(Rendering.CountColor(screening, StructurePalette.ColorOf("hierarchy", ["hierarchy", "flat"]), 4) > 200);
    }
}
