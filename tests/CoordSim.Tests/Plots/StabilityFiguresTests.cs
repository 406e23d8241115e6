using System.Globalization;
using CoordSim.Plots;
using CoordSim.Plots.Results;
using ScottPlot;
using ScottPlot.Plottables;

namespace CoordSim.Tests.Plots;

/// <summary>
/// The stability flag and the pending count beside every figure drawn from summary.csv: the ✕
/// marks sit on exactly the points, cells and bars whose row had unstable runs, the subtitle gives
/// the pending range and the stability phrase, and results from before sweeps recorded stability
/// still draw and say so. Unstable rows are set by hand in copies of the fixture's summary.csv
/// (every row's unstableRuns rewritten), so which rows are marked is known in advance.
/// </summary>
[Collection(SmallResultsCollection.Name)]
public sealed class StabilityFiguresTests(SmallResults fixture)
{
    private const int Width = 900;
    private const int Height = 600;

    // Point ids of the fixture: rate 20 × share 0.1 → 0, share 0.5 → 1; rate 30 × share 0.1 → 2, share 0.5 → 3.
    private static readonly (int Point, string Structure, int Runs)[] Unstable = [(1, "hierarchy", 1), (3, "office", 2)];

    private static Dictionary<string, string> At(string parameter, string value) => new() { [parameter] = value };

    /// <summary>A copy of the fixture whose summary.csv has <paramref name="unstable"/> unstable runs in those rows and none elsewhere.</summary>
    private string WithUnstable(params (int Point, string Structure, int Runs)[] unstable)
    {
        var folder = fixture.Copy();
        var path = Path.Combine(folder, "summary.csv");
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var (point, structure, runs) = (Array.IndexOf(header, "pointId"), Array.IndexOf(header, "structure"), Array.IndexOf(header, "unstableRuns"));
        Assert.True(runs >= 0, "the fixture writes unstableRuns");
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            var id = int.Parse(fields[point], CultureInfo.InvariantCulture);
            fields[runs] = unstable.Where(u => u.Point == id && u.Structure == fields[structure]).Sum(u => u.Runs).ToString(CultureInfo.InvariantCulture);
            lines[i] = string.Join(",", fields);
        }

