using CoordSim.Plots;
using CoordSim.Plots.Results;

namespace CoordSim.Tests.Plots;

[Collection(SmallResultsCollection.Name)]
public class FigureSetTests(SmallResults fixture)
{
    private static readonly FigureOptions Small = new() { Width = 640, Height = 480 };

    private static IEnumerable<string> ExpectedNames(IReadOnlyList<string> measures, int point = 0, bool withIssues = true)
    {
        foreach (var m in measures)
        {
            yield return $"{m}-vs-crossDepartmentShare--arrivalRate=20";
            yield return $"{m}-vs-crossDepartmentShare--arrivalRate=30";
            yield return $"{m}-vs-arrivalRate--crossDepartmentShare=0.1";
            yield return $"{m}-vs-arrivalRate--crossDepartmentShare=0.5";
            yield return $"heatmap-{m}-crossDepartmentShare-arrivalRate";
        }

        if (withIssues)
        {
            yield return $"latency-ecdf-point{point}";
            yield return $"latency-histogram-point{point}";
        }
        else
        {
            yield return $"latency-quantiles-point{point}";
        }

        yield return $"latency-breakdown-point{point}";
        yield return "tradeoff-latencyRestrictedMean-distortionRms";
        yield return "tradeoff-latencyRestrictedMean-responsibilityEffectiveCount";
    }

    [Fact]
    public void Writes_the_default_figures_as_png_and_svg_into_the_figures_folder()
    {
        var folder = fixture.Copy();

        var written = FigureSet.WriteDefaults(folder, options: Small);

        var figures = Path.Combine(folder, "figures");
        var expected = ExpectedNames(Figures.DefaultMeasures).SelectMany(n => new[] { n + ".png", n + ".svg" }).ToArray();
        Assert.Equal(expected, written.Select(Path.GetFileName));
        Assert.Equal(expected.Order(), Directory.GetFiles(figures).Select(Path.GetFileName).Order());
        Assert.All(written, path => Assert.Equal(figures, Path.GetDirectoryName(path)));
        foreach (var path in written)
        {
            if (path.EndsWith(".png", StringComparison.Ordinal))
            {
                Rendering.AssertPng(path, 640, 480);
            }
            else
            {
                Rendering.AssertSvg(path, 640, 480);
            }
        }
    }

    [Fact]
    public void Writes_only_the_formats_asked_for_and_the_measures_and_point_chosen()
    {
        var folder = fixture.Copy(withIssues: false);

        var written = FigureSet.WriteDefaults(folder, [FigureFormat.Svg], Small with { Measures = ["failedShare"], PointId = 3 });

        Assert.Equal(ExpectedNames(["failedShare"], point: 3, withIssues: false).Select(n => n + ".svg"), written.Select(Path.GetFileName));
    }

