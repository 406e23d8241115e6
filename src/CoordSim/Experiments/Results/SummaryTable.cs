using System.Globalization;

namespace CoordSim.Experiments;

/// <summary>
/// The layout of <c>summary.csv</c>: one row per (point, structure) with at least one finished
/// run: <c>pointId, structure</c>, every parameter, <c>n</c> (runs), <c>unstableRuns</c>, then for each kept measure M
/// <c>M_mean, M_sd, M_ciLow, M_ciHigh</c> (<see cref="MeanEstimate"/>: 95% interval of the mean from
/// Student's t over the finite values; empty when undefined). Made from runs.csv, so it is the
/// same whatever the thread count and however often the sweep was resumed.
/// </summary>
internal static class SummaryTable
{
    /// <summary>The file name.</summary>
    public const string FileName = ResultsFormat.SummaryFile;

    /// <summary>The key columns, before the parameters.</summary>
    public static IReadOnlyList<ResultColumn> Keys { get; } = [KeyColumns.PointId, KeyColumns.Structure];

    /// <summary><c>n</c>: the runs summarised in the row.</summary>
    public static ResultColumn Runs { get; } = new(ResultsFormat.Runs, ColumnRole.Statistic, ColumnType.Integer, "runs",
        "Runs of this point and structure in runs.csv; a measure's statistics leave out the runs whose value of it is empty.");

    /// <summary><c>unstableRuns</c>: the runs of the row that did not reach a steady state (the measure <c>stable</c>, kept by every sweep, is 0).</summary>
    public static ResultColumn UnstableRuns { get; } = new(ResultsFormat.UnstableRuns, ColumnRole.Statistic, ColumnType.Integer, "runs",
        "Runs of this point and structure that did not reach a steady state (stable = 0: the backlog grew beyond what sampling explains, or the overload guard stopped the run); their latencies understate the wait.");

    /// <summary>The statistics of every kept measure, in column order.</summary>
    public static IReadOnlyList<SummaryStatistic> Statistics { get; } =
    [
        new(ResultsFormat.MeanSuffix, "Mean of {0} over the runs of this point and structure whose value is not empty; empty when there are none.", e => e.Mean),
        new(ResultsFormat.SdSuffix, "Sample standard deviation of {0} over the runs of this point and structure (n − 1); empty with fewer than two values.",
            e => e.StandardDeviation),
        new(ResultsFormat.CiLowSuffix, "Lower end of the 95% confidence interval of the mean of {0}: mean − t(0.975; n − 1) · sd / √n (Student's t); empty with fewer than two values.",
            e => e.CiLow),
        new(ResultsFormat.CiHighSuffix, "Upper end of the 95% confidence interval of the mean of {0}: mean + t(0.975; n − 1) · sd / √n (Student's t); empty with fewer than two values.",
            e => e.CiHigh),
    ];

    /// <summary>Every column in file order: the keys, every parameter, <c>n</c>, then the statistics of every kept measure.</summary>
    public static IReadOnlyList<ResultColumn> Columns(ExperimentPlan plan) =>
    [
        .. Keys, .. plan.ParameterColumns.Select(ResultColumn.Parameter), Runs, UnstableRuns,
        .. plan.Measures.SelectMany(m => Statistics.Select(s => s.Column(m))),
    ];

    /// <summary>The header row.</summary>
    public static string[] Header(ExperimentPlan plan) => Columns(plan).Select(c => c.Name).ToArray();

    /// <summary>
    /// Writes summary.csv of the runs in <paramref name="runsPath"/> to <paramref name="path"/>, replacing it at once
    /// when done; returns how many of those runs did not reach a steady state.
    /// </summary>
    public static int Write(ExperimentPlan plan, string runsPath, string path)
    {
        var unstable = 0;
        var stable = StableColumn(plan);
        CsvJournal.WriteWhole(path, Header(plan), Rows(plan, Counted(RunsTable.Read(plan, runsPath))));
        return unstable;

        IEnumerable<(int PointId, int StructureIndex, double[] Measures)> Counted(IEnumerable<(int PointId, int StructureIndex, double[] Measures)> runs)
        {
            foreach (var run in runs)
            {
                unstable += run.Measures[stable] == 0 ? 1 : 0;
                yield return run;
            }
        }
    }

    /// <summary>
    /// The rows of summary.csv, as text, of <paramref name="runs"/> in runs.csv's order (by point, then replication and
    /// structure): each run's point, the index of its structure in the plan and its kept measures (NaN where runs.csv
    /// has an empty field). Both the sweep's summary.csv and <see cref="RunSummary"/> of rows in memory are made here.
    /// </summary>
    public static IEnumerable<string[]> Rows(ExperimentPlan plan, IEnumerable<(int PointId, int StructureIndex, double[] Measures)> runs)
    {
        var point = -1;
        var values = NewBuckets(plan);
        foreach (var (pointId, structure, measures) in runs)
        {
            if (pointId != point)
            {
                foreach (var row in PointRows(plan, point, values))
                {
                    yield return row;
                }

                values = NewBuckets(plan);
                point = pointId;
            }

            values[structure].Add(measures);
        }

        foreach (var row in PointRows(plan, point, values))
        {
            yield return row;
        }
    }

    /// <summary>The index of the measure <c>stable</c> among the kept measures (every sweep keeps it).</summary>
    private static int StableColumn(ExperimentPlan plan)
    {
        for (var m = 0; m < plan.Measures.Count; m++)
        {
            if (plan.Measures[m].Name == ResultsFormat.StableMeasure)
            {
                return m;
            }
        }

        throw new InvalidOperationException("Every sweep keeps the measure 'stable' (ExperimentPlan.AlwaysKept).");
    }

    private static List<double[]>[] NewBuckets(ExperimentPlan plan) =>
        Enumerable.Range(0, plan.Structures.Count).Select(_ => new List<double[]>()).ToArray();

    private static IEnumerable<string[]> PointRows(ExperimentPlan plan, int pointId, List<double[]>[] values)
    {
        if (pointId < 0)
        {
            yield break;
        }

        var point = plan.Points[pointId];
        for (var s = 0; s < plan.Structures.Count; s++)
        {
            var runs = values[s];
            if (runs.Count == 0)
            {
                continue;
            }

            var parameters = plan.ParametersOf(point, s);
            var row = new List<string>
            {
                pointId.ToString(CultureInfo.InvariantCulture),
                plan.Structures[s].Label,
            };
            row.AddRange(plan.ParameterColumns.Select(p => p.Format(parameters)));
            row.Add(runs.Count.ToString(CultureInfo.InvariantCulture));
            var stable = StableColumn(plan);
            row.Add(runs.Count(r => r[stable] == 0).ToString(CultureInfo.InvariantCulture));
            for (var m = 0; m < plan.Measures.Count; m++)
            {
                var estimate = MeanEstimate.Of(runs.Select(r => r[m]));
                foreach (var statistic in Statistics)
                {
                    row.Add(RunsTable.Number(statistic.Value(estimate)));
                }
            }

            yield return [.. row];
        }
    }
}
