using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace CoordSim.Experiments;

/// <summary>
/// The mean of a measure over replications with its sample standard deviation and the confidence
/// interval of the mean from Student's t distribution with n − 1 degrees of freedom:
/// mean ± t(1 − (1 − level)/2; n − 1) · sd / √n. Non-finite values (NaN: the run had nothing to
/// measure) are left out and do not count in n.
/// </summary>
/// <param name="N">Number of finite values.</param>
/// <param name="Mean">Their mean; NaN when N = 0.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1 denominator); NaN when N &lt; 2.</param>
/// <param name="CiLow">Lower end of the confidence interval; NaN when N &lt; 2.</param>
/// <param name="CiHigh">Upper end of the confidence interval; NaN when N &lt; 2.</param>
public sealed record MeanEstimate(int N, double Mean, double StandardDeviation, double CiLow, double CiHigh)
{
    /// <summary>The estimate from <paramref name="values"/> with a <paramref name="level"/> confidence interval (0.95 by default).</summary>
    public static MeanEstimate Of(IEnumerable<double> values, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(level, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, 1);
        var finite = values.Where(double.IsFinite).ToArray();
        var n = finite.Length;
        if (n == 0)
        {
            return new MeanEstimate(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var mean = finite.Mean();
        if (n == 1)
        {
            return new MeanEstimate(1, mean, double.NaN, double.NaN, double.NaN);
        }

        var sd = finite.StandardDeviation();
        var half = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - level) / 2)) * sd / Math.Sqrt(n);
        return new MeanEstimate(n, mean, sd, mean - half, mean + half);
    }
}
