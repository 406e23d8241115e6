using System.Globalization;
using CoordSim.Engine;
using CoordSim.Sensitivity;

namespace CoordSim.Experiments;

/// <summary>
/// The layout of <c>sensitivity.csv</c>, written at the end of a sweep whose design is <see cref="MorrisDesign"/> or
/// <see cref="SobolDesign"/>: one row per measure, structure (or difference of a structure from the first one), factor
/// (or pair of factors) and index — Morris's <c>mu</c>, <c>muStar</c> and <c>sigma</c> (<see cref="MorrisIndices"/>),
/// Sobol's <c>S1</c>, <c>ST</c> and, with second order, <c>S2</c> (<see cref="SobolIndices"/>) — with its 95% bootstrap
/// interval and the base rows or trajectories it used. Made from runs.csv, so it is the same whatever the thread count.
/// </summary>
/// <remarks>
/// The output at a point is the mean of a measure over the point's replications (the finite values), not each
/// replication on its own: the indices then apportion the variance of the expected outcome among the factors, which is
/// what "which parameters decide the outcome" asks, while the run-to-run noise, which no factor explains, only makes
/// that mean less precise (more replications narrow the intervals) instead of entering V(Y) as a share no factor owns.
/// The difference rows take, at every point, the mean of structure s less the mean of the first structure; both ran
/// with the same seeds (common random numbers), so the noise largely cancels. A point whose mean is missing (no finite
/// value) drops its base row or trajectory, as the <c>n</c> column shows. The intervals resample with a seed derived from
/// the experiment's (<c>SeedDerivation.DerivePublic(seed, 0x53454E53, 0)</c>), the same resamples for every row.
/// </remarks>
internal static class SensitivityTable
{
    /// <summary>The file name.</summary>
    public const string FileName = ResultsFormat.SensitivityFile;

    private const long BootstrapStream = 0x5345_4E53; // "SENS"

    /// <summary>The indices a row may hold, as the <c>index</c> column writes them.</summary>
    public static IReadOnlyList<string> Indices { get; } = ["mu", "muStar", "sigma", "S1", "ST", "S2"];

