using CoordSim.Engine;
using MathNet.Numerics.Statistics;

namespace CoordSim.Sensitivity;

/// <summary>
/// The bootstrap the sensitivity indices' intervals come from: the rows an index is estimated from (Sobol' base rows,
/// Morris trajectories) are drawn with replacement, the index is estimated again from each resample, and the interval
/// is the percentile interval of those estimates (MathNet's quantile, R-8). Deterministic in the seed.
/// </summary>
public static class Bootstrap
{
    /// <summary>The resamples drawn unless told otherwise.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>The confidence level of the intervals unless told otherwise.</summary>
    public const double DefaultLevel = 0.95;

    /// <summary>
    /// Resample <paramref name="number"/> of the row indices 0..rows−1 (drawn with replacement) into <paramref name="into"/>:
    /// the same rows for the same seed and number, so every index of a set of rows is resampled alike.
    /// </summary>
    public static void Resample(int rows, long seed, int number, int[] into)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var random = new RandomStream(SeedDerivation.Derive((ulong)seed, 0x424F_4F54UL, (ulong)number)); // "BOOT"
        for (var i = 0; i < rows; i++)
        {
            into[i] = (int)random.NextBounded((ulong)rows);
        }
    }

    /// <summary>
    /// The estimate from every row (<paramref name="estimate"/> of 0..rows−1) and the <paramref name="level"/> percentile
    /// interval of its estimates from <paramref name="resamples"/> resamples (<see cref="Resample"/> with <paramref name="seed"/>,
    /// drawn one at a time, so memory stays one row list); the interval is NaN with fewer than two rows or resamples.
    /// </summary>
    public static IndexEstimate Interval(int rows, int resamples, long seed, double level, Func<int[], double> estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return Intervals(rows, resamples, seed, level, 1, drawn => [estimate(drawn)])[0];
    }

    /// <summary>
    /// <see cref="Interval"/> for <paramref name="count"/> indices at once: <paramref name="estimate"/> gives all of them from one
    /// list of rows, so what they share (the output's variance, say) is computed once per resample.
    /// </summary>
    public static IndexEstimate[] Intervals(int rows, int resamples, long seed, double level, int count, Func<int[], double[]> estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var values = estimate(Enumerable.Range(0, rows).ToArray());
        var result = new IndexEstimate[count];
        if (rows < 2 || resamples < 2)
        {
            for (var c = 0; c < count; c++)
            {
                result[c] = new IndexEstimate(values[c], double.NaN, double.NaN);
            }

            return result;
        }

        var drawn = new int[rows];
        var samples = Enumerable.Range(0, count).Select(_ => new List<double>(resamples)).ToArray();
        for (var b = 0; b < resamples; b++)
        {
            Resample(rows, seed, b, drawn);
            var again = estimate(drawn);
            for (var c = 0; c < count; c++)
            {
                if (double.IsFinite(again[c]))
                {
                    samples[c].Add(again[c]);
                }
            }
        }

        var tail = (1 - level) / 2;
        for (var c = 0; c < count; c++)
        {
            if (samples[c].Count < 2)
            {
                result[c] = new IndexEstimate(values[c], double.NaN, double.NaN);
                continue;
            }

            var sorted = samples[c].ToArray();
            Array.Sort(sorted);
            result[c] = new IndexEstimate(values[c], SortedArrayStatistics.Quantile(sorted, tail), SortedArrayStatistics.Quantile(sorted, 1 - tail));
        }

        return result;
    }
}
