using System.CommandLine;
using CoordSim.Cli.Commands;

namespace CoordSim.Tests.Plots;

[Collection(SmallResultsCollection.Name)]
public class PlotCommandTests(SmallResults fixture)
{
    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var root = new RootCommand("test") { PlotCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(["plot", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Redraws_the_figures_of_a_results_folder_at_the_size_asked_for()
    {
        var folder = fixture.Copy();

        var (code, output, error) = Invoke(folder, "--format", "png", "--width", "640", "--height", "420", "--measure", "latencyMeanResolved");

        Assert.True(code == 0, error);
        var files = Directory.GetFiles(Path.Combine(folder, "figures"));
        Assert.All(files, f => Assert.EndsWith(".png", f, StringComparison.Ordinal));
        Assert.Contains(Path.Combine(folder, "figures", "latencyMeanResolved-vs-crossDepartmentShare--arrivalRate=20.png"), files);
        Assert.Contains($"Wrote {files.Length} figures", output);
        Rendering.AssertPng(files.Single(f => f.EndsWith("latency-breakdown-point0.png", StringComparison.Ordinal)), 640, 420);
    }

    [Fact]
    public void Options_may_come_before_the_folder_and_take_comma_lists()
    {
        var folder = fixture.Copy(withIssues: false);

        var root = new RootCommand("test") { PlotCommand.Create() };
        var error = new StringWriter();
        var code = root.Parse(["plot", "--format", "svg,png", "--measure", "latencyMeanResolved,distortionMean", "--point", "2", folder])
            .Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.True(code == 0, error.ToString());
        var names = Directory.GetFiles(Path.Combine(folder, "figures")).Select(Path.GetFileName).ToArray();
        Assert.Contains("heatmap-distortionMean-crossDepartmentShare-arrivalRate.svg", names);
        // Without issues.csv the latency distribution is not known: its quantiles are drawn, never an ECDF or histogram.
        Assert.Contains("latency-quantiles-point2.png", names);
        Assert.DoesNotContain(names, n => n!.StartsWith("latency-ecdf", StringComparison.Ordinal) || n.StartsWith("latency-histogram", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n!.StartsWith("responsibilityEffectiveCount", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_folder_exits_2_naming_it()
    {
        var (code, _, error) = Invoke(Path.Combine(fixture.Root, "nowhere"));

        Assert.Equal(2, code);
        Assert.Contains("nowhere", error);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public void Empty_results_exit_2_naming_the_file()
    {
        var folder = fixture.Copy();
        ResultsFiles.KeepHeaderOnly(Path.Combine(folder, "summary.csv"));

        var (code, _, error) = Invoke(folder);

        Assert.Equal(2, code);
        Assert.Contains("summary.csv", error);
        Assert.Contains("no rows", error);
    }

    [Theory]
    [InlineData("--format", "gif", "--format = \"gif\" is not allowed: png or svg")]
    [InlineData("--width", "20", "width = 20 is not allowed")]
    [InlineData("--measure", "speed", "'speed' is not a measure")]
    [InlineData("--point", "12", "Design point 12 is not in summary.csv")]
    public void Bad_options_exit_2_with_what_is_allowed(string option, string value, string message)
    {
        var folder = fixture.Copy();

        var (code, _, error) = Invoke(folder, option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.False(Directory.Exists(Path.Combine(folder, "figures")));
    }
}
