using CoordSim.Plots.Results;

namespace CoordSim.Plots;

/// <summary>
/// One structure's latency distribution at a design point, as far as the results know it:
/// either every resolved issue's latency (from issues.csv) or only the run-level quantiles
/// of the resolved issues (median, p90, p95, max from summary.csv, each the mean over the replications).
/// </summary>
internal sealed record LatencySample(string Structure, double[]? Sorted, double Median, double P90, double P95, double Max)
{
    /// <summary>True when built from per-issue latencies.</summary>
    public bool IsExact => Sorted is not null;

    /// <summary>The quantile knots (latency, cumulative share) of the piecewise-linear distribution through 0 and the known quantiles.</summary>
    public (double X, double P)[] Knots() => [(0, 0), (Median, 0.5), (P90, 0.9), (P95, 0.95), (Max, 1)];

    public static LatencySample FromIssues(string structure, double[] latencies)
    {
        var sorted = latencies.Where(double.IsFinite).Order().ToArray();
        return new LatencySample(structure, sorted, double.NaN, double.NaN, double.NaN, double.NaN);
    }

    public static LatencySample? FromQuantiles(SummaryRow row)
    {
        var q = Figures.LatencyQuantiles.Select(m => row.Measures[m].Mean).ToArray();
        return q.All(double.IsFinite) ? new LatencySample(row.Structure, null, q[0], q[1], q[2], q[3]) : null;
    }
}
