using CoordSim.Mechanisms;
using CoordSim.Metrics;
using CoordSim.Structures;
using Xunit.Abstractions;

namespace CoordSim.Tests.Metrics;

/// <summary>
/// The latency over all measured arrivals (Kaplan–Meier, the unresolved censored at their age) recomputed from
/// what a run exposes: the resolved issues' outcomes (an <see cref="IIssueObserver"/>) and the open issues left in
/// the model's ledger (docs/validation.md, check f2).
/// </summary>
public class AllArrivalsLatencyTests(ITestOutputHelper output)
{
    [Fact]
    public void A_drained_run_reports_the_type_1_quantiles_and_the_mean_of_its_resolved_latencies()
    {
        // maxIssues and no effective horizon: the run ends when the last issue is resolved, nothing is censored, so
        // Ŝ is the empirical survival function of the latencies. Then the Kaplan–Meier quantiles are the type-1
        // sample quantiles x_(⌈nq⌉) (not R-7, which the resolved-only quantiles use), and with τ = the whole run every
        // latency is below τ: the restricted mean is the plain mean of the latencies.
        var p = Parameters.Default with { MaxIssues = 3000, HorizonDays = 1e7, WarmupDays = 0 };
        var recorder = new OutcomeRecorder();
        var r = Simulation.Run(Structure.Hierarchy(), p, 21, recorder);
        var all = r.Latency.AllArrivals;

        Assert.Equal(3000, r.Issues.Arrived);
        Assert.Equal(0, r.Issues.Pending);
        Assert.Equal(0, all.Censored);
        Assert.True(r.Stability.Stable);
        var latencies = recorder.Outcomes.Select(o => o.Latency).Order().ToArray();
        var n = latencies.Length;
        Assert.Equal(3000, n);
        Assert.Equal(latencies[TypeOneIndex(n, 1, 2)], all.Median);
        Assert.Equal(latencies[TypeOneIndex(n, 9, 10)], all.P90);
        Assert.Equal(latencies[TypeOneIndex(n, 19, 20)], all.P95);
        Assert.Equal(r.SimulatedDays, all.RestrictedTo);
        Assert.Equal(latencies.Average(l => Math.Min(l, all.RestrictedTo)), all.RestrictedMean, 1e-9);
        Assert.Equal(r.Latency.MeanResolved, all.RestrictedMean, 1e-9);
        var onTime = recorder.Outcomes.Count(o => !o.MissedDeadline);
        Assert.Equal((double)onTime / r.Issues.Arrived, all.OnTimeShare);
        Assert.True(onTime < n, "some emergency should miss its 3-day deadline, or the share is trivially 1");
        output.WriteLine($"drained: n={n}, KM median {all.Median:F4} p90 {all.P90:F4} p95 {all.P95:F4} (R-7 median {r.Latency.MedianResolved:F4}), " +
                         $"restricted mean {all.RestrictedMean:F4} = mean latency, on time {onTime}/{n}");
    }