    [Fact]
    public void Without_issues_csv_no_ecdf_or_histogram_is_written_and_the_quantile_figure_is()
    {
        var folder = fixture.Copy(withIssues: false);

        var written = FigureSet.WriteDefaults(folder, [FigureFormat.Png], Small).Select(Path.GetFileName).ToArray();

        Assert.Contains("latency-quantiles-point0.png", written);
        Assert.DoesNotContain(written, n => n!.Contains("ecdf", StringComparison.Ordinal) || n.Contains("histogram", StringComparison.Ordinal));
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(folder, "figures")), f => f.Contains("ecdf", StringComparison.Ordinal) || f.Contains("histogram", StringComparison.Ordinal));
        Rendering.AssertPng(Path.Combine(folder, "figures", "latency-quantiles-point0.png"), 640, 480);

        // With issues.csv it is the other way round.
        var names = FigureSet.Defaults(ResultsFolder.Load(fixture.Directory)).Select(f => f.Name).ToArray();
        Assert.Contains("latency-ecdf-point0", names);
        Assert.Contains("latency-histogram-point0", names);
        Assert.DoesNotContain("latency-quantiles-point0", names);
    }

    /// <summary>A camelCase identifier: a lower-case letter followed by an upper-case one inside a word (latencyMeanResolved, crossDepartmentShare).</summary>
    private static readonly System.Text.RegularExpressions.Regex CamelCase = new(@"\b[a-z]+[A-Z][A-Za-z]*\b");

    [Fact]
    public void No_title_axis_title_tick_or_legend_of_the_default_figures_shows_a_camel_case_identifier()
    {
        foreach (var withIssues in new[] { true, false })
        {
            var results = ResultsFolder.Load(fixture.Copy(withIssues));
            var figures = FigureSet.Defaults(results, new FigureOptions { Measures = [.. Figures.DefaultMeasures, "latencyMeanResolved", "utilisationBusiest"] });
            Assert.NotEmpty(figures);
            foreach (var figure in figures)
            {
                var plot = figure.Plot;
                plot.RenderInMemory(FigureStyle.DefaultWidth, FigureStyle.DefaultHeight);
                var texts = new List<string> { plot.Axes.Title.Label.Text, plot.Axes.Bottom.Label.Text, plot.Axes.Left.Label.Text };
                texts.AddRange(plot.Axes.GetAxes().Select(a => a.Label.Text));
                texts.AddRange(plot.Axes.Bottom.TickGenerator.Ticks.Select(t => t.Label));
                texts.AddRange(plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText ?? ""));
                texts.AddRange(plot.Legend.ManualItems.Select(i => i.LabelText ?? ""));
                texts.AddRange(plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>().Select(c => c.Axis.Label.Text));
                foreach (var text in texts)
                {
                    Assert.False(CamelCase.IsMatch(text), $"{figure.Name}: '{text}' shows an identifier");
                }
            }
        }
    }

    [Fact]
    public void Pools_instead_of_slicing_beyond_the_slice_limit()
    {
        var results = ResultsFolder.Load(fixture.Directory);

        var names = FigureSet.Defaults(results, Small with { MaxSlices = 1, Measures = ["latencyMeanResolved"] }).Select(f => f.Name).ToArray();

        Assert.Contains("latencyMeanResolved-vs-crossDepartmentShare", names);
        Assert.Contains("latencyMeanResolved-vs-arrivalRate", names);
        Assert.DoesNotContain(names, n => n.StartsWith("heatmap", StringComparison.Ordinal) && n.Contains("--", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_options_are_refused_before_anything_is_written()
    {
        var folder = fixture.Copy();

        var size = Assert.Throws<ArgumentException>(() => FigureSet.WriteDefaults(folder, options: Small with { Width = 50 }));
        var measure = Assert.Throws<ArgumentException>(() => FigureSet.WriteDefaults(folder, options: Small with { Measures = ["latencyMeanResolved", "speed"] }));
        var point = Assert.Throws<ArgumentException>(() => FigureSet.WriteDefaults(folder, options: Small with { PointId = 9 }));
        var none = Assert.Throws<ArgumentException>(() => FigureSet.WriteDefaults(folder, [], Small));

        Assert.Contains("width = 50", size.Message);
        Assert.Contains("200 to 10000", size.Message);
        Assert.Contains("'speed'", measure.Message);
        Assert.Contains("Design point 9", point.Message);
        Assert.Contains("png, svg", none.Message);
        Assert.False(Directory.Exists(Path.Combine(folder, "figures")));
    }

    [Fact]
    public void Broken_results_are_refused_with_the_file_named_and_nothing_written()
    {
        var folder = fixture.Copy();
        ResultsFiles.DropColumn(Path.Combine(folder, "summary.csv"), "pointId");

        var e = Assert.Throws<ResultsFormatException>(() => FigureSet.WriteDefaults(folder));

        Assert.Equal("pointId", e.Column);
        Assert.Contains("summary.csv", e.Message);
        Assert.False(Directory.Exists(Path.Combine(folder, "figures")));
    }

    [Fact]
    public void Slice_suffixes_name_the_fixed_values_safely()
    {
        Assert.Equal("", FigureSet.SliceSuffix(new Dictionary<string, string>()));
        Assert.Equal("--a=0.5_b=urgent-first", FigureSet.SliceSuffix(new Dictionary<string, string> { ["a"] = "0.5", ["b"] = "urgent-first" }));
        Assert.Equal("--a=x_y", FigureSet.SliceSuffix(new Dictionary<string, string> { ["a"] = "x/y" }));
    }
}
