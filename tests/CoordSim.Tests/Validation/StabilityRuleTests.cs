using CoordSim.Mechanisms;
using CoordSim.Metrics;
using CoordSim.Structures;
using CoordSim.Tests.Metrics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using Xunit.Abstractions;

namespace CoordSim.Tests.Validation;

/// <summary>
/// The stability rule (stable unless the backlog grew over the second half of the measured window by more than
/// 3·√(arrivals in it)) on an M/M/1 queue, in both directions, with error probabilities computed from the closed
/// forms (docs/validation.md, check f3).
/// </summary>
/// <remarks>
/// <para>The M/M/1: one department, span 1, two levels. The department head (rate μ = headServiceRate) decides every
/// issue; the frontline person (the discoverer and executor) serves at 10⁶ a day, so an issue spends about 2·10⁻⁶
/// days there and the open issues are, to within a few millionths of an issue on average, the head's M/M/1 queue.
/// No emergencies, no cross-department issues, no transmission delay, exponential FIFO service.</para>
/// <para><b>Overload, ρ = λ/μ = 1.1.</b> From an empty start the head's queue grows at λ − μ; at the middle of the
/// window (day w + H/2) it holds about (λ − μ)(w + H/2) issues and it never empties again (probability
/// (μ/λ)^queue). So over the second half, x = H/2 days, the head is always busy: its completions D ~ Poisson(μx), and
/// independently the arrivals A ~ Poisson(λx). The backlog grows by A − D: mean (λ − μ)x, variance (λ + μ)x. The rule
/// misses the overload when A − D ≤ 3√A, with probability Σ_a P(A = a)·P(D ≥ a − 3√a), summed exactly below. With
/// μ = 10, λ = 11, x = 1000 days: mean growth 1000, tolerance ≈ 3√11000 = 315, sd √21000 = 145, so a miss is
/// ≈ 4.8 sd away: P(miss) ≈ 10⁻⁶ per run. The measured growth per day (A − D)/x has mean λ − μ = 1 and sd
/// √((λ + μ)/x) = 0.145.</para>
/// <para><b>Steady state, ρ = 0.8.</b> An M/M/1 started empty is stochastically increasing in time towards its
/// stationary law P(N ≥ k) = ρ^k, so at any time P(N &gt; k) ≤ ρ^(k+1), whatever the warm-up. A false alarm needs
/// backlogEnd − backlogMid &gt; 3√A, hence backlogEnd &gt; 3√A: P(false alarm) ≤ P(A &lt; a₀) + ρ^(⌊3√a₀⌋+1). With
/// λx = 8000 and a₀ = 6000 (22 sd below λx): ρ^233 ≈ 3·10⁻²³. The change N_end − N_mid of a stationary queue over
/// x ≫ relaxation time (≈ 1/(μ(1 − √ρ)²) = 9 days) is the difference of two independent stationary counts: mean 0,
/// variance 2ρ/(1 − ρ)² = 40 (and at most that when the two are positively correlated).</para>
/// </remarks>
public class StabilityRuleTests(ITestOutputHelper output)
{
    private const double Mu = 10;
    private const double WarmupDays = 40;
    private const double WindowDays = 2000;

    /// <summary>The M/M/1 set-up at load <paramref name="rho"/>: the head serves at μ, the frontline at 10⁶ a day.</summary>
    private static Parameters MM1(double rho) => Parameters.Default with
    {
        Departments = 1,
        Levels = 2,
        Span = 1,
        Deputies = 0,
        CrossDepartmentShare = 0,
        EmergencyShare = 0,
        TransmissionDelay = 0,
        DecisionLevel = -1,
        ServiceDistribution = ServiceDistribution.Exponential,
        QueueDiscipline = QueueDiscipline.Fifo,
        ServersPerPerson = 1,
        EffortElasticity = 0,
        FaultProbability = 0,
        ServiceRate = 1e6,
        HeadServiceRate = Mu,
        ArrivalRate = rho * Mu,
        WarmupDays = WarmupDays,
        HorizonDays = WarmupDays + WindowDays,
    };

