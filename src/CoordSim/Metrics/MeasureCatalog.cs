namespace CoordSim.Metrics;

/// <summary>
/// Every scalar measure a run reports, with stable names: the columns of <c>runs.csv</c> and
/// <c>summary.csv</c> and what sweeps and plots refer to.
/// </summary>
public static class MeasureCatalog
{
    private static readonly Measure[] Items =
    [
        new("issuesArrived", "issues", "Issues discovered after the warm-up.", r => r.Issues.Arrived),
        new("issuesResolved", "issues", "Issues whose last required execution was done by the end.", r => r.Issues.Resolved),
        new("issuesPending", "issues", "Issues still open at the end (backlog); arrived = resolved + pending.", r => r.Issues.Pending),
        new("stable", "flag", "1 when the run reached a steady state: not stopped early, and the backlog grew over the second half of the measured window by at most 3·sqrt(arrivals in it); 0 otherwise.", r => r.Stability.Stable ? 1 : 0),
        new("backlogMid", "issues", "Open issues (warm-up ones included) halfway between the end of the warm-up and the horizon, or at the end of a run that ended before then.", r => r.Stability.BacklogMid),
        new("backlogEnd", "issues", "Open issues (warm-up ones included) at the end of the run.", r => r.Stability.BacklogEnd),
        new("backlogGrowth", "issues/day", "Growth of the backlog over the second half of the measured window: (backlogEnd - backlogMid) / days.", r => r.Stability.GrowthPerDay),
        new("stoppedEarly", "flag", "1 when a guard stopped the run before the horizon: more than maxPending issues open, or maxEvents events processed.", r => r.Stability.StoppedEarly ? 1 : 0),
        new("latencyKmMedian", "days", "Median latency over all measured arrivals, unresolved ones right-censored at the end (Kaplan-Meier); empty when beyond the horizon.", r => r.Latency.AllArrivals.Median),
        new("latencyKmP90", "days", "90th percentile of latency over all measured arrivals (Kaplan-Meier, unresolved censored); empty when beyond the horizon.", r => r.Latency.AllArrivals.P90),
        new("latencyKmP95", "days", "95th percentile of latency over all measured arrivals (Kaplan-Meier, unresolved censored); empty when beyond the horizon.", r => r.Latency.AllArrivals.P95),
        new("latencyRestrictedMean", "days", "Mean of min(latency, measured window) over all measured arrivals: the area under the Kaplan-Meier survival curve.", r => r.Latency.AllArrivals.RestrictedMean),
        new("onTimeShare", "share", "Share of all measured arrivals resolved by their deadline (unresolved ones are not on time).", r => r.Latency.AllArrivals.OnTimeShare),
        new("latencyMeanResolved", "days", "Mean days from discovery to the last required execution, over the resolved issues only (blind to the backlog).", r => r.Latency.MeanResolved),
        new("latencyMedianResolved", "days", "Median latency of the resolved issues.", r => r.Latency.MedianResolved),
        new("latencyP90Resolved", "days", "90th percentile of the resolved issues' latency.", r => r.Latency.P90Resolved),
        new("latencyP95Resolved", "days", "95th percentile of the resolved issues' latency.", r => r.Latency.P95Resolved),
        new("latencyMaxResolved", "days", "Largest latency of a resolved issue.", r => r.Latency.MaxResolved),
        new("latencyQueueingResolved", "days", "Mean days waiting in desk queues on the critical path, over every resolved issue.", r => r.Latency.Components.Queueing.Resolved),
        new("latencyQueueingIncurred", "days", "Mean days waiting in desk queues on the critical path, over the resolved issues that waited.", r => r.Latency.Components.Queueing.Incurred),
        new("latencyServiceResolved", "days", "Mean days in service on the critical path, over every resolved issue.", r => r.Latency.Components.Service.Resolved),
        new("latencyServiceIncurred", "days", "Mean days in service on the critical path, over the resolved issues served at a desk.", r => r.Latency.Components.Service.Incurred),
        new("latencyMeetingWaitResolved", "days", "Mean days on an agenda waiting for a meeting on the critical path, over every resolved issue.", r => r.Latency.Components.MeetingWait.Resolved),
        new("latencyMeetingWaitIncurred", "days", "Mean days on an agenda waiting for a meeting on the critical path, over the resolved issues that waited for one.", r => r.Latency.Components.MeetingWait.Incurred),
        new("latencyTransmissionResolved", "days", "Mean days in transmission on the critical path, over every resolved issue.", r => r.Latency.Components.Transmission.Resolved),
        new("latencyTransmissionIncurred", "days", "Mean days in transmission on the critical path, over the resolved issues that were transmitted.", r => r.Latency.Components.Transmission.Incurred),
        new("latencyConsultationResolved", "days", "Mean days on the critical path parked while the departments were consulted, over every resolved issue.", r => r.Latency.Components.Consultation.Resolved),
        new("latencyConsultationIncurred", "days", "Mean days on the critical path parked while the departments were consulted, over the resolved issues that were consulted on.", r => r.Latency.Components.Consultation.Incurred),
        new("throughput", "issues/day", "Resolved issues per day of the measured window.", r => r.Latency.Throughput),
        new("deadlineMissed", "share", "Share of resolved issues that missed their deadline.", r => r.Latency.DeadlineMissed),
        new("distortionRms", "relative error", "Root-mean-square relative error of the executors' state, sqrt(sum ||x_exec - x||^2 / sum ||x||^2) over every executor of every resolved issue.", r => r.Distortion.Rms),
        new("distortionMean", "relative error", "Mean over resolved issues of the relative error ||x_exec - x|| / ||x|| (a mean of ratios); empty when stateDimensions < 3, where it has no finite variance.", r => r.Distortion.Mean),
        new("distortionSeverityBias", "fact sd", "Mean signed error of the severity fact (negative: bad news shaded down).", r => r.Distortion.SeverityBias),
        new("distortionFactsLost", "share", "Mean fraction of facts lost between discovery and execution.", r => r.Distortion.FactsLost),
        new("distortionHops", "hops", "Mean hand-overs between discovery and execution.", r => r.Distortion.MeanHops),
        new("distortionAboveThreshold", "share", "Share of resolved issues whose distortion exceeded failureDistortion.", r => r.Distortion.AboveThreshold),
        new("responsibilityEffectiveCount", "people", "Mean effective number of accountable people, 1/sum(w^2).", r => r.Responsibility.EffectiveCount),
        new("responsibilityEntropy", "nats", "Mean entropy -sum(w ln w) of accountability weights.", r => r.Responsibility.Entropy),
        new("responsibilityOnWorstHandover", "weight", "Mean formal weight on the person whose hand-over added most delay (deadline missed) or most error, over failed issues: where congestion or noise fell, not who was at fault.", r => r.Responsibility.OnWorstHandover),
        new("faultedShare", "share", "Share of resolved issues with at least one planted fault (a shirk or an error on a visit).", r => r.Responsibility.FaultedShare),
        new("blamePrecision", "share", "Mean share of the blame for a failure that falls on the people who faulted on it, over failed issues with a fault (blame by the structure's rule, faults planted).", r => r.Responsibility.BlamePrecision),
        new("unansweredFailures", "share", "Share of failed issues on which nobody carries at least answerableThreshold of the blame.", r => r.Responsibility.UnansweredFailures),
        new("scapegoating", "people", "Mean blame on people who did not fault, over failed issues (1 = one innocent person blamed for the whole failure).", r => r.Responsibility.Scapegoating),
        new("failedShare", "share", "Share of resolved issues that failed (deadline missed or distortion above threshold).", r => r.Responsibility.FailedShare),
        new("escalatedShare", "share", "Share of agenda items escalated for cover.", r => r.Responsibility.EscalatedShare),
        new("decidedOnTheLine", "share", "Share of resolved issues decided by the official the hierarchy gives authority over a single-department issue.", r => r.Decisions.OnTheLine),
        new("decidedByConcurrence", "share", "Share of resolved issues decided by concurrence: every consulted department agreed.", r => r.Decisions.ByConcurrence),
        new("decidedByLeaders", "share", "Share of resolved issues escalated to and decided by a deputy in charge or the government head.", r => r.Decisions.ByLeaders),
        new("decidedInBodies", "share", "Share of resolved issues decided as they came at a body member's desk (commander, task-force lead or liaison).", r => r.Decisions.InBodies),
        new("decidedAtMeetings", "share", "Share of resolved issues decided at a body's meeting.", r => r.Decisions.AtMeetings),
        new("reopenedShare", "share", "Share of resolved issues a revisit found wrongly closed and reopened at least once; empty for structures without a revisit loop.", r => r.Decisions.ReopenedShare),
        new("roundsPerConsultation", "rounds", "Mean consultation rounds over the resolved issues that were consulted on.", r => r.Decisions.ConsultationRounds),
        new("utilisationTop", "share", "Utilisation of the government head (of the capacity left for coordination).", r => r.Utilisation.GovernmentHead),
        new("utilisationDeputies", "share", "Mean utilisation of the deputies in charge (of the capacity left for coordination); empty when there are none.", r => r.Utilisation.Deputies),
        new("utilisationHeads", "share", "Mean utilisation of department heads.", r => r.Utilisation.ByLevel[^2].Mean),
        new("utilisationFrontline", "share", "Mean utilisation of frontline people.", r => r.Utilisation.ByLevel[0].Mean),
        new("utilisationBusiest", "share", "Utilisation of the busiest person.", r => r.Utilisation.Busiest),
        new("meetings", "meetings", "Meetings held by coordination bodies.", r => r.Meetings),
        new("meetingDays", "person-days", "Person-days spent in meetings and progress reviews, away from the desks.", r => r.Attendance.MeetingDays),
        new("reportDays", "person-days", "Person-days spent writing periodic briefs, away from the desks.", r => r.Attendance.ReportDays),
        new("staffDays", "person-days", "Person-days spent on issues (staff cost).", r => r.StaffDays),
        new("secondedDays", "person-days", "Person-days of capacity seconded to coordination bodies, used or idle.", r => r.SecondedDays),
        new("homeCapacityMean", "share", "Mean, over the officials who sit on a coordination body, of the share of their capacity left for home duties (home desk share while not away in meetings and briefs); empty without bodies.", r => r.Utilisation.HomeCapacityMean),
        new("homeCapacityMin", "share", "The least share of capacity left for home duties of any official who sits on a coordination body; empty without bodies.", r => r.Utilisation.HomeCapacityMin),
        new("events", "events", "Events processed by the engine.", r => r.Events),
    ];

    private static readonly Dictionary<string, Measure> ByName = Items.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>Every measure, in column order.</summary>
    public static IReadOnlyList<Measure> All => Items;

    /// <summary>Measures that were renamed, with their new names: the latency measures over resolved issues only say so, and traceability says what it measures (measures v2).</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["latencyMean"] = "latencyMeanResolved",
        ["latencyMedian"] = "latencyMedianResolved",
        ["latencyP90"] = "latencyP90Resolved",
        ["latencyP95"] = "latencyP95Resolved",
        ["latencyMax"] = "latencyMaxResolved",
        ["latencyQueueing"] = "latencyQueueingResolved",
        ["latencyService"] = "latencyServiceResolved",
        ["latencyMeetingWait"] = "latencyMeetingWaitResolved",
        ["latencyTransmission"] = "latencyTransmissionResolved",
        ["latencyConsultation"] = "latencyConsultationResolved",
        ["responsibilityTraceability"] = "responsibilityOnWorstHandover",
    };

    /// <summary>The measure named <paramref name="name"/>, or null.</summary>
    public static Measure? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The new name of a measure that was renamed, or null.</summary>
    public static string? RenamedTo(string name) => Renamed.GetValueOrDefault(name);
}
