using CoordSim.Mechanisms;
using CoordSim.Organisation;
using CoordSim.Structures;
using CoordSim.Tests.Metrics;
using CoordSim.Tests.Validation;

namespace CoordSim.Tests.Mechanisms;

/// <summary>
/// Blame after failure (docs/model.md §6), scored against planted faults, with closed forms derived by hand: a rule
/// that blames exactly the faulters is perfectly precise, and the hierarchy's shield over a chain of known length
/// gives precision, unanswered failures and scapegoating that follow from the visit counts alone.
/// </summary>
public class BlameTests
{
    private const double FaultRate = 0.2;

    /// <summary>
    /// A chain of four (frontline, section, division, head) deciding single-department issues whose deadline every
    /// issue misses, so that every resolved issue fails whatever its faults: failure and faults are independent.
    /// </summary>
    private static Parameters Chain(double faultRate) => Parameters.Default with
    {
        Departments = 1, Levels = 4, Span = 1, Deputies = 0, CrossDepartmentShare = 0, EmergencyShare = 0,
        RoutineDeadline = 1e-6, ArrivalRate = 0.5, MaxIssues = 4000, HorizonDays = 100_000, WarmupDays = 0,
        FaultProbability = faultRate,
    };

    [Fact]
    public void The_chain_visits_every_official_twice_on_the_way_up_and_down_and_the_head_once()
    {
        // The hand derivation below rests on the route: the frontline serves the issue up and then executes it, the
        // section and division serve it up and down, the head serves it once and decides. Desk reports confirm it.
        var (result, desks) = Simulation.RunWithDeskReports(Structure.Hierarchy(), Chain(0), 50);
        var (organisation, _) = Structure.Hierarchy().Build(Chain(0));
        var issues = result.Issues.Resolved;
        Assert.Equal(4000, issues);
        var visitsByLevel = desks.Where(d => d.Completed > 0).ToDictionary(d => organisation.LevelOf(organisation.Desk(d.Desk).Person), d => d.Completed / (double)issues);
        Assert.Equal(new Dictionary<int, double> { [0] = 2, [1] = 2, [2] = 2, [3] = 1 }, visitsByLevel);
    }

    [Fact]
    public void Under_the_shield_blame_precision_unanswered_failures_and_scapegoating_follow_from_the_visits()
    {
        // n = 4 officials with v = (2, 2, 2, 1) visits; each visit is a fault with probability p, so official j
        // faults with q_j = 1 − (1 − p)^v_j and the number who faulted is K = Σ Bernoulli(q_j). The formal weights are
        // 1/4 each, the shield caps them at 1/4, so blame is 1/4 on each: precision = K/n on a failure with a fault,
        // nobody carries answerableThreshold = 1/2 (every failure unanswered), and the innocent carry (n − K)/4.
        //   E[K] = Σq_j,  E[K²] = Σq_j(1 − q_j) + (Σq_j)²,  P(K ≥ 1) = 1 − Π(1 − q_j),
        //   E[K/n | K ≥ 1] = E[K] / (n·P(K ≥ 1)),  Var[K/n | K ≥ 1] = E[K²] / (n²·P(K ≥ 1)) − E[K/n | K ≥ 1]².
        const int n = 4;
        var q = new[] { 2, 2, 2, 1 }.Select(v => 1 - Math.Pow(1 - FaultRate, v)).ToArray();
        var expectedK = q.Sum();
        var expectedK2 = q.Sum(x => x * (1 - x)) + (expectedK * expectedK);
        var anyFault = 1 - q.Aggregate(1.0, (product, x) => product * (1 - x));
        var precision = expectedK / (n * anyFault);
        var precisionVariance = (expectedK2 / (n * n * anyFault)) - (precision * precision);

        var recorder = new OutcomeRecorder();
        var result = Simulation.Run(Structure.Hierarchy(), Chain(FaultRate), 51, recorder);

        var failed = recorder.Outcomes.Where(o => o.Failed).ToArray();
        Assert.Equal(recorder.Outcomes.Count, failed.Length);
        Assert.All(failed, o => Assert.Equal(1.0, o.Blame, 12));
        var scored = failed.Count(o => o.Faults > 0);
        var critical = Significance.NormalCritical(Significance.ValidationAlpha);
        Significance.AssertWithin(result.Responsibility.BlamePrecision, precision, Math.Sqrt(precisionVariance / scored), critical, "blame precision under the shield");
        Assert.Equal(1.0, result.Responsibility.UnansweredFailures);

        // Scapegoating: (n − K)/4 on every failure; Var = Var(K)/16.
        var innocent = (n - expectedK) / 4;
        var innocentSd = Math.Sqrt(q.Sum(x => x * (1 - x))) / 4;
        Significance.AssertWithin(result.Responsibility.Scapegoating, innocent, innocentSd / Math.Sqrt(failed.Length), critical, "blame on the innocent under the shield");
    }

