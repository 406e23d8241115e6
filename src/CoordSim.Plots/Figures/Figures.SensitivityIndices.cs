using System.Globalization;
using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

public static partial class Figures
{
    /// <summary>
    /// The colours of the bars of <see cref="SobolIndices"/>: S1 dark blue, ST ochre (Paul Tol's colour-blind-safe
    /// "high-contrast" scheme, which also stays apart in grey-scale print).
    /// </summary>
    public static readonly IReadOnlyList<Color> SobolIndexColors = [new Color(0x00, 0x44, 0x88), new Color(0xDD, 0xAA, 0x33)];

    /// <summary>
    /// The colours of the factors' lines in <see cref="SensitivityConvergence"/>, in rank order (Paul Tol's colour-blind-safe
    /// "bright" scheme); each factor also has its own marker shape (<see cref="FactorMarkers"/>).
    /// </summary>
    public static readonly IReadOnlyList<Color> FactorColors =
    [
        new Color(0x44, 0x77, 0xAA), new Color(0xEE, 0x66, 0x77), new Color(0x22, 0x88, 0x33),
        new Color(0xCC, 0xBB, 0x44), new Color(0x66, 0xCC, 0xEE), new Color(0xAA, 0x33, 0x77),
    ];

    /// <summary>The marker shapes of the factors' lines in <see cref="SensitivityConvergence"/>, in rank order.</summary>
    internal static readonly IReadOnlyList<MarkerShape> FactorMarkers =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle];

    /// <summary>The colour of the guide lines of <see cref="MorrisScreening"/> and the zero line of <see cref="SobolIndices"/>.</summary>
    internal static readonly Color GuideColor = new(90, 90, 90);

    /// <summary>
    /// The sensitivity indices of the folder; throws <see cref="ArgumentException"/> saying where they come from when
    /// it has none (not a morris or sobol design, a shard, or results in memory).
    /// </summary>
    private static SensitivityIndexTable RequireSensitivity(ResultsFolder results, string figure)
    {
        if (results.Sensitivity is { } table)
        {
            return table;
        }

        throw new ArgumentException($"{figure} needs {ResultFiles.Sensitivity}, which {NoIndicesReason(results)}.", nameof(results));
    }

    /// <summary>Why a folder has no sensitivity.csv, for messages: "a whole sweep with a … design writes …".</summary>
    private static string NoIndicesReason(ResultsFolder results)
    {
        var kind = results.Manifest.DesignKind;
        var where = results.IsInMemory
            ? "results built in memory do not have (run the sweep with Sweep.Run to get it)"
            : results.Manifest.IsGlobalSensitivity
                ? $"'{results.Directory}' does not hold: a shard's folder has none (merge the shards with 'coordsim merge')"
                : $"'{results.Directory}' does not hold: its design is '{kind ?? "not named"}'";
        return $"a whole sweep with a '{Manifest.MorrisKind}' or '{Manifest.SobolKind}' design (or the merge of its shards) writes and {where}";
    }

    /// <summary>The panels of a sensitivity figure: each structure's own indices, then each difference from the first structure, in file order.</summary>
    private static (string Structure, string? Baseline)[] SensitivitySubjects(IEnumerable<SensitivityIndexRow> rows) =>
        rows.Select(r => (r.Structure, r.Baseline)).Distinct().ToArray();

    /// <summary>"hierarchy" for a structure's own indices, "task-force − hierarchy" for a difference.</summary>
    internal static string SubjectTitle(string structure, string? baseline) => baseline is null ? structure : $"{structure} − {baseline}";

    /// <summary>Gives a panel its title, in the structure's colour, bold and at the axis title size, centred over its cell (a panel whose tick labels are long has a narrow data area).</summary>
    private static void TitlePanel(Plot panel, string title, Color color)
    {
        panel.Title(title);
        panel.Axes.Title.FullFigureCenter = true;
        var label = panel.Axes.Title.Label;
        label.FontSize = FigureStyle.AxisLabelSize;
        label.FontName = FigureStyle.FontName;
        label.Bold = true;
        label.ForeColor = color;
    }

    /// <summary>
    /// "morris design: 10 trajectories on 4 levels" or "sobol design: 256 base rows", from the manifest (else from the
    /// rows' n), with the range of n when some estimates used fewer (a point without a value drops its base row or trajectory).
    /// </summary>
    private static string SensitivityDesignText(Manifest manifest, IReadOnlyCollection<SensitivityIndexRow> rows, bool morris)
    {
        var ns = rows.Select(r => r.N).ToArray();
        var (min, max) = ns.Length == 0 ? (0, 0) : (ns.Min(), ns.Max());
        var size = morris ? manifest.DesignTrajectories ?? max : manifest.DesignSamples ?? max;
        var text = morris
            ? Invariant($"morris design: {size} trajectories") + (manifest.DesignLevels is { } p ? Invariant($" on {p} levels") : "")
            : Invariant($"sobol design: {size} base rows");
        if (min < size)
        {
            var unit = morris ? "trajectories" : "base rows";
            text += min == max
                ? Invariant($" ({min} {unit} usable: a point without a value drops its {(morris ? "trajectory" : "base row")})")
                : Invariant($" ({min}–{max} {unit} usable: a point without a value drops its {(morris ? "trajectory" : "base row")})");
        }

        return text;
    }

    /// <summary>"2 replications per point" (or "2-3 replications per point").</summary>
    private static string ReplicationsPerPoint(SummaryTable summary)
    {
        var count = ReplicationCount(summary.Rows);
        return count == "1" ? "1 replication per point (the index of its mean)" : $"{count} replications per point (the indices of their mean)";
    }

    /// <summary>
    /// What the subtitle of a sensitivity figure says about steady state, over every design point of
    /// <paramref name="structures"/> (the panels' structures and baselines): the runs without a steady state and at
    /// how many points of each structure they were (there is no point in the figure to mark: each index is taken over
    /// all points); for a latency measure also the range of the issues pending at the end.
    /// </summary>
    private static string SampledStabilityText(SummaryTable summary, IReadOnlyCollection<string> structures, bool latency)
    {
        var rows = summary.Rows.Where(r => structures.Contains(r.Structure)).ToArray();
        string? stability = null;
        if (RecordsStability(summary))
        {
            var unstable = rows.Where(r => IsUnstable(summary, r)).ToArray();
            if (unstable.Length == 0)
            {
                stability = AllStableText;
            }
            else
            {
                var runs = unstable.Sum(r => UnstableRunsOf(summary, r) ?? 0);
                var points = unstable.Select(r => r.PointId).Distinct().Count();
                var all = rows.Select(r => r.PointId).Distinct().Count();
                var each = string.Join(", ", StructuresOf(summary, rows).Select(s => Invariant($"{s} {unstable.Count(r => r.Structure == s)}")));
                stability = Invariant($"{runs} of {rows.Sum(r => r.N)} runs without a steady state, at {points} of {all} design points ({each}); the indices include them");
            }
        }

        if (!latency)
        {
            return stability ?? StabilityNotRecordedText;
        }

        if (stability is null && !RecordsPending(summary))
        {
            return NothingRecordedText;
        }

        return $"{PendingText(summary, rows)}; {stability ?? StabilityNotRecordedText}";
    }

    /// <summary>The structures the panels are about: each structure and each baseline, in the summary's order.</summary>
    private static string[] SubjectStructures(SummaryTable summary, IEnumerable<(string Structure, string? Baseline)> subjects)
    {
        var named = subjects.SelectMany(s => s.Baseline is null ? [s.Structure] : new[] { s.Structure, s.Baseline }).ToHashSet(StringComparer.Ordinal);
        return summary.Structures.Where(named.Contains).Concat(named.Where(n => !summary.Structures.Contains(n)).Order(StringComparer.Ordinal)).ToArray();
    }

    /// <summary>The unit of a measure from the catalogue, or "" for a column it does not know.</summary>
    private static string UnitOf(string measure) => CoordSim.Metrics.MeasureCatalog.Find(measure)?.Unit ?? "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
