using System.Globalization;
using CoordSim.Engine;

namespace CoordSim.Experiments;

/// <summary>
/// Morris's (1991) elementary-effects screening design: <see cref="Trajectories"/> trajectories of
/// k + 1 points each (k factors), on a grid of <see cref="Levels"/> levels per factor. Each factor's range
/// is mapped to [0, 1] (log scale: its logarithm), the grid is {0, 1/(p−1), …, 1}, and a trajectory
/// starts at a random grid point and moves every factor once, in random order, by ±Δ with
/// Δ = p / (2(p − 1)), so two consecutive points differ in one factor only and their outputs give that
/// factor's elementary effect (<c>CoordSim.Sensitivity.MorrisIndices</c>). Points are numbered trajectory
/// by trajectory: point t(k+1) + s is step s of trajectory t.
/// </summary>
/// <remarks>
/// With <see cref="Candidates"/> M, M trajectories are drawn and the r that lie furthest apart are kept
/// (Campolongo, Cariboni and Saltelli 2007: the distance of two trajectories is the sum of the Euclidean
/// distances between their points); the r are chosen greedily, since trying every subset is out of reach:
/// first the two candidates furthest apart, then, one at a time, the candidate with the largest summed
/// distance to those already kept. They keep the order in which they were drawn. An integer factor's
/// grid level u is the integer at quantile u of its range (<see cref="RangeLevels"/>), so an elementary
/// effect is always per unit of the range's [0, 1] scale. The trajectories are fixed by <see cref="Seed"/>,
/// or, when it is null, by a seed derived from the experiment's seed (<see cref="SampleSeed"/>).
/// </remarks>
/// <param name="Trajectories">r: the number of trajectories (at least 2, so that σ can be estimated).</param>
/// <param name="Levels">p: the number of grid levels per factor, an even number from 2 to <see cref="MaxLevels"/>.</param>
/// <param name="Factors">The factors, each a range (from, to, optional log scale) without step or count.</param>
/// <param name="Candidates">M: draw this many trajectories and keep the r furthest apart; null to keep the first r drawn.</param>
/// <param name="Seed">The seed of the trajectories, or null to derive it from the experiment's seed.</param>
public sealed record MorrisDesign(int Trajectories, int Levels, IReadOnlyList<Factor> Factors, int? Candidates = null, long? Seed = null) : Design
{
    /// <summary>The most grid levels per factor.</summary>
    public const int MaxLevels = 100;

    /// <summary>The most candidate trajectories an optimised design draws (their distances are compared pairwise).</summary>
    public const int MaxCandidates = 100;

    private const long SampleStream = 0x4D4F_5252; // "MORR"

    /// <inheritdoc />
    public override string Kind => "morris";

    /// <inheritdoc />
    public override IReadOnlyList<string> Varied => Factors.Select(f => f.Name).ToArray();

    /// <summary>Δ = p / (2(p − 1)): the step of every move, on the [0, 1] scale of each factor's range.</summary>
    public double Delta => Levels / (2.0 * (Levels - 1));

    /// <summary>The seed the trajectories are drawn with: <see cref="Seed"/>, or <c>SeedDerivation.DerivePublic(experimentSeed, 0x4D4F5252, 0)</c>.</summary>
    public long SampleSeed(long experimentSeed) => Seed ?? SeedDerivation.DerivePublic(experimentSeed, SampleStream, 0);

    /// <summary>
    /// Every point of the design on the unit cube, in the design's order: <c>result[t(k+1) + s][f]</c> is factor f's
    /// coordinate in [0, 1] at step s of trajectory t. Call it only for a design that <see cref="ExperimentSpec.Plan"/> accepted.
    /// </summary>
    public double[][] UnitPoints(long experimentSeed)
    {
        var k = Factors.Count;
        var random = new RandomStream(SeedDerivation.Derive((ulong)SampleSeed(experimentSeed), 0x4D4F_5200UL));
        var drawn = Enumerable.Range(0, Candidates ?? Trajectories).Select(_ => Draw(random, k)).ToArray();
        var kept = Candidates is null ? drawn : FurthestApart(drawn, Trajectories);
        return kept.SelectMany(t => t).ToArray();
    }

