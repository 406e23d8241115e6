using CoordSim.Plots;
using CoordSim.Plots.Results;
using ScottPlot;
using ScottPlot.Plottables;

namespace CoordSim.Tests.Plots;

[Collection(SmallResultsCollection.Name)]
public class FiguresTests(SmallResults fixture)
{
    private const int Width = 900;
    private const int Height = 600;

    private readonly ResultsFolder _results = ResultsFolder.Load(fixture.Directory);

    private SummaryTable Summary => _results.Summary;

    private static Dictionary<string, string> At(string parameter, string value) => new() { [parameter] = value };

    private SummaryRow Row(string structure, double share, double rate) =>
        Summary.Rows.Single(r => r.Structure == structure && r.Parameters["crossDepartmentShare"] == Text(share) && r.Parameters["arrivalRate"] == Text(rate));

    private static string Text(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string> Measures => new(Figures.DefaultMeasures);

    [Theory]
    [MemberData(nameof(Measures))]
    public void Measure_vs_parameter_draws_each_structures_means_and_ci_band(string measure)
    {
        var plot = Figures.MeasureVsParameter(Summary, measure, "crossDepartmentShare", At("arrivalRate", "30"));

        var lines = plot.GetPlottables<Scatter>().ToArray();
        var bands = plot.GetPlottables<Polygon>().ToArray();
        Assert.Equal(SmallResults.StructureNames, lines.Select(l => l.LegendText));
        Assert.Equal(SmallResults.StructureNames.Count, bands.Length);
        for (var s = 0; s < lines.Length; s++)
        {
            var structure = lines[s].LegendText;
            var rows = SmallResults.Shares.Select(x => Row(structure, x, 30)).ToArray();
            var expected = rows.Select((r, i) => new Coordinates(SmallResults.Shares[i], r.Measures[measure].Mean));
            Assert.Equal(expected, lines[s].Data.GetScatterPoints());
            var upper = rows.Select((r, i) => new Coordinates(SmallResults.Shares[i], r.Measures[measure].CiHigh));
            var lower = rows.Select((r, i) => new Coordinates(SmallResults.Shares[i], r.Measures[measure].CiLow)).Reverse();
            Assert.Equal(upper.Concat(lower), bands[s].Coordinates);
            Assert.Equal(StructurePalette.ColorOf(structure, Summary.Structures), lines[s].Color);
            for (var i = 0; i < rows.Length; i++)
            {
                Assert.Equal(fixture.Values(rows[i].PointId, structure, measure).Average(), expected.ElementAt(i).Y, 12);
            }
        }

        Assert.Contains(SmallResults.SpecName, plot.Axes.Title.Label.Text);
        Assert.Contains("arrivalRate = 30", FigureStyle.SubtitleOf(plot));
        Assert.Contains("departments = 6", FigureStyle.SubtitleOf(plot));
        Assert.Equal("cross-department share", plot.Axes.Bottom.Label.Text);
        Assert.Equal(FigureStyle.MeasureLabel(measure), plot.Axes.Left.Label.Text);
    }

    [Fact]
    public void Axis_titles_carry_units_from_the_catalogs()
    {
        Assert.Equal("mean latency of resolved issues (days)", FigureStyle.MeasureLabel("latencyMeanResolved"));
        Assert.Equal("effective number of accountable people", FigureStyle.MeasureLabel("responsibilityEffectiveCount"));
        Assert.Equal("RMS distortion (relative error)", FigureStyle.MeasureLabel("distortionRms"));
        Assert.Equal("share of arrivals on time", FigureStyle.MeasureLabel("onTimeShare"));
        Assert.Equal("notAMeasure", FigureStyle.MeasureLabel("notAMeasure"));
        Assert.Equal("body 2 collectivity (share)", FigureStyle.ParameterLabel("bodies[1].collectivity"));
        Assert.Equal("arrival rate (issues/day)", FigureStyle.ParameterLabel("arrivalRate"));
        Assert.Equal("cross-department share", FigureStyle.ParameterLabel("crossDepartmentShare"));
    }

    [Fact]
    public void Measure_vs_parameter_pools_parameters_that_are_not_held_fixed_and_says_so()
    {
        var plot = Figures.MeasureVsParameter(Summary, "latencyMeanResolved", "crossDepartmentShare");

        Assert.Empty(plot.GetPlottables<Polygon>());
        var points = plot.GetPlottables<Scatter>().Single(s => s.LegendText == "hierarchy").Data.GetScatterPoints();
        var expected = Summary.Rows.Where(r => r.Structure == "hierarchy")
            .Select(r => new Coordinates(double.Parse(r.Parameters["crossDepartmentShare"], System.Globalization.CultureInfo.InvariantCulture), r.Measures["latencyMeanResolved"].Mean));
        Assert.Equal(expected.OrderBy(c => c.X).ThenBy(c => c.Y), points.OrderBy(c => c.X).ThenBy(c => c.Y));
        Assert.NotEmpty(plot.GetPlottables<ErrorBar>());
        Assert.Contains("pooled over arrivalRate", FigureStyle.SubtitleOf(plot));
    }

    [Fact]
    public void Heatmap_cells_are_the_means_on_one_shared_colour_scale_with_a_labelled_colour_bar()
    {
        var plot = Figures.Heatmap(Summary, "latencyMeanResolved", "crossDepartmentShare", "arrivalRate");

        var heatmaps = plot.GetPlottables<Heatmap>().ToArray();
        Assert.Equal(SmallResults.StructureNames.Count, heatmaps.Length);
        var all = Summary.Rows.Select(r => r.Measures["latencyMeanResolved"].Mean).ToArray();
        for (var k = 0; k < heatmaps.Length; k++)
        {
            var structure = SmallResults.StructureNames[k];
            var cells = heatmaps[k].Intensities;
            Assert.Equal(2, cells.GetLength(0));
            Assert.Equal(2, cells.GetLength(1));
            for (var i = 0; i < 2; i++)
            {
                for (var j = 0; j < 2; j++)
                {
                    // Row 0 is the top: the largest arrival rate.
                    Assert.Equal(Row(structure, SmallResults.Shares[i], SmallResults.Rates[j]).Measures["latencyMeanResolved"].Mean, cells[1 - j, i]);
                }
            }

            Assert.Equal(new ScottPlot.Range(all.Min(), all.Max()), heatmaps[k].ManualRange);
        }

        var colorBar = plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>().Single();
        Assert.Equal("mean latency of resolved issues (days)", colorBar.Axis.Label.Text);
        var titles = plot.GetPlottables<Text>().Select(t => t.LabelText).ToArray();
        Assert.All(SmallResults.StructureNames, s => Assert.Contains(s, titles));
    }

    [Fact]
    public void Heatmap_refuses_the_same_parameter_twice_and_unknown_parameters()
    {
        var same = Assert.Throws<ArgumentException>(() => Figures.Heatmap(Summary, "latencyMeanResolved", "arrivalRate", "arrivalRate"));
        Assert.Contains("two different parameters", same.Message);

        var unknown = Assert.Throws<ArgumentException>(() => Figures.Heatmap(Summary, "latencyMeanResolved", "arrivalRat", "crossDepartmentShare"));
        Assert.Contains("'arrivalRat'", unknown.Message);
        Assert.Contains("arrivalRate", unknown.Message);
    }

    [Fact]
    public void Ecdf_from_issues_steps_through_every_resolved_issue_of_the_point()
    {
        var plot = Figures.LatencyEcdf(_results, 1);

        foreach (var line in plot.GetPlottables<Scatter>())
        {
            var latencies = fixture.Runs.Where(r => r.PointId == 1 && r.Result.Structure == line.LegendText)
                .SelectMany(r => r.Issues).Select(o => o.Latency).Order().ToArray();
            var points = line.Data.GetScatterPoints();
            Assert.Equal(latencies.Length + 1, points.Count);
            Assert.Equal(new Coordinates(latencies[0], 0), points[0]);
            for (var i = 0; i < latencies.Length; i++)
            {
                Assert.Equal(new Coordinates(latencies[i], (i + 1.0) / latencies.Length), points[i + 1]);
            }

            Assert.Equal(ConnectStyle.StepHorizontal, line.ConnectStyle);
        }

        Assert.Equal(SmallResults.StructureNames, plot.GetPlottables<Scatter>().Select(s => s.LegendText));
        Assert.Contains("issues.csv", FigureStyle.SubtitleOf(plot));
        Assert.Contains("point 1: crossDepartmentShare = 0.5, arrivalRate = 20", FigureStyle.SubtitleOf(plot));
    }

    [Fact]
    public void Ecdf_steps_are_the_empirical_cdf_of_the_latencies_in_issues_csv()
    {
        var plot = Figures.LatencyEcdf(_results, 2);

        // The file's latencies at point 2, read with CsvHelper rather than the library: the latency column of each structure's rows.
        var byStructure = new Dictionary<string, List<double>>();
        using (var csv = CsvHelper.CsvReader.FromFile(Path.Combine(fixture.Directory, "issues.csv")))
        {
            while (csv.Read())
            {
                if (csv.Parse<int>("pointId") == 2)
                {
                    var structure = csv.GetString("structure");
                    byStructure.TryAdd(structure, []);
                    byStructure[structure].Add(csv.Parse<double>("latency"));
                }
            }
        }

        Assert.Equal(SmallResults.StructureNames.Order(), byStructure.Keys.Order());
        foreach (var line in plot.GetPlottables<Scatter>())
        {
            var sample = byStructure[line.LegendText].ToArray();
            var points = line.Data.GetScatterPoints();
            // After the first point (the smallest latency at 0), each step is at a latency x with height F(x) = #{latency <= x} / n;
            // every distinct latency is a step and the last reaches 1.
            foreach (var step in points.Skip(1))
            {
                Assert.Equal(sample.Count(v => v <= step.X) / (double)sample.Length, step.Y, 12);
            }

            Assert.Equal(sample.Distinct().Order(), points.Skip(1).Select(p => p.X).Distinct());
            Assert.Equal(new Coordinates(sample.Min(), 0), points[0]);
            Assert.Equal(ConnectStyle.StepHorizontal, line.ConnectStyle);
        }
    }

    [Fact]
    public void Without_issues_csv_the_ecdf_and_histogram_are_refused_and_point_to_the_quantile_plot()
    {
        var results = ResultsFolder.Load(fixture.Copy(withIssues: false));

        foreach (var draw in new Func<Plot>[] { () => Figures.LatencyEcdf(results, 0), () => Figures.LatencyHistogram(results, 0) })
        {
            var error = Assert.Throws<ArgumentException>(draw);
            Assert.Contains("no issues.csv", error.Message);
            Assert.Contains(nameof(Figures.LatencyQuantilePlot), error.Message);
        }

        var empty = new Dictionary<string, double[]> { ["hierarchy"] = [] };
        Assert.Contains(nameof(Figures.LatencyQuantilePlot), Assert.Throws<ArgumentException>(() => Figures.LatencyEcdf(Summary, 0, empty)).Message);
    }

    [Fact]
    public void Quantile_plot_shows_each_run_level_quantile_as_a_point_with_its_ci_and_joins_none()
    {
        var plot = Figures.LatencyQuantilePlot(Summary, 3);

        var structures = SmallResults.StructureNames;
        var markers = plot.GetPlottables<Scatter>().ToArray();
        Assert.Equal(structures, markers.Select(m => m.LegendText));
        var bars = plot.GetPlottables<ErrorBar>().ToArray();
        Assert.Equal(structures.Count, bars.Length);
        for (var s = 0; s < markers.Length; s++)
        {
            var row = Summary.Rows.Single(r => r.PointId == 3 && r.Structure == markers[s].LegendText);
            var points = markers[s].Data.GetScatterPoints();
            Assert.Equal(0, markers[s].LineWidth);
            Assert.Equal(Figures.LatencyQuantiles.Count, points.Count);
            for (var k = 0; k < points.Count; k++)
            {
                var stats = row.Measures[Figures.LatencyQuantiles[k]];
                Assert.Equal(stats.Mean, points[k].Y, 12);
                // Each quantile at its own place, structures side by side within ±0.35 of it.
                Assert.InRange(points[k].X, k - 0.35 - 1e-9, k + 0.35 + 1e-9);
                Assert.Equal(stats.Mean, bars[s].Ys[k], 12);
                Assert.Equal(stats.HasInterval ? stats.CiHigh - stats.Mean : 0, bars[s].YErrorPositive![k], 9);
                Assert.Equal(stats.HasInterval ? stats.Mean - stats.CiLow : 0, bars[s].YErrorNegative![k], 9);
            }

            Assert.Equal(fixture.Values(3, markers[s].LegendText, "latencyP90Resolved").Average(), points[1].Y, 12);
        }

        Assert.Equal(["median", "90th percentile", "95th percentile", "maximum"], plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label));
        Assert.Contains("latency quantiles", plot.Axes.Title.Label.Text);
        Assert.DoesNotContain("ECDF", plot.Axes.Title.Label.Text);
        Assert.DoesNotContain("histogram", plot.Axes.Title.Label.Text);
        Assert.Contains("no curve joins them", FigureStyle.SubtitleOf(plot));
        Assert.Contains("issues.csv is not present", FigureStyle.SubtitleOf(plot));
    }

