using CoordSim.Metrics;
using FsCheck.Xunit;

namespace CoordSim.Tests.Metrics;

/// <summary>
/// The Kaplan–Meier estimator against its definition (docs/validation.md, check f1): without censoring it is the
/// empirical survival function, its quantiles the type-1 sample quantiles and its restricted mean the sample mean of
/// min(T, τ); with censoring a product-limit table computed by hand, and a brute-force product over the definition.
/// </summary>
public class KaplanMeierTests
{
    private const double Exact = 1e-12;

    // ------------------------------------------------------------------ (a) no censoring: the empirical distribution

    /// <summary>Times with many ties: quarters of a day from 0 to 9.75 (40 values), as a sorted array.</summary>
    private static double[] Tied(int first, int[] rest) =>
        [.. rest.Prepend(first).Select(v => (Math.Abs((long)v) % 40) / 4.0).Order()];

    /// <summary>Times that are practically all distinct: thousandths of a day.</summary>
    private static double[] Distinct(int first, int[] rest) =>
        [.. rest.Prepend(first).Select(v => Math.Abs((long)v) / 1000.0).Order()];

    [Property(MaxTest = 300)]
    public void Without_censoring_S_hat_is_the_empirical_survival_function_at_every_point(int first, int[] rest)
    {
        foreach (var sample in new[] { Tied(first, rest), Distinct(first, rest) })
        {
            var km = KaplanMeier.Estimate(sample, []);
            var n = sample.Length;

            // Every sample point, a point just before and just after it, below the smallest and above the largest.
            var points = sample.SelectMany(x => new[] { x, x - 1e-3, x + 1e-3 }).Append(-1).Append(sample[^1] + 100);
            foreach (var t in points)
            {
                var empirical = (double)sample.Count(x => x > t) / n;
                Assert.Equal(empirical, km.At(t), Exact);
            }

            // One step per distinct time, and the curve ends at 0.
            Assert.Equal(sample.Distinct().ToArray(), km.Times.ToArray());
            Assert.Equal(0.0, km.Survival[^1], Exact);
        }
    }

    [Property(MaxTest = 300)]
    public void Without_censoring_quantiles_are_the_type_1_sample_quantiles(int first, int[] rest)
    {
        // Type 1 (the inverse of the empirical distribution function): Q(q) = x_(k), k = max(1, ⌈n·q⌉). For
        // q = j/1000 the index is computed in integers, ⌈n·j/1000⌉ = (n·j + 999) div 1000, so the reference has no
        // rounding; q = k/n exactly (the boundaries where the estimator's products only approximate 1 − k/n) are
        // included through j/1000 whenever n divides 1000, and checked on their own below.
        foreach (var sample in new[] { Tied(first, rest), Distinct(first, rest) })
        {
            var km = KaplanMeier.Estimate(sample, []);
            var n = sample.Length;
            for (var j = 0; j <= 1000; j++)
            {
                var k = Math.Max(1, ((n * j) + 999) / 1000);
                Assert.Equal(sample[k - 1], km.Quantile(j / 1000.0));
            }

            for (var k = 1; k <= n; k++)
            {
                Assert.Equal(sample[k - 1], km.Quantile((double)k / n));
            }
        }
    }

    // ------------------------------------------------------------------ (b) censoring: a product-limit table by hand

