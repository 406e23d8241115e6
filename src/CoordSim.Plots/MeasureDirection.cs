using CoordSim.Metrics;

namespace CoordSim.Plots;

/// <summary>
/// Whether a lower or a higher value of a measure is better, for figures that name a best
/// structure (<see cref="Figures.WinnerMap"/>). The table is explicit, one entry per measure;
/// a measure not in it has no declared direction, and a caller who ranks by it must say which
/// way is better.
/// </summary>
/// <remarks>
/// Left out on purpose: measures that describe the run rather than its quality (issuesArrived,
/// meetings, events, and where issues were decided: decidedOnTheLine, decidedByConcurrence,
/// decidedByLeaders, decidedInBodies, decidedAtMeetings), measures where neither end is better
/// (distortionSeverityBias: a signed error, best near 0), and utilisations other than the busiest
/// person's (low utilisation is idle capacity, high is overload).
/// </remarks>
public static class MeasureDirection
{
    private static readonly Dictionary<string, bool> Table = new(StringComparer.Ordinal)
    {
        // Latency: days from discovery to the last execution, over all arrivals (Kaplan-Meier) and over the resolved, and its parts.
        ["latencyKmMedian"] = true,
        ["latencyKmP90"] = true,
        ["latencyKmP95"] = true,
        ["latencyRestrictedMean"] = true,
        ["onTimeShare"] = false,
        ["latencyMeanResolved"] = true,
        ["latencyMedianResolved"] = true,
        ["latencyP90Resolved"] = true,
        ["latencyP95Resolved"] = true,
        ["latencyMaxResolved"] = true,
        ["latencyQueueingResolved"] = true,
        ["latencyQueueingIncurred"] = true,
        ["latencyServiceResolved"] = true,
        ["latencyServiceIncurred"] = true,
        ["latencyMeetingWaitResolved"] = true,
        ["latencyMeetingWaitIncurred"] = true,
        ["latencyTransmissionResolved"] = true,
        ["latencyTransmissionIncurred"] = true,
        ["latencyConsultationResolved"] = true,
        ["latencyConsultationIncurred"] = true,
        ["deadlineMissed"] = true,

        // Stability: a steady state is better than a growing backlog.
        ["stable"] = false,
        ["backlogMid"] = true,
        ["backlogEnd"] = true,
        ["backlogGrowth"] = true,
        ["stoppedEarly"] = true,

        // Distortion: how wrong the executors' picture is.
        ["distortionRms"] = true,
        ["distortionMean"] = true,
        ["distortionFactsLost"] = true,
        ["distortionHops"] = true,
        ["distortionAboveThreshold"] = true,

        // Responsibility: diffusion is the cost the model studies (docs/model.md); blame that finds the faulters and failures someone answers for are the good.
        ["responsibilityEffectiveCount"] = true,
        ["responsibilityEntropy"] = true,
        ["blamePrecision"] = false,
        ["unansweredFailures"] = true,
        ["scapegoating"] = true,
        ["failedShare"] = true,
        ["escalatedShare"] = true,

        // Work done and its cost.
        ["issuesResolved"] = false,
        ["issuesPending"] = true,
        ["throughput"] = false,
        ["utilisationBusiest"] = true,
        ["staffDays"] = true,
        ["secondedDays"] = true,
        ["homeCapacityMean"] = false,
        ["homeCapacityMin"] = false,
        ["meetingDays"] = true,
        ["reportDays"] = true,
        ["roundsPerConsultation"] = true,
        ["reopenedShare"] = true,
    };

    /// <summary>Every measure with a declared direction: true when lower is better, false when higher is.</summary>
    public static IReadOnlyDictionary<string, bool> LowerIsBetter => Table;

    /// <summary>True when lower values of <paramref name="measure"/> are better, false when higher are, null when the table has no entry.</summary>
    public static bool? Find(string measure) => Table.TryGetValue(measure, out var lower) ? lower : null;

    /// <summary>
    /// The direction to rank <paramref name="measure"/> by: <paramref name="lowerIsBetter"/> when
    /// given, else the table's.
    /// </summary>
    /// <exception cref="ArgumentException">No direction was given and the table has none for the measure.</exception>
    public static bool Resolve(string measure, bool? lowerIsBetter = null)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (lowerIsBetter is { } given)
        {
            return given;
        }

        if (Find(measure) is { } declared)
        {
            return declared;
        }

        var what = MeasureCatalog.Find(measure) is { } info ? $"'{measure}' ({info.Meaning.TrimEnd('.')})" : $"'{measure}'";
        throw new ArgumentException(
            $"{what} has no declared direction: it is not known whether lower or higher is better. " +
            $"Pass lowerIsBetter: true or false. Measures with a declared direction: {string.Join(", ", Table.Keys)}.",
            nameof(measure));
    }
}
