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
            var value = info.GetValue(r.Parameters);
            switch (value)
            {
                case int i:
                    w.WriteNumber(info.Name, i);
                    break;
                case long l:
                    w.WriteNumber(info.Name, l);
                    break;
                case double d:
                    Number(w, info.Name, d);
                    break;
                case bool b:
                    w.WriteBoolean(info.Name, b);
                    break;
                default:
                    w.WriteString(info.Name, ParameterInfo.FormatValue(value));
                    break;
            }
        }

        w.WriteEndObject();

        w.WriteStartObject("issues");
        w.WriteNumber("arrived", r.Issues.Arrived);
        w.WriteNumber("resolved", r.Issues.Resolved);
        w.WriteNumber("pending", r.Issues.Pending);
        w.WriteEndObject();

        w.WriteStartObject("latency");
        Number(w, "mean", r.Latency.Mean);
        Number(w, "median", r.Latency.Median);
        Number(w, "p90", r.Latency.P90);
        Number(w, "p95", r.Latency.P95);
        Number(w, "max", r.Latency.Max);
        Number(w, "queueing", r.Latency.Queueing);
        Number(w, "service", r.Latency.Service);
        Number(w, "transmission", r.Latency.Transmission);
        Number(w, "meetingWait", r.Latency.MeetingWait);
        Number(w, "consultation", r.Latency.Consultation);
        Number(w, "throughput", r.Latency.Throughput);
        Number(w, "deadlineMissed", r.Latency.DeadlineMissed);
        w.WriteEndObject();

        w.WriteStartObject("distortion");
        Number(w, "mean", r.Distortion.Mean);
        Number(w, "severityBias", r.Distortion.SeverityBias);
        Number(w, "factsLost", r.Distortion.FactsLost);
        Number(w, "meanHops", r.Distortion.MeanHops);
        Number(w, "aboveThreshold", r.Distortion.AboveThreshold);
        w.WriteEndObject();

        w.WriteStartObject("responsibility");
        Number(w, "effectiveCount", r.Responsibility.EffectiveCount);
        Number(w, "entropy", r.Responsibility.Entropy);
        Number(w, "traceability", r.Responsibility.Traceability);
        Number(w, "failedShare", r.Responsibility.FailedShare);
        Number(w, "escalatedShare", r.Responsibility.EscalatedShare);
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