    // The 6-MP arm of Freireich et al. (1963), remission times in weeks, + censored (Kalbfleisch & Prentice, table 1.1;
    // the standard textbook example of Kaplan–Meier with ties between events and censorings at 6 and at 10):
    //
    //     6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+        (n = 21; 9 events, 12 censored)
    //
    // Product-limit table: n_j at risk just before t_j counts everyone with time ≥ t_j (a censoring at t_j is still at
    // risk at t_j: the events come first).
    //
    //     t_j   n_j  d_j   1 − d_j/n_j   Ŝ(t_j)
    //      6    21    3     18/21          6/7       = 0.857143
    //      7    17    1     16/17         96/119     = 0.806723   (21 − 3 events − 1 censored at 6)
    //     10    15    1     14/15         64/85      = 0.752941   (17 − 1 at 7 − 1 censored at 9)
    //     13    12    1     11/12        176/255     = 0.690196   (15 − 1 event and 1 censored at 10 − 1 at 11)
    //     16    11    1     10/11         32/51      = 0.627451
    //     22     7    1      6/7          64/119     = 0.537815   (11 − 1 at 16 − 17, 19, 20 censored)
    //     23     6    1      5/6         160/357     = 0.448179
    //
    // Quantiles inf{t : Ŝ(t) ≤ 1 − q}: q = 1/7 (Ŝ = 6/7 exactly at 6, a boundary) → 6; q = 0.2 → 10 (Ŝ(7) = 0.807 >
    // 0.8, Ŝ(10) = 0.753); q = 0.25 → 13 (Ŝ(10) = 0.753 > 0.75); median q = 0.5 → 23 (Ŝ(22) = 0.538 > 0.5); the curve
    // never falls below 160/357 = 0.448, so every q > 1 − 160/357 = 0.552 (p90, p95) lies beyond the follow-up: NaN.
    //
    // Restricted mean ∫₀^τ Ŝ, the area of the steps:
    //     τ = 4:  4
    //     τ = 12: 6·1 + 1·6/7 + 3·96/119 + 2·64/85                                         = 6416/595  = 10.783193
    //     τ = 23: 6 + 6/7 + 3·96/119 + 3·64/85 + 3·176/255 + 6·32/51 + 1·64/119             = 10656/595 = 17.909244
    //     τ = 35: the τ = 23 area + 12·160/357 (flat after the last event)                 = 13856/595 = 23.287395
    private static readonly double[] Events = [6, 6, 6, 7, 10, 13, 16, 22, 23];
    private static readonly double[] Censored = [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];

