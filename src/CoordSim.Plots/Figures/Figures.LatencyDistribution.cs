using CoordSim.Metrics;
using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

public static partial class Figures
{
    private const int EcdfPointLimit = 2000;

    /// <summary>
    /// The empirical CDF of latency per structure at one design point, from issues.csv (every
    /// resolved issue of every replication, pooled). <inheritdoc cref="LatencyEcdf(SummaryTable, int, IReadOnlyDictionary{string, double[]})" path="/remarks"/>
    /// </summary>
    /// <param name="results">The results folder.</param>
    /// <param name="pointId">The design point.</param>
    /// <exception cref="ArgumentException">The folder has no issues.csv, or it has no resolved issue at the point: the run-level quantiles are drawn by <see cref="LatencyQuantilePlot"/> instead.</exception>
    public static Plot LatencyEcdf(ResultsFolder results, int pointId)
    {
        ArgumentNullException.ThrowIfNull(results);
        return LatencyEcdf(results.Summary, pointId, RequireIssueLatencies(results, pointId, "ECDF"));
    }

    /// <summary>
    /// The empirical CDF of latency per structure at one design point, from every resolved issue's
    /// latency by structure (for example <see cref="IssueTable.ReadLatencies"/>).
    /// </summary>
    /// <remarks>
    /// The distribution is over the resolved issues only. The subtitle says so, gives each
    /// structure's issues pending at the end of its runs (issuesPending, mean over replications)
    /// and which structures had runs without a steady state (or that the results do not record
    /// them); such a structure's curve ends in a black ✕ (<see cref="UnstableMarks"/>). Without
    /// per-issue latencies there is no distribution to draw: <see cref="LatencyQuantilePlot"/> shows
    /// the run-level quantiles as what they are.
    /// </remarks>
    /// <param name="summary">The summary results.</param>
    /// <param name="pointId">The design point.</param>
    /// <param name="issueLatencies">Every resolved issue's latency by structure at the point.</param>
    /// <exception cref="ArgumentException"><paramref name="issueLatencies"/> has no resolved issue.</exception>
    public static Plot LatencyEcdf(SummaryTable summary, int pointId, IReadOnlyDictionary<string, double[]> issueLatencies)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var (samples, source) = Samples(summary, pointId, issueLatencies, "ECDF");
        var plot = FigureStyle.NewPlot();
        var ends = new List<(string Structure, Coordinates At)>();
        foreach (var sample in samples)
        {
            var color = StructurePalette.ColorOf(sample.Structure, summary.Structures);
            var (xs, ps) = EcdfPoints(sample.Sorted);
            var line = plot.Add.ScatterLine(xs, ps, color);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 3;
            line.LegendText = sample.Structure;
            var points = line.Data.GetScatterPoints();
            if (points.Count > 0)
            {
                ends.Add((sample.Structure, points[points.Count - 1]));
            }
        }

