namespace CoordSim.Experiments;

/// <summary>What a sweep writes besides <c>runs.csv</c>, <c>summary.csv</c> and <c>manifest.json</c>.</summary>
/// <param name="Issues">Also write <c>issues.csv</c>, one row per resolved issue of every run (large: about arrivalRate × horizonDays rows per run).</param>
public sealed record OutputOptions(bool Issues = false)
{
    /// <summary>The default: no per-issue file.</summary>
    public static OutputOptions Default { get; } = new();
}
