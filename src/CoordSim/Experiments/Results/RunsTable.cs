using System.Globalization;
using CoordSim.Metrics;
using CsvHelper;

namespace CoordSim.Experiments;

/// <summary>
/// The layout of <c>runs.csv</c>: <c>pointId, structure, replication, seed</c>, every parameter of
/// <see cref="ExperimentPlan.ParameterColumns"/> (formatted by <see cref="ParameterInfo.Format"/>), then every kept
/// measure (invariant round-trip doubles, non-finite values as empty fields). One row per run, in
/// result order.
/// </summary>
internal static class RunsTable
{
    /// <summary>The file name.</summary>
    public const string FileName = ResultsFormat.RunsFile;

    /// <summary>The key columns, before the parameters.</summary>
    public static IReadOnlyList<ResultColumn> Keys { get; } = [KeyColumns.PointId, KeyColumns.Structure, KeyColumns.Replication, KeyColumns.Seed];

    /// <summary>Every column in file order: the keys, every parameter, then every kept measure.</summary>
    public static IReadOnlyList<ResultColumn> Columns(ExperimentPlan plan) =>
        [.. Keys, .. plan.ParameterColumns.Select(ResultColumn.Parameter), .. plan.Measures.Select(ResultColumn.Measured)];

    /// <summary>The header row.</summary>
    public static string[] Header(ExperimentPlan plan) => Columns(plan).Select(c => c.Name).ToArray();

    /// <summary>The row of one run.</summary>
    public static string[] Row(ExperimentPlan plan, PlannedRun run, RunResult result) =>
        Row(plan, run.Point.Id, run.Structure.Label, run.Replication, run.Seed, run.Parameters, result);

    /// <summary>The row of a run in memory: the same text runs.csv holds for it.</summary>
    public static string[] Row(ExperimentPlan plan, RunRow run) =>
        Row(plan, run.PointId, run.Structure, run.Replication, run.Seed, run.Parameters, run.Result);

    /// <summary>The measures of a run in memory as <see cref="Read"/> gives them from its row of runs.csv: a value that is not finite is NaN.</summary>
    public static double[] Measures(ExperimentPlan plan, RunResult result) =>
        plan.Measures.Select(m => m.Read(result)).Select(v => double.IsFinite(v) ? v : double.NaN).ToArray();

    private static string[] Row(ExperimentPlan plan, int pointId, string structure, int replication, long seed, Parameters parameters, RunResult result)
    {
        var row = new string[Keys.Count + plan.ParameterColumns.Count + plan.Measures.Count];
        row[0] = pointId.ToString(CultureInfo.InvariantCulture);
        row[1] = structure;
        row[2] = replication.ToString(CultureInfo.InvariantCulture);
        row[3] = seed.ToString(CultureInfo.InvariantCulture);
        var i = Keys.Count;
        foreach (var p in plan.ParameterColumns)
        {
            row[i++] = p.Format(parameters);
        }

        foreach (var m in plan.Measures)
        {
            row[i++] = Number(m.Read(result));
        }

        return row;
    }

    /// <summary>Reads the measures of every row of a complete or partial runs.csv, in file order.</summary>
    public static IEnumerable<(int PointId, int StructureIndex, double[] Measures)> Read(ExperimentPlan plan, string path)
    {
        var structures = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < plan.Structures.Count; s++)
        {
            structures[plan.Structures[s].Label] = s;
        }

        var first = Keys.Count + plan.ParameterColumns.Count;
        using var reader = CsvJournal.Open(path);
        while (reader.Read())
        {
            var measures = new double[plan.Measures.Count];
            for (var m = 0; m < measures.Length; m++)
            {
                measures[m] = reader.IsEmpty(first + m) ? double.NaN : reader.Parse<double>(first + m);
            }

            yield return (reader.Parse<int>(0), structures[reader.GetString(1)], measures);
        }
    }

    /// <summary>A measure value: invariant round-trip text, or an empty field when it is not finite.</summary>
    public static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";
}
