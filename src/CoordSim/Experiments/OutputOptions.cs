namespace CoordSim.Experiments;

/// <summary>What a sweep writes besides <c>runs.csv</c>, <c>summary.csv</c> and <c>manifest.json</c>.</summary>
/// <param name="Issues">Also write <c>issues.csv</c>, one row per resolved issue of every run (large: about arrivalRate × horizonDays rows per run).</param>
/// <param name="TimeSeriesInterval">
/// When set, also write <c>timeseries.csv</c>: every run's time series (<see cref="Metrics.TimeSeries"/>) sampled every
/// this many days (greater than 0), about horizonDays / interval rows per run; null writes none. The spec's
/// <c>output.timeSeries</c>.
/// </param>
public sealed record OutputOptions(bool Issues = false, double? TimeSeriesInterval = null)
{
    /// <summary>The default: no per-issue file and no time series.</summary>
    public static OutputOptions Default { get; } = new();
}
