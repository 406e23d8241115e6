using CoordSim.Metrics;

namespace CoordSim.Interactive;

/// <summary>
/// One run as an HTML table: a caption naming the structure, the seed and whether the run reached a steady state, then
/// every measure of <see cref="MeasureCatalog"/> as a row of name, value and unit (the meaning as the row's tooltip).
/// </summary>
public static class RunResultHtml
{
    /// <summary>Writes <paramref name="result"/> as an HTML table to <paramref name="writer"/>.</summary>
    /// <param name="result">The run.</param>
    /// <param name="writer">Where the HTML goes.</param>
    public static void Write(RunResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("<table class=\"coordsim-run\"><caption>");
        writer.Write(HtmlText.Escape(Caption(result)));
        writer.Write("</caption><thead><tr><th>measure</th><th>value</th><th>unit</th></tr></thead><tbody>");
        foreach (var measure in MeasureCatalog.All)
        {
            writer.Write("<tr>");
            HtmlText.Cell(writer, measure.Name, "td", measure.Meaning);
            HtmlText.Cell(writer, HtmlText.Number(measure.Read(result)));
            HtmlText.Cell(writer, measure.Unit);
            writer.Write("</tr>");
        }

        writer.Write("</tbody></table>");
    }

    /// <summary>"hierarchy, seed 1: steady state, 0 issues pending" or "... not in a steady state, 412 issues pending".</summary>
    internal static string Caption(RunResult result) =>
        $"{result.Structure}, seed {result.Seed}: {SteadyState(result)}";

    /// <summary>Whether the run reached a steady state and how many issues were pending at its end, in words.</summary>
    internal static string SteadyState(RunResult result) =>
        (result.Stability.Stable ? "steady state" : "not in a steady state") +
        (result.Stability.StoppedEarly ? " (stopped early)" : "") +
        $", {result.Issues.Pending} issues pending";
}
