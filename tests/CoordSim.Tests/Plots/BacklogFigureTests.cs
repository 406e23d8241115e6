using CoordSim.Plots;
using CoordSim.Plots.Results;
using CoordSim.Tests.Experiments;
using Sweep = CoordSim.Experiments.Sweep;
using SweepOptions = CoordSim.Experiments.SweepOptions;

namespace CoordSim.Tests.Plots;

/// <summary>timeseries.csv read by the plots, and the backlog-over-time figure drawn from it.</summary>
public class BacklogFigureTests
{
    private static readonly FigureOptions Small = new() { Width = 640, Height = 480 };

    /// <summary>A real sweep of the hierarchy and a one-level variant ("flat") with two replications and a time series every 5 of 20 days.</summary>
    private static readonly Lazy<string> Reference = new(() =>
    {
        var folder = SweepFixture.TempFolder("backlog-figure");
        Sweep.Run(SweepFixture.TwoStructures(replications: 2, timeSeries: 5), folder, new SweepOptions { Threads = 2 });
        return folder;
    });

    private static string Copy()
    {
        var copy = SweepFixture.TempFolder("backlog-figure-copy");
        foreach (var file in Directory.GetFiles(Reference.Value))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    [Fact]
    public void The_folder_reads_the_time_series_of_a_point_and_the_interval_from_the_manifest()
    {
        var results = ResultsFolder.Load(Reference.Value);

        var rows = results.TimeSeries(1)!;

        Assert.True(results.HasTimeSeries);
        Assert.Equal(5, results.Manifest.TimeSeriesInterval);
        Assert.Equal(2 * 2 * 4, rows.Count);
        Assert.All(rows, r => Assert.Equal(1, r.PointId));
        Assert.Equal([5, 10, 15, 20], rows.Where(r => r.Structure == "flat" && r.Replication == 1).Select(r => r.Day));
        Assert.All(rows, r => Assert.Equal(r.Arrived - r.Resolved, r.Backlog));
        Assert.All(rows.Where(r => r.Structure == "flat"), r => Assert.True(double.IsNaN(r.UtilisationByLevel[1])));
        Assert.All(rows.Where(r => r.Structure == "hierarchy"), r => Assert.True(double.IsFinite(r.UtilisationByLevel[1])));
        Assert.Equal(TimeSeriesTable.Load(results.TimeSeriesPath!).Where(r => r.PointId == 1), rows, new RowComparer());
    }

    [Fact]
    public void The_default_figures_include_the_backlog_over_time_when_the_folder_has_a_time_series()
    {
        var folder = Copy();
        var without = Copy();
        File.Delete(Path.Combine(without, "timeseries.csv"));

        var written = FigureSet.WriteDefaults(folder, options: Small);
        var writtenWithout = FigureSet.WriteDefaults(without, options: Small);

        var png = Assert.Single(written, p => Path.GetFileName(p) == "backlog-over-time-point0.png");
        Assert.Single(written, p => Path.GetFileName(p) == "backlog-over-time-point0.svg");
        Assert.Equal(written.Count - 2, writtenWithout.Count);
        Assert.DoesNotContain(writtenWithout, p => Path.GetFileName(p).StartsWith("backlog", StringComparison.Ordinal));
        var rgb = Rendering.AssertPng(png, 640, 480);
        Assert.True(Rendering.CountColor(rgb, StructurePalette.ColorOf("hierarchy", ["hierarchy", "flat"])) > 100, "no hierarchy line");
        Rendering.AssertSvg(Path.ChangeExtension(png, ".svg"), 640, 480);
    }

    [Fact]
    public void The_thick_lines_are_the_mean_backlog_of_the_replications_and_the_titles_say_what_is_shown()
    {
        var results = ResultsFolder.Load(Reference.Value);
        var rows = results.TimeSeries(1)!;

        var plot = Figures.BacklogOverTime(results, 1);

        var means = plot.GetPlottables<ScottPlot.Plottables.Scatter>().Where(s => !string.IsNullOrEmpty(s.LegendText)).ToArray();
        Assert.Equal(["hierarchy", "flat"], means.Select(m => m.LegendText));
        foreach (var mean in means)
        {
            var points = mean.Data.GetScatterPoints();
            Assert.Equal([0, 5, 10, 15, 20], points.Select(p => p.X));
            var expected = new[] { 5.0, 10, 15, 20 }.Select(day => rows.Where(r => r.Structure == mean.LegendText && r.Day == day).Average(r => (double)r.Backlog));
            Assert.Equal(expected.Prepend(0.0), points.Select(p => p.Y));
        }

        Assert.Equal(2 + 2 * 2, plot.GetPlottables<ScottPlot.Plottables.Scatter>().Count());
        Assert.Equal("two: backlog over time", plot.Axes.Title.Label.Text.Replace("\n", " ", StringComparison.Ordinal));
        var subtitle = FigureStyle.SubtitleOf(plot);
        Assert.Contains("point 1: crossDepartmentShare = 0.6", subtitle, StringComparison.Ordinal);
        Assert.Contains("n = 2 replications per structure: thin lines each replication, thick lines their mean", subtitle, StringComparison.Ordinal);
        Assert.Contains("sampled every 5 days", subtitle, StringComparison.Ordinal);
        Assert.Equal("backlog (open issues, warm-up included)", plot.Axes.Left.Label.Text);
    }

    [Fact]
    public void The_mean_is_taken_at_the_days_every_replication_sampled()
    {
        static TimeSeriesRow Row(int replication, double day, long backlog) =>
            new(0, "hierarchy", replication, day, backlog, 0, backlog, [0.5], 0.1, 0, 0, 0);
        TimeSeriesRow[][] runs =
        [
            [Row(0, 5, 10), Row(0, 10, 20), Row(0, 15, 30), Row(0, 20, 40)],
            [Row(1, 5, 30), Row(1, 10, 40), Row(1, 12.5, 0)],
        ];

        var (days, means) = Figures.MeanBacklog(runs);

        Assert.Equal([0, 5, 10], days);
        Assert.Equal([0, 20, 30], means);
    }

    [Fact]
    public void Without_timeseries_csv_the_figure_names_the_file_and_how_to_write_it()
    {
        var without = Copy();
        File.Delete(Path.Combine(without, "timeseries.csv"));

        var e = Assert.Throws<ResultsFormatException>(() => Figures.BacklogOverTime(ResultsFolder.Load(without), 0));

        Assert.Equal("timeseries.csv", Path.GetFileName(e.FilePath));
        Assert.Contains("--time-series", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backlog")]
    [InlineData("utilisationLeaders")]
    [InlineData("utilisationLevel0")]
    public void A_missing_column_is_named_with_the_file(string column)
    {
        var copy = Copy();
        ResultsFiles.DropColumn(Path.Combine(copy, "timeseries.csv"), column);

        var e = Assert.Throws<ResultsFormatException>(() => ResultsFolder.Load(copy));

        Assert.Equal("timeseries.csv", Path.GetFileName(e.FilePath));
        Assert.Equal(column, e.Column);
        Assert.Contains($"'{column}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_value_is_named_with_its_line_and_column()
    {
        var copy = Copy();
        ResultsFiles.SetField(Path.Combine(copy, "timeseries.csv"), 4, "backlog", "12.5");
        var results = ResultsFolder.Load(copy);

        var e = Assert.Throws<ResultsFormatException>(() => results.TimeSeries(0));

        Assert.Equal(("backlog", 4), (e.Column, e.Line));
        Assert.Contains("timeseries.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 4, column 'backlog': \"12.5\"", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Rows compared by value (the utilisation list by its elements, NaN equal to NaN).</summary>
    private sealed class RowComparer : IEqualityComparer<TimeSeriesRow>
    {
        public bool Equals(TimeSeriesRow? x, TimeSeriesRow? y) =>
            x is not null && y is not null && x.UtilisationByLevel.SequenceEqual(y.UtilisationByLevel) &&
            x with { UtilisationByLevel = [] } == y with { UtilisationByLevel = [] };

        public int GetHashCode(TimeSeriesRow obj) => obj.Day.GetHashCode();
    }
}
