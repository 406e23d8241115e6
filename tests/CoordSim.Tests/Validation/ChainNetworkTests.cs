using CoordSim.Organisation;
using CoordSim.Mechanisms;
using CoordSim.Structures;
using CoordSim.Tests.Metrics;
using MathNet.Numerics.Statistics;
using Xunit.Abstractions;

namespace CoordSim.Tests.Validation;

/// <summary>
/// The strict hierarchy reduced to one department with span 1 is a chain of single-server FIFO
/// exponential queues that every issue climbs and descends: a Kelly network with product form.
/// Its mean latency Σ v_i / (μ_i − v_i λ) and utilisations v_i λ / μ_i are checked against the
/// simulation (docs/validation.md, check b).
/// </summary>
public class ChainNetworkTests(ITestOutputHelper output)
{
    private const int Batches = 30;

    /// <summary>One chain network: depth, service rates (frontline and head), arrival rate, issues and warm-up.</summary>
    public sealed record Chain(int Levels, double ServiceRate, double HeadServiceRate, double ArrivalRate, long Issues, double WarmupDays)
    {
        /// <summary>The run parameters: one department, span 1, no cross-department issues, no emergencies (so no class jumps a level), no transmission delay.</summary>
        public Parameters Parameters => CoordSim.Parameters.Default with
        {
            Departments = 1,
            Span = 1,
            Levels = Levels,
            CrossDepartmentShare = 0,
            EmergencyShare = 0,
            TransmissionDelay = 0,
            DecisionLevel = -1,
            ServiceDistribution = ServiceDistribution.Exponential,
            QueueDiscipline = QueueDiscipline.Fifo,
            ServersPerPerson = 1,
            EffortElasticity = 0,
            FaultProbability = 0,
            ServiceRate = ServiceRate,
            HeadServiceRate = HeadServiceRate,
            ArrivalRate = ArrivalRate,
            MaxIssues = Issues,
            HorizonDays = 1e7,
            WarmupDays = WarmupDays,
        };

        /// <summary>Visits per issue at level k: twice (up and down) below the head, once at the head; twice for a one-person chain.</summary>
        public int Visits(int level) => Levels == 1 ? 2 : level == Levels - 1 ? 1 : 2;

        /// <summary>Service rate μ_k at level k.</summary>
        public double Rate(int level) => Parameters.ServiceRateAtLevel(level);

        /// <summary>Utilisation ρ_k = v_k λ / μ_k.</summary>
        public double Utilisation(int level) => Visits(level) * ArrivalRate / Rate(level);

        /// <summary>Mean latency of the product-form network: Σ_k v_k / (μ_k − v_k λ).</summary>
        public double ExpectedLatency => Enumerable.Range(0, Levels).Sum(k => Visits(k) / (Rate(k) - (Visits(k) * ArrivalRate)));
    }

    [Fact]
    public void Three_level_chain_matches_the_product_form_network()
    {
        // Rates 2, 2.83, 4 per day; utilisations 0.50, 0.35, 0.13; E[latency] = 3.380 days.
        Check(new Chain(Levels: 3, ServiceRate: 2, HeadServiceRate: 4, ArrivalRate: 0.5, Issues: 40_000, WarmupDays: 100), seed: 1);
    }

    [LongFact]
    [Trait("Category", "Long")]
    public void Long_three_level_chain_matches_the_product_form_network() =>
        Check(new Chain(Levels: 3, ServiceRate: 2, HeadServiceRate: 4, ArrivalRate: 0.5, Issues: 1_000_000, WarmupDays: 1000), seed: 2);

    [LongFact]
    [Trait("Category", "Long")]
    public void Long_four_level_chain_under_heavy_load_matches_the_product_form_network() =>
        Check(new Chain(Levels: 4, ServiceRate: 2, HeadServiceRate: 8, ArrivalRate: 0.8, Issues: 1_000_000, WarmupDays: 1000), seed: 3);