    [Fact]
    public void Histogram_from_issues_is_a_density_of_the_points_issues()
    {
        var plot = Figures.LatencyHistogram(_results, 0, bins: 25);

        foreach (var line in plot.GetPlottables<Scatter>())
        {
            var latencies = fixture.Runs.Where(r => r.PointId == 0 && r.Result.Structure == line.LegendText)
                .SelectMany(r => r.Issues).Select(o => o.Latency).ToArray();
            var points = line.Data.GetScatterPoints();
            Assert.Equal(26, points.Count);
            var area = 0.0;
            for (var i = 0; i < 25; i++)
            {
                var (left, right) = (points[i].X, points[i + 1].X);
                var inBin = latencies.Count(l => l >= left && (l < right || (i == 24 && l <= right)));
                Assert.Equal(inBin / (latencies.Length * (right - left)), points[i].Y, 9);
                area += points[i].Y * (right - left);
            }

            Assert.Equal(1.0, area, 9);
        }
    }

    [Fact]
    public void Trade_off_points_are_the_means_of_both_measures_labelled_by_parameter_values()
    {
        var plot = Figures.TradeOff(Summary, "latencyMeanResolved", "responsibilityEffectiveCount");

        foreach (var scatter in plot.GetPlottables<Scatter>())
        {
            var rows = Summary.Rows.Where(r => r.Structure == scatter.LegendText).ToArray();
            var expected = rows.Select(r => new Coordinates(r.Measures["latencyMeanResolved"].Mean, r.Measures["responsibilityEffectiveCount"].Mean));
            Assert.Equal(expected, scatter.Data.GetScatterPoints());
            Assert.Equal(StructurePalette.ColorOf(scatter.LegendText, Summary.Structures), scatter.Color);
        }

        var labels = plot.GetPlottables<Text>().Select(t => t.LabelText).ToArray();
        Assert.Contains("0.1, 20", labels);
        Assert.Contains("0.5, 30", labels);
        Assert.Contains("points labelled by cross-department share, arrival rate", FigureStyle.SubtitleOf(plot));
        Assert.Equal("mean latency of resolved issues (days)", plot.Axes.Bottom.Label.Text);
        Assert.Equal("effective number of accountable people", plot.Axes.Left.Label.Text);
    }