        File.WriteAllLines(path, lines);
        return folder;
    }

    /// <summary>A copy of the fixture as an older version wrote it: no unstableRuns column and no issuesPending or stable measure.</summary>
    private string OldFormat()
    {
        var folder = fixture.Copy();
        var summary = Path.Combine(folder, "summary.csv");
        ResultsFiles.DropColumn(summary, "unstableRuns");
        foreach (var measure in new[] { "issuesPending", "stable" })
        {
            foreach (var suffix in SummaryTable.StatSuffixes)
            {
                ResultsFiles.DropColumn(summary, measure + suffix);
            }

            ResultsFiles.DropColumn(Path.Combine(folder, "runs.csv"), measure);
        }

        return folder;
    }

    private static SummaryRow RowOf(SummaryTable summary, int point, string structure) =>
        summary.Rows.Single(r => r.PointId == point && r.Structure == structure);

    private static double Share(SummaryRow row) => double.Parse(row.Parameters["crossDepartmentShare"], CultureInfo.InvariantCulture);

    /// <summary>The expected pending phrase over <paramref name="rows"/>.</summary>
    private static string Pending(IEnumerable<SummaryRow> rows)
    {
        var pending = rows.Select(r => r.Measures["issuesPending"].Mean).ToArray();
        var (min, max) = (Figures.Format(pending.Min()), Figures.Format(pending.Max()));
        return $"pending at the end: {(min == max ? min : $"{min}–{max}")} issues per run (mean over replications)";
    }

    private static UnstableMarks Marks(Plot plot) => Assert.Single(plot.GetPlottables<UnstableMarks>());

    private static void AssertSamePoints(IEnumerable<Coordinates> expected, IEnumerable<Coordinates> actual)
    {
        var e = expected.OrderBy(c => c.X).ThenBy(c => c.Y).ToArray();
        var a = actual.OrderBy(c => c.X).ThenBy(c => c.Y).ToArray();
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < e.Length; i++)
        {
            Assert.Equal(e[i].X, a[i].X, 9);
            Assert.Equal(e[i].Y, a[i].Y, 9);
        }
    }

    private static int Structures => SmallResults.StructureNames.Count;

    [Fact]
    public void The_fixture_counts_the_unstable_runs_of_each_row_as_the_sweep_does()
    {
        var summary = ResultsFolder.Load(fixture.Directory).Summary;

        foreach (var row in summary.Rows)
        {
            var runs = fixture.Runs.Where(r => r.PointId == row.PointId && r.Result.Structure == row.Structure).ToArray();
            Assert.Equal(runs.Count(r => !r.Result.Stability.Stable), row.UnstableRuns);
            Assert.Equal(row.UnstableRuns, Figures.UnstableRunsOf(summary, row));
        }
    }

    [Fact]
    public void Measure_vs_parameter_marks_exactly_the_points_with_unstable_runs()
    {
        var summary = ResultsFolder.Load(WithUnstable(Unstable)).Summary;

        var slice = Figures.MeasureVsParameter(summary, "latencyMeanResolved", "crossDepartmentShare", At("arrivalRate", "30"));
        var pooled = Figures.MeasureVsParameter(summary, "latencyMeanResolved", "crossDepartmentShare");

        // At arrivalRate 30 only office at share 0.5 (point 3) is unstable; pooled, hierarchy at point 1 too.
        var office = RowOf(summary, 3, "office");
        AssertSamePoints([new(0.5, office.Measures["latencyMeanResolved"].Mean)], Marks(slice).Points);
        AssertSamePoints(
            Unstable.Select(u => RowOf(summary, u.Point, u.Structure)).Select(r => new Coordinates(Share(r), r.Measures["latencyMeanResolved"].Mean)),
            Marks(pooled).Points);

        var text = FigureStyle.SubtitleOf(slice);
        Assert.Contains($"{Pending(summary.Where(At("arrivalRate", "30")))}; 1 of {2 * Structures} points had runs without a steady state (marked ×)", text);
        Assert.Contains($"2 of {4 * Structures} points had runs without a steady state (marked ×)", FigureStyle.SubtitleOf(pooled));
        Assert.Equal(UnstableMarks.LegendText, slice.Legend.ManualItems.Single().LabelText.Replace("\n", " ", StringComparison.Ordinal));
        Assert.Equal(MarkerShape.Eks, slice.Legend.ManualItems.Single().MarkerShape);
        Assert.Equal(SmallResults.StructureNames, slice.GetPlottables<Scatter>().Select(s => s.LegendText));
    }

    [Fact]
    public void Figures_of_stable_results_have_no_marks_and_say_every_run_was_steady()
    {
        var summary = ResultsFolder.Load(WithUnstable()).Summary;
        var slice = At("arrivalRate", "20");

        var latency = Figures.MeasureVsParameter(summary, "latencyMeanResolved", "crossDepartmentShare", slice);
        var distortion = Figures.MeasureVsParameter(summary, "distortionRms", "crossDepartmentShare", slice);

        Assert.Empty(latency.GetPlottables<UnstableMarks>());
        Assert.Empty(latency.Legend.ManualItems);
        Assert.Contains($"{Pending(summary.Where(slice))}; {Figures.AllStableText}", FigureStyle.SubtitleOf(latency));

        // A measure that is not a latency carries the flag, not the pending count.
        Assert.Contains(Figures.AllStableText, FigureStyle.SubtitleOf(distortion));
        Assert.DoesNotContain("pending", FigureStyle.SubtitleOf(distortion), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("latencyMeanResolved", true)]
    [InlineData("latencyRestrictedMean", true)]
    [InlineData("onTimeShare", true)]
    [InlineData("distortionRms", false)]
    [InlineData("issuesPending", false)]
    public void Latency_figures_are_those_of_latency_and_on_time_measures(string measure, bool latency) =>
        Assert.Equal(latency, Figures.IsLatencyMeasure(measure));

    [Fact]
    public void Non_latency_figures_still_mark_unstable_points()
    {
        var summary = ResultsFolder.Load(WithUnstable(Unstable)).Summary;

        var plot = Figures.MeasureVsParameter(summary, "distortionRms", "arrivalRate", At("crossDepartmentShare", "0.5"));

        // Share 0.5: point 1 (rate 20, hierarchy) and point 3 (rate 30, office).
        AssertSamePoints(
            Unstable.Select(u => RowOf(summary, u.Point, u.Structure)).Select(r => new Coordinates(double.Parse(r.Parameters["arrivalRate"], CultureInfo.InvariantCulture), r.Measures["distortionRms"].Mean)),
            Marks(plot).Points);
        Assert.Contains($"2 of {2 * Structures} points had runs without a steady state (marked ×)", FigureStyle.SubtitleOf(plot));
        Assert.DoesNotContain("pending", FigureStyle.SubtitleOf(plot), StringComparison.Ordinal);
    }

    [Fact]
    public void Trade_off_marks_the_unstable_points_at_both_means()
    {
        var summary = ResultsFolder.Load(WithUnstable(Unstable)).Summary;

        var plot = Figures.TradeOff(summary, "latencyMeanResolved", "distortionRms");

        AssertSamePoints(
            Unstable.Select(u => RowOf(summary, u.Point, u.Structure)).Select(r => new Coordinates(r.Measures["latencyMeanResolved"].Mean, r.Measures["distortionRms"].Mean)),
            Marks(plot).Points);
        Assert.Contains($"{Pending(summary.Rows)}; 2 of {4 * Structures} points had runs without a steady state (marked ×)", FigureStyle.SubtitleOf(plot));
    }

    [Fact]
    public void Heatmap_marks_the_corner_of_each_unstable_cell_and_explains_the_mark_below()
    {
        var summary = ResultsFolder.Load(WithUnstable(Unstable)).Summary;

        var plot = Figures.Heatmap(summary, "latencyMeanResolved", "crossDepartmentShare", "arrivalRate");

        // Panel k starts at k·(2 + 0.6); share 0.5 is column 1, rate 20 row 0 and rate 30 row 1 (from the bottom).
        var hierarchy = SmallResults.StructureNames.ToList().IndexOf("hierarchy") * 2.6;
        var office = SmallResults.StructureNames.ToList().IndexOf("office") * 2.6;
        var marks = Marks(plot);
        AssertSamePoints([UnstableMarks.CornerOf(hierarchy + 1, hierarchy + 2, 0, 1), UnstableMarks.CornerOf(office + 1, office + 2, 1, 2)], marks.Points);
        Assert.Equal((1.0, 1.0), marks.Cell);
        Assert.Contains($"{Pending(summary.Rows)}; 2 of {4 * Structures} cells had runs without a steady state (marked ×)", FigureStyle.SubtitleOf(plot));
        Assert.Equal([UnstableMarks.LegendText], plot.Legend.ManualItems.Select(i => i.LabelText.Replace("\n", " ", StringComparison.Ordinal)));
        Assert.Single(plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>());

        // Without unstable rows the heatmap keeps its colour bar alone.
        var stable = Figures.Heatmap(ResultsFolder.Load(WithUnstable()).Summary, "latencyMeanResolved", "crossDepartmentShare", "arrivalRate");
        Assert.Empty(stable.GetPlottables<UnstableMarks>());
        Assert.Empty(stable.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>());
    }

    [Fact]
    public void Breakdown_marks_the_unstable_bar_above_its_total()
    {
        var summary = ResultsFolder.Load(WithUnstable(Unstable)).Summary;

        var plot = Figures.LatencyBreakdown(summary, 3);

        var office = SmallResults.StructureNames.ToList().IndexOf("office");
        var top = plot.GetPlottables<BarPlot>().Single().Bars.Where(b => b.Position == office).Max(b => b.Value);
        var marks = Marks(plot);
        AssertSamePoints([new(office, top)], marks.Points);
        Assert.True(marks.OffsetY < -(4 + FigureStyle.DataLabelSize), "the mark sits above the total's label");
        Assert.Contains($"{Pending(summary.Rows.Where(r => r.PointId == 3))}; 1 of {Structures} bars had runs without a steady state (marked ×)", FigureStyle.SubtitleOf(plot));
        Assert.Equal(UnstableMarks.LegendText, plot.Legend.ManualItems[^1].LabelText.Replace("\n", " ", StringComparison.Ordinal));
        Assert.Empty(Figures.LatencyBreakdown(summary, 0).GetPlottables<UnstableMarks>());
    }

    [Fact]
    public void Latency_distributions_say_resolved_only_with_each_structures_pending_and_mark_unstable_curves()
    {
        var results = ResultsFolder.Load(WithUnstable(Unstable));

        var ecdf = Figures.LatencyEcdf(results, 3);
        var histogram = Figures.LatencyHistogram(results, 3);
        var quantiles = Figures.LatencyQuantilePlot(results.Summary, 3);

        var pending = "pending at the end (mean over replications): " + string.Join(", ",
            SmallResults.StructureNames.Select(s => $"{s} {Figures.Format(RowOf(results.Summary, 3, s).Measures["issuesPending"].Mean)}"));
        foreach (var plot in new[] { ecdf, histogram, quantiles })
        {
            Assert.Contains($"resolved issues only; {pending}; runs without a steady state: office 2 of 2 (marked ×)", FigureStyle.SubtitleOf(plot));
        }

        // The office curve ends (ECDF) or peaks (density) in the mark.
        var officeEcdf = ecdf.GetPlottables<Scatter>().Single(s => s.LegendText == "office").Data.GetScatterPoints();
        AssertSamePoints([officeEcdf[^1]], Marks(ecdf).Points);
        Assert.Equal(1, Marks(ecdf).Points[0].Y);
        var officeDensity = histogram.GetPlottables<Scatter>().Single(s => s.LegendText == "office").Data.GetScatterPoints();
        Assert.Equal(officeDensity.Max(c => c.Y), Marks(histogram).Points.Single().Y);
        // The quantile plot marks the office's highest point (its maximum).
        var officeQuantiles = quantiles.GetPlottables<Scatter>().Single(s => s.LegendText == "office").Data.GetScatterPoints();
        AssertSamePoints([officeQuantiles[^1]], Marks(quantiles).Points);

        // Point 0 is stable throughout.
        var stable = Figures.LatencyEcdf(results, 0);
        Assert.Empty(stable.GetPlottables<UnstableMarks>());
        Assert.Contains($"resolved issues only; pending at the end (mean over replications): hierarchy {Figures.Format(RowOf(results.Summary, 0, "hierarchy").Measures["issuesPending"].Mean)}", FigureStyle.SubtitleOf(stable));
        Assert.Contains(Figures.AllStableText, FigureStyle.SubtitleOf(stable));
    }

    [Fact]
    public void Results_from_an_older_version_draw_every_figure_and_say_stability_is_not_recorded()
    {
        var results = ResultsFolder.Load(OldFormat());
        var summary = results.Summary;
        Assert.DoesNotContain("stable", summary.Measures);
        Assert.All(summary.Rows, r => Assert.Null(Figures.UnstableRunsOf(summary, r)));

        var latency = new[]
        {
            Figures.MeasureVsParameter(summary, "latencyMeanResolved", "crossDepartmentShare", At("arrivalRate", "20")),
            Figures.Heatmap(summary, "latencyMeanResolved", "crossDepartmentShare", "arrivalRate"),
            Figures.TradeOff(summary, "latencyMeanResolved", "distortionRms"),
            Figures.LatencyBreakdown(summary, 0),
        };
        foreach (var plot in latency)
        {
            Assert.Contains(Figures.NothingRecordedText, FigureStyle.SubtitleOf(plot));
            Assert.Empty(plot.GetPlottables<UnstableMarks>());
        }

        foreach (var plot in new[] { Figures.LatencyEcdf(results, 0), Figures.LatencyHistogram(results, 0) })
        {
            Assert.Contains($"resolved issues only; {Figures.NothingRecordedText}", FigureStyle.SubtitleOf(plot));
        }

        var distortion = Figures.MeasureVsParameter(summary, "distortionRms", "crossDepartmentShare", At("arrivalRate", "20"));
        Assert.Contains(Figures.StabilityNotRecordedText, FigureStyle.SubtitleOf(distortion));
        Assert.DoesNotContain("pending", FigureStyle.SubtitleOf(distortion), StringComparison.Ordinal);

        // The default set draws and writes too.
        var written = FigureSet.WriteDefaults(results, [FigureFormat.Png], new FigureOptions { Width = 640, Height = 480 });
        Assert.NotEmpty(written);
        Rendering.AssertPng(written[0], 640, 480);
    }

    [Fact]
    public void Without_the_unstable_runs_column_the_count_comes_from_the_stable_measure()
    {
        var folder = fixture.Copy();
        var path = Path.Combine(folder, "summary.csv");
        ResultsFiles.DropColumn(path, "unstableRuns");
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var (point, structure) = (Array.IndexOf(header, "pointId"), Array.IndexOf(header, "structure"));
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            var unstable = fields[point] == "2" && fields[structure] == "task-force";
            ResultsFiles.SetField(path, i + 1, "stable_mean", unstable ? "0.5" : "1");
        }

        var summary = ResultsFolder.Load(folder).Summary;
        var plot = Figures.MeasureVsParameter(summary, "latencyMeanResolved", "arrivalRate", At("crossDepartmentShare", "0.1"));

        Assert.Equal(1, Figures.UnstableRunsOf(summary, RowOf(summary, 2, "task-force")));
        Assert.Equal(0, Figures.UnstableRunsOf(summary, RowOf(summary, 0, "task-force")));
        var row = RowOf(summary, 2, "task-force");
        AssertSamePoints([new(30, row.Measures["latencyMeanResolved"].Mean)], Marks(plot).Points);
        Assert.Contains($"1 of {2 * Structures} points had runs without a steady state", FigureStyle.SubtitleOf(plot));
    }

    [Fact]
    public void The_marks_show_in_png_at_the_unstable_points_only_and_in_svg()
    {
        // Hierarchy alone, so that no other structure's point (delegated-hierarchy's are black) lies near its two.
        var folder = WithUnstable((3, "hierarchy", 1));
        var lines = File.ReadAllLines(Path.Combine(folder, "summary.csv"));
        File.WriteAllLines(Path.Combine(folder, "summary.csv"), lines.Take(1).Concat(lines.Skip(1).Where(l => l.Split(',')[1] == "hierarchy")));
        var summary = ResultsFolder.Load(folder).Summary;
        var plot = Figures.MeasureVsParameter(summary, "latencyMeanResolved", "crossDepartmentShare", At("arrivalRate", "30"));
        var (png, svg) = (Path.Combine(folder, "marks.png"), Path.Combine(folder, "marks.svg"));
        FigureStyle.Fit(plot, Width, Height);

        plot.SavePng(png, Width, Height);
        var rgb = Rendering.AssertPng(png, Width, Height);
        plot.SaveSvg(svg, Width, Height);
        var document = Rendering.AssertSvg(svg, Width, Height);

        // Around the unstable hierarchy point (share 0.5) the ✕ is black on its white halo; around the stable one (0.1), neither.
        int Count(byte[,,] image, Coordinates at, Color color, int radius)
        {
            var pixel = plot.GetPixel(at);
            var count = 0;
            for (var y = (int)pixel.Y - radius; y <= (int)pixel.Y + radius; y++)
            {
                for (var x = (int)pixel.X - radius; x <= (int)pixel.X + radius; x++)
                {
                    var c = new Color(image[y, x, 0], image[y, x, 1], image[y, x, 2]);
                    count += Math.Abs(c.R - color.R) <= 40 && Math.Abs(c.G - color.G) <= 40 && Math.Abs(c.B - color.B) <= 40 ? 1 : 0;
                }
            }

            return count;
        }

        var unstable = new Coordinates(0.5, RowOf(summary, 3, "hierarchy").Measures["latencyMeanResolved"].Mean);
        var stable = new Coordinates(0.1, RowOf(summary, 2, "hierarchy").Measures["latencyMeanResolved"].Mean);
        Assert.True(Count(rgb, unstable, UnstableMarks.MarkColor, 3) >= 5, "no black ✕ at the unstable point");
        Assert.True(Count(rgb, unstable, UnstableMarks.HaloColor, 12) >= 10, "no white halo around the unstable point");
        Assert.Equal(0, Count(rgb, stable, UnstableMarks.MarkColor, 3));
        Assert.True(Count(rgb, stable, StructurePalette.ColorOf("hierarchy", summary.Structures), 3) >= 20, "the stable point is not drawn");

        // The SVG strokes the ✕ twice, the white halo and then the black cross, two strokes each, centred where the PNG has them.
        var paths = document.Descendants().Where(e => e.Name.LocalName == "path" && e.Attribute("stroke-linecap")?.Value == "round").ToArray();
        var cross = Assert.Single(paths, p => IsColor(p.Attribute("stroke")?.Value, UnstableMarks.MarkColor));
        var halo = Assert.Single(paths, p => IsColor(p.Attribute("stroke")?.Value, UnstableMarks.HaloColor));
        Assert.Equal(cross.Attribute("d")!.Value, halo.Attribute("d")!.Value);
        var ends = cross.Attribute("d")!.Value.Split('M', StringSplitOptions.RemoveEmptyEntries)
            .Select(stroke => stroke.Split('L').Select(xy => xy.Trim().Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray())
            .ToArray();
        Assert.Equal(2, ends.Length);
        var pixel = plot.GetPixel(unstable);
        Assert.All(ends, stroke =>
        {
            Assert.Equal(pixel.X, (stroke[0][0] + stroke[1][0]) / 2, 1);
            Assert.Equal(pixel.Y, (stroke[0][1] + stroke[1][1]) / 2, 1);
        });
        var texts = document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToArray();
        Assert.Contains("some runs did not reach", texts);
        Assert.Contains("a steady state", texts);
    }

    /// <summary>True when an SVG colour attribute ("black", "#000000", "rgb(0,0,0)") is <paramref name="color"/>.</summary>
    private static bool IsColor(string? value, Color color) => value is not null && (
        value.Equals(Rendering.Hex(color), StringComparison.OrdinalIgnoreCase)
        || value.Equals($"rgb({color.R},{color.G},{color.B})", StringComparison.Ordinal)
        || (value == "black" && color == Colors.Black)
        || (value == "white" && color == Colors.White));
}