    [Fact]
    public void A_rule_that_blames_exactly_the_faulters_is_perfectly_precise_and_blames_no_innocent()
    {
        var p = Chain(FaultRate) with { Levels = 1 };
        var organisation = OrganisationBuilder.Hierarchy(p).Build();
        var recorder = new OutcomeRecorder();
        var result = new CoordinationModel(organisation, p, new BlameTheFaulter(organisation.HeadOf(0)), 52, recorder).Run("blame the faulter");

        Assert.Equal(1.0, result.Responsibility.BlamePrecision);
        Assert.Equal(0.0, result.Responsibility.Scapegoating);
        // Failures without a fault have nobody to blame: they, and only they, are unanswered.
        var withoutFault = recorder.Outcomes.Count(o => o.Failed && o.Faults == 0) / (double)recorder.Outcomes.Count(o => o.Failed);
        Assert.InRange(withoutFault, 0.7, 0.9);
        Assert.Equal(withoutFault, result.Responsibility.UnansweredFailures, 12);
    }

    [Fact]
    public void A_body_that_holds_every_member_fully_liable_leaves_no_failure_unanswered()
    {
        // The leading group's rule is collective (collectivity 1): each member and handler answers for all of a
        // failure in its scope. Without an office, cross-department issues go to its meetings; give it every issue.
        var p = Parameters.Default with { CrossDepartmentShare = 1, MaxDepartmentsPerIssue = 2, OfficeStaff = 0, HorizonDays = 200, RoutineDeadline = 1e-6 };
        var recorder = new OutcomeRecorder();
        var result = Simulation.Run(Structure.LeadingGroup(), p, 53, recorder);

        var atMeetings = recorder.Outcomes.Where(o => o.Venue == DecisionVenue.Meeting).ToArray();
        Assert.NotEmpty(atMeetings);
        Assert.All(atMeetings, o => Assert.Equal(1.0, o.MaxBlame));
        Assert.All(atMeetings, o => Assert.True(o.Blame >= 9, $"blame {o.Blame}: the group's nine members are each fully liable"));
        Assert.True(result.Responsibility.Scapegoating > 8);
    }

    /// <summary>One person serves each issue once; blame goes to whoever faulted on it, 1 each.</summary>
    private sealed class BlameTheFaulter(PersonId person) : RoutingPolicy
    {
        public override void Discovered(CoordinationModel model, ItemId item) => model.Enqueue(item, new DeskId(person.Value));

        public override void Served(CoordinationModel model, ItemId item, DeskId desk) => model.CompleteBranch(item);

        public override void AssignResponsibility(CoordinationModel model, IssueId issue, AccountabilityWeights weights) =>
            weights.Add(person, 1);

        public override void AssignBlame(CoordinationModel model, IssueId issue, AccountabilityWeights formal, AccountabilityWeights blame)
        {
            for (var i = 0; i < model.LogCount(issue); i++)
            {
                var entry = model.LogAt(issue, i);
                if (entry.Fault != FaultKind.None && !blame.Contains(entry.Person))
                {
                    blame.Add(entry.Person, 1);
                }
            }
        }
    }
}
