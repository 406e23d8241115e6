using CoordSim.Benchmarks;
using CoordSim.Tests.Plots;
using ScottPlot.Plottables;

namespace CoordSim.Tests.Benchmarks;

/// <summary>The <c>--scaling-plot</c> figures: drawn from a tiny CSV in the format <c>--scaling</c> writes.</summary>
public sealed class ScalingFiguresTests : IDisposable
{
    private const string Header = "series,people,issues,events,inFlight,setupSeconds,runSeconds,seconds,cpuSeconds,eventsPerSecond,peakWorkingSetBytes,bytesPerPerson,bytesPerInFlightIssue";

    private static readonly string[] Rows =
    [
        "people,1000,10000,139134,0,0.0001,0.02,0.0201,0.02,7e6,60817408,471,",
        "people,10000,10000,188172,0,0.001,0.04,0.041,0.041,4.6e6,61865984,218,",
        "people,100000,10000,237210,0,0.008,0.048,0.056,0.057,4.9e6,82837504,191,",
        "issues,681,10000,188172,0,0.0001,0.028,0.0281,0.028,6.8e6,60817408,626,",
        "issues,681,100000,1881092,0,0.0001,0.253,0.2531,0.253,7.4e6,71303168,626,",
        "target,100000,100000,2859512,0,0.01,0.5,0.51,0.5,5.2e6,90000000,188,",
        "backlog,681,100000,137172,100000,0.0001,0.115,0.1151,0.118,1.2e6,198180864,626,1414",
    ];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "coordsim-scaling-" + Guid.NewGuid().ToString("N"));

    public ScalingFiguresTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteCsv(params string[] lines)
    {
        var path = Path.Combine(_directory, "scaling.csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    [Fact]
    public void Plot_mode_writes_two_non_blank_figures()
    {
        var csv = WriteCsv([Header, .. Rows]);
        var output = Path.Combine(_directory, "figures");
        Assert.Equal(0, Program.Main(["--scaling-plot", csv, output, "test machine"]));
        Rendering.AssertPng(Path.Combine(output, ScalingFigures.TimeFile), 1200, 800);
        Rendering.AssertPng(Path.Combine(output, ScalingFigures.MemoryFile), 1200, 800);
    }

    [Fact]
    public void Plotted_points_are_the_csv_values_on_log_axes()
    {
        var rows = ScalingRow.Read(WriteCsv([Header, .. Rows]));
        Assert.Equal(7, rows.Count);
        AssertSeries(ScalingFigures.Time(rows, "test machine"), [(1000, 0.0201), (10000, 0.041), (100000, 0.056)], [(10000, 0.0281), (100000, 0.2531)]);
        const double MiB = 1048576.0;
        AssertSeries(
            ScalingFigures.Memory(rows, "test machine"),
            [(1000, 60817408 / MiB), (10000, 61865984 / MiB), (100000, 82837504 / MiB)],
            [(10000, 60817408 / MiB), (100000, 71303168 / MiB)]);
    }

    [Fact]
    public void Log_ticks_label_decades_in_original_units()
    {
        var ticks = ScalingFigures.LogTicks(3, 6).Where(t => t.Position >= 3 && t.Position <= 6).ToList();
        var labels = ticks.Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.Equal(["1 000", "10 000", "100 000", "1 000 000"], labels);
        Assert.Equal(3 * 8, ticks.Count(t => !t.IsMajor));
        Assert.Equal("0.05", ScalingFigures.Label(0.05));
        var narrow = ScalingFigures.LogTicks(-1.7, 0.4).Where(t => t.IsMajor && t.Position >= -1.7 && t.Position <= 0.4).Select(t => t.Label);
        Assert.Equal(["0.02", "0.05", "0.1", "0.2", "0.5", "1", "2"], narrow);
    }

    [Theory]
    [InlineData("series,people,issues,seconds\npeople,1000,10000,0.1\n", "peakWorkingSetBytes")]
    [InlineData(Header + "\npeople,1000,10000,1,0,0,0.1,abc,0.1,1,1000,1,\n", "seconds = 'abc'")]
    [InlineData(Header + "\npeople,1000,10000,1,0,0,0.1,0.1,0.1,1,0,1,\n", "peakWorkingSetBytes = '0'")]
    public void Bad_csv_exits_2_naming_the_column(string text, string expected)
    {
        var csv = Path.Combine(_directory, "bad.csv");
        File.WriteAllText(csv, text);
        var error = Assert.Throws<InvalidDataException>(() => ScalingRow.Read(csv));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        var output = Path.Combine(_directory, "none");
        var saved = Console.Error;
        try
        {
            Console.SetError(TextWriter.Null);
            Assert.Equal(2, Program.Main(["--scaling-plot", csv, output]));
        }
        finally
        {
            Console.SetError(saved);
        }

        Assert.False(Directory.Exists(output));
    }

    private static void AssertSeries(ScottPlot.Plot plot, (double X, double Y)[] people, (double X, double Y)[] issues)
    {
        var scatters = plot.GetPlottables().OfType<Scatter>().ToList();
        Assert.Equal(2, scatters.Count);
        foreach (var (scatter, expected) in scatters.Zip(new[] { people, issues }))
        {
            var points = scatter.Data.GetScatterPoints();
            Assert.Equal(expected.Length, points.Count);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].X, Math.Pow(10, points[i].X), expected[i].X * 1e-12);
                Assert.Equal(expected[i].Y, Math.Pow(10, points[i].Y), expected[i].Y * 1e-12);
            }
        }
    }
}
