using CoordSim.Mechanisms;
using CoordSim.Organisation;
using CoordSim.Tests.Metrics;
using CoordSim.Tests.Validation;

namespace CoordSim.Tests.Mechanisms;

/// <summary>
/// Effort relative to identifiability (docs/model.md §5): a person expecting responsibility share w works at speed
/// clamp((w / wRef)^α, effortFloor, effortCeiling), wRef = 1/referenceTeamSize. In a body of N equal sharers
/// (w = 1/N) and a reference team of one, speed is N^−α: Latané, Williams and Harkins (1979) measured about N^−0.5
/// for shouting and clapping in groups of 1, 2, 4 and 6.
/// </summary>
public class EffortTests
{
    private static readonly Parameters OneDesk = Parameters.Default with
    {
        Departments = 1, Levels = 1, Span = 1, Deputies = 0, CrossDepartmentShare = 0, EmergencyShare = 0,
        ArrivalRate = 0.2, ServiceRate = 2, HeadServiceRate = 2, MaxIssues = 3000, HorizonDays = 1e6, WarmupDays = 0,
        FaultProbability = 0,
    };

    private static double MeanService(Parameters p, double share, long seed, out int n)
    {
        var organisation = OrganisationBuilder.Hierarchy(p).Build();
        var recorder = new OutcomeRecorder();
        new CoordinationModel(organisation, p, new SharedDesk(organisation.HeadOf(0), share), seed, recorder).Run("shared");
        n = recorder.Outcomes.Count;
        return recorder.Outcomes.Average(o => o.Service);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    public void In_a_body_of_n_equal_sharers_speed_falls_as_n_to_the_minus_alpha(int members)
    {
        // Exponential service at rate μ·N^−α: mean 1/(μ N^−α), standard deviation equal to the mean.
        const double alpha = 0.5;
        var p = OneDesk with { EffortElasticity = alpha, ReferenceTeamSize = 1, EffortFloor = 0.1, EffortCeiling = 1 };
        var mean = MeanService(p, 1.0 / members, 60 + members, out var n);
        var expected = 1 / (p.ServiceRate * Math.Pow(members, -alpha));
        Significance.AssertWithin(mean, expected, expected / Math.Sqrt(n), Significance.NormalCritical(Significance.ValidationAlpha), $"mean service with {members} sharers");
    }

    [Fact]
    public void Named_alone_a_person_works_faster_than_in_the_reference_team_up_to_the_ceiling()
    {
        // w = 1 against wRef = 1/4: (4)^0.5 = 2, the ceiling; with ceiling 1.5 the speed stops there.
        var named = OneDesk with { EffortElasticity = 0.5, ReferenceTeamSize = 4, EffortCeiling = 2 };
        var capped = named with { EffortCeiling = 1.5 };
        var critical = Significance.NormalCritical(Significance.ValidationAlpha);
        var mean = MeanService(named, 1, 70, out var n);
        Significance.AssertWithin(mean, 1 / (2.0 * 2), 1 / (2.0 * 2) / Math.Sqrt(n), critical, "named alone");
        mean = MeanService(capped, 1, 71, out n);
        Significance.AssertWithin(mean, 1 / (2.0 * 1.5), 1 / (2.0 * 1.5) / Math.Sqrt(n), critical, "named alone, ceiling 1.5");
    }

    [Fact]
    public void A_diffuse_share_cannot_take_effort_below_the_floor()
    {
        var p = OneDesk with { EffortElasticity = 1, ReferenceTeamSize = 1, EffortFloor = 0.25 };
        var mean = MeanService(p, 0.01, 72, out var n);
        Significance.AssertWithin(mean, 1 / (2.0 * 0.25), 1 / (2.0 * 0.25) / Math.Sqrt(n), Significance.NormalCritical(Significance.ValidationAlpha), "share 0.01 at the floor");
    }

    [Theory]
    [InlineData(0.3, 1.0)]
    [InlineData(0.01, 1.0)]
    [InlineData(1.0, 1.0)]
    public void With_alpha_zero_everyone_works_at_the_calibrated_rate(double share, double effort)
    {
        var settings = EffortSettings.From(Parameters.Default);
        Assert.Equal(0, settings.Elasticity);
        Assert.Equal(effort, settings.At(share));
    }

    /// <summary>Every issue to the person's desk with expected share <c>share</c>, served once, then completed.</summary>
    private sealed class SharedDesk(PersonId person, double share) : RoutingPolicy
    {
        public override void Discovered(CoordinationModel model, ItemId item)
        {
            model.SetExpectedShare(item, share);
            model.Enqueue(item, new DeskId(person.Value));
        }

        public override void Served(CoordinationModel model, ItemId item, DeskId desk) => model.CompleteBranch(item);

        public override void AssignResponsibility(CoordinationModel model, IssueId issue, AccountabilityWeights weights) =>
            weights.Add(person, 1);
    }
}
