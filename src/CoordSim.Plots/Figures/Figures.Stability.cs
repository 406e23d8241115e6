using System.Globalization;
using ResultsFormat = CoordSim.Experiments.ResultsFormat;
using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

public static partial class Figures
{
    /// <summary>The subtitle's phrase when the results record neither stability nor pending issues (written before sweeps kept them).</summary>
    public const string NothingRecordedText = "stability and pending not recorded (results from an older version)";

    /// <summary>The subtitle's phrase when the results do not record which runs reached a steady state.</summary>
    public const string StabilityNotRecordedText = "stability not recorded (results from an older version)";

    /// <summary>The subtitle's phrase when the results do not record the issues pending at the end.</summary>
    public const string PendingNotRecordedText = "pending not recorded";

    /// <summary>The subtitle's phrase when every run behind a figure reached a steady state.</summary>
    public const string AllStableText = "steady state in every run";

    /// <summary>The subtitle's name for the marks (× is in every usual sans-serif font; ✕ is not).</summary>
    internal const string MarkedText = "marked ×";

    /// <summary>
    /// True for the measures whose figures must carry the stability flag and the pending count:
    /// those whose name starts with <c>latency</c> or <c>onTimeShare</c>. They are taken over the
    /// resolved issues only, so a run whose backlog grows understates the wait.
    /// </summary>
    public static bool IsLatencyMeasure(string measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return measure.StartsWith("latency", StringComparison.Ordinal) || measure.StartsWith("onTimeShare", StringComparison.Ordinal);
    }

    /// <summary>
    /// The runs of <paramref name="row"/> that did not reach a steady state: summary.csv's
    /// <c>unstableRuns</c> when it has the column; else from the measure <c>stable</c> (1/0 per
    /// run) as n × (1 − stable_mean); null when the results record neither (written by an older
    /// version).
    /// </summary>
    public static int? UnstableRunsOf(SummaryTable summary, SummaryRow row)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(row);
        if (summary.Table.Columns.Contains(ResultsFormat.UnstableRuns))
        {
            return row.UnstableRuns;
        }

        if (row.Measures.TryGetValue(ResultsFormat.StableMeasure, out var stable) && double.IsFinite(stable.Mean))
        {
            return (int)Math.Round(row.N * (1 - stable.Mean));
        }

