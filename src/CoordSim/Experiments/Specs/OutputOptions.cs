namespace CoordSim.Experiments;

/// <summary>What a sweep writes besides <c>runs.csv</c>, <c>summary.csv</c> and <c>manifest.json</c>.</summary>
/// <param name="Issues">Also write <c>issues.csv</c>, one row per resolved issue of every run (large: about arrivalRate × horizonDays rows per run).</param>
/// <param name="TimeSeriesInterval">
/// Write <c>timeseries.csv</c>: every run's time series (<see cref="Metrics.TimeSeries"/>) sampled every this many
/// days (greater than 0) from day 0 and at the end, about horizonDays / interval + 1 rows per run; by default every
/// <see cref="DefaultTimeSeriesInterval"/> days, so that every sweep shows whether and when its backlogs grew; null
/// writes none. The spec's <c>output.timeSeries</c> (<c>false</c> for none).
/// </param>
public sealed record OutputOptions(bool Issues = false, double? TimeSeriesInterval = OutputOptions.DefaultTimeSeriesInterval)
{
    /// <summary>
    /// The days between the samples of a sweep's time series when the spec does not say: 30, a month, the interval at
    /// which public bodies usually report their caseload; at the default horizon of 365 days that is 13 rows per run.
    /// </summary>
    public const double DefaultTimeSeriesInterval = 30;

    /// <summary>The default: no per-issue file, and a time series sampled every <see cref="DefaultTimeSeriesInterval"/> days.</summary>
    public static OutputOptions Default { get; } = new();
}
