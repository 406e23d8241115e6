using System.Globalization;

namespace CoordSim.Experiments;

/// <summary>
/// The layout of <c>summary.csv</c>: one row per (point, structure) with at least one finished
/// run: <c>pointId, structure</c>, every parameter, <c>n</c> (runs), then for each kept measure M
/// <c>M_mean, M_sd, M_ciLow, M_ciHigh</c> (<see cref="MeanEstimate"/>: 95% interval of the mean from
/// Student's t over the finite values; empty when undefined). Made from runs.csv, so it is the
/// same whatever the thread count and however often the sweep was resumed.
/// </summary>
internal static class SummaryTable
{
    /// <summary>The file name.</summary>
    public const string FileName = "summary.csv";

    /// <summary>The key columns, before the parameters.</summary>
    public static IReadOnlyList<ResultColumn> Keys { get; } = [KeyColumns.PointId, KeyColumns.Structure];

    /// <summary><c>n</c>: the runs summarised in the row.</summary>
    public static ResultColumn Runs { get; } = new("n", ColumnRole.Statistic, ColumnType.Integer, "runs",
        "Runs of this point and structure in runs.csv; a measure's statistics leave out the runs whose value of it is empty.");

    /// <summary>The statistics of every kept measure, in column order.</summary>
    public static IReadOnlyList<SummaryStatistic> Statistics { get; } =
    [
        new("mean", "Mean of {0} over the runs of this point and structure whose value is not empty; empty when there are none.", e => e.Mean),
        new("sd", "Sample standard deviation of {0} over the runs of this point and structure (n − 1); empty with fewer than two values.",
            e => e.StandardDeviation),
        new("ciLow", "Lower end of the 95% confidence interval of the mean of {0}: mean − t(0.975; n − 1) · sd / √n (Student's t); empty with fewer than two values.",
            e => e.CiLow),
        new("ciHigh", "Upper end of the 95% confidence interval of the mean of {0}: mean + t(0.975; n − 1) · sd / √n (Student's t); empty with fewer than two values.",
            e => e.CiHigh),
    ];

    /// <summary>Every column in file order: the keys, every parameter, <c>n</c>, then the statistics of every kept measure.</summary>
    public static IReadOnlyList<ResultColumn> Columns(ExperimentPlan plan) =>
    [
        .. Keys, .. ParameterCatalog.All.Select(ResultColumn.Parameter), Runs,
        .. plan.Measures.SelectMany(m => Statistics.Select(s => s.Column(m))),
    ];

    /// <summary>The header row.</summary>
    public static string[] Header(ExperimentPlan plan) => Columns(plan).Select(c => c.Name).ToArray();

    /// <summary>Writes summary.csv of the runs in <paramref name="runsPath"/> to <paramref name="path"/>, replacing it at once when done.</summary>
    public static void Write(ExperimentPlan plan, string runsPath, string path)
    {
        var temporary = path + ".tmp";
        using (var journal = CsvJournal.Create(temporary, Header(plan)))
        {
            var point = -1;
            var values = NewBuckets(plan);
            foreach (var (pointId, structure, measures) in RunsTable.Read(plan, runsPath))
            {
                if (pointId != point)
                {
                    WriteRows(plan, journal, point, values);
                    values = NewBuckets(plan);
                    point = pointId;
                }

                values[structure].Add(measures);
            }

            WriteRows(plan, journal, point, values);
            journal.Commit();
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static List<double[]>[] NewBuckets(ExperimentPlan plan) =>
        Enumerable.Range(0, plan.Structures.Count).Select(_ => new List<double[]>()).ToArray();

    private static void WriteRows(ExperimentPlan plan, CsvJournal journal, int pointId, List<double[]>[] values)
    {
        if (pointId < 0)
        {
            return;
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
            row.AddRange(ParameterCatalog.All.Select(p => p.Format(parameters)));
            row.Add(runs.Count.ToString(CultureInfo.InvariantCulture));
            for (var m = 0; m < plan.Measures.Count; m++)
            {
                var estimate = MeanEstimate.Of(runs.Select(r => r[m]));
                foreach (var statistic in Statistics)
                {
                    row.Add(RunsTable.Number(statistic.Value(estimate)));
                }
            }

            journal.Write(row);
        }
    }
}