    /// <inheritdoc />
    internal override IReadOnlyList<IReadOnlyList<ParameterSetting>> Generate(Parameters basePoint, long experimentSeed, List<SpecError> errors)
    {
        var before = errors.Count;
        if (Levels < 2 || Levels > MaxLevels || Levels % 2 != 0)
        {
            errors.Add(new SpecError("$.design.levels", Invariant(Levels), $"an even integer from 2 to {MaxLevels} (Δ = levels / (2(levels − 1)) needs an even number)"));
        }

        var perTrajectory = (long)Factors.Count + 1;
        var maxTrajectories = Math.Max(2, MaxPoints / perTrajectory);
        if (Trajectories < 2 || Trajectories > maxTrajectories)
        {
            errors.Add(new SpecError("$.design.trajectories", Invariant(Trajectories),
                $"an integer from 2 to {maxTrajectories} (trajectories × (factors + 1) points, at most {MaxPoints})"));
        }

        if (Candidates is { } candidates && (candidates <= Trajectories || candidates > MaxCandidates))
        {
            errors.Add(new SpecError("$.design.candidates", Invariant(candidates),
                Trajectories >= MaxCandidates
                    ? $"no candidates with {Trajectories} trajectories: at most {MaxCandidates} candidates, and more of them than trajectories"
                    : $"an integer from {Math.Max(Trajectories, 0) + 1} (more than the trajectories) to {MaxCandidates}"));
        }

        var infos = CheckSampledFactors(Factors, Seed, Kind, rangesOnly: true, errors);
        return errors.Count > before || infos is null ? [] : AtUnitPoints(Factors, infos, UnitPoints(experimentSeed));
    }

    /// <summary>One trajectory: a random grid start whose every factor can move by Δ, then each factor moved once, in random order, up or down.</summary>
    private double[][] Draw(RandomStream random, int k)
    {
        var half = Levels / 2; // Δ in grid steps
        var level = new int[k];
        var direction = new int[k];
        for (var f = 0; f < k; f++)
        {
            var low = (int)random.NextBounded((ulong)half);
            direction[f] = random.NextBounded(2) == 0 ? 1 : -1;
            level[f] = direction[f] > 0 ? low : low + half;
        }

        var order = Enumerable.Range(0, k).ToArray();
        for (var i = k - 1; i > 0; i--)
        {
            var j = (int)random.NextBounded((ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        var points = new double[k + 1][];
        points[0] = Scale(level);
        for (var s = 0; s < k; s++)
        {
            var f = order[s];
            level[f] += direction[f] * half;
            points[s + 1] = Scale(level);
        }

        return points;
    }

    private double[] Scale(int[] level) => level.Select(l => (double)l / (Levels - 1)).ToArray();

    /// <summary>The <paramref name="count"/> trajectories with (greedily) the largest summed pairwise distances, in drawing order.</summary>
    private static double[][][] FurthestApart(double[][][] candidates, int count)
    {
        var m = candidates.Length;
        var distance = new double[m, m];
        for (var a = 0; a < m; a++)
        {
            for (var b = a + 1; b < m; b++)
            {
                distance[a, b] = distance[b, a] = Distance(candidates[a], candidates[b]);
            }
        }

        var (first, second, best) = (0, 1, double.NegativeInfinity);
        for (var a = 0; a < m; a++)
        {
            for (var b = a + 1; b < m; b++)
            {
                if (distance[a, b] > best)
                {
                    (first, second, best) = (a, b, distance[a, b]);
                }
            }
        }

        var kept = new List<int> { first, second };
        while (kept.Count < count)
        {
            var (next, nextSum) = (-1, double.NegativeInfinity);
            for (var c = 0; c < m; c++)
            {
                if (kept.Contains(c))
                {
                    continue;
                }

                var sum = kept.Sum(k => distance[c, k]);
                if (sum > nextSum)
                {
                    (next, nextSum) = (c, sum);
                }
            }

            kept.Add(next);
        }

        return kept.Order().Select(i => candidates[i]).ToArray();
    }

    /// <summary>Campolongo et al.'s distance of two trajectories: the sum of the Euclidean distances between every point of one and every point of the other.</summary>
    internal static double Distance(double[][] a, double[][] b)
    {
        var sum = 0.0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                var squares = 0.0;
                for (var f = 0; f < x.Length; f++)
                {
                    squares += (x[f] - y[f]) * (x[f] - y[f]);
                }

                sum += Math.Sqrt(squares);
            }
        }

        return sum;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
