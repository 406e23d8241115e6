using System.Globalization;
using CoordSim.Mechanisms;
using CoordSim.Metrics;
using CsvHelper;

namespace CoordSim.Experiments;

/// <summary>
/// The layout of <c>issues.csv</c>: <c>pointId, structure, replication</c>, then the fields of
/// <see cref="IssueOutcome"/> in camelCase (booleans as true/false, doubles invariant round-trip,
/// NaN as an empty field), each defined once in <see cref="Fields"/> with its description. The
/// issues of a run follow those of the run before it, in the order the run resolved them.
/// </summary>
internal static class IssuesTable
{
    /// <summary>The file name.</summary>
    public const string FileName = ResultsFormat.IssuesFile;

    /// <summary>The key columns, before the fields of the issue.</summary>
    public static IReadOnlyList<ResultColumn> Keys { get; } = [KeyColumns.PointId, KeyColumns.Structure, KeyColumns.Replication];

    /// <summary>The fields of a resolved issue, in column order: each column's description beside how it is written.</summary>
    public static IReadOnlyList<IssueField> Fields { get; } =
    [
        new("id", ColumnType.Integer, "", "The issue's number in its run.", (in IssueOutcome o) => Integer(o.Id)),
        new("arrival", ColumnType.Number, "days", "When it was discovered (days from the start).", (in IssueOutcome o) => RunsTable.Number(o.Arrival)),
        new("category", ColumnType.Integer, "", "Its category (its primary department is category mod departments).", (in IssueOutcome o) => Integer(o.Category)),
        new("requiredDepartments", ColumnType.Integer, "departments", "How many departments it requires.", (in IssueOutcome o) => Integer(o.RequiredDepartments)),
        new("urgent", ColumnType.Boolean, "", "Whether it is an emergency.", (in IssueOutcome o) => Bool(o.Urgent)),
        new(ResultsFormat.Latency, ColumnType.Number, "days", "Days from discovery to the last required execution.", (in IssueOutcome o) => RunsTable.Number(o.Latency)),
        new("queueing", ColumnType.Number, "days", "The critical path's days waiting in desk queues.", (in IssueOutcome o) => RunsTable.Number(o.Queueing)),
        new("service", ColumnType.Number, "days", "The critical path's days in service.", (in IssueOutcome o) => RunsTable.Number(o.Service)),
        new("meetingWait", ColumnType.Number, "days", "The critical path's days on an agenda, waiting for a meeting.", (in IssueOutcome o) => RunsTable.Number(o.MeetingWait)),
        new("transmission", ColumnType.Number, "days", "The critical path's days in transmission between people.", (in IssueOutcome o) => RunsTable.Number(o.Transmission)),
        new("distortion", ColumnType.Number, "relative error", "Relative error of the executors' state, ‖x_exec − x‖ / ‖x‖.", (in IssueOutcome o) => RunsTable.Number(o.Distortion)),
        new("severityBias", ColumnType.Number, "fact sd", "Signed error of the severity fact (negative: bad news shaded down).", (in IssueOutcome o) => RunsTable.Number(o.SeverityBias)),
        new("factsLost", ColumnType.Number, "share", "Share of facts lost between discovery and execution.", (in IssueOutcome o) => RunsTable.Number(o.FactsLost)),
        new("hops", ColumnType.Number, "hops", "Hand-overs between discovery and execution.", (in IssueOutcome o) => RunsTable.Number(o.Hops)),
        new("effectiveAccountable", ColumnType.Number, "people", "Effective number of accountable people, 1/Σw² over the accountability weights.",
            (in IssueOutcome o) => RunsTable.Number(o.EffectiveAccountable)),
        new("entropy", ColumnType.Number, "nats", "Entropy −Σ w ln w of the accountability weights.", (in IssueOutcome o) => RunsTable.Number(o.Entropy)),
        new("missedDeadline", ColumnType.Boolean, "", "Whether it missed its deadline.", (in IssueOutcome o) => Bool(o.MissedDeadline)),
        new("failed", ColumnType.Boolean, "", "Whether it failed (deadline missed or distortion above failureDistortion).", (in IssueOutcome o) => Bool(o.Failed)),
        new("worstHandoverWeight", ColumnType.Number, "weight", "Formal weight on the person whose hand-over added most delay (deadline missed) or most error: where congestion or noise fell, not who was at fault (empty when it did not fail).",
            (in IssueOutcome o) => RunsTable.Number(o.WorstHandoverWeight)),
        new("escalated", ColumnType.Boolean, "", "Whether one of its agenda items was escalated for cover.", (in IssueOutcome o) => Bool(o.Escalated)),
        new("consultation", ColumnType.Number, "days", "The critical path's days parked while departments were consulted (0 when nobody was).",
            (in IssueOutcome o) => RunsTable.Number(o.Consultation)),
        new("consultationRounds", ColumnType.Integer, "rounds", "Consultation rounds the issue went through (0 when nobody was consulted).",
            (in IssueOutcome o) => Integer(o.ConsultationRounds)),
        new("crisis", ColumnType.Boolean, "", "Whether it arrived during a crisis window (crisisStart, crisisDays).", (in IssueOutcome o) => Bool(o.Crisis)),
        new("decisionTime", ColumnType.Number, "days", "When it was decided (days from the start).", (in IssueOutcome o) => RunsTable.Number(o.DecisionTime)),
        new("venue", ColumnType.Enum, "",
            "Where it was decided: line (the official with authority over a single-department issue), concurrence (every consulted department agreed), " +
            "deputy or government-head (after they did not), body-desk (a body member deciding as items come) or meeting (a body's meeting); none: not decided.",
            (in IssueOutcome o) => ParameterInfo.FormatValue(o.Venue))
        {
            Values = Enum.GetValues<DecisionVenue>().Select(v => ParameterInfo.FormatValue(v)).ToArray(),
        },
        new("squaredError", ColumnType.Number, "fact sd²", "Sum over its executors of ‖x_exec − x‖²; Σ squaredError / Σ squaredNorm over any set of issues is the square of their root-mean-square distortion.",
            (in IssueOutcome o) => RunsTable.Number(o.SquaredError)),
        new("squaredNorm", ColumnType.Number, "fact sd²", "Sum over its executors of ‖x‖², the true state's squared length once per executor.",
            (in IssueOutcome o) => RunsTable.Number(o.SquaredNorm)),
        new("faults", ColumnType.Integer, "visits", "Visits of the issue that were planted faults (shirks and errors): the ground truth the blame measures are scored against.",
            (in IssueOutcome o) => Integer(o.Faults)),
        new("blame", ColumnType.Number, "people", "Blame on everyone together under the structure's rule, each person 0 to 1 (empty when it did not fail).",
            (in IssueOutcome o) => RunsTable.Number(o.Blame)),
        new("blameOnFaulters", ColumnType.Number, "people", "The part of the blame on people who faulted on it (empty when it did not fail).",
            (in IssueOutcome o) => RunsTable.Number(o.BlameOnFaulters)),
        new("maxBlame", ColumnType.Number, "people", "The largest blame on one person (empty when it did not fail).",
            (in IssueOutcome o) => RunsTable.Number(o.MaxBlame)),
    ];

    /// <summary>Every column in file order: the keys, then the fields of the issue.</summary>
    public static IReadOnlyList<ResultColumn> Columns { get; } = [.. Keys, .. Fields.Select(f => f.Column)];

    /// <summary>The header row.</summary>
    public static readonly string[] Header = Columns.Select(c => c.Name).ToArray();

    /// <summary>The row of one resolved issue of <paramref name="run"/>.</summary>
    public static string[] Row(PlannedRun run, in IssueOutcome o)
    {
        var row = new string[Keys.Count + Fields.Count];
        row[0] = Integer(run.Point.Id);
        row[1] = run.Structure.Label;
        row[2] = Integer(run.Replication);
        for (var i = 0; i < Fields.Count; i++)
        {
            row[Keys.Count + i] = Fields[i].Value(in o);
        }

        return row;
    }

    private static string Bool(bool b) => b ? "true" : "false";

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}
