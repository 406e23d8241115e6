namespace CoordSim.Plots;

/// <summary>One structure's latency distribution at a design point: every resolved issue's latency (from issues.csv), sorted.</summary>
internal sealed record LatencySample(string Structure, double[] Sorted)
{
    /// <summary>The finite latencies of <paramref name="latencies"/>, sorted.</summary>
    public static LatencySample FromIssues(string structure, double[] latencies) =>
        new(structure, latencies.Where(double.IsFinite).Order().ToArray());
}
