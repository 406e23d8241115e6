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

    /// <summary><paramref name="resamples"/> resamples of the row indices 0..rows−1, each <paramref name="rows"/> long and drawn with replacement.</summary>
    public static int[][] Resamples(int rows, int resamples, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        var random = new RandomStream(SeedDerivation.Derive((ulong)seed, 0x424F_4F54UL)); // "BOOT"
        var result = new int[resamples][];
        for (var b = 0; b < resamples; b++)
        {
            result[b] = new int[rows];
            for (var i = 0; i < rows; i++)
            {
                result[b][i] = (int)random.NextBounded((ulong)rows);
            }
        }

        return result;
    }

    /// <summary>
    /// The estimate from every row (<paramref name="estimate"/> of 0..rows−1) and the <paramref name="level"/> percentile
    /// interval of its estimates from <paramref name="resamples"/>; the interval is NaN with fewer than two rows or resamples.
    /// </summary>
    public static IndexEstimate Interval(int rows, int[][] resamples, double level, Func<int[], double> estimate)
    {
        ArgumentNullException.ThrowIfNull(resamples);
        ArgumentNullException.ThrowIfNull(estimate);
        var value = estimate(Enumerable.Range(0, rows).ToArray());
        if (rows < 2 || resamples.Length < 2)
        {
            return new IndexEstimate(value, double.NaN, double.NaN);
        }

        var values = resamples.Select(estimate).Where(double.IsFinite).ToArray();
        if (values.Length < 2)
        {
            return new IndexEstimate(value, double.NaN, double.NaN);
        }

        Array.Sort(values);
        var tail = (1 - level) / 2;
        return new IndexEstimate(value, SortedArrayStatistics.Quantile(values, tail), SortedArrayStatistics.Quantile(values, 1 - tail));
    }
}