    [Theory]
    [InlineData(40.0, 22L)]
    [InlineData(70.0, 23L)]
    public void A_horizon_run_censors_exactly_its_pending_issues_at_their_age(double arrivalRate, long seed)
    {
        // Cut off at the horizon with a warm-up: the resolved measured issues give the events, the measured issues
        // still open give censorings at end − arrival, read from the model's ledger. The reference below computes
        // the product-limit estimate by its definition (n_j = every measured arrival with time ≥ t_j) and its
        // quantiles and area independently of KaplanMeier. At λ = 70 the default hierarchy is overloaded (its heads
        // saturate near λ = 60, docs/model.md §2): a fifth of the measured arrivals are still open at the end.
        var p = Parameters.Default with { ArrivalRate = arrivalRate, HorizonDays = 90, WarmupDays = 20 };
        var (organisation, policy) = Structure.Hierarchy().Build(p.EnsureValid());
        var recorder = new OutcomeRecorder();
        var model = new CoordinationModel(organisation, p, policy, seed, recorder);
        var r = model.Run("hierarchy");
        var all = r.Latency.AllArrivals;

        var end = r.SimulatedDays;
        Assert.Equal(p.HorizonDays, end);
        var ages = Enumerable.Range(0, model.IssueSlots).Select(i => new IssueId(i))
            .Where(i => model.IsInFlight(i) && model.ArrivalOf(i) >= p.WarmupDays)
            .Select(i => end - model.ArrivalOf(i)).ToArray();
        var latencies = recorder.Outcomes.Select(o => o.Latency).ToArray();
        Assert.True(ages.Length > 0);
        Assert.Equal(ages.Length, r.Issues.Pending);
        Assert.Equal(r.Issues.Pending, all.Censored);
        Assert.Equal(r.Issues.Arrived, latencies.Length + ages.Length);
        Assert.All(recorder.Outcomes, o => Assert.True(o.Arrival >= p.WarmupDays));

        var window = end - p.WarmupDays;
        Assert.Equal(window, all.RestrictedTo);
        var (times, survival) = ProductLimit(latencies, ages);
        Assert.Equal(Quantile(times, survival, 0.5), all.Median);
        Assert.Equal(Quantile(times, survival, 0.9), all.P90);
        Assert.Equal(Quantile(times, survival, 0.95), all.P95);
        Assert.Equal(Area(times, survival, window), all.RestrictedMean, 1e-9);
        Assert.Equal((double)recorder.Outcomes.Count(o => !o.MissedDeadline) / r.Issues.Arrived, all.OnTimeShare);

        // Kaplan–Meier redistributes each censored issue's mass to the longer times (Efron), so the restricted mean
        // is at least the mean of what is known (the censored ages taken as latencies), and at most τ.
        var known = latencies.Concat(ages).Average();
        Assert.InRange(all.RestrictedMean, known - 1e-9, window);
        output.WriteLine($"lambda={arrivalRate}: arrived {r.Issues.Arrived}, resolved {latencies.Length}, censored {ages.Length}; KM median {all.Median:F4}, " +
                         $"p90 {all.P90:F4}, p95 {all.P95:F4}, restricted mean {all.RestrictedMean:F4} (resolved-only mean {r.Latency.MeanResolved:F4}), on time {all.OnTimeShare:F4}");
    }

    /// <summary>Index (0-based) of the type-1 quantile q = num/den of n sorted values: ⌈n·num/den⌉ − 1, in integers.</summary>
    private static int TypeOneIndex(int n, int num, int den) => Math.Max(1, ((n * num) + den - 1) / den) - 1;

    /// <summary>The product-limit estimate by its definition: at each distinct event time t, Ŝ ×= 1 − d/n with n = #{times ≥ t}.</summary>
    private static (double[] Times, double[] Survival) ProductLimit(double[] events, double[] censored)
    {
        var everyone = events.Concat(censored).Order().ToArray();
        var times = events.Distinct().Order().ToArray();
        var survival = new double[times.Length];
        var s = 1.0;
        for (var j = 0; j < times.Length; j++)
        {
            var t = times[j];
            var atRisk = everyone.Length - LowerBound(everyone, t);
            var d = events.Count(x => x == t);
            s *= 1 - ((double)d / atRisk);
            survival[j] = s;
        }

        return (times, survival);
    }

    private static int LowerBound(double[] sorted, double t)
    {
        var i = Array.BinarySearch(sorted, t);
        if (i < 0)
        {
            return ~i;
        }

        while (i > 0 && sorted[i - 1] == t)
        {
            i--;
        }

        return i;
    }

    /// <summary>inf{t : Ŝ(t) ≤ 1 − q} (with a rounding allowance), NaN when Ŝ never gets there.</summary>
    private static double Quantile(double[] times, double[] survival, double q)
    {
        for (var j = 0; j < times.Length; j++)
        {
            if (survival[j] <= 1 - q + 1e-12)
            {
                return times[j];
            }
        }

        return double.NaN;
    }

    /// <summary>∫₀^τ Ŝ: the sum of the rectangles of the step function.</summary>
    private static double Area(double[] times, double[] survival, double tau)
    {
        var area = 0.0;
        var previous = 0.0;
        var level = 1.0;
        for (var j = 0; j < times.Length && times[j] <= tau; j++)
        {
            area += level * (times[j] - previous);
            previous = times[j];
            level = survival[j];
        }

        return area + (level * (tau - previous));
    }
}
