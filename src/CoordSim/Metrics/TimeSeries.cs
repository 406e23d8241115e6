using System.Globalization;

namespace CoordSim.Metrics;

/// <summary>
/// A run's time series, sampled every <see cref="IntervalDays"/> days like a Mesa DataCollector or a NetLogo
/// BehaviorSpace table: one <see cref="TimeSeriesSample"/> per sample, at day <see cref="IntervalDays"/>,
/// 2 × <see cref="IntervalDays"/>, … while that is before the end of the run, and a last one at the end of the run
/// (the horizon, or the earlier day a run with maxIssues drained or a guard, maxPending or maxEvents, stopped it). So the
/// last sample covers a shorter interval when the end is not a multiple of the interval, and the samples together
/// cover the whole run: the time-weighted mean of a level's utilisation over the samples is the run's
/// <see cref="UtilisationSummary.ByLevel"/> mean, and the meetings of the samples add up to <see cref="RunResult.Meetings"/>.
/// Sampling reads the model's state between events and schedules nothing, so a run with a time series gives the same
/// <see cref="RunResult"/> as one without. Made by <see cref="Simulation.RunWithTimeSeries"/>.
/// </summary>
/// <param name="IntervalDays">Days between samples.</param>
/// <param name="Levels">The title of each level, indexed like <see cref="TimeSeriesSample.Utilisation"/>: frontline first, the government leaders last.</param>
/// <param name="Samples">The samples in time order; never empty.</param>
public sealed record TimeSeries(double IntervalDays, IReadOnlyList<string> Levels, IReadOnlyList<TimeSeriesSample> Samples)
{
    /// <summary>Most samples one run's series may hold: the interval must be at least horizonDays / <see cref="MaxSamples"/>.</summary>
    public const int MaxSamples = 1_000_000;

    /// <summary>What an interval must be, in words: a number of days greater than 0.</summary>
    public const string AllowedText = "a number of days greater than 0 (the interval between samples)";

    /// <summary>This series as a JSON array of samples (member names as in docs/cli.md; culture-invariant numbers).</summary>
    public string ToJson() => TimeSeriesJson.Serialize(this);

    /// <summary>
    /// What is wrong with sampling every <paramref name="intervalDays"/> days a run of <paramref name="horizonDays"/>
    /// days, as the text of what is allowed; null when nothing is.
    /// </summary>
    internal static string? IntervalProblem(double intervalDays, double horizonDays)
    {
        if (!(double.IsFinite(intervalDays) && intervalDays > 0))
        {
            return AllowedText;
        }

        if (horizonDays / intervalDays > MaxSamples)
        {
            var least = (horizonDays / MaxSamples).ToString(CultureInfo.InvariantCulture);
            var horizon = horizonDays.ToString(CultureInfo.InvariantCulture);
            return $"at least horizonDays / {MaxSamples.ToString(CultureInfo.InvariantCulture)} = {least} days for horizonDays = {horizon}, so that a run has at most {MaxSamples.ToString(CultureInfo.InvariantCulture)} samples";
        }

        return null;
    }
}
