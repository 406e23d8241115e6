using CoordSim.Mechanisms;
using CoordSim.Organisation;
using CoordSim.Structures;
using CoordSim.Tests.Metrics;
using CoordSim.Tests.Validation;

namespace CoordSim.Tests.Mechanisms;

/// <summary>
/// Planted faults, the ground truth of the blame measures (docs/model.md §5): each visit (one service at a desk) is a
/// fault with probability faultProbability; a shirk passes the item on shirkDelay days late, an error adds noise of
/// sd faultError to each fact of the picture.
/// </summary>
public class PlantedFaultTests
{
    /// <summary>One person and a stream of single-visit issues: every issue is served once, then completed.</summary>
    private static readonly Parameters OnePerson = Parameters.Default with
    {
        Departments = 1, Levels = 1, Span = 1, Deputies = 0, CrossDepartmentShare = 0, EmergencyShare = 0,
        ArrivalRate = 0.5, ServiceRate = 2, HeadServiceRate = 2, MaxIssues = 2000, HorizonDays = 100_000, WarmupDays = 0,
        NoiseSigma = 0, DropProbability = 0, UpwardBias = 0, DecisionNoiseSigma = 0,
    };

    private static IReadOnlyList<CoordSim.Metrics.IssueOutcome> Run(Parameters p, long seed, out CoordSim.Metrics.RunResult result)
    {
        var organisation = OrganisationBuilder.Hierarchy(p).Build();
        var recorder = new OutcomeRecorder();
        result = new CoordinationModel(organisation, p, new ServeOnce(organisation.HeadOf(0)), seed, recorder).Run("one person");
        return recorder.Outcomes;
    }

    [Fact]
    public void A_shirk_passes_the_item_on_exactly_shirk_delay_days_late_and_frees_the_desk_at_once()
    {
        // Faults draw from their own stream and a shirking person's desk takes the next item at once, so the
        // services are the same with and without shirks, and every issue ends exactly shirkDelay days later.
        var honest = Run(OnePerson with { FaultProbability = 0 }, 41, out _);
        var shirking = Run(OnePerson with { FaultProbability = 1, FaultError = 0, ShirkDelay = 2 }, 41, out _);

        Assert.Equal(honest.Count, shirking.Count);
        Assert.All(shirking, o => Assert.Equal(1, o.Faults));
        var byId = honest.ToDictionary(o => o.Id);
        Assert.All(shirking, o =>
        {
            Assert.Equal(byId[o.Id].Latency + 2, o.Latency, 9);
            Assert.Equal(byId[o.Id].Service, o.Service, 12);
            Assert.Equal(byId[o.Id].Queueing + 2, o.Queueing, 9);
        });
    }

    [Fact]
    public void An_error_adds_noise_of_sd_fault_error_to_each_fact()
    {
        // One erring visit per issue and no other noise: E‖x̂ − x‖² = m·s², E‖x‖² = m, so the pooled root-mean-square
        // relative error is s. Its standard error by the delta method: with N = issues·m fact draws, Var(Σe²/Σx²)
        // ≈ (2s⁴ + 2s⁴)/N, so sd(RMS) ≈ s/√N.
        const double s = 0.5;
        var outcomes = Run(OnePerson with { FaultProbability = 1, ShirkDelay = 0, FaultError = s }, 42, out var result);

        Assert.All(outcomes, o => Assert.Equal(1, o.Faults));
        var n = outcomes.Count * (double)OnePerson.StateDimensions;
        Significance.AssertWithin(result.Distortion.Rms, s, s / Math.Sqrt(n), Significance.NormalCritical(Significance.ValidationAlpha), "RMS distortion of one erring visit");
    }

    [Fact]
    public void A_fault_is_planted_on_a_visit_with_probability_fault_probability()
    {
        // Every desk visit of a drained run belongs to a measured issue, so the faults counted over the issues are a
        // binomial count over the visits the desks report.
        const double p = 0.1;
        var parameters = Parameters.Default with { FaultProbability = p, WarmupDays = 0, MaxIssues = 3000, HorizonDays = 10_000 };
        var recorder = new OutcomeRecorder();
        var (result, desks) = Simulation.RunWithDeskReports(Structure.Hierarchy(), parameters, 43, recorder);

        Assert.Equal(0, result.Issues.Pending);
        var visits = desks.Sum(d => d.Completed);
        var faults = recorder.Outcomes.Sum(o => (long)o.Faults);
        Significance.AssertNotRejected(Significance.BinomialTwoSided(faults, visits, p), Significance.ValidationAlpha, $"{faults} faults in {visits} visits");
        Assert.Equal(recorder.Outcomes.Count(o => o.Faults > 0) / (double)recorder.Outcomes.Count, result.Responsibility.FaultedShare, 12);
    }

    [Fact]
    public void Without_faults_nothing_is_planted_and_the_run_is_the_one_without_the_mechanism()
    {
        var outcomes = Run(OnePerson with { FaultProbability = 0 }, 44, out var result);
        Assert.All(outcomes, o => Assert.Equal(0, o.Faults));
        Assert.Equal(0, result.Responsibility.FaultedShare);
    }

    /// <summary>Every issue to the person's desk, served once, then completed; formal weight 1 on the person.</summary>
    private sealed class ServeOnce(PersonId person) : RoutingPolicy
    {
        public override void Discovered(CoordinationModel model, ItemId item) => model.Enqueue(item, new DeskId(person.Value));

        public override void Served(CoordinationModel model, ItemId item, DeskId desk) => model.CompleteBranch(item);

        public override void AssignResponsibility(CoordinationModel model, IssueId issue, AccountabilityWeights weights) =>
            weights.Add(person, 1);
    }
}
