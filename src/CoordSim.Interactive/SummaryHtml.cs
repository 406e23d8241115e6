using CoordSim.Plots.Results;

namespace CoordSim.Interactive;

/// <summary>
/// A sweep's summary (one row per design point and structure) as an HTML table: the point, the structure, the value of
/// each varied parameter, the replications and how many of them did not reach a steady state, then for each measure its
/// mean with the 95% confidence interval. The caption names the scenario and its fixed parameters.
/// </summary>
public static class SummaryHtml
{
    /// <summary>Writes <paramref name="summary"/> as an HTML table to <paramref name="writer"/>.</summary>
    /// <param name="summary">The summary, as <see cref="SummaryTable.Load"/> or <see cref="ResultsFolder.Summary"/> gives it.</param>
    /// <param name="writer">Where the HTML goes.</param>
    public static void Write(SummaryTable summary, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(writer);
        var varied = summary.Scenario.VariedParameters;
        writer.Write("<table class=\"coordsim-summary\"><caption>");
        writer.Write(HtmlText.Escape($"{summary.Scenario.Name}: {summary.Scenario.FixedText}; mean [95% CI] over the replications"));
        writer.Write("</caption><thead><tr><th>pointId</th><th>structure</th>");
        foreach (var parameter in varied)
        {
            HtmlText.Cell(writer, parameter, "th");
        }

        writer.Write("<th>n</th><th>unstableRuns</th>");
        foreach (var measure in summary.Measures)
        {
            HtmlText.Cell(writer, measure, "th");
        }

        writer.Write("</tr></thead><tbody>");
        foreach (var row in summary.Rows)
        {
            writer.Write("<tr>");
            HtmlText.Cell(writer, row.PointId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            HtmlText.Cell(writer, row.Structure);
            foreach (var parameter in varied)
            {
                HtmlText.Cell(writer, row.Parameters.TryGetValue(parameter, out var value) ? value : "");
            }

            HtmlText.Cell(writer, row.N.ToString(System.Globalization.CultureInfo.InvariantCulture));
            HtmlText.Cell(writer, row.UnstableRuns.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var measure in summary.Measures)
            {
                HtmlText.Cell(writer, Stats(row.Measures[measure]));
            }

            writer.Write("</tr>");
        }

        writer.Write("</tbody></table>");
    }

    /// <summary>"12.5 [11.9, 13.1]", or the mean alone when there is no interval (a single replication).</summary>
    internal static string Stats(MeasureStats stats) => stats.HasInterval
        ? $"{HtmlText.Number(stats.Mean)} [{HtmlText.Number(stats.CiLow)}, {HtmlText.Number(stats.CiHigh)}]"
        : HtmlText.Number(stats.Mean);
}
