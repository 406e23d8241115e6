using CoordSim.Plots;
using FsCheck;
using FsCheck.Xunit;

namespace CoordSim.Tests.Plots;

public class DistributionPropertyTests
{
    private static double[] Sample(NonEmptyArray<NormalFloat> values) =>
        values.Get.Select(v => Math.Abs(v.Get) % 1000).Order().ToArray();

    [Property(MaxTest = 300)]
    public bool Ecdf_rises_from_0_to_1_through_the_sample(NonEmptyArray<NormalFloat> values)
    {
        var sorted = Sample(values);

        var (xs, ps) = Figures.EcdfPoints(sorted);

        var monotone = xs.Zip(xs.Skip(1)).All(p => p.First <= p.Second) && ps.Zip(ps.Skip(1)).All(p => p.First < p.Second);
        return monotone && ps[0] == 0 && ps[^1] == 1 && xs[0] == sorted[0] && xs[^1] == sorted[^1] && xs.All(x => sorted.Contains(x));
    }

    [Fact]
    public void Large_samples_are_drawn_at_2000_exact_order_statistics()
    {
        var sorted = Enumerable.Range(0, 10_000).Select(i => i * 0.5).ToArray();

        var (xs, ps) = Figures.EcdfPoints(sorted);

        Assert.Equal(2001, xs.Length);
        Assert.Equal(sorted[4], xs[1]);
        Assert.Equal(5.0 / 10_000, ps[1]);
        Assert.Equal(sorted[^1], xs[^1]);
    }

    [Property(MaxTest = 300)]
    public bool Histogram_density_counts_every_value_and_integrates_to_one(NonEmptyArray<NormalFloat> values, PositiveInt bins)
    {
        var sorted = Sample(values);
        var (low, high) = (sorted[0], sorted[^1] > sorted[0] ? sorted[^1] : sorted[0] + 1);
        var count = 1 + (bins.Get % 60);

        var (edges, density) = Figures.HistogramDensity(sorted, count, low, high);

        var area = density.Select((d, i) => d * (edges[i + 1] - edges[i])).Sum();
        return edges.Length == count + 1 && Math.Abs(area - 1) < 1e-9 && Math.Abs(edges[0] - low) < 1e-9 && Math.Abs(edges[^1] - high) < 1e-9 * Math.Max(1, high);
    }
}
