using CoordSim.Metrics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CoordSim.Cli;

/// <summary>
/// Renders run results as Spectre tables: one run by sections (<c>coordsim run</c>) or several runs side by side
/// (<c>coordsim compare</c>). Values are read through <see cref="MeasureCatalog"/>, so labels, units and the JSON
/// and CSV columns always agree.
/// </summary>
internal static class ResultTable
{
    private static readonly (string Section, (string Label, string Measure)[] Rows)[] RunSections =
    [
        ("Issues", [("arrived", "issuesArrived"), ("resolved", "issuesResolved"), ("pending", "issuesPending")]),
        ("Stability",
        [
            ("steady state", "stable"), ("backlog at mid-window", "backlogMid"), ("backlog at the end", "backlogEnd"),
            ("backlog growth", "backlogGrowth"), ("stopped early (maxPending, maxEvents)", "stoppedEarly"),
        ]),
        ("Latency, all arrivals",
        [
            ("median (Kaplan-Meier)", "latencyKmMedian"), ("p90 (Kaplan-Meier)", "latencyKmP90"), ("p95 (Kaplan-Meier)", "latencyKmP95"),
            ("restricted mean", "latencyRestrictedMean"), ("on time", "onTimeShare"),
        ]),
        ("Latency, resolved only",
        [
            ("mean", "latencyMeanResolved"), ("median", "latencyMedianResolved"), ("p90", "latencyP90Resolved"),
            ("p95", "latencyP95Resolved"), ("max", "latencyMaxResolved"),
            ("queueing (of mean)", "latencyQueueingResolved"), ("service (of mean)", "latencyServiceResolved"),
            ("meeting wait (of mean)", "latencyMeetingWaitResolved"), ("transmission (of mean)", "latencyTransmissionResolved"),
            ("consultation (of mean)", "latencyConsultationResolved"),
            ("meeting wait, issues that waited", "latencyMeetingWaitIncurred"), ("consultation, issues consulted on", "latencyConsultationIncurred"),
            ("throughput", "throughput"), ("deadline missed", "deadlineMissed"),
        ]),
        ("Distortion",
        [
            ("root mean square", "distortionRms"), ("mean of ratios", "distortionMean"), ("severity bias", "distortionSeverityBias"),
            ("facts lost", "distortionFactsLost"), ("hops", "distortionHops"), ("above failure threshold", "distortionAboveThreshold"),
        ]),
        ("Responsibility",
        [
            ("effective accountable", "responsibilityEffectiveCount"), ("entropy", "responsibilityEntropy"),
            ("on the worst hand-over", "responsibilityOnWorstHandover"), ("failed share", "failedShare"), ("escalated share", "escalatedShare"),
            ("issues with a planted fault", "faultedShare"), ("blame on the faulters", "blamePrecision"),
            ("failures nobody answers for", "unansweredFailures"), ("blame on non-faulters", "scapegoating"),
        ]),
        ("Decisions",
        [
            ("on the line", "decidedOnTheLine"), ("by concurrence", "decidedByConcurrence"), ("by deputies or the head", "decidedByLeaders"),
            ("at a body's desk", "decidedInBodies"), ("at meetings", "decidedAtMeetings"), ("consultation rounds", "roundsPerConsultation"),
            ("reopened after a revisit", "reopenedShare"),
        ]),
        ("Costs",
        [
            ("meetings", "meetings"), ("in meetings", "meetingDays"), ("writing briefs", "reportDays"), ("staff days", "staffDays"),
            ("seconded days", "secondedDays"), ("home capacity of body members (mean)", "homeCapacityMean"), ("home capacity (least)", "homeCapacityMin"),
        ]),
    ];

    private static readonly (string Label, string Measure)[] CompareRows =
    [
        ("issues arrived", "issuesArrived"), ("issues resolved", "issuesResolved"), ("issues pending", "issuesPending"),
        ("steady state", "stable"), ("backlog growth", "backlogGrowth"),
        ("latency median, all (KM)", "latencyKmMedian"), ("latency p90, all (KM)", "latencyKmP90"),
        ("latency restricted mean", "latencyRestrictedMean"), ("on time", "onTimeShare"),
        ("latency mean, resolved", "latencyMeanResolved"), ("latency p95, resolved", "latencyP95Resolved"),
        ("  queueing", "latencyQueueingResolved"), ("  service", "latencyServiceResolved"), ("  meeting wait", "latencyMeetingWaitResolved"),
        ("  transmission", "latencyTransmissionResolved"), ("  consultation", "latencyConsultationResolved"),
        ("distortion (rms)", "distortionRms"), ("distortion (mean of ratios)", "distortionMean"), ("severity bias", "distortionSeverityBias"),
        ("facts lost", "distortionFactsLost"), ("hops", "distortionHops"),
        ("effective accountable", "responsibilityEffectiveCount"), ("responsibility entropy", "responsibilityEntropy"),
        ("weight on worst hand-over", "responsibilityOnWorstHandover"), ("failed share", "failedShare"), ("escalated share", "escalatedShare"),
        ("issues with a fault", "faultedShare"), ("blame precision", "blamePrecision"), ("unanswered failures", "unansweredFailures"),
        ("scapegoating", "scapegoating"),
        ("decided on the line", "decidedOnTheLine"), ("decided by concurrence", "decidedByConcurrence"),
        ("decided by deputies/head", "decidedByLeaders"), ("decided at a body's desk", "decidedInBodies"),
        ("decided at meetings", "decidedAtMeetings"), ("consultation rounds", "roundsPerConsultation"), ("reopened after a revisit", "reopenedShare"),
        ("utilisation: government head", "utilisationTop"), ("utilisation: deputies", "utilisationDeputies"),
        ("utilisation: heads (mean)", "utilisationHeads"), ("busiest utilisation", "utilisationBusiest"),
        ("meetings", "meetings"), ("person-days in meetings", "meetingDays"), ("person-days on briefs", "reportDays"),
        ("staff days", "staffDays"), ("seconded days", "secondedDays"),
        ("home capacity of body members", "homeCapacityMean"), ("home capacity (least)", "homeCapacityMin"),
    ];