        return null;
    }

    /// <summary>True when the results record which runs reached a steady state (the <c>unstableRuns</c> column or the measure <c>stable</c>).</summary>
    internal static bool RecordsStability(SummaryTable summary) =>
        summary.Table.Columns.Contains(ResultsFormat.UnstableRuns) || summary.Measures.Contains(ResultsFormat.StableMeasure);

    /// <summary>True when summary.csv has the issues pending at the end of the runs (the measure <c>issuesPending</c>).</summary>
    internal static bool RecordsPending(SummaryTable summary) => summary.Measures.Contains("issuesPending");

    private static bool IsUnstable(SummaryTable summary, SummaryRow row) => UnstableRunsOf(summary, row) > 0;

    /// <summary>
    /// What the subtitle says about the steady state of the rows a figure draws. Each unit is one
    /// point, cell or bar of the figure (<paramref name="noun"/>, plural with an s), with the rows
    /// behind it; a unit is unstable, and marked, when any of its rows has unstable runs.
    /// </summary>
    /// <param name="summary">The summary results.</param>
    /// <param name="units">The figure's points, cells or bars, each with its rows.</param>
    /// <param name="noun">What a unit is called: "point", "cell", "bar".</param>
    /// <param name="latency">True for a latency figure: the pending range is given too.</param>
    /// <param name="rule">What a mark means when a unit has several rows, added after "marked ×" (the winner map's rule), or null.</param>
    private static StabilityNote Stability(SummaryTable summary, IReadOnlyList<IReadOnlyList<SummaryRow>> units, string noun, bool latency, string? rule = null)
    {
        var unstable = units.Select(u => u.Any(r => IsUnstable(summary, r))).ToArray();
        var rows = units.SelectMany(u => u).ToArray();
        var stability = !RecordsStability(summary) ? null
            : unstable.Any(u => u) ? $"{unstable.Count(u => u)} of {units.Count} {noun}s had runs without a steady state ({MarkedText}{(rule is null ? "" : ": " + rule)})"
            : AllStableText;
        if (!latency)
        {
            return new StabilityNote(stability ?? StabilityNotRecordedText, unstable);
        }

        if (stability is null && !RecordsPending(summary))
        {
            return new StabilityNote(NothingRecordedText, unstable);
        }

        return new StabilityNote($"{PendingText(summary, rows)}; {stability ?? StabilityNotRecordedText}", unstable);
    }

    /// <summary><see cref="Stability(SummaryTable, IReadOnlyList{IReadOnlyList{SummaryRow}}, string, bool, string?)"/> for figures with one row per point.</summary>
    private static StabilityNote Stability(SummaryTable summary, IEnumerable<SummaryRow> rows, string noun, bool latency) =>
        Stability(summary, rows.Select(r => (IReadOnlyList<SummaryRow>)[r]).ToArray(), noun, latency);

    /// <summary>"pending at the end: 150–364 issues per run (mean over replications)" over the rows' issuesPending means, or <see cref="PendingNotRecordedText"/>.</summary>
    private static string PendingText(SummaryTable summary, IEnumerable<SummaryRow> rows)
    {
        if (!RecordsPending(summary))
        {
            return PendingNotRecordedText;
        }

        var pending = rows.Select(r => r.Measures["issuesPending"].Mean).Where(double.IsFinite).ToArray();
        if (pending.Length == 0)
        {
            return PendingNotRecordedText;
        }

        var (min, max) = (Format(pending.Min()), Format(pending.Max()));
        return $"pending at the end: {(min == max ? min : $"{min}–{max}")} issues per run (mean over replications)";
    }

    /// <summary>
    /// The subtitle of a latency distribution at one point: "resolved issues only", the issues
    /// pending at the end per structure, and which structures had runs without a steady state.
    /// </summary>
    private static string DistributionStabilityText(SummaryTable summary, IReadOnlyList<SummaryRow> rows)
    {
        if (!RecordsStability(summary) && !RecordsPending(summary))
        {
            return $"resolved issues only; {NothingRecordedText}";
        }

        var pending = RecordsPending(summary)
            ? "pending at the end (mean over replications): " + string.Join(", ", rows.Select(r => $"{r.Structure} {PendingOf(r)}"))
            : PendingNotRecordedText;
        var unstable = rows.Where(r => IsUnstable(summary, r)).ToArray();
        var stability = !RecordsStability(summary) ? StabilityNotRecordedText
            : unstable.Length == 0 ? AllStableText
            : "runs without a steady state: " + string.Join(", ", unstable.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Structure} {UnstableRunsOf(summary, r)} of {r.N}"))) + $" ({MarkedText})";
        return $"resolved issues only; {pending}; {stability}";
    }

    private static string PendingOf(SummaryRow row)
    {
        var mean = row.Measures["issuesPending"].Mean;
        return double.IsFinite(mean) ? Format(mean) : "not recorded";
    }

    /// <summary>
    /// Adds marks at <paramref name="points"/> to <paramref name="plot"/> (nothing when there are
    /// none) and returns them, with their legend entry unless <paramref name="legend"/> is false
    /// (the panels of a grid, whose host has the legend).
    /// </summary>
    private static UnstableMarks? MarkUnstable(Plot plot, IEnumerable<Coordinates> points, bool legend = true)
    {
        var marks = new UnstableMarks(points);
        if (marks.Points.Count == 0)
        {
            return null;
        }

        plot.Add.Plottable(marks);
        if (legend)
        {
            AddUnstableLegend(plot);
        }

        return marks;
    }

    /// <summary>Adds the marks' legend entry to <paramref name="plot"/> unless it has it.</summary>
    private static void AddUnstableLegend(Plot plot)
    {
        var entry = UnstableMarks.LegendEntry();
        if (plot.Legend.ManualItems.All(i => i.LabelText != entry.LabelText))
        {
            plot.Legend.ManualItems.Add(entry);
        }
    }

    /// <summary>What a figure's subtitle says about steady state and pending issues, and which of its units (points, cells, bars) are marked.</summary>
    /// <param name="Text">The subtitle's phrase.</param>
    /// <param name="Unstable">For each unit of the figure, in the order given, whether it had runs without a steady state.</param>
    private sealed record StabilityNote(string Text, IReadOnlyList<bool> Unstable);
}
