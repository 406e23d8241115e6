using MathNet.Numerics.Distributions;

namespace CoordSim.Tests.Validation;

/// <summary>
/// The statistical tests the suite uses, all with MathNet distributions: two-sided exact tests for
/// Poisson and binomial counts, Pearson's chi-square for frequencies, and normal or Student-t
/// intervals for means. Every check states its significance level; seeds are fixed, so a check
/// either always passes or always fails, and the level says how unlikely a failure of a correct
/// model was before the seed was chosen.
/// </summary>
internal static class Significance
{
    /// <summary>Significance level of the unit-level statistical checks (generators, channels).</summary>
    public const double UnitAlpha = 1e-4;

    /// <summary>Significance level of each validation against a closed form.</summary>
    public const double ValidationAlpha = 1e-3;

    /// <summary>Two-sided p-value of observing <paramref name="k"/> events when the count is Poisson with <paramref name="mean"/>.</summary>
    public static double PoissonTwoSided(long k, double mean)
    {
        var lower = Poisson.CDF(mean, k);
        var upper = k == 0 ? 1.0 : 1.0 - Poisson.CDF(mean, k - 1);
        return Math.Min(1.0, 2 * Math.Min(lower, upper));
    }

    /// <summary>Two-sided p-value of <paramref name="k"/> successes in <paramref name="n"/> Bernoulli(<paramref name="p"/>) trials.</summary>
    public static double BinomialTwoSided(long k, long n, double p)
    {
        var lower = Binomial.CDF(p, checked((int)n), k);
        var upper = k == 0 ? 1.0 : 1.0 - Binomial.CDF(p, checked((int)n), k - 1);
        return Math.Min(1.0, 2 * Math.Min(lower, upper));
    }

    /// <summary>Pearson chi-square p-value of <paramref name="observed"/> counts against <paramref name="expectedProbabilities"/> (df = cells − 1).</summary>
    public static double ChiSquare(IReadOnlyList<long> observed, IReadOnlyList<double> expectedProbabilities)
    {
        var n = observed.Sum();
        var statistic = 0.0;
        for (var i = 0; i < observed.Count; i++)
        {
            var expected = n * expectedProbabilities[i];
            statistic += (observed[i] - expected) * (observed[i] - expected) / expected;
        }

        return 1.0 - ChiSquared.CDF(observed.Count - 1, statistic);
    }

    /// <summary>Chi-square p-value of <paramref name="observed"/> counts against equal cell probabilities.</summary>
    public static double ChiSquareUniform(IReadOnlyList<long> observed) =>
        ChiSquare(observed, Enumerable.Repeat(1.0 / observed.Count, observed.Count).ToArray());

    /// <summary>
    /// Chi-square goodness-of-fit p-value of a continuous sample against a distribution given by its
    /// inverse CDF: <paramref name="cells"/> cells of equal probability under the hypothesis.
    /// </summary>
    public static double ChiSquareFit(IReadOnlyCollection<double> sample, Func<double, double> inverseCdf, int cells)
    {
        var edges = Enumerable.Range(1, cells - 1).Select(i => inverseCdf((double)i / cells)).ToArray();
        var counts = new long[cells];
        foreach (var x in sample)
        {
            var cell = Array.BinarySearch(edges, x);
            counts[cell >= 0 ? cell + 1 : ~cell]++;
        }

        return ChiSquareUniform(counts);
    }

    /// <summary>The two-sided standard normal critical value for level <paramref name="alpha"/>.</summary>
    public static double NormalCritical(double alpha) => Normal.InvCDF(0, 1, 1 - (alpha / 2));

    /// <summary>The two-sided Student-t critical value for level <paramref name="alpha"/> with <paramref name="degreesOfFreedom"/>.</summary>
    public static double StudentCritical(double alpha, double degreesOfFreedom) =>
        StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - (alpha / 2));

    /// <summary>Asserts that a p-value does not reject at <paramref name="alpha"/>, naming what was tested.</summary>
    public static void AssertNotRejected(double pValue, double alpha, string what) =>
        Assert.True(pValue >= alpha, $"{what}: p = {pValue:G4} < alpha = {alpha:G2}");

    /// <summary>
    /// Asserts |<paramref name="estimate"/> − <paramref name="expected"/>| ≤ <paramref name="critical"/> × <paramref name="standardError"/>,
    /// naming what was compared and printing the numbers.
    /// </summary>
    public static void AssertWithin(double estimate, double expected, double standardError, double critical, string what)
    {
        var z = (estimate - expected) / standardError;
        Assert.True(
            Math.Abs(z) <= critical,
            $"{what}: estimate {estimate:G6}, expected {expected:G6}, standard error {standardError:G4}, |z| = {Math.Abs(z):F2} > {critical:F2}");
    }
}
