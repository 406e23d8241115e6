using System.Globalization;
using CoordSim.Metrics;
using CsvHelper;

namespace CoordSim.Experiments;

/// <summary>
/// The layout of <c>issues.csv</c>: <c>pointId, structure, replication</c>, then the fields of
/// <see cref="IssueOutcome"/> in camelCase (booleans as true/false, doubles invariant round-trip,
/// NaN as an empty field). The issues of a run follow those of the run before it, in the order the
/// run resolved them.
/// </summary>
internal static class IssuesTable
{
    /// <summary>The file name.</summary>
    public const string FileName = "issues.csv";

    /// <summary>The header row.</summary>
    public static readonly string[] Header =
    [
        "pointId", "structure", "replication", "id", "arrival", "category", "requiredDepartments", "urgent", "latency",
        "queueing", "service", "meetingWait", "transmission", "distortion", "severityBias", "factsLost", "hops",
        "effectiveAccountable", "entropy", "missedDeadline", "failed", "culpritWeight", "escalated",
        "consultation", "consultationRounds", "crisis", "decisionTime", "venue",
    ];

    /// <summary>The row of one resolved issue of <paramref name="run"/>.</summary>
    public static string[] Row(PlannedRun run, in IssueOutcome o) =>
    [
        run.Point.Id.ToString(CultureInfo.InvariantCulture),
        run.Structure.Label,
        run.Replication.ToString(CultureInfo.InvariantCulture),
        o.Id.ToString(CultureInfo.InvariantCulture),
        RunsTable.Number(o.Arrival),
        o.Category.ToString(CultureInfo.InvariantCulture),
        o.RequiredDepartments.ToString(CultureInfo.InvariantCulture),
        Bool(o.Urgent),
        RunsTable.Number(o.Latency),
        RunsTable.Number(o.Queueing),
        RunsTable.Number(o.Service),
        RunsTable.Number(o.MeetingWait),
        RunsTable.Number(o.Transmission),
        RunsTable.Number(o.Distortion),
        RunsTable.Number(o.SeverityBias),
        RunsTable.Number(o.FactsLost),
        RunsTable.Number(o.Hops),
        RunsTable.Number(o.EffectiveAccountable),
        RunsTable.Number(o.Entropy),
        Bool(o.MissedDeadline),
        Bool(o.Failed),
        RunsTable.Number(o.CulpritWeight),
        Bool(o.Escalated),
        RunsTable.Number(o.Consultation),
        o.ConsultationRounds.ToString(CultureInfo.InvariantCulture),
        Bool(o.Crisis),
        RunsTable.Number(o.DecisionTime),
        ParameterInfo.FormatValue(o.Venue),
    ];

    /// <summary>
    /// Accepts rows that belong to runs before <paramref name="completedRuns"/> in non-decreasing run
    /// order: the rows a resumed sweep keeps. Returns a stateful check for <see cref="CsvJournal.Recover"/>.
    /// </summary>
    public static Func<CsvReader, int, bool> RowsBefore(ExperimentPlan plan, int completedRuns)
    {
        var structures = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < plan.Structures.Count; s++)
        {
            structures[plan.Structures[s].Label] = s;
        }

        var last = 0;
        return (reader, _) =>
        {
            if (reader.FieldCount != Header.Length ||
                !reader.TryParse<int>(0, out var point) || point < 0 || point >= plan.Points.Count ||
                !structures.TryGetValue(reader.GetString(1), out var structure) ||
                !reader.TryParse<int>(2, out var replication) || replication < 0 || replication >= plan.Replications)
            {
                return false;
            }

            var index = plan.IndexOf(point, replication, structure);
            if (index < last || index >= completedRuns)
            {
                return false;
            }

            last = index;
            return true;
        };
    }

    private static string Bool(bool b) => b ? "true" : "false";
}
