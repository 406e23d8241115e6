namespace CoordSim.Metrics;

/// <summary>
/// Latency over every measured arrival (discovered after the warm-up), resolved or not: the Kaplan–Meier estimate
/// of its distribution, with each issue still open at the end right-censored at its age then. A quantile the
/// estimated curve does not reach lies beyond the horizon and is NaN (null in JSON, empty in CSV).
/// </summary>
/// <param name="Median">Kaplan–Meier median latency (days); NaN when fewer than half the arrivals are known to be resolved by then.</param>
/// <param name="P90">Kaplan–Meier 90th percentile (days); NaN beyond the horizon.</param>
/// <param name="P95">Kaplan–Meier 95th percentile (days); NaN beyond the horizon.</param>
/// <param name="RestrictedMean">Restricted mean latency: the area under the Kaplan–Meier survival curve up to <see cref="RestrictedTo"/> (days), that is the mean of min(latency, RestrictedTo).</param>
/// <param name="RestrictedTo">The restriction: the measured window, from the end of the warm-up to the end of the run (days).</param>
/// <param name="OnTimeShare">Share of all measured arrivals resolved by their deadline (unresolved ones count as not on time).</param>
/// <param name="Censored">Measured arrivals still open at the end (censored).</param>
public sealed record CensoredLatency(
    double Median,
    double P90,
    double P95,
    double RestrictedMean,
    double RestrictedTo,
    double OnTimeShare,
    long Censored);
