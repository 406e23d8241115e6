using CoordSim.Engine;
using MathNet.Numerics.Distributions;

namespace CoordSim.Tests.Engine;

/// <summary>The buffered standard normals the channel draws its noise from.</summary>
public class RandomStreamNormalTests
{
    [Fact]
    public void Standard_normals_pass_a_Kolmogorov_Smirnov_test()
    {
        // n = 200 000 draws, several batches; the KS critical value at alpha = 0.001 is 1.95 / sqrt(n).
        const int n = 200_000;
        var random = new RandomStream(20261124);
        var sample = new double[n];
        for (var i = 0; i < n; i++)
        {
            sample[i] = random.NextStandardNormal();
        }

        Array.Sort(sample);
        var d = 0.0;
        for (var i = 0; i < n; i++)
        {
            var cdf = Normal.CDF(0, 1, sample[i]);
            d = Math.Max(d, Math.Max(((i + 1.0) / n) - cdf, cdf - ((double)i / n)));
        }

        Assert.True(d < 1.95 / Math.Sqrt(n), $"KS distance {d:F5} exceeds {1.95 / Math.Sqrt(n):F5}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_normals_and_reseeding_discards_the_batch()
    {
        var a = new RandomStream(42);
        var b = new RandomStream(42);
        var first = Enumerable.Range(0, 3 * RandomStream.NormalBatch).Select(_ => a.NextStandardNormal()).ToArray();
        Assert.Equal(first, Enumerable.Range(0, first.Length).Select(_ => b.NextStandardNormal()));

        var c = new RandomStream(7);
        c.NextStandardNormal();
        c.NextDouble();
        c.Reseed(42);
        Assert.Equal(first[..10], Enumerable.Range(0, 10).Select(_ => c.NextStandardNormal()));
    }

    [Fact]
    public void Different_seeds_give_different_normals()
    {
        var a = new RandomStream(1);
        var b = new RandomStream(2);
        Assert.NotEqual(
            Enumerable.Range(0, 8).Select(_ => a.NextStandardNormal()).ToArray(),
            Enumerable.Range(0, 8).Select(_ => b.NextStandardNormal()).ToArray());
    }
}
