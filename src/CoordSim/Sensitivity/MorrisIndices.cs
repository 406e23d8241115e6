namespace CoordSim.Sensitivity;

/// <summary>
/// Morris's μ, μ* and σ of every factor from the outputs at the points of <see cref="CoordSim.Experiments.MorrisDesign"/>
/// (trajectory by trajectory, k + 1 points each). Step s of a trajectory moves one factor f by ±Δ on its [0, 1] scale;
/// its elementary effect is (y_s − y_{s−1}) / (x_s,f − x_{s−1},f). A trajectory with a missing (NaN) output at any point is
/// left out; the intervals are bootstrap intervals over the trajectories (<see cref="Bootstrap"/>).
/// </summary>
public static class MorrisIndices
{
    /// <summary>
    /// The statistics of each factor from the design's <paramref name="unitPoints"/> (<c>MorrisDesign.UnitPoints</c>) and
    /// the <paramref name="outputs"/> at them, with <paramref name="level"/> intervals from <paramref name="resamples"/> resamples.
    /// </summary>
    public static IReadOnlyList<MorrisIndex> Compute(IReadOnlyList<double[]> unitPoints, IReadOnlyList<double> outputs,
        int resamples = Bootstrap.DefaultResamples, long seed = 0, double level = Bootstrap.DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(unitPoints);
        ArgumentNullException.ThrowIfNull(outputs);
        if (unitPoints.Count == 0 || unitPoints.Count != outputs.Count)
        {
            throw new ArgumentException($"{outputs.Count} outputs for {unitPoints.Count} points: one output per point.", nameof(outputs));
        }

        var k = unitPoints[0].Length;
        if (unitPoints.Count % (k + 1) != 0)
        {
            throw new ArgumentException($"{unitPoints.Count} points are not whole trajectories of {k + 1} points.", nameof(unitPoints));
        }

        // effects[t][f]: trajectory t's elementary effect of factor f.
        var effects = new List<double[]>();
        for (var t = 0; t < unitPoints.Count / (k + 1); t++)
        {
            var start = t * (k + 1);
            if (!Enumerable.Range(start, k + 1).All(p => double.IsFinite(outputs[p])))
            {
                continue;
            }

            var row = new double[k];
            for (var s = 1; s <= k; s++)
            {
                var (before, after) = (unitPoints[start + s - 1], unitPoints[start + s]);
                var moved = Enumerable.Range(0, k).Where(i => before[i] != after[i]).ToArray();
                if (moved.Length != 1)
                {
                    throw new ArgumentException(
                        $"Step {s} of trajectory {t + 1} moves {moved.Length} factors: a Morris step moves exactly one.", nameof(unitPoints));
                }

                var f = moved[0];
                row[f] = (outputs[start + s] - outputs[start + s - 1]) / (after[f] - before[f]);
            }

            effects.Add(row);
        }

        var n = effects.Count;
        var all = Bootstrap.Intervals(n, resamples, seed, level, 3 * k, rows => Statistics(rows, effects, k));
        var result = new MorrisIndex[k];
        for (var f = 0; f < k; f++)
        {
            result[f] = new MorrisIndex(f, all[f], all[k + f], all[(2 * k) + f], n);
        }

        return result;
    }

    /// <summary>μ of every factor, then μ*, then σ, over the trajectories <paramref name="rows"/>.</summary>
    private static double[] Statistics(int[] rows, List<double[]> effects, int k)
    {
        var result = new double[3 * k];
        for (var f = 0; f < k; f++)
        {
            var ee = rows.Select(r => effects[r][f]).ToArray();
            result[f] = Mean(ee);
            result[k + f] = Mean(ee.Select(Math.Abs));
            result[(2 * k) + f] = StandardDeviation(ee);
        }

        return result;
    }

    private static double Mean(IEnumerable<double> values)
    {
        var (sum, count) = (0.0, 0);
        foreach (var v in values)
        {
            (sum, count) = (sum + v, count + 1);
        }

        return count == 0 ? double.NaN : sum / count;
    }

    private static double StandardDeviation(double[] values)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
