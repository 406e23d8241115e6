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
        new("latencyMean", "days", "Mean days from discovery to the last required execution.", r => r.Latency.Mean),
        new("latencyMedian", "days", "Median latency.", r => r.Latency.Median),
        new("latencyP90", "days", "90th percentile of latency.", r => r.Latency.P90),
        new("latencyP95", "days", "95th percentile of latency.", r => r.Latency.P95),
        new("latencyMax", "days", "Largest latency.", r => r.Latency.Max),
        new("latencyQueueing", "days", "Mean days waiting in desk queues on the critical path.", r => r.Latency.Queueing),
        new("latencyService", "days", "Mean days in service on the critical path.", r => r.Latency.Service),
        new("latencyMeetingWait", "days", "Mean days on an agenda waiting for a meeting on the critical path.", r => r.Latency.MeetingWait),
        new("latencyTransmission", "days", "Mean days in transmission on the critical path.", r => r.Latency.Transmission),
        new("latencyConsultation", "days", "Mean days on the critical path parked while the departments were consulted.", r => r.Latency.Consultation),
        new("throughput", "issues/day", "Resolved issues per simulated day.", r => r.Latency.Throughput),
        new("deadlineMissed", "share", "Share of resolved issues that missed their deadline.", r => r.Latency.DeadlineMissed),
        new("distortionMean", "relative error", "Mean relative error of the executors' state, ||x_exec - x|| / ||x||.", r => r.Distortion.Mean),
        new("distortionSeverityBias", "fact sd", "Mean signed error of the severity fact (negative: bad news shaded down).", r => r.Distortion.SeverityBias),
        new("distortionFactsLost", "share", "Mean fraction of facts lost between discovery and execution.", r => r.Distortion.FactsLost),
        new("distortionHops", "hops", "Mean hand-overs between discovery and execution.", r => r.Distortion.MeanHops),
        new("distortionAboveThreshold", "share", "Share of resolved issues whose distortion exceeded failureDistortion.", r => r.Distortion.AboveThreshold),
        new("responsibilityEffectiveCount", "people", "Mean effective number of accountable people, 1/sum(w^2).", r => r.Responsibility.EffectiveCount),
        new("responsibilityEntropy", "nats", "Mean entropy -sum(w ln w) of accountability weights.", r => r.Responsibility.Entropy),
        new("responsibilityTraceability", "weight", "Mean weight on the person who caused a failure, over failed issues.", r => r.Responsibility.Traceability),
        new("failedShare", "share", "Share of resolved issues that failed (deadline missed or distortion above threshold).", r => r.Responsibility.FailedShare),
        new("escalatedShare", "share", "Share of agenda items escalated for cover.", r => r.Responsibility.EscalatedShare),
        new("decidedOnTheLine", "share", "Share of resolved issues decided by the official the hierarchy gives authority over a single-department issue.", r => r.Decisions.OnTheLine),
        new("decidedByConcurrence", "share", "Share of resolved issues decided by concurrence: every consulted department agreed.", r => r.Decisions.ByConcurrence),
        new("decidedByLeaders", "share", "Share of resolved issues escalated to and decided by a deputy in charge or the government head.", r => r.Decisions.ByLeaders),
        new("decidedInBodies", "share", "Share of resolved issues decided as they came at a body member's desk (commander, task-force lead or liaison).", r => r.Decisions.InBodies),
        new("decidedAtMeetings", "share", "Share of resolved issues decided at a body's meeting.", r => r.Decisions.AtMeetings),
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
        new("events", "events", "Events processed by the engine.", r => r.Events),
    ];

    private static readonly Dictionary<string, Measure> ByName = Items.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>Every measure, in column order.</summary>
    public static IReadOnlyList<Measure> All => Items;

    /// <summary>The measure named <paramref name="name"/>, or null.</summary>
    public static Measure? Find(string name) => ByName.GetValueOrDefault(name);
}