    [Fact]
    public void Breakdown_stacks_the_latency_components_of_each_structure()
    {
        var plot = Figures.LatencyBreakdown(Summary, 2);

        var bars = plot.GetPlottables<BarPlot>().Single().Bars;
        for (var i = 0; i < SmallResults.StructureNames.Count; i++)
        {
            var row = Summary.Rows.Single(r => r.PointId == 2 && r.Structure == SmallResults.StructureNames[i]);
            var stack = bars.Where(b => b.Position == i).ToArray();
            var bottom = 0.0;
            for (var c = 0; c < Figures.LatencyComponents.Count; c++)
            {
                var value = row.Measures[Figures.LatencyComponents[c]].Mean;
                Assert.Equal(bottom, stack[c].ValueBase, 12);
                Assert.Equal(value, stack[c].Value - stack[c].ValueBase, 9);
                Assert.Equal(Figures.ComponentColors[c], stack[c].FillColor);
                Assert.Equal(StructurePalette.ColorOf(row.Structure, Summary.Structures), stack[c].LineColor);
                bottom += value;
            }
        }

        Assert.Equal(["queueing", "service", "meeting wait", "transmission", "consultation"], plot.Legend.ManualItems.Select(i => i.LabelText));
        plot.RenderInMemory(Width, Height);
        Assert.Equal(SmallResults.StructureNames, plot.Axes.Bottom.TickGenerator.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void Latency_components_add_up_to_the_mean_latency_of_each_run()
    {
        // The breakdown's totals are latencyMeanResolved: the model's LatencySummary says the five components' Resolved means add up to MeanResolved.
        foreach (var run in fixture.Runs)
        {
            var l = run.Result.Latency;
            var c = l.Components;
            Assert.Equal(l.MeanResolved, c.Queueing.Resolved + c.Service.Resolved + c.MeetingWait.Resolved + c.Transmission.Resolved + c.Consultation.Resolved, 1e-9 * Math.Max(1, l.MeanResolved));
        }
    }

    [Fact]
    public void A_structure_has_one_colour_in_every_figure()
    {
        var expected = StructurePalette.ColorOf("hierarchy", Summary.Structures);

        Assert.Equal(new Color(0, 114, 178), expected);
        Assert.Equal(expected, Figures.MeasureVsParameter(Summary, "distortionMean", "arrivalRate", At("crossDepartmentShare", "0.1"))
            .GetPlottables<Scatter>().Single(s => s.LegendText == "hierarchy").Color);
        Assert.Equal(expected, Figures.LatencyEcdf(_results, 0).GetPlottables<Scatter>().Single(s => s.LegendText == "hierarchy").Color);
        Assert.Equal(expected, Figures.TradeOff(Summary, "latencyMeanResolved", "distortionMean").GetPlottables<Scatter>().Single(s => s.LegendText == "hierarchy").Color);
        Assert.Equal(expected, Figures.Heatmap(Summary, "latencyMeanResolved", "crossDepartmentShare", "arrivalRate")
            .GetPlottables<Text>().Single(t => t.LabelText == "hierarchy").LabelFontColor);
        Assert.All(Figures.LatencyBreakdown(Summary, 0).GetPlottables<BarPlot>().Single().Bars.Where(b => b.Position == 0), b => Assert.Equal(expected, b.LineColor));

        // A structure outside the fixed palette takes the first extension colour, in every figure too.
        var delegated = StructurePalette.ColorOf("delegated-hierarchy", Summary.Structures);
        Assert.DoesNotContain(delegated, StructurePalette.Fixed.Select(f => f.Value));
        Assert.Equal(delegated, Figures.LatencyEcdf(_results, 0).GetPlottables<Scatter>().Single(s => s.LegendText == "delegated-hierarchy").Color);
        Assert.Equal(delegated, Figures.Heatmap(Summary, "latencyMeanResolved", "crossDepartmentShare", "arrivalRate")
            .GetPlottables<Text>().Single(t => t.LabelText == "delegated-hierarchy").LabelFontColor);
    }

    public static TheoryData<string> FigureNames => new(["measure", "heatmap", "ecdf", "histogram", "tradeoff", "breakdown", "quantiles"]);

    [Theory]
    [MemberData(nameof(FigureNames))]
    public void Every_figure_renders_at_the_requested_size_and_is_not_blank(string name)
    {
        var plot = name switch
        {
            "measure" => Figures.MeasureVsParameter(Summary, "latencyMeanResolved", "crossDepartmentShare", At("arrivalRate", "20")),
            "heatmap" => Figures.Heatmap(Summary, "distortionMean", "crossDepartmentShare", "arrivalRate"),
            "ecdf" => Figures.LatencyEcdf(_results, 0),
            "histogram" => Figures.LatencyHistogram(_results, 0),
            "tradeoff" => Figures.TradeOff(Summary, "latencyMeanResolved", "distortionMean"),
            "breakdown" => Figures.LatencyBreakdown(Summary, 0),
            "quantiles" => Figures.LatencyQuantilePlot(Summary, 0),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var folder = fixture.Copy(withIssues: false);
        var png = Path.Combine(folder, name + ".png");
        var svg = Path.Combine(folder, name + ".svg");

        plot.SavePng(png, Width, Height);
        plot.SaveSvg(svg, Width, Height);

        var rgb = Rendering.AssertPng(png, Width, Height);
        var document = Rendering.AssertSvg(svg, Width, Height);
        var hierarchy = StructurePalette.ColorOf("hierarchy", Summary.Structures);
        if (name == "heatmap")
        {
            Assert.True(Rendering.CountColor(rgb, new ScottPlot.Colormaps.Viridis().GetColor(0)) > 1000, "the lowest cell's colour is missing");
        }
        else
        {
            // Lines of structures with near-equal values overlap, so the PNG must show some structure's colour
            // widely and the SVG (which keeps every element) the hierarchy's.
            Assert.True(Summary.Structures.Any(s => Rendering.CountColor(rgb, StructurePalette.ColorOf(s, Summary.Structures)) > 100), "no structure's colour is drawn");
            Assert.Contains(Rendering.Hex(hierarchy), document.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Unknown_measures_and_points_are_refused_with_what_exists()
    {
        var measure = Assert.Throws<ArgumentException>(() => Figures.MeasureVsParameter(Summary, "latencyMeen", "arrivalRate"));
        Assert.Contains("'latencyMeen'", measure.Message);
        Assert.Contains("latencyMeanResolved", measure.Message);

        var point = Assert.Throws<ArgumentException>(() => Figures.LatencyBreakdown(Summary, 17));
        Assert.Contains("17", point.Message);
        Assert.Contains("0 to 3", point.Message);

        var slice = Assert.Throws<ArgumentException>(() => Figures.MeasureVsParameter(Summary, "latencyMeanResolved", "crossDepartmentShare", At("arrivalRate", "25")));
        Assert.Contains("arrivalRate = 25", slice.Message);
        Assert.Contains("20, 30", slice.Message);
    }

    [Fact]
    public void A_known_measure_whose_columns_are_missing_is_named_with_the_file_and_column()
    {
        var copy = fixture.Copy();
        foreach (var suffix in SummaryTable.StatSuffixes)
        {
            ResultsFiles.DropColumn(Path.Combine(copy, "summary.csv"), "distortionMean" + suffix);
        }

        var summary = ResultsFolder.Load(copy).Summary;
        var e = Assert.Throws<ResultsFormatException>(() => Figures.TradeOff(summary, "latencyMeanResolved", "distortionMean"));

        Assert.Equal("distortionMean_mean", e.Column);
        Assert.Equal("summary.csv", Path.GetFileName(e.FilePath));
        Assert.Contains("summary.csv", e.Message);
        Assert.Contains("'distortionMean_mean'", e.Message);
    }
}
