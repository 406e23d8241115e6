using System.Text.Json;

namespace CoordSim.Metrics;

/// <summary>
/// Writes run results as JSON with stable member names (docs/cli.md): culture-invariant numbers,
/// NaN and infinities as null, parameters by their camelCase names.
/// </summary>
internal static class RunResultJson
{
    /// <summary>One run as an indented JSON object.</summary>
    public static string Serialize(RunResult result) => JsonText.Write(w => Write(w, result));

    /// <summary>Several runs as an indented JSON array.</summary>
    public static string Serialize(IEnumerable<RunResult> results) => JsonText.Write(w =>
    {
        w.WriteStartArray();
        foreach (var r in results)
        {
            Write(w, r);
        }

        w.WriteEndArray();
    });

    /// <summary>Writes one run as a JSON object.</summary>
    public static void Write(Utf8JsonWriter w, RunResult r)
    {
        w.WriteStartObject();
        w.WriteString("structure", r.Structure);
        w.WriteNumber("seed", r.Seed);
        w.WriteStartObject("parameters");
        foreach (var info in ParameterCatalog.All)
        {
            JsonMembers.Write(w, info.Name, info.GetValue(r.Parameters));
        }

        // Body design fields set as parameters (bodies[i].FIELD), only when set, so other runs' JSON is as it was.
        foreach (var field in r.Parameters.BodyFields)
        {
            JsonMembers.Write(w, ParameterInfo.BodyFieldName(field.Body, field.Name), field.Value);
        }

        w.WriteEndObject();

        w.WriteStartObject("issues");
        w.WriteNumber("arrived", r.Issues.Arrived);
        w.WriteNumber("resolved", r.Issues.Resolved);
        w.WriteNumber("pending", r.Issues.Pending);
        w.WriteEndObject();

        w.WriteStartObject("stability");
        w.WriteBoolean("stable", r.Stability.Stable);
        JsonMembers.Number(w, "midDay", r.Stability.MidDay);
        w.WriteNumber("backlogMid", r.Stability.BacklogMid);
        w.WriteNumber("backlogEnd", r.Stability.BacklogEnd);
        JsonMembers.Number(w, "growthPerDay", r.Stability.GrowthPerDay);
        w.WriteNumber("arrivalsAfterMid", r.Stability.ArrivalsAfterMid);
        JsonMembers.Number(w, "tolerance", r.Stability.Tolerance);
        w.WriteBoolean("stoppedEarly", r.Stability.StoppedEarly);
        w.WriteEndObject();

        w.WriteStartObject("latency");
        w.WriteStartObject("allArrivals");
        JsonMembers.Number(w, "kmMedian", r.Latency.AllArrivals.Median);
        JsonMembers.Number(w, "kmP90", r.Latency.AllArrivals.P90);
        JsonMembers.Number(w, "kmP95", r.Latency.AllArrivals.P95);
        JsonMembers.Number(w, "restrictedMean", r.Latency.AllArrivals.RestrictedMean);
        JsonMembers.Number(w, "restrictedTo", r.Latency.AllArrivals.RestrictedTo);
        JsonMembers.Number(w, "onTimeShare", r.Latency.AllArrivals.OnTimeShare);
        w.WriteNumber("censored", r.Latency.AllArrivals.Censored);
        w.WriteEndObject();
        w.WriteStartObject("resolved");
        JsonMembers.Number(w, "mean", r.Latency.MeanResolved);
        JsonMembers.Number(w, "median", r.Latency.MedianResolved);
        JsonMembers.Number(w, "p90", r.Latency.P90Resolved);
        JsonMembers.Number(w, "p95", r.Latency.P95Resolved);
        JsonMembers.Number(w, "max", r.Latency.MaxResolved);
        w.WriteEndObject();
        w.WriteStartObject("components");
        Component(w, "queueing", r.Latency.Components.Queueing);
        Component(w, "service", r.Latency.Components.Service);
        Component(w, "meetingWait", r.Latency.Components.MeetingWait);
        Component(w, "transmission", r.Latency.Components.Transmission);
        Component(w, "consultation", r.Latency.Components.Consultation);
        w.WriteEndObject();
        JsonMembers.Number(w, "throughput", r.Latency.Throughput);
        JsonMembers.Number(w, "deadlineMissed", r.Latency.DeadlineMissed);
        w.WriteEndObject();

        w.WriteStartObject("distortion");
        JsonMembers.Number(w, "rms", r.Distortion.Rms);
        JsonMembers.Number(w, "mean", r.Distortion.Mean);
        JsonMembers.Number(w, "severityBias", r.Distortion.SeverityBias);
        JsonMembers.Number(w, "factsLost", r.Distortion.FactsLost);
        JsonMembers.Number(w, "meanHops", r.Distortion.MeanHops);
        JsonMembers.Number(w, "aboveThreshold", r.Distortion.AboveThreshold);
        w.WriteEndObject();

        w.WriteStartObject("responsibility");
        JsonMembers.Number(w, "effectiveCount", r.Responsibility.EffectiveCount);
        JsonMembers.Number(w, "entropy", r.Responsibility.Entropy);
        JsonMembers.Number(w, "onWorstHandover", r.Responsibility.OnWorstHandover);
        JsonMembers.Number(w, "failedShare", r.Responsibility.FailedShare);
        JsonMembers.Number(w, "escalatedShare", r.Responsibility.EscalatedShare);
        JsonMembers.Number(w, "faultedShare", r.Responsibility.FaultedShare);
        JsonMembers.Number(w, "blamePrecision", r.Responsibility.BlamePrecision);
        JsonMembers.Number(w, "unansweredFailures", r.Responsibility.UnansweredFailures);
        JsonMembers.Number(w, "scapegoating", r.Responsibility.Scapegoating);
        w.WriteEndObject();

        w.WriteStartObject("decisions");
        JsonMembers.Number(w, "onTheLine", r.Decisions.OnTheLine);
        JsonMembers.Number(w, "byConcurrence", r.Decisions.ByConcurrence);
        JsonMembers.Number(w, "byLeaders", r.Decisions.ByLeaders);
        JsonMembers.Number(w, "inBodies", r.Decisions.InBodies);
        JsonMembers.Number(w, "atMeetings", r.Decisions.AtMeetings);
        JsonMembers.Number(w, "roundsPerConsultation", r.Decisions.ConsultationRounds);
        JsonMembers.Number(w, "reopenedShare", r.Decisions.ReopenedShare);
        w.WriteEndObject();

        w.WriteStartObject("utilisation");
        foreach (var level in r.Utilisation.ByLevel)
        {
            if (level.Level < r.Utilisation.ByLevel.Count - 1)
            {
                JsonMembers.Number(w, $"level{level.Level}", level.Mean);
            }
        }

        JsonMembers.Number(w, "top", r.Utilisation.GovernmentHead);
        JsonMembers.Number(w, "deputies", r.Utilisation.Deputies);
        JsonMembers.Number(w, "busiest", r.Utilisation.Busiest);
        w.WriteNumber("busiestPerson", r.Utilisation.BusiestPerson.Value);
        w.WriteNumber("busiestLevel", r.Utilisation.BusiestLevel);
        JsonMembers.Number(w, "homeCapacityMean", r.Utilisation.HomeCapacityMean);
        JsonMembers.Number(w, "homeCapacityMin", r.Utilisation.HomeCapacityMin);
        w.WriteStartArray("byLevel");
        foreach (var level in r.Utilisation.ByLevel)
        {
            w.WriteStartObject();
            w.WriteNumber("level", level.Level);
            w.WriteString("title", level.Title);
            w.WriteNumber("people", level.People);
            JsonMembers.Number(w, "mean", level.Mean);
            JsonMembers.Number(w, "max", level.Max);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteNumber("events", r.Events);
        w.WriteNumber("meetings", r.Meetings);
        JsonMembers.Number(w, "meetingDays", r.Attendance.MeetingDays);
        JsonMembers.Number(w, "reportDays", r.Attendance.ReportDays);
        JsonMembers.Number(w, "staffDays", r.StaffDays);
        JsonMembers.Number(w, "secondedDays", r.SecondedDays);
        JsonMembers.Number(w, "simulatedDays", r.SimulatedDays);
        w.WriteEndObject();
    }

    private static void Component(Utf8JsonWriter w, string name, LatencyComponent component)
    {
        w.WriteStartObject(name);
        JsonMembers.Number(w, "resolved", component.Resolved);
        JsonMembers.Number(w, "incurred", component.Incurred);
        JsonMembers.Number(w, "incurredShare", component.IncurredShare);
        w.WriteEndObject();
    }
}
