using System.Globalization;
using CoordSim.Experiments;
using CoordSim.Plots;
using CoordSim.Plots.Results;

namespace CoordSim.Cli;

/// <summary>
/// What <c>coordsim sweep</c> and <c>coordsim merge</c> print at the end of a morris or sobol sweep, from its
/// sensitivity.csv: for each measure the figures draw (or the first kept measure) and each structure's difference from
/// the first structure, the factors that move it most — by ST (sobol) or μ* (morris) — with their 95% bootstrap
/// intervals; with one structure, its own measure's. It answers "what decides the ranking" at a glance; the file and
/// the figures hold the rest.
/// </summary>
internal static class SensitivitySummary
{
    /// <summary>The factors shown per line.</summary>
    public const int Shown = 5;

    /// <summary>The lines to print for the results in <paramref name="directory"/>; none when it holds no sensitivity.csv.</summary>
    public static IReadOnlyList<string> Lines(string directory)
    {
        var path = Path.Combine(directory, ResultsFormat.SensitivityFile);
        if (!File.Exists(path))
        {
            return [];
        }

        var table = SensitivityIndexTable.Load(path);
        var (index, name) = table.Indices.Contains(SensitivityIndexRow.ST, StringComparer.Ordinal)
            ? (SensitivityIndexRow.ST, "total index ST")
            : (SensitivityIndexRow.MuStar, "μ* (mean absolute elementary effect, in the measure's unit)");
        var measures = Figures.DefaultMeasures.Where(m => table.Measures.Contains(m, StringComparer.Ordinal)).ToArray();
        if (measures.Length == 0)
        {
            measures = table.Measures.Take(1).ToArray();
        }

        var rows = table.Rows.Where(r => r.Index == index).ToArray();
        var differences = rows.Any(r => r.IsDifference);
        var factors = rows.Select(r => r.Factor).Distinct(StringComparer.Ordinal).Count();
        var series = rows.Where(r => r.IsDifference == differences).Select(r => (r.Structure, r.Baseline)).Distinct().ToArray();
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Sensitivity ({ResultsFormat.SensitivityFile}): of {factors} factors, the {Math.Min(Shown, factors)} that move {(differences ? "each structure's difference from " + series[0].Baseline : "the measure")} most, by {name}, with 95% bootstrap intervals:"),
        };
        foreach (var measure in measures)
        {
            foreach (var (structure, baseline) in series)
            {
                var top = rows
                    .Where(r => r.Measure == measure && r.Structure == structure && r.Baseline == baseline && r.HasEstimate)
                    .OrderByDescending(r => r.Estimate)
                    .ThenBy(r => r.Factor, StringComparer.Ordinal)
                    .Take(Shown)
                    .Select(r => $"{r.Factor} {Number(r.Estimate)}{(r.HasInterval ? $" [{Number(r.Low)}, {Number(r.High)}]" : "")}");
                var what = baseline is null ? $"{measure} of {structure}" : $"{measure} of {structure} − {baseline}";
                lines.Add($"  {what}: {string.Join("; ", top)}");
            }
        }

        return lines;
    }

    /// <summary>Three significant digits, culture-invariant.</summary>
    private static string Number(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