        var stability = MarkUnstableCurves(plot, summary, pointId, ends);
        plot.Axes.SetLimitsY(0, 1.02);
        FigureStyle.Apply(plot,
            $"{summary.Scenario.Name}: latency ECDF of resolved issues",
            Subtitle(summary, PointText(summary, pointId), source, stability),
            "latency (days)",
            "share of issues resolved within x");
        return plot;
    }

    /// <summary>
    /// The density of latency per structure at one design point, as step outlines on shared bins:
    /// the histogram of every resolved issue in issues.csv, pooled over replications.
    /// <inheritdoc cref="LatencyHistogram(SummaryTable, int, IReadOnlyDictionary{string, double[]}, int)" path="/remarks"/>
    /// </summary>
    /// <param name="results">The results folder.</param>
    /// <param name="pointId">The design point.</param>
    /// <param name="bins">Number of bins.</param>
    /// <exception cref="ArgumentException">The folder has no issues.csv, or it has no resolved issue at the point: the run-level quantiles are drawn by <see cref="LatencyQuantilePlot"/> instead.</exception>
    public static Plot LatencyHistogram(ResultsFolder results, int pointId, int bins = 40)
    {
        ArgumentNullException.ThrowIfNull(results);
        return LatencyHistogram(results.Summary, pointId, RequireIssueLatencies(results, pointId, "histogram"), bins);
    }

    /// <summary>The density of latency per structure at one design point, from every resolved issue's latency by structure.</summary>
    /// <remarks>
    /// The density is over the resolved issues only. The subtitle says so, gives each structure's
    /// issues pending at the end of its runs (issuesPending, mean over replications) and which
    /// structures had runs without a steady state (or that the results do not record them); such a
    /// structure's curve has a black ✕ at its peak (<see cref="UnstableMarks"/>).
    /// </remarks>
    /// <param name="summary">The summary results.</param>
    /// <param name="pointId">The design point.</param>
    /// <param name="issueLatencies">Every resolved issue's latency by structure at the point.</param>
    /// <param name="bins">Number of bins.</param>
    /// <exception cref="ArgumentException"><paramref name="issueLatencies"/> has no resolved issue.</exception>
    public static Plot LatencyHistogram(SummaryTable summary, int pointId, IReadOnlyDictionary<string, double[]> issueLatencies, int bins = 40)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var (samples, source) = Samples(summary, pointId, issueLatencies, "histogram");
        var plot = FigureStyle.NewPlot();
        var drawn = samples.Where(s => s.Sorted.Length > 0).ToArray();
        var low = drawn.Min(s => s.Sorted[0]);
        var high = drawn.Max(s => s.Sorted[^1]);
        high = high > low ? high : low + 1;
        var peaks = new List<(string Structure, Coordinates At)>();
        foreach (var sample in drawn)
        {
            var color = StructurePalette.ColorOf(sample.Structure, summary.Structures);
            var (edges, density) = HistogramDensity(sample.Sorted, bins, low, high);
            var ys = density.Append(density[^1]).ToArray();
            var line = plot.Add.ScatterLine(edges, ys, color);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 3;
            line.LegendText = sample.Structure;
            var top = Array.IndexOf(density, density.Max());
            peaks.Add((sample.Structure, new Coordinates((edges[top] + edges[top + 1]) / 2, density[top])));
        }

        var stability = MarkUnstableCurves(plot, summary, pointId, peaks);
        var peak = plot.GetPlottables<ScottPlot.Plottables.Scatter>().SelectMany(p => p.Data.GetScatterPoints()).Select(c => c.Y).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, peak * 1.08);
        var binText = $"{bins} bins of {Format((high - low) / bins)} days from {Format(low)}";
        FigureStyle.Apply(plot,
            $"{summary.Scenario.Name}: latency histogram of resolved issues",
            Subtitle(summary, PointText(summary, pointId), source, binText, stability),
            "latency (days)",
            "density (share of issues per day)");
        return plot;
    }

    /// <summary>
    /// The run-level latency quantiles per structure at one design point, as a quantile interval
    /// plot: for each quantile of the resolved issues' latency that summary.csv has (median, 90th
    /// and 95th percentile, maximum; <see cref="LatencyQuantiles"/>), one point per structure at the
    /// mean over the replications with its 95% CI as a vertical bar, structures side by side. It is
    /// what the results hold when there is no issues.csv: a few summary numbers per run, not a
    /// distribution, so no curve joins them. The subtitle says so and, as the ECDF's does, gives
    /// each structure's issues pending at the end and which structures had runs without a steady
    /// state; such a structure's highest point carries a black ✕ (<see cref="UnstableMarks"/>).
    /// </summary>
    /// <param name="summary">The summary results.</param>
    /// <param name="pointId">The design point.</param>
    /// <exception cref="ArgumentException">summary.csv has none of the quantile columns, or the point is unknown.</exception>
    public static Plot LatencyQuantilePlot(SummaryTable summary, int pointId)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var quantiles = LatencyQuantiles.Where(summary.Measures.Contains).ToArray();
        if (quantiles.Length == 0)
        {
            throw new ArgumentException(
                $"{summary.Table.FileName} has none of the latency quantile columns {string.Join(", ", LatencyQuantiles)}: there is no latency quantile to draw.", nameof(summary));
        }

        var rows = PointRows(summary, pointId);
        var structures = StructuresOf(summary, rows).ToArray();
        var plot = FigureStyle.NewPlot();
        var tops = new List<(string Structure, Coordinates At)>();
        const double GroupWidth = 0.7;
        for (var s = 0; s < structures.Length; s++)
        {
            var row = rows.First(r => r.Structure == structures[s]);
            var offset = structures.Length == 1 ? 0 : GroupWidth * ((s / (structures.Length - 1.0)) - 0.5);
            var drawn = Enumerable.Range(0, quantiles.Length).Where(k => double.IsFinite(row.Measures[quantiles[k]].Mean)).ToArray();
            if (drawn.Length == 0)
            {
                continue;
            }

            var color = StructurePalette.ColorOf(structures[s], summary.Structures);
            var xs = drawn.Select(k => k + offset).ToArray();
            var stats = drawn.Select(k => row.Measures[quantiles[k]]).ToArray();
            var ys = stats.Select(m => m.Mean).ToArray();
            var zeros = new double[xs.Length];
            plot.Add.Plottable(new ScottPlot.Plottables.ErrorBar(xs, ys, zeros, zeros, stats.Select(HalfHigh).ToArray(), stats.Select(HalfLow).ToArray())
            {
                Color = color,
                LineWidth = 2,
            });
            var points = plot.Add.Scatter(xs, ys, color);
            points.LineWidth = 0;
            points.MarkerSize = 11;
            points.LegendText = structures[s];
            var top = Array.IndexOf(ys, ys.Max());
            tops.Add((structures[s], new Coordinates(xs[top], ys[top])));
        }

        var stability = MarkUnstableCurves(plot, summary, pointId, tops);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, quantiles.Length).Select(k => (double)k).ToArray(), quantiles.Select(QuantileName).ToArray());
        plot.Axes.SetLimitsX(-0.6, quantiles.Length - 0.4);
        var missing = LatencyQuantiles.Except(quantiles).ToArray();
        FigureStyle.Apply(plot,
            $"{summary.Scenario.Name}: latency quantiles of resolved issues",
            Subtitle(summary,
                PointText(summary, pointId),
                $"run-level quantiles, each the mean of {Replications(rows)} runs with its 95% CI; no curve joins them: " +
                "issues.csv is not present, so the distribution itself is not known",
                missing.Length == 0 ? null : $"not in {summary.Table.FileName}: {string.Join(", ", missing.Select(QuantileName))}",
                stability),
            "quantile of the resolved issues' latency",
            "latency (days)");
        return plot;
    }

    /// <summary>The tick label of a run-level quantile column: "median", "90th percentile", "95th percentile", "maximum".</summary>
    private static string QuantileName(string measure) => measure switch
    {
        "latencyMedianResolved" => "median",
        "latencyP90Resolved" => "90th percentile",
        "latencyP95Resolved" => "95th percentile",
        "latencyMaxResolved" => "maximum",
        _ => MeasureCatalog.Find(measure)?.Label ?? measure,
    };

    /// <summary>The steps of the ECDF: (x_(k), k/n), every point up to 2000 issues, else at 2000 evenly spaced ranks (exact order statistics).</summary>
    internal static (double[] Xs, double[] Ps) EcdfPoints(double[] sorted)
    {
        var n = sorted.Length;
        if (n == 0)
        {
            return ([], []);
        }

        var ranks = n <= EcdfPointLimit
            ? Enumerable.Range(1, n).ToArray()
            : Enumerable.Range(1, EcdfPointLimit).Select(j => (int)Math.Round((double)j * n / EcdfPointLimit)).Distinct().ToArray();
        var xs = new double[ranks.Length + 1];
        var ps = new double[ranks.Length + 1];
        xs[0] = sorted[0];
        ps[0] = 0;
        for (var i = 0; i < ranks.Length; i++)
        {
            xs[i + 1] = sorted[ranks[i] - 1];
            ps[i + 1] = (double)ranks[i] / n;
        }

        return (xs, ps);
    }

    /// <summary>Histogram density on <paramref name="bins"/> equal bins from <paramref name="low"/> to <paramref name="high"/> (the largest value included): count / (n × width).</summary>
    internal static (double[] Edges, double[] Density) HistogramDensity(double[] sorted, int bins, double low, double high)
    {
        if (sorted.Length == 0)
        {
            return ([], []);
        }

        var histogram = ScottPlot.Statistics.Histogram.WithBinCount(bins, low, high);
        histogram.IncludeOutliers = true;
        histogram.AddRange(sorted);
        var edges = histogram.Edges.ToArray();
        var density = histogram.Counts.Select((c, i) => c / (sorted.Length * (edges[i + 1] - edges[i]))).ToArray();
        return (edges, density);
    }

    /// <summary>
    /// Marks the curve of each structure at <paramref name="pointId"/> whose runs did not all reach
    /// a steady state, at its place in <paramref name="places"/>, and returns the subtitle's phrase
    /// on resolved issues, pending issues and stability.
    /// </summary>
    private static string MarkUnstableCurves(Plot plot, SummaryTable summary, int pointId, IEnumerable<(string Structure, Coordinates At)> places)
    {
        var rows = PointRows(summary, pointId);
        var ordered = StructuresOf(summary, rows).Select(s => rows.First(r => r.Structure == s)).ToArray();
        var unstable = ordered.Where(r => IsUnstable(summary, r)).Select(r => r.Structure).ToHashSet(StringComparer.Ordinal);
        MarkUnstable(plot, places.Where(p => unstable.Contains(p.Structure)).Select(p => p.At));
        return DistributionStabilityText(summary, ordered);
    }

    /// <summary>True when issues.csv holds a resolved issue at <paramref name="pointId"/>: the ECDF and histogram can be drawn.</summary>
    internal static bool HasIssueLatencies(ResultsFolder results, int pointId) =>
        IssueLatencies(results, pointId) is { } latencies && latencies.Values.Any(v => v.Length > 0);

    /// <summary>True when summary.csv has at least one of the run-level latency quantiles (<see cref="LatencyQuantiles"/>), which a spec's "measures" may leave out.</summary>
    internal static bool HasLatencyQuantiles(SummaryTable summary) => LatencyQuantiles.Any(summary.Measures.Contains);

    private static IReadOnlyDictionary<string, double[]>? IssueLatencies(ResultsFolder results, int pointId)
    {
        PointRows(results.Summary, pointId);
        return results.IssueLatencies(pointId);
    }

    private static IReadOnlyDictionary<string, double[]> RequireIssueLatencies(ResultsFolder results, int pointId, string figure)
    {
        var latencies = IssueLatencies(results, pointId);
        return latencies ?? throw new ArgumentException(
            $"The latency {figure} needs every resolved issue's latency, and {results.Directory} has no issues.csv: " +
            "draw the run-level quantiles with LatencyQuantilePlot instead, or run again with issues written.", nameof(results));
    }

    private static (LatencySample[] Samples, string Source) Samples(SummaryTable summary, int pointId, IReadOnlyDictionary<string, double[]> issueLatencies, string figure)
    {
        ArgumentNullException.ThrowIfNull(issueLatencies);
        var rows = PointRows(summary, pointId);
        var structures = StructuresOf(summary, rows).ToArray();
        if (!issueLatencies.Values.Any(v => v.Length > 0))
        {
            throw new ArgumentException(
                $"The latency {figure} at point {pointId} needs resolved issues, and the issue latencies given have none there: " +
                "draw the run-level quantiles with LatencyQuantilePlot instead.", nameof(issueLatencies));
        }

        var samples = structures
            .Where(s => issueLatencies.TryGetValue(s, out var v) && v.Length > 0)
            .Select(s => LatencySample.FromIssues(s, issueLatencies[s]))
            .ToArray();
        var missing = structures.Where(s => samples.All(x => x.Structure != s)).ToArray();
        var n = string.Join(", ", samples.Select(s => $"{s.Structure} {s.Sorted.Length}"));
        var note = missing.Length == 0 ? "" : $"; no resolved issue for {string.Join(", ", missing)}";
        return (samples, $"from issues.csv: every resolved issue, pooled over replications (issues: {n}){note}");
    }
}
