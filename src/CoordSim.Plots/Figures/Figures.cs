using System.Globalization;
using CoordSim.Plots.Results;

namespace CoordSim.Plots;

/// <summary>
/// The figures of a results folder, each returned as a <see cref="ScottPlot.Plot"/> that a
/// notebook can tweak before saving (<c>plot.SavePng(path, 1200, 800)</c>, <c>plot.SaveSvg(...)</c>).
/// Every figure uses the same colour per structure (<see cref="StructurePalette"/>), axis titles
/// with units, and a title that names the scenario with the fixed parameters in the subtitle
/// (<see cref="FigureStyle"/>). <see cref="FigureSet.WriteDefaults(string, IEnumerable{FigureFormat}?, FigureOptions?)"/>
/// writes the default set.
/// </summary>
public static partial class Figures
{
    /// <summary>The measures plotted by default: latency over all arrivals, distortion, responsibility diffusion, and whether blame after failure finds the people who faulted.</summary>
    public static readonly IReadOnlyList<string> DefaultMeasures = ["latencyRestrictedMean", "distortionRms", "responsibilityEffectiveCount", "blamePrecision"];

    /// <summary>The parts of the mean latency along the critical path, stacked by <see cref="LatencyBreakdown"/>.</summary>
    public static readonly IReadOnlyList<string> LatencyComponents = ["latencyQueueingResolved", "latencyServiceResolved", "latencyMeetingWaitResolved", "latencyTransmissionResolved", "latencyConsultationResolved"];

    /// <summary>The run-level quantiles of the resolved issues' latency that draw the latency distribution when the results have no issues.csv.</summary>
    public static readonly IReadOnlyList<string> LatencyQuantiles = ["latencyMedianResolved", "latencyP90Resolved", "latencyP95Resolved", "latencyMaxResolved"];

    private static IReadOnlyList<SummaryRow> Select(SummaryTable summary, IReadOnlyDictionary<string, string>? at)
    {
        var rows = summary.Where(at);
        if (rows.Count == 0)
        {
            var present = string.Join("; ", at!.Keys.Select(k => $"{k}: {string.Join(", ", summary.Values(k))}"));
            throw new ArgumentException($"No row of {summary.Table.FileName} has {Describe(at)}. Values present: {present}.", nameof(at));
        }

        return rows;
    }

    /// <summary>"a = 1, b = x" for a set of parameter values.</summary>
    internal static string Describe(IReadOnlyDictionary<string, string>? at) =>
        at is null || at.Count == 0 ? "" : string.Join(", ", at.Select(kv => $"{kv.Key} = {kv.Value}"));

    /// <summary>The varied parameters (other than <paramref name="exclude"/>) that take more than one value in <paramref name="rows"/>.</summary>
    private static string[] Unfixed(SummaryTable summary, IReadOnlyList<SummaryRow> rows, params string[] exclude) =>
        summary.Scenario.VariedParameters
            .Where(p => !exclude.Contains(p) && rows.Select(r => r.Parameters[p]).Distinct(StringComparer.Ordinal).Skip(1).Any())
            .ToArray();

    /// <summary>"n = 5" or "n = 3-5" over the rows.</summary>
    private static string Replications(IEnumerable<SummaryRow> rows) => $"n = {ReplicationCount(rows)}";

    /// <summary>"5" or "3-5": the replications behind the rows.</summary>
    private static string ReplicationCount(IEnumerable<SummaryRow> rows)
    {
        var ns = rows.Select(r => r.N).ToArray();
        var (min, max) = (ns.Min(), ns.Max());
        return min == max ? $"{min}" : $"{min}-{max}";
    }

    /// <summary>The subtitle: the given parts and the scenario's fixed parameters, separated by "; ".</summary>
    private static string Subtitle(SummaryTable summary, params string?[] parts) =>
        string.Join("; ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Append(summary.Scenario.FixedText));

    /// <summary>
    /// The subtitle of a figure drawn from summary.csv: the given parts, then what the results say
    /// about steady state (and, for latency figures, the issues pending at the end; see
    /// <see cref="Stability(SummaryTable, IReadOnlyList{IReadOnlyList{SummaryRow}}, string, bool, string?)"/>),
    /// then the scenario's fixed parameters.
    /// </summary>
    private static string Subtitle(SummaryTable summary, StabilityNote stability, params string?[] parts) =>
        Subtitle(summary, [.. parts, stability.Text]);

    private static SummaryRow[] PointRows(SummaryTable summary, int pointId)
    {
        var rows = summary.Rows.Where(r => r.PointId == pointId).ToArray();
        if (rows.Length == 0)
        {
            var ids = summary.PointIds;
            throw new ArgumentException(
                $"Design point {pointId} is not in {summary.Table.FileName}; points present: {ids[0]} to {ids[^1]} ({ids.Count} points).", nameof(pointId));
        }

        return rows;
    }

    /// <summary>"point 3: a = 1, b = 2" (the varied parameters' values at the point).</summary>
    private static string PointText(SummaryTable summary, int pointId)
    {
        var row = PointRows(summary, pointId)[0];
        var values = summary.Scenario.VariedParameters.Select(p => $"{p} = {row.Parameters[p]}").ToArray();
        return values.Length == 0 ? $"point {pointId}" : $"point {pointId}: {string.Join(", ", values)}";
    }

    /// <summary>A number as the figures print it: whole above 100, two decimals from 1, three below.</summary>
    internal static string Format(double value) =>
        Math.Abs(value) >= 100 ? value.ToString("F0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 1 ? value.ToString("0.##", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The structures of <paramref name="rows"/>, in the summary's structure order.</summary>
    private static IEnumerable<string> StructuresOf(SummaryTable summary, IEnumerable<SummaryRow> rows)
    {
        var present = rows.Select(r => r.Structure).ToHashSet(StringComparer.Ordinal);
        return summary.Structures.Where(present.Contains);
    }
}
