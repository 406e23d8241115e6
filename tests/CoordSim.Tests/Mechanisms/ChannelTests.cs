using CoordSim.Engine;
using CoordSim.Mechanisms;
using CoordSim.Tests.Validation;
using MathNet.Numerics.Distributions;

namespace CoordSim.Tests.Mechanisms;

public class ChannelTests
{
    private static double[] State(int m, int seed)
    {
        var r = new RandomStream((ulong)seed);
        return Enumerable.Range(0, m).Select(_ => Normal.Sample(r, 0, 1)).ToArray();
    }

    [Fact]
    public void A_clean_channel_changes_nothing()
    {
        var state = State(8, 1);
        var copy = (double[])state.Clone();
        ulong lost = 0;
        var random = new RandomStream(2);
        var error = Channel.Transmit(state, ref lost, sigma: 0, drop: 0, severityScale: 1, random);
        Assert.Equal(copy, state);
        Assert.Equal(0UL, lost);
        Assert.Equal(0, error);
    }

    [Fact]
    public void A_channel_that_drops_everything_zeroes_every_fact()
    {
        var state = State(8, 3);
        ulong lost = 0;
        var error = Channel.Transmit(state, ref lost, sigma: 0.3, drop: 1, severityScale: 0.5, new RandomStream(4));
        Assert.All(state, x => Assert.Equal(0.0, x));
        Assert.Equal(0xFFUL, lost);
        Assert.Equal(Math.Sqrt(State(8, 3).Sum(x => x * x)), error, 12);
    }

    [Fact]
    public void An_upward_hop_shades_only_the_severity_fact()
    {
        var state = State(8, 5);
        var copy = (double[])state.Clone();
        ulong lost = 0;
        var error = Channel.Transmit(state, ref lost, sigma: 0, drop: 0, severityScale: 0.9, new RandomStream(6));
        Assert.Equal(copy[0] * 0.9, state[0]);
        Assert.Equal(copy[1..], state[1..]);
        Assert.Equal(Math.Abs(copy[0] * 0.1), error, 12);
    }

    [Fact]
    public void Lost_facts_stay_zero_across_later_hops()
    {
        var state = State(8, 7);
        ulong lost = 0b1010_0101;
        foreach (var j in new[] { 0, 2, 5, 7 })
        {
            state[j] = 0;
        }

        var random = new RandomStream(8);
        for (var hop = 0; hop < 20; hop++)
        {
            Channel.Transmit(state, ref lost, sigma: 0.5, drop: 0.05, severityScale: 0.8, random);
            Assert.Equal(0b1010_0101UL, lost & 0b1010_0101UL);
            for (var j = 0; j < state.Length; j++)
            {
                if ((lost & (1UL << j)) != 0)
                {
                    Assert.Equal(0.0, state[j]);
                }
            }
        }
    }

    [Fact]
    public void The_returned_error_is_the_norm_of_the_change()
    {
        var state = State(8, 9);
        var before = (double[])state.Clone();
        ulong lost = 0;
        var error = Channel.Transmit(state, ref lost, sigma: 0.2, drop: 0.3, severityScale: 0.7, new RandomStream(10));
        Assert.Equal(Math.Sqrt(before.Zip(state, (a, b) => (a - b) * (a - b)).Sum()), error, 12);
    }

    [Fact]
    public void Noise_over_h_hops_adds_h_sigma_squared_per_fact()
    {
        // With no loss and no shading the error after h hops is N(0, hσ²I), so
        // Σ over n trials of ‖x_h − x‖² / (hσ²) ~ χ²(n·m): an exact two-sided test.
        const int m = 8, h = 5, n = 4000;
        const double sigma = 0.3;
        var random = new RandomStream(11);
        var total = 0.0;
        var state = new double[m];
        for (var trial = 0; trial < n; trial++)
        {
            var truth = State(m, 1000 + trial);
            truth.CopyTo(state, 0);
            ulong lost = 0;
            for (var hop = 0; hop < h; hop++)
            {
                Channel.Transmit(state, ref lost, sigma, 0, 1, random);
            }

            total += truth.Zip(state, (a, b) => (a - b) * (a - b)).Sum();
        }

        var statistic = total / (h * sigma * sigma);
        var df = n * m;
        var p = 2 * Math.Min(ChiSquared.CDF(df, statistic), 1 - ChiSquared.CDF(df, statistic));
        Significance.AssertNotRejected(p, Significance.UnitAlpha, $"mean squared error {total / n:F4} vs h sigma^2 m = {h * sigma * sigma * m:F4}");
    }

    [Fact]
    public void Facts_survive_h_hops_with_probability_one_minus_r_to_the_h()
    {
        const int m = 16, h = 4, n = 5000;
        const double drop = 0.07;
        var random = new RandomStream(12);
        var state = new double[m];
        long lostFacts = 0;
        for (var trial = 0; trial < n; trial++)
        {
            Array.Fill(state, 1.0);
            ulong lost = 0;
            for (var hop = 0; hop < h; hop++)
            {
                Channel.Transmit(state, ref lost, 0.1, drop, 1, random);
            }

            lostFacts += System.Numerics.BitOperations.PopCount(lost);
        }

        var expected = 1 - Math.Pow(1 - drop, h);
        Significance.AssertNotRejected(Significance.BinomialTwoSided(lostFacts, (long)n * m, expected), Significance.UnitAlpha, "facts lost over 4 hops");
    }
}