    /// <summary>The measures a table shows as "beyond the horizon" when undefined although issues arrived: the Kaplan–Meier curve did not reach them.</summary>
    private static readonly HashSet<string> CensoredQuantiles = new(StringComparer.Ordinal) { "latencyKmMedian", "latencyKmP90", "latencyKmP95" };

    /// <summary>The line above a run's table: structure, seed and the parameters that differ from the defaults.</summary>
    public static string Header(RunResult result) =>
        $"structure {result.Structure}, seed {DisplayFormat.Integer(result.Seed)}, {ParametersText(result.Parameters)}";

    /// <summary>The line above a comparison: structures, seed and the parameters that differ from the defaults.</summary>
    public static string Header(IReadOnlyList<RunResult> results) =>
        $"structures {string.Join(", ", results.Select(r => r.Structure))}, seed {DisplayFormat.Integer(results[0].Seed)}, {ParametersText(results[0].Parameters)}";

    /// <summary>One run, section by section.</summary>
    public static Table Run(RunResult result)
    {
        var table = new Table().RoundedBorder();
        table.AddColumn("Section");
        table.AddColumn("Measure");
        table.AddColumn(new TableColumn("Value").RightAligned());
        table.AddColumn("Unit");

        foreach (var (section, rows) in RunSections)
        {
            AddSection(table, section, rows.Select(row => Row(row.Label, row.Measure, result)));
        }

        AddSection(table, "Utilisation", UtilisationRows(result.Utilisation));
        AddSection(table, "Run",
        [
            Row("events", "events", result), ("simulated days", DisplayFormat.Value(result.SimulatedDays, "days"), "days"),
        ]);
        return table;
    }

    /// <summary>Several runs side by side: one column per structure, one row per key measure.</summary>
    public static Table Compare(IReadOnlyList<RunResult> results)
    {
        var table = new Table().RoundedBorder();
        table.AddColumn("Measure");
        table.AddColumn("Unit");
        foreach (var result in results)
        {
            table.AddColumn(new TableColumn(new Text(result.Structure)).RightAligned());
        }

        foreach (var (label, name) in CompareRows)
        {
            var measure = MeasureCatalog.Find(name)!;
            var cells = new List<IRenderable> { new Text(label), new Text(DisplayFormat.Unit(measure.Unit)) };
            cells.AddRange(results.Select(r => new Text(Shown(measure, r))));
            table.AddRow(cells);
        }

        return table;
    }

    private static string ParametersText(Parameters parameters)
    {
        foreach (var preset in ParameterPresets.All)
        {
            if (preset.Values.All(kv => ParameterCatalog.Get(kv.Key).Format(parameters) == kv.Value))
            {
                var beyond = SetOptionParser.Differences(parameters, preset.Parameters);
                return $"preset {preset.Name}" + (beyond.Count == 0 ? "" : ", parameters " + string.Join(", ", beyond));
            }
        }

        var changed = SetOptionParser.NonDefault(parameters);
        return changed.Count == 0 ? "default parameters" : "parameters " + string.Join(", ", changed) + " (others default)";
    }

    private static (string Label, string Value, string Unit) Row(string label, string name, RunResult result)
    {
        var measure = MeasureCatalog.Find(name) ?? throw new InvalidOperationException($"No measure named {name}.");
        return (label, Shown(measure, result), DisplayFormat.Unit(measure.Unit));
    }

    /// <summary>A measure's value as a table shows it: flags as yes/NO, a censored quantile the curve never reached as "beyond horizon".</summary>
    private static string Shown(Measure measure, RunResult result)
    {
        var value = measure.Read(result);
        if (measure.Unit == "flag")
        {
            return measure.Name == "stable" ? (value == 1 ? "yes" : "NO") : (value == 1 ? "YES" : "no");
        }

        if (double.IsNaN(value) && CensoredQuantiles.Contains(measure.Name) && result.Issues.Arrived > 0)
        {
            return "beyond horizon";
        }

        return DisplayFormat.Value(value, measure.Unit);
    }

