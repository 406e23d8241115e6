using CoordSim.Metrics;
using CoordSim.Plots.Results;
using Microsoft.DotNet.Interactive.Formatting;
using ScottPlot;

namespace CoordSim.Interactive;

/// <summary>
/// Registers how a notebook shows CoordSim's values: a <see cref="RunResult"/> (<see cref="RunResultHtml"/>), several
/// runs compared (<see cref="ComparisonHtml"/>, for any sequence of <see cref="RunResult"/> such as the list
/// <see cref="Simulation.Compare"/> returns), a sweep summary (<see cref="SummaryHtml"/>) and a ScottPlot
/// <see cref="Plot"/> (<see cref="PlotHtml"/>, an inline PNG). Loading the package with <c>#r "nuget: CoordSim.Interactive"</c>
/// in a .NET Interactive notebook calls <see cref="Register"/> (the package's kernel extension); call it yourself elsewhere.
/// </summary>
public static class CoordSimFormatters
{
    /// <summary>Registers the HTML formatters; calling it again replaces them with the same ones.</summary>
    public static void Register()
    {
        Formatter.Register<RunResult>(RunResultHtml.Write, HtmlFormatter.MimeType);
        Formatter.Register<IEnumerable<RunResult>>(ComparisonHtml.Write, HtmlFormatter.MimeType);
        Formatter.Register<SummaryTable>(SummaryHtml.Write, HtmlFormatter.MimeType);
        Formatter.Register<Plot>(PlotHtml.Write, HtmlFormatter.MimeType);
        foreach (var type in new[] { typeof(RunResult), typeof(SummaryTable), typeof(Plot) })
        {
            Formatter.SetPreferredMimeTypesFor(type, HtmlFormatter.MimeType);
        }
    }
}