    /// <summary>Every column in file order.</summary>
    public static IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new(ResultsFormat.SensitivityColumns[0], ColumnRole.Key, ColumnType.Text, "", "The measure whose sensitivity the row gives (a column of runs.csv), averaged over each point's replications."),
        new(ResultsFormat.SensitivityColumns[1], ColumnRole.Key, ColumnType.Text, "", "The structure's label."),
        new(ResultsFormat.SensitivityColumns[2], ColumnRole.Key, ColumnType.Text, "",
            "Empty for the structure's own measure; otherwise the first structure's label, and the row is about the difference structure − baseline at each point (same seeds, common random numbers)."),
        new(ResultsFormat.SensitivityColumns[3], ColumnRole.Key, ColumnType.Text, "", "The factor (a parameter the design varies)."),
        new(ResultsFormat.SensitivityColumns[4], ColumnRole.Key, ColumnType.Text, "", "The second factor of a second-order index S2; empty for the other indices."),
        new(ResultsFormat.SensitivityColumns[5], ColumnRole.Key, ColumnType.Enum, "",
            "mu, muStar, sigma: Morris's mean, mean absolute value and standard deviation of the factor's elementary effects (change of the measure per whole range of the factor, the range on its own scale, linear or log); S1, ST, S2: Sobol's first-order, total and second-order indices (shares of the measure's variance over the design).")
        {
            Values = Indices,
        },
        new(ResultsFormat.SensitivityColumns[6], ColumnRole.Statistic, ColumnType.Number, "",
            "The index estimated from every usable base row or trajectory (mu, muStar, sigma in the measure's unit; S1, ST, S2 a share, which sampling error can push a little below 0 or above 1); empty when undefined."),
        new(ResultsFormat.SensitivityColumns[7], ColumnRole.Statistic, ColumnType.Number, "",
            "Lower end of the 95% percentile bootstrap interval (1000 resamples of the base rows or trajectories); empty with fewer than two."),
        new(ResultsFormat.SensitivityColumns[8], ColumnRole.Statistic, ColumnType.Number, "",
            "Upper end of the 95% percentile bootstrap interval (1000 resamples of the base rows or trajectories); empty with fewer than two."),
        new(ResultsFormat.SensitivityColumns[9], ColumnRole.Statistic, ColumnType.Integer, "",
            "Base rows (sobol) or trajectories (morris) used: those with a value at every one of their points."),
    ];

    /// <summary>The header row.</summary>
    public static string[] Header { get; } = Columns.Select(c => c.Name).ToArray();

    /// <summary>Whether a sweep of <paramref name="plan"/> writes sensitivity.csv: its design is morris or sobol.</summary>
    public static bool Applies(ExperimentPlan plan) => plan.Spec.Design is MorrisDesign or SobolDesign;

    /// <summary>
    /// Writes sensitivity.csv of the runs in <paramref name="runsPath"/> to <paramref name="path"/> and
    /// sensitivity-convergence.csv (<see cref="SensitivityConvergenceTable"/>) to <paramref name="convergencePath"/>, each
    /// replacing its file at once when done.
    /// </summary>
    public static void Write(ExperimentPlan plan, string runsPath, string path, string convergencePath)
    {
        var means = PointMeans(plan, RunsTable.Read(plan, runsPath));
        CsvJournal.WriteWhole(path, Header, Rows(plan, means));
        CsvJournal.WriteWhole(convergencePath, SensitivityConvergenceTable.Header, SensitivityConvergenceTable.Rows(plan, means));
    }

    /// <summary>The rows of sensitivity.csv, as text, of <paramref name="runs"/> (each run's point, structure index and kept measures; NaN where empty).</summary>
    public static IEnumerable<string[]> Rows(ExperimentPlan plan, IEnumerable<(int PointId, int StructureIndex, double[] Measures)> runs) =>
        Rows(plan, PointMeans(plan, runs));

    /// <summary>The seed of the bootstrap resamples of every row of the experiment of <paramref name="plan"/>.</summary>
    internal static long BootstrapSeed(ExperimentPlan plan) => SeedDerivation.DerivePublic(plan.Spec.Seed, BootstrapStream, 0);

    /// <summary>
    /// The analyses of a sweep, in file order: each measure m, and for it each series s — the structures' own
    /// measure (s below the structure count) and then each structure's difference from the first.
    /// </summary>
    internal static IEnumerable<(int Measure, int Series)> Analyses(ExperimentPlan plan) =>
        from m in Enumerable.Range(0, plan.Measures.Count) from s in Enumerable.Range(0, (2 * plan.Structures.Count) - 1) select (m, s);

    /// <summary>
    /// The key columns (measure, structure, baseline) of analysis (<paramref name="measure"/>, <paramref name="series"/>)
    /// and its output at every design point, from <paramref name="means"/> (<see cref="PointMeans"/>).
    /// </summary>
    internal static (string[] Keys, double[] Outputs) Series(ExperimentPlan plan, double[][][] means, int measure, int series)
    {
        var own = series < plan.Structures.Count;
        var structure = own ? series : series - plan.Structures.Count + 1;
        var outputs = new double[plan.Points.Count];
        for (var p = 0; p < outputs.Length; p++)
        {
            outputs[p] = own ? means[p][structure][measure] : means[p][structure][measure] - means[p][0][measure];
        }

        return ([plan.Measures[measure].Name, plan.Structures[structure].Label, own ? "" : plan.Structures[0].Label], outputs);
    }

    /// <summary>The rows of sensitivity.csv from the point means.</summary>
    private static IEnumerable<string[]> Rows(ExperimentPlan plan, double[][][] means)
    {
        var seed = BootstrapSeed(plan);
        var factors = plan.Varied;
        var design = plan.Spec.Design;
        var points = MorrisPoints(plan);
        var secondOrder = design is SobolDesign { SecondOrder: true };

        // Each measure and structure (or difference) is analysed on its own, in parallel; the rows keep this order.
        return Analyses(plan).AsParallel().AsOrdered().SelectMany(job =>
        {
            var (keys, outputs) = Series(plan, means, job.Measure, job.Series);
            return Estimates(design, points, outputs, secondOrder, seed)
                .Select(e => (string[])[.. keys, factors[e.Factor], e.Factor2 < 0 ? "" : factors[e.Factor2], e.Index, .. Numbers(e.Estimate), Integer(e.N)])
                .ToArray();
        });
    }

    /// <summary>The unit-scale points of a morris design (drawn once for every analysis), or null for a sobol design.</summary>
    internal static double[][]? MorrisPoints(ExperimentPlan plan) =>
        plan.Spec.Design is MorrisDesign morris ? morris.UnitPoints(plan.Spec.Seed) : null;

    /// <summary>
    /// Every index of the design for <paramref name="outputs"/>: morris's mu, muStar and sigma of each factor (from
    /// <paramref name="morrisPoints"/>, the points the outputs belong to), or sobol's S1 and ST of each factor and, with
    /// <paramref name="secondOrder"/>, S2 of each pair i &lt; j; each with the factor's position, the second factor's (−1
    /// for none) and the trajectories or base rows used.
    /// </summary>
    internal static IEnumerable<(int Factor, int Factor2, string Index, IndexEstimate Estimate, int N)> Estimates(
        Design design, IReadOnlyList<double[]>? morrisPoints, IReadOnlyList<double> outputs, bool secondOrder, long seed)
    {
        switch (design)
        {
            case MorrisDesign:
                foreach (var index in MorrisIndices.Compute(morrisPoints!, outputs, seed: seed))
                {
                    yield return (index.Factor, -1, "mu", index.Mu, index.Effects);
                    yield return (index.Factor, -1, "muStar", index.MuStar, index.Effects);
                    yield return (index.Factor, -1, "sigma", index.Sigma, index.Effects);
                }

                break;
            case SobolDesign sobol:
                var k = sobol.Factors.Count;
                var estimates = SobolIndices.Compute(k, secondOrder, outputs, seed: seed);
                for (var i = 0; i < k; i++)
                {
                    yield return (i, -1, "S1", estimates.FirstOrder[i], estimates.Rows);
                    yield return (i, -1, "ST", estimates.Total[i], estimates.Rows);
                }

                if (estimates.SecondOrder is { } second)
                {
                    for (var i = 0; i < k; i++)
                    {
                        for (var j = i + 1; j < k; j++)
                        {
                            yield return (i, j, "S2", second[i, j]!, estimates.Rows);
                        }
                    }
                }

                break;
            default:
                throw new InvalidOperationException($"A {design.Kind} design has no sensitivity indices.");
        }
    }

    /// <summary>means[point][structure][measure]: the mean of the finite values over the point's replications, NaN when there are none.</summary>
    internal static double[][][] PointMeans(ExperimentPlan plan, IEnumerable<(int PointId, int StructureIndex, double[] Measures)> runs)
    {
        var measures = plan.Measures.Count;
        var sums = new double[plan.Points.Count][][];
        var counts = new int[plan.Points.Count][][];
        for (var p = 0; p < sums.Length; p++)
        {
            sums[p] = new double[plan.Structures.Count][];
            counts[p] = new int[plan.Structures.Count][];
            for (var s = 0; s < plan.Structures.Count; s++)
            {
                sums[p][s] = new double[measures];
                counts[p][s] = new int[measures];
            }
        }

        foreach (var (point, structure, values) in runs)
        {
            for (var m = 0; m < measures; m++)
            {
                if (double.IsFinite(values[m]))
                {
                    sums[point][structure][m] += values[m];
                    counts[point][structure][m]++;
                }
            }
        }

        for (var p = 0; p < sums.Length; p++)
        {
            for (var s = 0; s < plan.Structures.Count; s++)
            {
                for (var m = 0; m < measures; m++)
                {
                    sums[p][s][m] = counts[p][s][m] == 0 ? double.NaN : sums[p][s][m] / counts[p][s][m];
                }
            }
        }

        return sums;
    }

    /// <summary>An estimate's value, low and high as the files write them (empty for NaN).</summary>
    internal static string[] Numbers(IndexEstimate estimate) =>
        [RunsTable.Number(estimate.Value), RunsTable.Number(estimate.Low), RunsTable.Number(estimate.High)];

    /// <summary>An integer as the files write it.</summary>
    internal static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);
}