    [Fact]
    public void The_rule_flags_every_overloaded_MM1() => CheckOverloaded(seeds: 3, firstSeed: 1);

    [Fact]
    public void The_rule_flags_no_MM1_at_load_0_8() => CheckSteady(seeds: 4, firstSeed: 1);

    [LongFact]
    [Trait("Category", "Long")]
    public void Long_the_rule_flags_every_overloaded_MM1_and_no_stable_one()
    {
        CheckOverloaded(seeds: 40, firstSeed: 1001);
        CheckSteady(seeds: 40, firstSeed: 1001);
    }

    private void CheckOverloaded(int seeds, long firstSeed)
    {
        // ρ = 1.1: the probability that the rule misses the overload, summed exactly over A ~ Poisson(λx), and the
        // requirement that it stays below 10⁻⁴ per run.
        const double x = WindowDays / 2;
        const double lambda = 1.1 * Mu;
        var miss = MissProbability(lambda * x, Mu * x);
        output.WriteLine($"rho=1.1: lambda x = {lambda * x}, mu x = {Mu * x}, mean growth {(lambda - Mu) * x}, tolerance ~{3 * Math.Sqrt(lambda * x):F1}, " +
                         $"sd {Math.Sqrt((lambda + Mu) * x):F1}: P(miss) = {miss:E2} per run");
        Assert.True(miss < 1e-4, $"the window is too short: P(miss) = {miss:E2}");

        var growth = new double[seeds];
        long arrivalsAfterMid = 0;
        for (var k = 0; k < seeds; k++)
        {
            var s = RunOne(MM1(1.1), firstSeed + k).Stability;
            Assert.False(s.Stable, $"seed {firstSeed + k}: backlog {s.BacklogMid} -> {s.BacklogEnd}, tolerance {s.Tolerance:F1}, judged stable");
            Assert.False(s.StoppedEarly);
            growth[k] = s.GrowthPerDay;
            arrivalsAfterMid += s.ArrivalsAfterMid;
        }

        // Growth per day: mean over the seeds against λ − μ, with the sd √((λ + μ)/x)/√K of the closed form.
        var se = Math.Sqrt((lambda + Mu) / x / seeds);
        var z = Significance.NormalCritical(Significance.ValidationAlpha);
        var pArrivals = Significance.PoissonTwoSided(arrivalsAfterMid, seeds * lambda * x);
        output.WriteLine($"  {seeds} seeds all unstable; growth per day {growth.Mean():F4} (min {growth.Min():F3}, max {growth.Max():F3}) vs lambda - mu = {lambda - Mu}, " +
                         $"SE {se:F4}, z = {(growth.Mean() - (lambda - Mu)) / se:F2}; arrivals after mid {arrivalsAfterMid} vs {seeds * lambda * x} (Poisson p = {pArrivals:F3})");
        Significance.AssertWithin(growth.Mean(), lambda - Mu, se, z, "backlog growth per day at rho = 1.1");
        Significance.AssertNotRejected(pArrivals, Significance.ValidationAlpha, "arrivals after the middle at rho = 1.1");
    }