    [LongFact]
    [Trait("Category", "Long")]
    public void Long_one_person_chain_with_feedback_matches_the_product_form_network() =>
        Check(new Chain(Levels: 1, ServiceRate: 2, HeadServiceRate: 4, ArrivalRate: 1.2, Issues: 500_000, WarmupDays: 1000), seed: 4);

    private void Check(Chain chain, long seed)
    {
        var p = chain.Parameters.EnsureValid();
        var (organisation, policy) = Structure.Hierarchy().Build(p);
        var recorder = new OutcomeRecorder();
        var model = new CoordinationModel(organisation, p, policy, seed, recorder);
        var result = model.Run("hierarchy");

        // The run drains: every measured issue is resolved.
        Assert.Equal(0, result.Issues.Pending);
        Assert.Equal(result.Issues.Resolved, recorder.Outcomes.Count);

        // Batch means over issues in arrival order; Student-t interval with Batches − 1 degrees of freedom.
        var latencies = recorder.Outcomes.OrderBy(o => o.Id).Select(o => o.Latency).ToArray();
        var size = latencies.Length / Batches;
        var means = Enumerable.Range(0, Batches).Select(b => latencies.Skip(b * size).Take(size).Average()).ToArray();
        var mean = means.Average();
        var standardError = means.StandardDeviation() / Math.Sqrt(Batches);
        var critical = Significance.StudentCritical(Significance.ValidationAlpha, Batches - 1);
        output.WriteLine($"chain L={chain.Levels} lambda={chain.ArrivalRate} issues={chain.Issues} seed={seed}: measured issues {latencies.Length}, " +
                         $"mean latency {mean:F4} (run {result.Latency.MeanResolved:F4}) vs theory {chain.ExpectedLatency:F4}, SE {standardError:F4}, " +
                         $"z = {(mean - chain.ExpectedLatency) / standardError:F2}, tolerance {critical:F2} SE");
        Significance.AssertWithin(mean, chain.ExpectedLatency, standardError, critical, $"mean latency of the {chain.Levels}-level chain");

        // Utilisation of each person: ρ = vλ/μ. Conditioned on the realised arrival rate λ̂ = N/T over the run
        // (the arrival stream is validated on its own in IssueStreamTests), the busy time is the sum of N·v
        // independent Exp(μ) service times, so the busy fraction has mean vλ̂/μ and standard deviation
        // (vλ̂/μ)/√(N·v).
        var arrivalRate = chain.Issues / model.Now;
        var frontline = organisation.Frontline(0, 0);
        var z = Significance.NormalCritical(Significance.ValidationAlpha);
        output.WriteLine($"  realised arrival rate {arrivalRate:F6} (z = {(arrivalRate - chain.ArrivalRate) / (chain.ArrivalRate / Math.Sqrt(chain.Issues)):F2} against lambda)");
        for (var k = 0; k < chain.Levels; k++)
        {
            var person = organisation.AncestorAt(frontline, k);
            var report = model.ReportDesk(new DeskId(person.Value));
            var v = chain.Visits(k);
            var rho = v * arrivalRate / chain.Rate(k);
            var sd = rho / Math.Sqrt(chain.Issues * v);
            output.WriteLine($"  level {k}: mu={chain.Rate(k):F4} visits={v} utilisation {report.BusyFraction:F5} vs v lambda/mu {chain.Utilisation(k):F5}, " +
                             $"given the realised arrivals {rho:F5} (sd {sd:F5}, z = {(report.BusyFraction - rho) / sd:F2}); " +
                             $"mean sojourn {report.MeanSojourn:F4} vs M/M/1 {1 / (chain.Rate(k) - (v * chain.ArrivalRate)):F4}");
            Assert.Equal(chain.Issues * v, report.Completed);
            Significance.AssertWithin(report.BusyFraction, rho, sd, z, $"utilisation at level {k}");
        }

        Assert.Equal(0, model.ReportDesk(new DeskId(organisation.GovernmentHead.Value)).Completed);
    }
}
