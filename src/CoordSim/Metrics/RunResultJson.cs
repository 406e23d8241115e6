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
            ParameterJson.Write(w, info.Name, info.GetValue(r.Parameters));
        }

        // Body design fields set as parameters (bodies[0].FIELD), only when set, so other runs' JSON is as it was.
        foreach (var field in r.Parameters.BodyFields)
        {
            ParameterJson.Write(w, ParameterInfo.BodyFieldPrefix + field.Name, field.Value);
        }

        w.WriteEndObject();

        w.WriteStartObject("issues");
        w.WriteNumber("arrived", r.Issues.Arrived);
        w.WriteNumber("resolved", r.Issues.Resolved);
        w.WriteNumber("pending", r.Issues.Pending);
        w.WriteEndObject();

        w.WriteStartObject("stability");
        w.WriteBoolean("stable", r.Stability.Stable);
        Number(w, "midDay", r.Stability.MidDay);
        w.WriteNumber("backlogMid", r.Stability.BacklogMid);
        w.WriteNumber("backlogEnd", r.Stability.BacklogEnd);
        Number(w, "growthPerDay", r.Stability.GrowthPerDay);
        w.WriteNumber("arrivalsAfterMid", r.Stability.ArrivalsAfterMid);
        Number(w, "tolerance", r.Stability.Tolerance);
        w.WriteBoolean("stoppedEarly", r.Stability.StoppedEarly);
        w.WriteEndObject();

        w.WriteStartObject("latency");
        w.WriteStartObject("allArrivals");
        Number(w, "kmMedian", r.Latency.AllArrivals.Median);
        Number(w, "kmP90", r.Latency.AllArrivals.P90);
        Number(w, "kmP95", r.Latency.AllArrivals.P95);
        Number(w, "restrictedMean", r.Latency.AllArrivals.RestrictedMean);
        Number(w, "restrictedTo", r.Latency.AllArrivals.RestrictedTo);
        Number(w, "onTimeShare", r.Latency.AllArrivals.OnTimeShare);
        w.WriteNumber("censored", r.Latency.AllArrivals.Censored);
        w.WriteEndObject();
        w.WriteStartObject("resolved");
        Number(w, "mean", r.Latency.MeanResolved);
        Number(w, "median", r.Latency.MedianResolved);
        Number(w, "p90", r.Latency.P90Resolved);
        Number(w, "p95", r.Latency.P95Resolved);
        Number(w, "max", r.Latency.MaxResolved);
        w.WriteEndObject();
        w.WriteStartObject("components");
        Component(w, "queueing", r.Latency.Components.Queueing);
        Component(w, "service", r.Latency.Components.Service);
        Component(w, "meetingWait", r.Latency.Components.MeetingWait);
        Component(w, "transmission", r.Latency.Components.Transmission);
        Component(w, "consultation", r.Latency.Components.Consultation);
        w.WriteEndObject();
        Number(w, "throughput", r.Latency.Throughput);
        Number(w, "deadlineMissed", r.Latency.DeadlineMissed);
        w.WriteEndObject();

        w.WriteStartObject("distortion");
        Number(w, "rms", r.Distortion.Rms);
        Number(w, "mean", r.Distortion.Mean);
        Number(w, "severityBias", r.Distortion.SeverityBias);
        Number(w, "factsLost", r.Distortion.FactsLost);
        Number(w, "meanHops", r.Distortion.MeanHops);
        Number(w, "aboveThreshold", r.Distortion.AboveThreshold);
        w.WriteEndObject();

        w.WriteStartObject("responsibility");
        Number(w, "effectiveCount", r.Responsibility.EffectiveCount);
        Number(w, "entropy", r.Responsibility.Entropy);
        Number(w, "onWorstHandover", r.Responsibility.OnWorstHandover);
        Number(w, "failedShare", r.Responsibility.FailedShare);
        Number(w, "escalatedShare", r.Responsibility.EscalatedShare);
        Number(w, "faultedShare", r.Responsibility.FaultedShare);
        Number(w, "blamePrecision", r.Responsibility.BlamePrecision);
        Number(w, "unansweredFailures", r.Responsibility.UnansweredFailures);
        Number(w, "scapegoating", r.Responsibility.Scapegoating);
        w.WriteEndObject();

        w.WriteStartObject("decisions");
        Number(w, "onTheLine", r.Decisions.OnTheLine);
        Number(w, "byConcurrence", r.Decisions.ByConcurrence);
        Number(w, "byLeaders", r.Decisions.ByLeaders);
        Number(w, "inBodies", r.Decisions.InBodies);
        Number(w, "atMeetings", r.Decisions.AtMeetings);
        Number(w, "roundsPerConsultation", r.Decisions.ConsultationRounds);
        w.WriteEndObject();

        w.WriteStartObject("utilisation");
        foreach (var level in r.Utilisation.ByLevel)
        {
            if (level.Level < r.Utilisation.ByLevel.Count - 1)
            {
                Number(w, $"level{level.Level}", level.Mean);
            }
        }

        Number(w, "top", r.Utilisation.GovernmentHead);
        Number(w, "deputies", r.Utilisation.Deputies);
        Number(w, "busiest", r.Utilisation.Busiest);
        w.WriteNumber("busiestPerson", r.Utilisation.BusiestPerson.Value);
        w.WriteNumber("busiestLevel", r.Utilisation.BusiestLevel);
        w.WriteStartArray("byLevel");
        foreach (var level in r.Utilisation.ByLevel)
        {
            w.WriteStartObject();
            w.WriteNumber("level", level.Level);
            w.WriteString("title", level.Title);
            w.WriteNumber("people", level.People);
            Number(w, "mean", level.Mean);
            Number(w, "max", level.Max);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteNumber("events", r.Events);
        w.WriteNumber("meetings", r.Meetings);
        Number(w, "meetingDays", r.Attendance.MeetingDays);
        Number(w, "reportDays", r.Attendance.ReportDays);
        Number(w, "staffDays", r.StaffDays);
        Number(w, "secondedDays", r.SecondedDays);
        Number(w, "simulatedDays", r.SimulatedDays);
        w.WriteEndObject();
    }

    private static void Component(Utf8JsonWriter w, string name, LatencyComponent component)
    {
        w.WriteStartObject(name);
        Number(w, "resolved", component.Resolved);
        Number(w, "incurred", component.Incurred);
        Number(w, "incurredShare", component.IncurredShare);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
