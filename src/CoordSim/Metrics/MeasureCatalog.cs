namespace CoordSim.Metrics;

/// <summary>
/// Every scalar measure a run reports, with stable names: the columns of <c>runs.csv</c> and
/// <c>summary.csv</c> and what sweeps and plots refer to.
/// </summary>
public static class MeasureCatalog
{
    private static readonly Measure[] Items =
    [
        new("issuesArrived", "issues arrived", "issues", "Issues discovered after the warm-up.", r => r.Issues.Arrived),
        new("issuesResolved", "issues resolved", "issues", "Issues whose last required execution was done by the end.", r => r.Issues.Resolved),
        new("issuesPending", "issues pending at the end", "issues", "Issues still open at the end (backlog); arrived = resolved + pending.", r => r.Issues.Pending),
        new("stable", "steady state reached", "flag", "1 when the run reached a steady state: not stopped early, and the backlog grew over the second half of the measured window by at most 3·sqrt(arrivals in it); 0 otherwise.", r => r.Stability.Stable ? 1 : 0),
        new("backlogMid", "backlog at mid-window", "issues", "Open issues (warm-up ones included) halfway between the end of the warm-up and the horizon, or at the end of a run that ended before then.", r => r.Stability.BacklogMid),
        new("backlogEnd", "backlog at the end", "issues", "Open issues (warm-up ones included) at the end of the run.", r => r.Stability.BacklogEnd),
        new("backlogGrowth", "backlog growth", "issues/day", "Growth of the backlog over the second half of the measured window: (backlogEnd - backlogMid) / days.", r => r.Stability.GrowthPerDay),
        new("stoppedEarly", "stopped early", "flag", "1 when a guard stopped the run before the horizon: more than maxPending issues open, or maxEvents events processed.", r => r.Stability.StoppedEarly ? 1 : 0),
        new("latencyKmMedian", "median latency of all arrivals", "days", "Median latency over all measured arrivals, unresolved ones right-censored at the end (Kaplan-Meier); empty when beyond the horizon.", r => r.Latency.AllArrivals.Median),
        new("latencyKmP90", "90th percentile latency of all arrivals", "days", "90th percentile of latency over all measured arrivals (Kaplan-Meier, unresolved censored); empty when beyond the horizon.", r => r.Latency.AllArrivals.P90),
        new("latencyKmP95", "95th percentile latency of all arrivals", "days", "95th percentile of latency over all measured arrivals (Kaplan-Meier, unresolved censored); empty when beyond the horizon.", r => r.Latency.AllArrivals.P95),
        new("latencyRestrictedMean", "restricted mean latency", "days", "Mean of min(latency, measured window) over all measured arrivals: the area under the Kaplan-Meier survival curve.", r => r.Latency.AllArrivals.RestrictedMean),
        new("onTimeShare", "share of arrivals on time", "share", "Share of all measured arrivals resolved by their deadline (unresolved ones are not on time).", r => r.Latency.AllArrivals.OnTimeShare),
        new("latencyMeanResolved", "mean latency of resolved issues", "days", "Mean days from discovery to the last required execution, over the resolved issues only (blind to the backlog).", r => r.Latency.MeanResolved),
        new("latencyMedianResolved", "median latency of resolved issues", "days", "Median latency of the resolved issues.", r => r.Latency.MedianResolved),
        new("latencyP90Resolved", "90th percentile latency of resolved issues", "days", "90th percentile of the resolved issues' latency.", r => r.Latency.P90Resolved),
        new("latencyP95Resolved", "95th percentile latency of resolved issues", "days", "95th percentile of the resolved issues' latency.", r => r.Latency.P95Resolved),
        new("latencyMaxResolved", "longest latency of a resolved issue", "days", "Largest latency of a resolved issue.", r => r.Latency.MaxResolved),
        new("latencyQueueingResolved", "queueing time per resolved issue", "days", "Mean days waiting in desk queues on the critical path, over every resolved issue.", r => r.Latency.Components.Queueing.Resolved),
        new("latencyQueueingIncurred", "queueing time per issue that queued", "days", "Mean days waiting in desk queues on the critical path, over the resolved issues that waited.", r => r.Latency.Components.Queueing.Incurred),
        new("latencyServiceResolved", "service time per resolved issue", "days", "Mean days in service on the critical path, over every resolved issue.", r => r.Latency.Components.Service.Resolved),
        new("latencyServiceIncurred", "service time per issue served", "days", "Mean days in service on the critical path, over the resolved issues served at a desk.", r => r.Latency.Components.Service.Incurred),
        new("latencyMeetingWaitResolved", "meeting wait per resolved issue", "days", "Mean days on an agenda waiting for a meeting on the critical path, over every resolved issue.", r => r.Latency.Components.MeetingWait.Resolved),
        new("latencyMeetingWaitIncurred", "meeting wait per issue that waited", "days", "Mean days on an agenda waiting for a meeting on the critical path, over the resolved issues that waited for one.", r => r.Latency.Components.MeetingWait.Incurred),
        new("latencyTransmissionResolved", "transmission time per resolved issue", "days", "Mean days in transmission on the critical path, over every resolved issue.", r => r.Latency.Components.Transmission.Resolved),
        new("latencyTransmissionIncurred", "transmission time per issue transmitted", "days", "Mean days in transmission on the critical path, over the resolved issues that were transmitted.", r => r.Latency.Components.Transmission.Incurred),
        new("latencyConsultationResolved", "consultation time per resolved issue", "days", "Mean days on the critical path parked while the departments were consulted, over every resolved issue.", r => r.Latency.Components.Consultation.Resolved),
        new("latencyConsultationIncurred", "consultation time per issue consulted on", "days", "Mean days on the critical path parked while the departments were consulted, over the resolved issues that were consulted on.", r => r.Latency.Components.Consultation.Incurred),
        new("throughput", "throughput", "issues/day", "Resolved issues per day of the measured window.", r => r.Latency.Throughput),
        new("deadlineMissed", "share of resolved issues late", "share", "Share of resolved issues that missed their deadline.", r => r.Latency.DeadlineMissed),
        new("distortionRms", "RMS distortion", "relative error", "Root-mean-square relative error of the executors' state, sqrt(sum ||x_exec - x||^2 / sum ||x||^2) over every executor of every resolved issue.", r => r.Distortion.Rms),
        new("distortionMean", "mean distortion", "relative error", "Mean over resolved issues of the relative error ||x_exec - x|| / ||x|| (a mean of ratios); empty when stateDimensions < 3, where it has no finite variance.", r => r.Distortion.Mean),
        new("distortionSeverityBias", "severity bias", "fact sd", "Mean signed error of the severity fact (negative: bad news shaded down).", r => r.Distortion.SeverityBias),
        new("distortionFactsLost", "share of facts lost", "share", "Mean fraction of facts lost between discovery and execution.", r => r.Distortion.FactsLost),
        new("distortionHops", "hand-overs per issue", "hops", "Mean hand-overs between discovery and execution.", r => r.Distortion.MeanHops),
        new("distortionAboveThreshold", "share of issues too distorted", "share", "Share of resolved issues whose distortion exceeded failureDistortion.", r => r.Distortion.AboveThreshold),
        new("responsibilityEffectiveCount", "effective number of accountable people", "people", "Mean effective number of accountable people, 1/sum(w^2).", r => r.Responsibility.EffectiveCount),
        new("responsibilityEntropy", "entropy of accountability", "nats", "Mean entropy -sum(w ln w) of accountability weights.", r => r.Responsibility.Entropy),
        new("responsibilityOnWorstHandover", "weight on the worst hand-over", "weight", "Mean formal weight on the person whose hand-over added most delay (deadline missed) or most error, over failed issues: where congestion or noise fell, not who was at fault.", r => r.Responsibility.OnWorstHandover),
        new("faultedShare", "share of issues with a fault", "share", "Share of resolved issues with at least one planted fault (a shirk or an error on a visit).", r => r.Responsibility.FaultedShare),
        new("blamePrecision", "share of blame on those at fault", "share", "Mean share of the blame for a failure that falls on the people who faulted on it, over failed issues with a fault (blame by the structure's rule, faults planted).", r => r.Responsibility.BlamePrecision),
        new("unansweredFailures", "share of failures nobody answers for", "share", "Share of failed issues on which nobody carries at least answerableThreshold of the blame.", r => r.Responsibility.UnansweredFailures),
        new("scapegoating", "blame on innocent people", "people", "Mean blame on people who did not fault, over failed issues (1 = one innocent person blamed for the whole failure).", r => r.Responsibility.Scapegoating),
        new("failedShare", "share of issues failed", "share", "Share of resolved issues that failed (deadline missed or distortion above threshold).", r => r.Responsibility.FailedShare),
        new("escalatedShare", "share of agenda items escalated", "share", "Share of agenda items escalated for cover.", r => r.Responsibility.EscalatedShare),
        new("decidedOnTheLine", "share decided on the line", "share", "Share of resolved issues decided by the official the hierarchy gives authority over a single-department issue.", r => r.Decisions.OnTheLine),
        new("decidedByConcurrence", "share decided by concurrence", "share", "Share of resolved issues decided by concurrence: every consulted department agreed.", r => r.Decisions.ByConcurrence),
        new("decidedByLeaders", "share decided by leaders", "share", "Share of resolved issues escalated to and decided by a deputy in charge or the government head.", r => r.Decisions.ByLeaders),
        new("decidedInBodies", "share decided in bodies", "share", "Share of resolved issues decided as they came at a body member's desk (commander, task-force lead or liaison).", r => r.Decisions.InBodies),
        new("decidedAtMeetings", "share decided at meetings", "share", "Share of resolved issues decided at a body's meeting.", r => r.Decisions.AtMeetings),
        new("reopenedShare", "share reopened", "share", "Share of resolved issues a revisit found wrongly closed and reopened at least once; empty for structures without a revisit loop.", r => r.Decisions.ReopenedShare),
        new("roundsPerConsultation", "consultation rounds", "rounds", "Mean consultation rounds over the resolved issues that were consulted on.", r => r.Decisions.ConsultationRounds),
        new("utilisationTop", "utilisation of the government head", "share", "Utilisation of the government head (of the capacity left for coordination).", r => r.Utilisation.GovernmentHead),
        new("utilisationDeputies", "utilisation of deputies", "share", "Mean utilisation of the deputies in charge (of the capacity left for coordination); empty when there are none.", r => r.Utilisation.Deputies),
        new("utilisationHeads", "utilisation of department heads", "share", "Mean utilisation of department heads.", r => r.Utilisation.ByLevel[^2].Mean),
        new("utilisationFrontline", "utilisation of frontline staff", "share", "Mean utilisation of frontline people.", r => r.Utilisation.ByLevel[0].Mean),
        new("utilisationBusiest", "utilisation of the busiest person", "share", "Utilisation of the busiest person.", r => r.Utilisation.Busiest),
        new("meetings", "meetings held", "meetings", "Meetings held by coordination bodies.", r => r.Meetings),
        new("meetingDays", "days in meetings", "person-days", "Person-days spent in meetings and progress reviews, away from the desks.", r => r.Attendance.MeetingDays),
        new("reportDays", "days writing briefs", "person-days", "Person-days spent writing periodic briefs, away from the desks.", r => r.Attendance.ReportDays),
        new("staffDays", "staff time on issues", "person-days", "Person-days spent on issues (staff cost).", r => r.StaffDays),
        new("secondedDays", "capacity seconded to bodies", "person-days", "Person-days of capacity seconded to coordination bodies, used or idle.", r => r.SecondedDays),
        new("homeCapacityMean", "mean capacity left for home duties", "share", "Mean, over the officials who sit on a coordination body, of the share of their capacity left for home duties (home desk share while not away in meetings and briefs); empty without bodies.", r => r.Utilisation.HomeCapacityMean),
        new("homeCapacityMin", "least capacity left for home duties", "share", "The least share of capacity left for home duties of any official who sits on a coordination body; empty without bodies.", r => r.Utilisation.HomeCapacityMin),
        new("events", "events processed", "events", "Events processed by the engine.", r => r.Events),
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
