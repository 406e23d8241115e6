using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoordSim.Metrics;

/// <summary>
/// Writes a <see cref="TimeSeries"/> as JSON (docs/cli.md): an array with one object per sample, members
/// <c>day, arrived, resolved, backlog, utilisation</c> (an array by level, frontline first, the government leaders
/// last), <c>meetings, meetingDays, reportDays</c>; numbers culture-invariant, NaN as null.
/// </summary>
internal static class TimeSeriesJson
{
    /// <summary>The series as an indented JSON array.</summary>
    public static string Serialize(TimeSeries series) => JsonText.Write(w => Write(w, series));

    /// <summary>
    /// The run's JSON object (<see cref="RunResult.ToJson()"/>, member for member and byte for byte) with one more
    /// member at the end, <c>timeSeries</c>, holding the series' array.
    /// </summary>
    public static string WithRun(RunResult result, TimeSeries series)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(series);
        var run = JsonNode.Parse(result.ToJson())!.AsObject();
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            foreach (var (name, value) in run)
            {
                w.WritePropertyName(name);
                if (value is null)
                {
                    w.WriteNullValue();
                }
                else
                {
                    value.WriteTo(w);
                }
            }

            w.WritePropertyName("timeSeries");
            Write(w, series);
            w.WriteEndObject();
        });
    }

    /// <summary>Writes the series as a JSON array.</summary>
    public static void Write(Utf8JsonWriter w, TimeSeries series)
    {
        w.WriteStartArray();
        foreach (var s in series.Samples)
        {
            w.WriteStartObject();
            JsonMembers.Number(w, "day", s.Day);
            w.WriteNumber("arrived", s.Arrived);
            w.WriteNumber("resolved", s.Resolved);
            w.WriteNumber("backlog", s.Backlog);
            w.WriteStartArray("utilisation");
            foreach (var u in s.Utilisation)
            {
                if (double.IsFinite(u))
                {
                    w.WriteNumberValue(u);
                }
                else
                {
                    w.WriteNullValue();
                }
            }

            w.WriteEndArray();
            w.WriteNumber("meetings", s.Meetings);
            JsonMembers.Number(w, "meetingDays", s.MeetingDays);
            JsonMembers.Number(w, "reportDays", s.ReportDays);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
