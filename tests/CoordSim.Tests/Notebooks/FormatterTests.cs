using System.Globalization;
using CoordSim.Experiments;
using CoordSim.Interactive;
using CoordSim.Metrics;
using CoordSim.Plots;
using CoordSim.Plots.Results;
using CoordSim.Structures;
using Microsoft.DotNet.Interactive.Formatting;

namespace CoordSim.Tests.Notebooks;

/// <summary>The HTML a notebook shows for runs, comparisons, summaries and figures (CoordSim.Interactive).</summary>
public sealed class FormatterTests
{
    private static readonly Parameters Short = Parameters.Default with { HorizonDays = 120, WarmupDays = 10 };

    private static RunResult Run(Structure structure) => Simulation.Run(structure, Short, seed: 3);

    [Fact]
    public void A_run_is_a_table_of_every_measure_with_its_value_and_unit()
    {
        var result = Run(Structure.Hierarchy());
        var html = Html(w => RunResultHtml.Write(result, w));

        Assert.StartsWith("<table class=\"coordsim-run\">", html, StringComparison.Ordinal);
        foreach (var measure in MeasureCatalog.All)
        {
            var cells = $"<td title=\"{System.Net.WebUtility.HtmlEncode(measure.Meaning)}\">{measure.Name}</td><td>{Number(measure.Read(result))}</td><td>{System.Net.WebUtility.HtmlEncode(measure.Unit)}</td>";
            Assert.Contains(cells, html, StringComparison.Ordinal);
        }

        Assert.Contains($"hierarchy, seed 3: {(result.Stability.Stable ? "steady state" : "not in a steady state")}", html, StringComparison.Ordinal);
        Assert.Contains($", {result.Issues.Pending} issues pending</caption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_are_invariant_with_four_significant_digits_and_undefined_ones_a_dash()
    {
        Assert.Equal("0.1235", HtmlText.Number(0.123456));
        Assert.Equal("1235", HtmlText.Number(1234.6));
        Assert.Equal("12346", HtmlText.Number(12345.6));
        Assert.Equal("40", HtmlText.Number(40));
        Assert.Equal("-3", HtmlText.Number(-3));
        Assert.Equal("—", HtmlText.Number(double.NaN));
        Assert.Equal("—", HtmlText.Number(double.PositiveInfinity));
    }

    [Fact]
    public void Text_from_the_user_is_escaped()
    {
        var result = Run(Structure.Hierarchy()) with { Structure = "<b>ours & \"theirs\"</b>" };

        var run = Html(w => RunResultHtml.Write(result, w));
        var compared = Html(w => ComparisonHtml.Write([result], w));

        foreach (var html in new[] { run, compared })
        {
            Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
            Assert.Contains("&lt;b&gt;ours &amp; &quot;theirs&quot;&lt;/b&gt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_comparison_puts_the_structures_side_by_side_under_one_seed()
    {
        var results = Simulation.Compare([Structure.Hierarchy(), Structure.TaskForce()], Short, seed: 3);
        var html = Html(w => ComparisonHtml.Write(results, w));

        Assert.Contains("<th>measure</th><th>hierarchy</th><th>task-force</th><th>unit</th>", html, StringComparison.Ordinal);
        Assert.Contains("seed 3, the same issue stream for every structure", html, StringComparison.Ordinal);
        foreach (var measure in MeasureCatalog.All)
        {
            Assert.Contains(
                $"{measure.Name}</td><td>{Number(measure.Read(results[0]))}</td><td>{Number(measure.Read(results[1]))}</td>",
                html, StringComparison.Ordinal);
        }

        foreach (var r in results)
        {
            Assert.Contains($"{r.Structure}: {(r.Stability.Stable ? "steady state" : "not in a steady state")}", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Runs_with_different_seeds_are_not_called_one_issue_stream()
    {
        var a = Run(Structure.Hierarchy());
        var b = Simulation.Run(Structure.Hierarchy(), Short, seed: 4);

        var html = Html(w => ComparisonHtml.Write([a, b], w));

        Assert.Contains("seeds 3, 4;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("same issue stream", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_summary_has_a_row_per_point_and_structure_with_the_mean_and_its_interval()
    {
        using var dir = new TempDirectory();
        Sweep.Run(TwoPointSpec(), dir.Path);
        var summary = CoordSim.Plots.Results.ResultsFolder.Load(dir.Path).Summary;

        var html = Html(w => SummaryHtml.Write(summary, w));

        Assert.Contains("<th>pointId</th><th>structure</th><th>arrivalRate</th><th>n</th><th>unstableRuns</th><th>issuesPending</th>", html, StringComparison.Ordinal);
        Assert.Contains("formatter-test: fixed: horizonDays = 120, warmupDays = 10", html, StringComparison.Ordinal);
        Assert.Equal(4, summary.Rows.Count);
        foreach (var row in summary.Rows)
        {
            var latency = row.Measures["latencyRestrictedMean"];
            Assert.True(latency.HasInterval);
            var cells = $"<td>{row.PointId}</td><td>{row.Structure}</td><td>{row.Parameters["arrivalRate"]}</td><td>2</td><td>{row.UnstableRuns}</td>";
            Assert.Contains(cells, html, StringComparison.Ordinal);
            Assert.Contains($"<td>{Number(latency.Mean)} [{Number(latency.CiLow)}, {Number(latency.CiHigh)}]</td>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_figure_is_an_inline_png_named_by_its_title()
    {
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 2, 4, 3 });
        plot.Title("Latency <by> load");

        var html = Html(w => PlotHtml.Write(plot, w));

        Assert.StartsWith("<img class=\"coordsim-figure\" style=\"max-width:100%\" alt=\"Latency &lt;by&gt; load\" src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        var start = html.IndexOf("base64,", StringComparison.Ordinal) + "base64,".Length;
        var png = Convert.FromBase64String(html[start..html.IndexOf('"', start)]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        var height = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
        Assert.Equal((PlotHtml.Width, PlotHtml.Height), (width, height));
    }

    [Fact]
    public void A_figure_title_too_wide_for_the_image_is_wrapped_and_kept_whole_in_the_alt_text()
    {
        var title = string.Join(" ", Enumerable.Repeat("latencyRestrictedMean against crossDepartmentShare", 6));
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 1, 2 }, new double[] { 1, 2 });
        plot.Title(title);

        var html = Html(w => PlotHtml.Write(plot, w));

        Assert.Contains('\n', plot.Axes.Title.Label.Text);
        Assert.Contains($"alt=\"{title}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Registered_formatters_are_what_the_notebook_kernel_uses_for_html()
    {
        CoordSimFormatters.Register();
        var result = Run(Structure.Hierarchy());
        IReadOnlyList<RunResult> compared = Simulation.Compare([Structure.Hierarchy(), Structure.Office()], Short, seed: 3);
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 1, 2 }, new double[] { 1, 2 });

        Assert.Equal(Html(w => RunResultHtml.Write(result, w)), result.ToDisplayString(HtmlFormatter.MimeType));
        Assert.Equal(Html(w => ComparisonHtml.Write(compared, w)), compared.ToDisplayString(HtmlFormatter.MimeType));
        Assert.Equal(Html(w => ComparisonHtml.Write(compared, w)), compared.ToList().ToDisplayString(HtmlFormatter.MimeType));
        Assert.StartsWith("<img class=\"coordsim-figure\"", plot.ToDisplayString(HtmlFormatter.MimeType), StringComparison.Ordinal);
        Assert.Contains(HtmlFormatter.MimeType, Formatter.GetPreferredMimeTypesFor(typeof(RunResult)));
        Assert.Contains(HtmlFormatter.MimeType, Formatter.GetPreferredMimeTypesFor(typeof(ScottPlot.Plot)));
    }

    [Fact]
    public void The_package_kernel_extension_registers_the_formatters()
    {
        var project = Path.Combine(CoordSim.Tests.Docs.RepositoryFiles.Root, "src", "CoordSim.Interactive");
        var extension = File.ReadAllText(Path.Combine(project, "extension.dib"));
        var csproj = File.ReadAllText(Path.Combine(project, "CoordSim.Interactive.csproj"));

        Assert.Contains("CoordSim.Interactive.CoordSimFormatters.Register();", extension, StringComparison.Ordinal);
        Assert.Contains("<None Include=\"extension.dib\" Pack=\"true\" PackagePath=\"interactive-extensions/dotnet\" />", csproj, StringComparison.Ordinal);
    }

    internal static ExperimentSpec TwoPointSpec() => ExperimentSpec.Create("formatter-test")
        .Compare(Structure.Hierarchy(), Structure.TaskForce())
        .Set("horizonDays", 120)
        .Set("warmupDays", 10)
        .Vary("arrivalRate", 20, 40)
        .Replications(2)
        .Seed(5)
        .Measures("latencyRestrictedMean", "distortionRms")
        .Build();

    private static string Number(double value) => HtmlText.Number(value);

    private static string Html(Action<TextWriter> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(writer);
        return writer.ToString();
    }
}
