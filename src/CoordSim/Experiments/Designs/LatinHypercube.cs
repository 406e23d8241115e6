using CoordSim.Engine;

namespace CoordSim.Experiments;

/// <summary>
/// Latin hypercube samples of the unit cube: for n samples in d dimensions, each dimension's
/// interval [0, 1) is cut into n strata [k/n, (k+1)/n) and every stratum of every dimension holds
/// exactly one sample, placed uniformly inside it; the strata are matched across dimensions by
/// independent random permutations (McKay, Beckman and Conover 1979). Deterministic in the seed.
/// </summary>
public static class LatinHypercube
{
    /// <summary>
    /// <paramref name="samples"/> points of the unit cube in <paramref name="dimensions"/> dimensions:
    /// <c>result[i][j]</c> is coordinate j of sample i, in [0, 1), and <c>floor(result[i][j] * samples)</c>
    /// takes every value 0..samples−1 exactly once in each dimension j.
    /// </summary>
    public static double[][] Sample(int samples, int dimensions, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        var random = new RandomStream(SeedDerivation.Derive((ulong)seed, 0x4C48_5300UL));
        var result = new double[samples][];
        for (var i = 0; i < samples; i++)
        {
            result[i] = new double[dimensions];
        }

        var strata = new int[samples];
        for (var j = 0; j < dimensions; j++)
        {
            for (var k = 0; k < samples; k++)
            {
                strata[k] = k;
            }

            for (var k = samples - 1; k > 0; k--)
            {
                var swap = (int)random.NextBounded((ulong)(k + 1));
                (strata[k], strata[swap]) = (strata[swap], strata[k]);
            }

            for (var i = 0; i < samples; i++)
            {
                result[i][j] = InStratum(strata[i], samples, random.NextDouble());
            }
        }

        return result;
    }

    /// <summary>The point a fraction <paramref name="offset"/> ∈ [0, 1) into stratum <paramref name="stratum"/> of <paramref name="samples"/>, nudged so that rounding never moves it into a neighbouring stratum.</summary>
    private static double InStratum(int stratum, int samples, double offset)
    {
        var u = (stratum + offset) / samples;
        while (u * samples >= stratum + 1 || u >= 1)
        {
            u = Math.BitDecrement(u);
        }

        while (u * samples < stratum)
        {
            u = Math.BitIncrement(u);
        }

        return u;
    }
}