    private void CheckSteady(int seeds, long firstSeed)
    {
        // ρ = 0.8: the bound on a false alarm, then every run stable and the growth centred on 0.
        const double x = WindowDays / 2;
        const double rho = 0.8;
        const double lambda = rho * Mu;
        const double a0 = 0.75 * lambda * x;
        var falseAlarm = Poisson.CDF(lambda * x, a0 - 1) + Math.Pow(rho, Math.Floor(3 * Math.Sqrt(a0)) + 1);
        output.WriteLine($"rho=0.8: lambda x = {lambda * x}; P(false alarm) <= P(A < {a0}) + rho^(floor(3 sqrt({a0})) + 1) = {falseAlarm:E2} per run");
        Assert.True(falseAlarm < 1e-4);
        var growth = new double[seeds];
        long arrivalsAfterMid = 0;
        for (var k = 0; k < seeds; k++)
        {
            var s = RunOne(MM1(rho), firstSeed + k).Stability;
            Assert.True(s.Stable, $"seed {firstSeed + k}: backlog {s.BacklogMid} -> {s.BacklogEnd}, tolerance {s.Tolerance:F1}, judged unstable");

            // The rule itself, not only the verdict: a run whose queue is empty after the last arrival before the
            // horizon ends there and is judged stable as drained without the comparison (see RunOne).
            Assert.True(s.BacklogEnd - s.BacklogMid <= s.Tolerance);
            growth[k] = s.GrowthPerDay;
            arrivalsAfterMid += s.ArrivalsAfterMid;
        }

        var se = Math.Sqrt(2 * rho) / (1 - rho) / x / Math.Sqrt(seeds);
        var z = Significance.NormalCritical(Significance.ValidationAlpha);
        var pArrivals = Significance.PoissonTwoSided(arrivalsAfterMid, seeds * lambda * x);
        output.WriteLine($"  {seeds} seeds all stable; growth per day {growth.Mean():F5} (min {growth.Min():F4}, max {growth.Max():F4}) vs 0, SE {se:F5}, " +
                         $"z = {growth.Mean() / se:F2}; arrivals after mid {arrivalsAfterMid} vs {seeds * lambda * x} (Poisson p = {pArrivals:F3})");
        Significance.AssertWithin(growth.Mean(), 0, se, z, "backlog growth per day at rho = 0.8");
        Significance.AssertNotRejected(pArrivals, Significance.ValidationAlpha, "arrivals after the middle at rho = 0.8");
    }

    /// <summary>
    /// Runs one M/M/1 and checks the rule's bookkeeping exactly: the middle day, the tolerance, and backlog change =
    /// arrivals after the middle − completions after it (counted from the outcomes: every warm-up issue has long
    /// been resolved by the middle, asserted through the identity itself).
    /// </summary>
    private static RunResult RunOne(Parameters p, long seed)
    {
        var recorder = new OutcomeRecorder();
        var r = Simulation.Run(Structure.Hierarchy(), p, seed, recorder);
        var s = r.Stability;
        var mid = WarmupDays + (WindowDays / 2);
        Assert.Equal(mid, s.MidDay);
        Assert.Equal(3 * Math.Sqrt(s.ArrivalsAfterMid), s.Tolerance, 1e-12);
        var completedAfterMid = recorder.Outcomes.Count(o => o.Arrival + o.Latency > mid);
        Assert.Equal(s.ArrivalsAfterMid - completedAfterMid, s.BacklogEnd - s.BacklogMid);
        // Per day of (end − middle). The end is the horizon unless the queue was empty after the last arrival before
        // it: then the run ends at the last completion (ρ = 0.8 only; a fraction of a day early).
        Assert.Equal((s.BacklogEnd - s.BacklogMid) / (r.SimulatedDays - mid), s.GrowthPerDay, 1e-12);
        Assert.Equal(r.Issues.Pending, s.BacklogEnd);
        return r;
    }

    /// <summary>P(A − D ≤ 3√A) for independent A ~ Poisson(<paramref name="arrivals"/>), D ~ Poisson(<paramref name="completions"/>), summed over A within 12 sd.</summary>
    internal static double MissProbability(double arrivals, double completions)
    {
        var sd = Math.Sqrt(arrivals);
        var total = 0.0;
        for (var a = (long)Math.Max(0, arrivals - (12 * sd)); a <= arrivals + (12 * sd); a++)
        {
            // D ≥ a − 3√a, with D an integer: D ≥ ⌈a − 3√a⌉.
            var least = (long)Math.Ceiling(a - (3 * Math.Sqrt(a)));
            var tail = least <= 0 ? 1 : 1 - Poisson.CDF(completions, least - 1);
            total += Poisson.PMF(arrivals, (int)a) * tail;
        }

        return total;
    }
}