    /// <summary>
    /// The warning printed (on standard error) for a run that did not reach a steady state: which run, how the backlog
    /// grew and what that means for its latencies; or for a run that measured nothing (every issue in the warm-up);
    /// null otherwise.
    /// </summary>
    public static string? StabilityWarning(RunResult result)
    {
        var s = result.Stability;
        var budgetSpent = s.StoppedEarly && result.Events >= result.Parameters.MaxEvents;
        if (budgetSpent)
        {
            return $"warning: {result.Structure} (seed {DisplayFormat.Integer(result.Seed)}) did not reach a steady state: it stopped early at day {DisplayFormat.Number(result.SimulatedDays, 1)} " +
                $"when it had processed maxEvents = {DisplayFormat.Integer(result.Parameters.MaxEvents)} events (the event budget); {DisplayFormat.Integer(result.Issues.Pending)} measured issues are pending. " +
                "Shorten the horizon or the organisation, lengthen the periods, or raise maxEvents on purpose.";
        }

        if (result.Issues.Arrived == 0 && s.StoppedEarly)
        {
            return $"warning: {result.Structure} (seed {DisplayFormat.Integer(result.Seed)}) measured nothing: it stopped early at day {DisplayFormat.Number(result.SimulatedDays, 1)}, " +
                $"inside the warm-up (warmupDays = {DisplayFormat.Number(result.Parameters.WarmupDays, 1)}), with more than maxPending = {DisplayFormat.Integer(result.Parameters.MaxPending)} issues open; " +
                "the organisation cannot keep up with this inflow (lower arrivalRate or add capacity; raising maxPending only postpones the stop).";
        }

        if (result.Issues.Arrived == 0)
        {
            return $"warning: {result.Structure} (seed {DisplayFormat.Integer(result.Seed)}) measured nothing: no issue was discovered after the warm-up " +
                $"(warmupDays = {DisplayFormat.Number(result.Parameters.WarmupDays, 1)}, and the run ended at day {DisplayFormat.Number(result.SimulatedDays, 1)}); set warmupDays lower or let the run go on longer.";
        }

        if (s.Stable)
        {
            return null;
        }

        var what = $"warning: {result.Structure} (seed {DisplayFormat.Integer(result.Seed)}) did not reach a steady state: ";
        var why = s.StoppedEarly
            ? $"it stopped early at day {DisplayFormat.Number(result.SimulatedDays, 1)} with more than maxPending = {DisplayFormat.Integer(result.Parameters.MaxPending)} issues open"
            : $"its backlog grew from {DisplayFormat.Integer(s.BacklogMid)} at day {DisplayFormat.Number(s.MidDay, 1)} to {DisplayFormat.Integer(s.BacklogEnd)} at the end " +
              $"({DisplayFormat.Number(s.GrowthPerDay, 2)} issues/day), more than the {DisplayFormat.Number(s.Tolerance, 0)} that 3·sqrt({DisplayFormat.Integer(s.ArrivalsAfterMid)} arrivals) explains";
        return what + why + $"; {DisplayFormat.Integer(result.Issues.Pending)} measured issues are pending, so latencies over resolved issues understate the wait (see the Kaplan-Meier rows).";
    }

    private static IEnumerable<(string Label, string Value, string Unit)> UtilisationRows(UtilisationSummary utilisation)
    {
        foreach (var level in utilisation.ByLevel)
        {
            yield return ($"level {DisplayFormat.Integer(level.Level)}: {level.Title} ({DisplayFormat.Integer(level.People)} {(level.People == 1 ? "person" : "people")})",
                $"{DisplayFormat.Percent(level.Mean)} / {DisplayFormat.Percent(level.Max)}", "% mean / max");
        }

        yield return ("government head (of its time for coordination)", DisplayFormat.Percent(utilisation.GovernmentHead), "%");
        if (!double.IsNaN(utilisation.Deputies))
        {
            yield return ("deputies in charge (mean, of their time for coordination)", DisplayFormat.Percent(utilisation.Deputies), "%");
        }

        var title = utilisation.BusiestLevel >= 0 && utilisation.BusiestLevel < utilisation.ByLevel.Count
            ? utilisation.ByLevel[utilisation.BusiestLevel].Title
            : "level " + DisplayFormat.Integer(utilisation.BusiestLevel);
        yield return ($"busiest: person {DisplayFormat.Integer(utilisation.BusiestPerson.Value)} ({title})", DisplayFormat.Percent(utilisation.Busiest), "%");
    }

    private static void AddSection(Table table, string section, IEnumerable<(string Label, string Value, string Unit)> rows)
    {
        if (table.Rows.Count > 0)
        {
            table.AddEmptyRow();
        }

        var first = true;
        foreach (var (label, value, unit) in rows)
        {
            table.AddRow(first ? new Markup($"[bold]{Markup.Escape(section)}[/]") : new Text(""), new Text(label), new Text(value), new Text(unit));
            first = false;
        }
    }
}
