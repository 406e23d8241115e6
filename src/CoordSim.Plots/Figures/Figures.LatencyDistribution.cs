using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

public static partial class Figures
{
    private const int EcdfPointLimit = 2000;

    /// <summary>
    /// The empirical CDF of latency per structure at one design point. From issues.csv when the
    /// folder has it (every resolved issue of every replication, pooled), else from the run-level
    /// quantiles in summary.csv (median, p90, p95, max, each the mean over replications, joined by
    /// straight lines from 0); the subtitle says which. <inheritdoc cref="LatencyEcdf(SummaryTable, int, IReadOnlyDictionary{string, double[]}?)" path="/remarks"/>
    /// </summary>
    /// <param name="results">The results folder.</param>
    /// <param name="pointId">The design point.</param>
    public static Plot LatencyEcdf(ResultsFolder results, int pointId)
    {
        ArgumentNullException.ThrowIfNull(results);
        return LatencyEcdf(results.Summary, pointId, IssueLatencies(results, pointId));
    }

    /// <summary>
    /// The empirical CDF of latency per structure at one design point, from per-issue latencies
    /// by structure when <paramref name="issueLatencies"/> is given (for example
    /// <see cref="IssueTable.ReadLatencies"/>), else from the run-level quantiles of <paramref name="summary"/>.
    /// </summary>
    /// <remarks>
    /// The distribution is over the resolved issues only. The subtitle says so, gives each
    /// structure's issues pending at the end of its runs (issuesPending, mean over replications)
    /// and which structures had runs without a steady state (or that the results do not record
    /// them); such a structure's curve ends in a black ✕ (<see cref="UnstableMarks"/>).
    /// </remarks>
    /// <param name="summary">The summary results.</param>
    /// <param name="pointId">The design point.</param>
    /// <param name="issueLatencies">Every resolved issue's latency by structure at the point, or null.</param>
    public static Plot LatencyEcdf(SummaryTable summary, int pointId, IReadOnlyDictionary<string, double[]>? issueLatencies)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var (samples, source) = Samples(summary, pointId, issueLatencies);
        var plot = FigureStyle.NewPlot();
        var ends = new List<(string Structure, Coordinates At)>();
        foreach (var sample in samples)
        {
            var color = StructurePalette.ColorOf(sample.Structure, summary.Structures);
            ScottPlot.Plottables.Scatter line;
            if (sample.IsExact)
            {
                var (xs, ps) = EcdfPoints(sample.Sorted!);
                line = plot.Add.ScatterLine(xs, ps, color);
                line.ConnectStyle = ConnectStyle.StepHorizontal;
            }
            else
            {
                var knots = sample.Knots();
                line = plot.Add.Scatter(knots.Select(k => k.X).ToArray(), knots.Select(k => k.P).ToArray(), color);
                line.MarkerSize = 10;
            }

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
            $"{summary.Scenario.Name}: latency distribution (ECDF)",
            Subtitle(summary, PointText(summary, pointId), source, stability),
            "latency (days)",
            "share of issues resolved within x");
        return plot;
    }

    /// <summary>
    /// The density of latency per structure at one design point, as step outlines on shared bins.
    /// From issues.csv when present (histogram of every resolved issue, pooled over replications),
    /// else from the run-level quantiles (mass 0.5, 0.4, 0.05 and 0.05 spread evenly between 0,
    /// median, p90, p95 and max); the subtitle says which. <inheritdoc cref="LatencyHistogram(SummaryTable, int, IReadOnlyDictionary{string, double[]}?, int)" path="/remarks"/>
    /// </summary>
    /// <param name="results">The results folder.</param>
    /// <param name="pointId">The design point.</param>
    /// <param name="bins">Number of bins for per-issue data.</param>
    public static Plot LatencyHistogram(ResultsFolder results, int pointId, int bins = 40)
    {
        ArgumentNullException.ThrowIfNull(results);
        return LatencyHistogram(results.Summary, pointId, IssueLatencies(results, pointId), bins);
    }

    /// <summary>The density of latency per structure at one design point, from per-issue latencies when given, else from the run-level quantiles.</summary>
    /// <remarks>
    /// The density is over the resolved issues only. The subtitle says so, gives each structure's
    /// issues pending at the end of its runs (issuesPending, mean over replications) and which
    /// structures had runs without a steady state (or that the results do not record them); such a
    /// structure's curve has a black ✕ at its peak (<see cref="UnstableMarks"/>).
    /// </remarks>
    /// <param name="summary">The summary results.</param>
    /// <param name="pointId">The design point.</param>
    /// <param name="issueLatencies">Every resolved issue's latency by structure at the point, or null.</param>
    /// <param name="bins">Number of bins for per-issue data.</param>
    public static Plot LatencyHistogram(SummaryTable summary, int pointId, IReadOnlyDictionary<string, double[]>? issueLatencies, int bins = 40)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var (samples, source) = Samples(summary, pointId, issueLatencies);
        var plot = FigureStyle.NewPlot();
        var exact = samples.Where(s => s.IsExact && s.Sorted!.Length > 0).ToArray();
        var low = exact.Length == 0 ? 0 : exact.Min(s => s.Sorted![0]);
        var high = exact.Length == 0 ? 1 : exact.Max(s => s.Sorted![^1]);
        high = high > low ? high : low + 1;
        var peaks = new List<(string Structure, Coordinates At)>();
        foreach (var sample in samples)
        {
            var color = StructurePalette.ColorOf(sample.Structure, summary.Structures);
            var (edges, density) = sample.IsExact ? HistogramDensity(sample.Sorted!, bins, low, high) : QuantileDensity(sample);
            if (edges.Length < 2)
            {
                continue;
            }

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
        var binText = exact.Length > 0 ? $"{bins} bins of {Format((high - low) / bins)} days from {Format(low)}" : null;
        FigureStyle.Apply(plot,
            $"{summary.Scenario.Name}: latency density",
            Subtitle(summary, PointText(summary, pointId), source, binText, stability),
            "latency (days)",
            "density (share of issues per day)");
        return plot;
    }

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

    /// <summary>The piecewise-uniform density through 0, median, p90, p95 and max (pieces of zero width are left out).</summary>
    internal static (double[] Edges, double[] Density) QuantileDensity(LatencySample sample)
    {
        var knots = sample.Knots();
        var edges = new List<double> { knots[0].X };
        var density = new List<double>();
        for (var i = 1; i < knots.Length; i++)
        {
            var width = knots[i].X - edges[^1];
            if (width <= 0)
            {
                continue;
            }

            density.Add((knots[i].P - knots[i - 1].P) / width);
            edges.Add(knots[i].X);
        }

        return (edges.ToArray(), density.ToArray());
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

    /// <summary>
    /// True when the latency distribution at <paramref name="pointId"/> can be drawn: issues.csv holds resolved issues
    /// there, or summary.csv has the run-level quantiles (<see cref="LatencyQuantiles"/>), which a spec's "measures" may
    /// leave out.
    /// </summary>
    internal static bool HasLatencyDistribution(ResultsFolder results, int pointId) =>
        LatencyQuantiles.All(results.Summary.Measures.Contains) || IssueLatencies(results, pointId) is { } latencies && latencies.Values.Any(v => v.Length > 0);

    private static IReadOnlyDictionary<string, double[]>? IssueLatencies(ResultsFolder results, int pointId)
    {
        PointRows(results.Summary, pointId);
        return results.IssueLatencies(pointId);
    }

    private static (LatencySample[] Samples, string Source) Samples(SummaryTable summary, int pointId, IReadOnlyDictionary<string, double[]>? issueLatencies)
    {
        var rows = PointRows(summary, pointId);
        var structures = StructuresOf(summary, rows).ToArray();
        if (issueLatencies is not null && issueLatencies.Values.Any(v => v.Length > 0))
        {
            var samples = structures
                .Where(s => issueLatencies.TryGetValue(s, out var v) && v.Length > 0)
                .Select(s => LatencySample.FromIssues(s, issueLatencies[s]))
                .ToArray();
            var missing = structures.Where(s => samples.All(x => x.Structure != s)).ToArray();
            var n = string.Join(", ", samples.Select(s => $"{s.Structure} {s.Sorted!.Length}"));
            var note = missing.Length == 0 ? "" : $"; no resolved issue for {string.Join(", ", missing)}";
            return (samples, $"from issues.csv: every resolved issue, pooled over replications (issues: {n}){note}");
        }

        foreach (var measure in LatencyQuantiles)
        {
            summary.RequireMeasure(measure);
        }

        var fromQuantiles = structures
            .Select(s => LatencySample.FromQuantiles(rows.First(r => r.Structure == s)))
            .OfType<LatencySample>()
            .ToArray();
        var why = issueLatencies is null ? "issues.csv not present" : "issues.csv has no issue at this point";
        return (fromQuantiles,
            $"from run-level quantiles of the resolved issues (median, p90, p95, max; mean of {Replications(rows)} runs), linear between them from 0; {why}");
    }
}
