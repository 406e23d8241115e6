namespace CoordSim.Experiments;

/// <summary>
/// The layout of <c>sensitivity-convergence.csv</c>, written beside sensitivity.csv (<see cref="SensitivityTable"/>): the
/// first-order indices of every measure, structure (or difference from the first structure) and factor estimated again
/// from the first N/2, N/4 and N/8 base rows (sobol: S1 and ST) or trajectories (morris: mu, muStar, sigma) as well as
/// from all N of them, so that a reader sees whether an index has settled or is still moving with the sample size,
/// and how its interval narrows (as 1/√N when it behaves).
/// </summary>
/// <remarks>
/// The first 2^m points of a Sobol' sequence are themselves evenly spread, so a prefix of a power-of-two design is a
/// design of its own; Morris trajectories are drawn independently, so any prefix is a smaller sample of them. Sizes
/// below <see cref="SobolSmallest"/> base rows or <see cref="MorrisSmallest"/> trajectories are left out (an interval
/// from fewer says little). Second-order indices are not repeated here. The intervals use the same resamples as
/// sensitivity.csv, so the row for all N equals its row there.
/// </remarks>
internal static class SensitivityConvergenceTable
{
    /// <summary>The file name.</summary>
    public const string FileName = ResultsFormat.SensitivityConvergenceFile;

    /// <summary>The fewest base rows a sobol estimate here is made from.</summary>
    public const int SobolSmallest = 8;

    /// <summary>The fewest trajectories a morris estimate here is made from.</summary>
    public const int MorrisSmallest = 4;

    /// <summary>Every column in file order.</summary>
    public static IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new(ResultsFormat.SensitivityConvergenceColumns[0], ColumnRole.Key, ColumnType.Text, "", "The measure, as in sensitivity.csv."),
        new(ResultsFormat.SensitivityConvergenceColumns[1], ColumnRole.Key, ColumnType.Text, "", "The structure's label, as in sensitivity.csv."),
        new(ResultsFormat.SensitivityConvergenceColumns[2], ColumnRole.Key, ColumnType.Text, "", "Empty for the structure's own measure; otherwise the first structure's label (the difference structure − baseline), as in sensitivity.csv."),
        new(ResultsFormat.SensitivityConvergenceColumns[3], ColumnRole.Key, ColumnType.Text, "", "The factor."),
        new(ResultsFormat.SensitivityConvergenceColumns[4], ColumnRole.Key, ColumnType.Enum, "", "mu, muStar, sigma (morris) or S1, ST (sobol), as in sensitivity.csv.")
        {
            Values = ["mu", "muStar", "sigma", "S1", "ST"],
        },
        new(ResultsFormat.SensitivityConvergenceColumns[5], ColumnRole.Key, ColumnType.Integer, "",
            "The first this many base rows (sobol) or trajectories (morris) of the design the estimate is made from: N, N/2, N/4 and N/8, those of at least 8 base rows or 4 trajectories."),
        new(ResultsFormat.SensitivityConvergenceColumns[6], ColumnRole.Statistic, ColumnType.Number, "", "The index estimated from those samples; empty when undefined."),
        new(ResultsFormat.SensitivityConvergenceColumns[7], ColumnRole.Statistic, ColumnType.Number, "", "Lower end of the 95% percentile bootstrap interval (1000 resamples of those samples)."),
        new(ResultsFormat.SensitivityConvergenceColumns[8], ColumnRole.Statistic, ColumnType.Number, "", "Upper end of the 95% percentile bootstrap interval (1000 resamples of those samples)."),
        new(ResultsFormat.SensitivityConvergenceColumns[9], ColumnRole.Statistic, ColumnType.Integer, "", "Of those samples, the ones used: those with a value at every one of their points."),
    ];

    /// <summary>The header row.</summary>
    public static string[] Header { get; } = Columns.Select(c => c.Name).ToArray();

    /// <summary>
    /// The sample sizes estimated from, in ascending order: N, N/2, N/4 and N/8 (integer halves) of the design's base rows
    /// or trajectories, those of at least <see cref="SobolSmallest"/> or <see cref="MorrisSmallest"/>; N always.
    /// </summary>
    public static IReadOnlyList<int> Sizes(Design design)
    {
        var (all, smallest) = design switch
        {
            MorrisDesign morris => (morris.Trajectories, MorrisSmallest),
            SobolDesign sobol => (sobol.Samples, SobolSmallest),
            _ => throw new InvalidOperationException($"A {design.Kind} design has no sensitivity indices."),
        };
        return new[] { all / 8, all / 4, all / 2 }.Where(n => n >= smallest).Append(all).Distinct().ToArray();
    }

    /// <summary>The rows of sensitivity-convergence.csv from the point means of <see cref="SensitivityTable.PointMeans"/>.</summary>
    public static IEnumerable<string[]> Rows(ExperimentPlan plan, double[][][] means)
    {
        var seed = SensitivityTable.BootstrapSeed(plan);
        var design = plan.Spec.Design;
        var factors = plan.Varied;
        var points = SensitivityTable.MorrisPoints(plan);
        var sizes = Sizes(design);
        return SensitivityTable.Analyses(plan).AsParallel().AsOrdered().SelectMany(job =>
        {
            var (keys, outputs) = SensitivityTable.Series(plan, means, job.Measure, job.Series);
            return sizes.SelectMany(size =>
            {
                var samples = SensitivityTable.Integer(size);
                var (somePoints, someOutputs) = Prefix(design, points, outputs, size);
                return SensitivityTable.Estimates(design, somePoints, someOutputs, secondOrder: false, seed)
                    .Select(e => (string[])[.. keys, factors[e.Factor], e.Index, samples, .. SensitivityTable.Numbers(e.Estimate), SensitivityTable.Integer(e.N)]);
            }).ToArray();
        });
    }

    /// <summary>
    /// The points and outputs of the first <paramref name="size"/> trajectories (morris), or the outputs of the first
    /// <paramref name="size"/> base rows laid out without second order (sobol, which needs no points).
    /// </summary>
    private static (IReadOnlyList<double[]>? Points, IReadOnlyList<double> Outputs) Prefix(Design design, double[][]? points, double[] outputs, int size)
    {
        switch (design)
        {
            case MorrisDesign morris:
                var length = size * (morris.Factors.Count + 1);
                return (new ArraySegment<double[]>(points!, 0, length), new ArraySegment<double>(outputs, 0, length));
            case SobolDesign sobol:
                return (null, FirstOrderOutputs(sobol, outputs, size));
            default:
                throw new InvalidOperationException($"A {design.Kind} design has no sensitivity indices.");
        }
    }

    /// <summary>
    /// The outputs of the first <paramref name="size"/> base rows laid out as a design without second order: each row's
    /// A, A_B^(1..k) and B points, its B_A^(i) points (when the design has them) left out.
    /// </summary>
    private static double[] FirstOrderOutputs(SobolDesign design, double[] outputs, int size)
    {
        var k = design.Factors.Count;
        var length = design.RowLength;
        var result = new double[size * (k + 2)];
        for (var j = 0; j < size; j++)
        {
            Array.Copy(outputs, j * length, result, j * (k + 2), k + 1);
            result[(j * (k + 2)) + k + 1] = outputs[(j * length) + length - 1];
        }

        return result;
    }
}