    [Fact]
    public void The_6MP_data_give_the_product_limit_table_computed_by_hand()
    {
        var km = KaplanMeier.Estimate(Events, Censored);
        Assert.Equal([6.0, 7, 10, 13, 16, 22, 23], km.Times.ToArray());
        double[] expected = [6.0 / 7, 96.0 / 119, 64.0 / 85, 176.0 / 255, 32.0 / 51, 64.0 / 119, 160.0 / 357];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], km.Survival[i], Exact);
        }

        // The step function between and at the event times (right-continuous: Ŝ(t_j) is the value after the drop).
        Assert.Equal(1.0, km.At(0));
        Assert.Equal(1.0, km.At(5.999));
        Assert.Equal(6.0 / 7, km.At(6), Exact);
        Assert.Equal(6.0 / 7, km.At(6.5), Exact);
        Assert.Equal(96.0 / 119, km.At(9), Exact);
        Assert.Equal(64.0 / 85, km.At(10), Exact);
        Assert.Equal(32.0 / 51, km.At(21.9), Exact);
        Assert.Equal(160.0 / 357, km.At(23), Exact);
        Assert.Equal(160.0 / 357, km.At(1000), Exact);

        Assert.Equal(6.0, km.Quantile(1.0 / 7));
        Assert.Equal(7.0, km.Quantile(1.0 / 7 + 1e-6));
        Assert.Equal(10.0, km.Quantile(0.2));
        Assert.Equal(13.0, km.Quantile(0.25));
        Assert.Equal(23.0, km.Quantile(0.5));
        Assert.Equal(23.0, km.Quantile(1 - (160.0 / 357)));
    }

    [Fact]
    public void The_6MP_restricted_means_are_the_areas_computed_by_hand()
    {
        var km = KaplanMeier.Estimate(Events, Censored);
        Assert.Equal(0.0, km.RestrictedMean(0));
        Assert.Equal(4.0, km.RestrictedMean(4), Exact);
        Assert.Equal(6.0, km.RestrictedMean(6), Exact);
        Assert.Equal(6416.0 / 595, km.RestrictedMean(12), Exact);
        Assert.Equal(10656.0 / 595, km.RestrictedMean(23), Exact);
        Assert.Equal(13856.0 / 595, km.RestrictedMean(35), Exact);
    }

    [Property(MaxTest = 300)]
    public void With_censoring_S_hat_is_the_product_over_event_times_of_one_minus_d_over_n(int first, int[] rest, bool[] censoredFlags)
    {
        // Brute force over the definition: for each distinct event time t, n = #{times ≥ t} (events and censorings),
        // d = #{events = t}. Ties between events and censorings are frequent (quarter days from 0 to 9.75).
        var times = Tied(first, rest);
        var flags = times.Select((_, i) => censoredFlags.Length > 0 && censoredFlags[i % censoredFlags.Length]).ToArray();
        var events = times.Where((_, i) => !flags[i]).ToArray();
        var censored = times.Where((_, i) => flags[i]).ToArray();
        var km = KaplanMeier.Estimate(events, censored);

        var distinct = events.Distinct().ToArray();
        Assert.Equal(distinct, km.Times.ToArray());
        var s = 1.0;
        for (var j = 0; j < distinct.Length; j++)
        {
            var t = distinct[j];
            var atRisk = times.Count(x => x >= t);
            var d = events.Count(x => x == t);
            s *= 1 - ((double)d / atRisk);
            Assert.Equal(s, km.Survival[j], Exact);
        }

        // The restricted mean is the area under that step function (computed here by summing rectangles).
        foreach (var tau in new[] { 0.0, 2.6, 5, 10, 12 })
        {
            var area = 0.0;
            var previous = 0.0;
            var level = 1.0;
            for (var j = 0; j < distinct.Length && distinct[j] <= tau; j++)
            {
                area += level * (distinct[j] - previous);
                previous = distinct[j];
                level = km.Survival[j];
            }

            area += level * (tau - previous);
            Assert.Equal(area, km.RestrictedMean(tau), 1e-9);
        }
    }

    // ------------------------------------------------------------------ (c) restricted mean without censoring

    [Property(MaxTest = 300)]
    public void Without_censoring_the_restricted_mean_is_the_sample_mean_of_min_T_tau(int first, int[] rest)
    {
        foreach (var sample in new[] { Tied(first, rest), Distinct(first, rest) })
        {
            var km = KaplanMeier.Estimate(sample, []);
            var taus = sample.SelectMany(x => new[] { x, x + 0.01, x / 2 }).Append(0).Append(sample[^1] + 7);
            foreach (var tau in taus)
            {
                var mean = sample.Average(x => Math.Min(x, tau));
                Assert.Equal(mean, km.RestrictedMean(tau), 1e-9 * Math.Max(1, mean));
            }
        }
    }

    // ------------------------------------------------------------------ (d) beyond the follow-up, (e) edge cases

    [Fact]
    public void Quantiles_beyond_the_last_event_are_NaN()
    {
        // Censorings after the last event keep Ŝ above zero: 4 events among 10, the 6 censored later than all of them,
        // so Ŝ falls to 6/10 and no further; q ≤ 0.4 is found, q > 0.4 is not.
        var km = KaplanMeier.Estimate([1, 2, 3, 4], [5, 5, 6, 7, 8, 9]);
        Assert.Equal(0.6, km.At(100), Exact);
        Assert.Equal(1.0, km.Quantile(0.1));
        Assert.Equal(4.0, km.Quantile(0.4));
        Assert.True(double.IsNaN(km.Quantile(0.41)));
        Assert.True(double.IsNaN(km.Quantile(0.5)));
        Assert.True(double.IsNaN(km.Quantile(0.95)));
        Assert.True(double.IsNaN(km.Quantile(1)));

        // Without censoring the curve reaches 0, and q = 1 is the largest observation, not NaN.
        Assert.Equal(4.0, KaplanMeier.Estimate([1, 2, 3, 4], []).Quantile(1));
    }

    [Fact]
    public void An_empty_sample_and_an_all_censored_one_never_leave_S_hat_equal_to_one()
    {
        foreach (var km in new[] { KaplanMeier.Estimate([], []), KaplanMeier.Estimate([], [0.5, 1, 1, 3]) })
        {
            Assert.Equal(0, km.Times.Length);
            Assert.Equal(1.0, km.At(0));
            Assert.Equal(1.0, km.At(1e9));
            Assert.True(double.IsNaN(km.Quantile(0.5)));
            Assert.True(double.IsNaN(km.Quantile(0.01)));
            // ∫₀^τ 1 dt = τ: nobody is known to have finished.
            Assert.Equal(0.0, km.RestrictedMean(0));
            Assert.Equal(12.5, km.RestrictedMean(12.5));
        }

        // One time shared by everyone: Ŝ drops from 1 to 0 there.
        var tied = KaplanMeier.Estimate([2, 2, 2], []);
        Assert.Equal([2.0], tied.Times.ToArray());
        Assert.Equal(0.0, tied.Survival[0]);
        Assert.Equal(2.0, tied.Quantile(0.5));
        Assert.Equal(2.0, tied.RestrictedMean(5));

        // A censoring tied with the only event is still at risk at it: Ŝ = 1 − 1/2.
        var half = KaplanMeier.Estimate([2], [2]);
        Assert.Equal(0.5, half.At(2));
        Assert.Equal(2.0, half.Quantile(0.5));
        Assert.True(double.IsNaN(half.Quantile(0.6)));
    }
}
