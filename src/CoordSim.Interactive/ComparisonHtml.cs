using CoordSim.Metrics;

namespace CoordSim.Interactive;

/// <summary>
/// Several runs side by side, as <see cref="Simulation.Compare"/> returns them (and <c>coordsim compare</c> shows them):
/// one row per measure of <see cref="MeasureCatalog"/>, one column per structure, then the unit. The caption gives the
/// seeds and, for each structure, whether it reached a steady state and how many issues were pending at the end.
/// </summary>
public static class ComparisonHtml
{
    /// <summary>Writes <paramref name="results"/> as an HTML table to <paramref name="writer"/>.</summary>
    /// <param name="results">The runs, in the order of their columns.</param>
    /// <param name="writer">Where the HTML goes.</param>
    public static void Write(IEnumerable<RunResult> results, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        var runs = results.ToArray();
        writer.Write("<table class=\"coordsim-comparison\"><caption>");
        writer.Write(HtmlText.Escape(Caption(runs)));
        writer.Write("</caption><thead><tr><th>measure</th>");
        foreach (var run in runs)
        {
            HtmlText.Cell(writer, run.Structure, "th");
        }

        writer.Write("<th>unit</th></tr></thead><tbody>");
        foreach (var measure in MeasureCatalog.All)
        {
            writer.Write("<tr>");
            HtmlText.Cell(writer, measure.Name, "td", measure.Meaning);
            foreach (var run in runs)
            {
                HtmlText.Cell(writer, HtmlText.Number(measure.Read(run)));
            }

            HtmlText.Cell(writer, measure.Unit);
            writer.Write("</tr>");
        }

        writer.Write("</tbody></table>");
    }

    /// <summary>The seeds (one when all runs share it: the same issue stream), then each structure's steady state.</summary>
    internal static string Caption(IReadOnlyList<RunResult> runs)
    {
        var seeds = runs.Select(r => r.Seed).Distinct().ToArray();
        var seedText = seeds.Length == 1
            ? $"seed {seeds[0]}, the same issue stream for every structure"
            : "seeds " + string.Join(", ", seeds);
        return runs.Count == 0
            ? "no runs"
            : seedText + "; " + string.Join("; ", runs.Select(r => $"{r.Structure}: {RunResultHtml.SteadyState(r)}"));
    }
}
