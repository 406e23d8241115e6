using CoordSim.Plots;
using CoordSim.Plots.Results;

namespace CoordSim.Tests.Plots;

[Collection(SmallResultsCollection.Name)]
public class FigureSetTests(SmallResults fixture)
{
    private static readonly FigureOptions Small = new() { Width = 640, Height = 480 };

    private static IEnumerable<string> ExpectedNames(IReadOnlyList<string> measures, int point = 0)
    {
        foreach (var m in measures)
        {
            yield return $"{m}-vs-crossDepartmentShare--arrivalRate=20";
            yield return $"{m}-vs-crossDepartmentShare--arrivalRate=30";
            yield return $"{m}-vs-arrivalRate--crossDepartmentShare=0.1";
            yield return $"{m}-vs-arrivalRate--crossDepartmentShare=0.5";
            yield return $"heatmap-{m}-crossDepartmentShare-arrivalRate";
        }

        yield return $"latency-ecdf-point{point}";
        yield return $"latency-histogram-point{point}";
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

        Assert.Equal(ExpectedNames(["failedShare"], point: 3).Select(n => n + ".svg"), written.Select(Path.GetFileName));
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
