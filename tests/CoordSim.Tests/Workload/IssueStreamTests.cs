using CoordSim.Mechanisms;
using CoordSim.Organisation;
using CoordSim.Metrics;
using CoordSim.Structures;
using CoordSim.Tests.Metrics;
using CoordSim.Tests.Validation;
using CoordSim.Workload;
using MathNet.Numerics.Distributions;

namespace CoordSim.Tests.Workload;

public class IssueStreamTests
{
    private const double Alpha = Significance.UnitAlpha;

    /// <summary>Draws issues until the first one after <paramref name="days"/> (not included).</summary>
    private static List<(Issue Issue, double[] State, int[] Executors)> Draw(Parameters p, long seed, double days)
    {
        var stream = new IssueStream(WorkloadSettings.From(p), seed);
        var issues = new List<(Issue, double[], int[])>();
        while (true)
        {
            var state = new double[p.StateDimensions];
            var executors = Enumerable.Repeat(-1, p.Departments).ToArray();
            var issue = stream.Next(state, executors);
            if (issue.Arrival > days)
            {
                return issues;
            }

            issues.Add((issue, state, executors));
        }
    }

    [Fact]
    public void Arrivals_form_a_Poisson_process_at_the_arrival_rate()
    {
        const double days = 1000;
        var p = Parameters.Default;
        var issues = Draw(p, 1, days);

        // The count over T days is Poisson(λT) (exact two-sided test) ...
        Significance.AssertNotRejected(Significance.PoissonTwoSided(issues.Count, p.ArrivalRate * days), Alpha, $"{issues.Count} arrivals in {days} days");

        // ... and the gaps are Exp(λ) (chi-square over 40 equiprobable cells).
        var gaps = issues.Select((x, i) => i == 0 ? x.Issue.Arrival : x.Issue.Arrival - issues[i - 1].Issue.Arrival).ToArray();
        Assert.All(gaps, g => Assert.True(g >= 0));
        Significance.AssertNotRejected(Significance.ChiSquareFit(gaps, q => Exponential.InvCDF(p.ArrivalRate, q), 40), Alpha, "inter-arrival gaps");
        Assert.Equal(Enumerable.Range(0, issues.Count).Select(i => (long)i), issues.Select(x => x.Issue.Id));
    }

    [Fact]
    public void Crisis_arrivals_are_Poisson_with_the_multiplied_rate_over_the_window_and_more_often_emergencies()
    {
        // Rate λ outside [start, start + D) and λ·M inside: counts Poisson(λM·D) inside and Poisson(λ(T − D)) outside,
        // gaps inside the window Exp(λM), and emergencies with the crisis share inside, the usual share outside.
        const double days = 400, start = 100, window = 60, multiplier = 4;
        var p = Parameters.Default with { ArrivalRate = 10, CrisisStart = start, CrisisDays = window, CrisisMultiplier = multiplier, CrisisEmergencyShare = 0.4 };
        var issues = Draw(p, 3, days);
        var inside = issues.Where(x => x.Issue.Arrival >= start && x.Issue.Arrival < start + window).ToArray();
        var outside = issues.Where(x => x.Issue.Arrival < start || x.Issue.Arrival >= start + window).ToArray();
        Assert.All(inside, x => Assert.True(x.Issue.Crisis));
        Assert.All(outside, x => Assert.False(x.Issue.Crisis));
        Significance.AssertNotRejected(Significance.PoissonTwoSided(inside.Length, p.ArrivalRate * multiplier * window), Alpha, $"{inside.Length} arrivals in the crisis");
        Significance.AssertNotRejected(Significance.PoissonTwoSided(outside.Length, p.ArrivalRate * (days - window)), Alpha, $"{outside.Length} arrivals outside it");
        var gaps = inside.Skip(1).Select((x, i) => x.Issue.Arrival - inside[i].Issue.Arrival).ToArray();
        Significance.AssertNotRejected(Significance.ChiSquareFit(gaps, q => Exponential.InvCDF(p.ArrivalRate * multiplier, q), 20), Alpha, "gaps in the crisis");
        Significance.AssertNotRejected(Significance.BinomialTwoSided(inside.Count(x => x.Issue.Urgent), inside.Length, 0.4), Alpha, "emergencies in the crisis");
        Significance.AssertNotRejected(Significance.BinomialTwoSided(outside.Count(x => x.Issue.Urgent), outside.Length, p.EmergencyShare), Alpha, "emergencies outside it");

        // A crisis leaves what happens outside its window to the same draws: the issues before it are the crisis-free stream's.
        var calm = Draw(p with { CrisisDays = 0 }, 3, start);
        var before = issues.TakeWhile(x => x.Issue.Arrival < start).ToArray();
        Assert.Equal(calm.Count, before.Length);
        Assert.All(calm.Zip(before), pair => Assert.Equal(pair.First.Issue.Arrival, pair.Second.Issue.Arrival, 9));
    }

    [Fact]
    public void Categories_are_uniform_and_set_the_primary_department()
    {
        var p = Parameters.Default with { Departments = 3 };
        var issues = Draw(p, 2, 500);
        var categories = Enum.GetValues<IssueCategory>().Length;
        var counts = new long[categories];
        foreach (var (issue, _, _) in issues)
        {
            counts[(int)issue.Category]++;
            Assert.Equal((int)issue.Category % p.Departments, issue.PrimaryDepartment);
        }

        Significance.AssertNotRejected(Significance.ChiSquareUniform(counts), Alpha, "categories");
    }

    [Fact]
    public void Cross_department_share_and_required_departments_follow_the_parameters()
    {
        var p = Parameters.Default with { MaxDepartmentsPerIssue = 5, CrossDepartmentShare = 0.35 };
        var issues = Draw(p, 3, 1000);
        var cross = issues.Count(x => x.Issue.CrossDepartment);
        Significance.AssertNotRejected(Significance.BinomialTwoSided(cross, issues.Count, p.CrossDepartmentShare), Alpha, "cross-department share");

        var sizes = new long[p.MaxDepartmentsPerIssue - 1];
        foreach (var (issue, _, _) in issues)
        {
            Assert.True(issue.Requires(issue.PrimaryDepartment));
            Assert.Equal(System.Numerics.BitOperations.PopCount(issue.RequiredDepartments), issue.RequiredCount);
            Assert.Equal(0UL, issue.RequiredDepartments >> p.Departments);
            Assert.InRange(issue.RequiredCount, 1, p.MaxDepartmentsPerIssue);
            if (issue.CrossDepartment)
            {
                sizes[issue.RequiredCount - 2]++;
            }
        }

        // Cross-department issues require 2..K departments, uniformly.
        Significance.AssertNotRejected(Significance.ChiSquareUniform(sizes), Alpha, "required departments among cross-department issues");

        // The other departments are drawn uniformly among the non-primary ones.
        var others = new long[p.Departments - 1];
        foreach (var (issue, _, _) in issues.Where(x => x.Issue.CrossDepartment && x.Issue.PrimaryDepartment == 0))
        {
            for (var d = 1; d < p.Departments; d++)
            {
                if (issue.Requires(d))
                {
                    others[d - 1]++;
                }
            }
        }

        Significance.AssertNotRejected(Significance.ChiSquareUniform(others), Alpha, "other departments of department 0's cross issues");
    }

    [Fact]
    public void Without_cross_department_share_every_issue_stays_in_its_department()
    {
        var p = Parameters.Default with { CrossDepartmentShare = 0 };
        Assert.All(Draw(p, 4, 100), x => Assert.Equal(1UL << x.Issue.PrimaryDepartment, x.Issue.RequiredDepartments));
        var one = Parameters.Default with { Departments = 1, CrossDepartmentShare = 0 };
        Assert.All(Draw(one, 4, 100), x => Assert.Equal(1UL, x.Issue.RequiredDepartments));
    }

    [Fact]
    public void Emergency_share_and_deadlines_follow_the_parameters()
    {
        var p = Parameters.Default with { EmergencyShare = 0.2, RoutineDeadline = 25, EmergencyDeadline = 2.5 };
        var issues = Draw(p, 5, 1000);
        var urgent = issues.Count(x => x.Issue.Urgent);
        Significance.AssertNotRejected(Significance.BinomialTwoSided(urgent, issues.Count, p.EmergencyShare), Alpha, "emergency share");
        foreach (var (issue, _, _) in issues)
        {
            Assert.Equal(issue.Arrival + (issue.Urgent ? 2.5 : 25), issue.Deadline);
        }
    }

    [Fact]
    public void True_states_are_independent_standard_normal_facts()
    {
        var p = Parameters.Default with { StateDimensions = 6 };
        var issues = Draw(p, 6, 800);
        var values = issues.SelectMany(x => x.State).ToArray();
        var n = values.Length;
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        Significance.AssertWithin(mean, 0, 1 / Math.Sqrt(n), Significance.NormalCritical(Alpha), "mean of facts");
        var statistic = (n - 1) * variance;
        var pVariance = 2 * Math.Min(ChiSquared.CDF(n - 1, statistic), 1 - ChiSquared.CDF(n - 1, statistic));
        Significance.AssertNotRejected(pVariance, Alpha, $"variance of facts {variance:F4}");
        Significance.AssertNotRejected(Significance.ChiSquareFit(values, q => Normal.InvCDF(0, 1, q), 40), Alpha, "normality of facts");

        // Neighbouring facts are uncorrelated: √m·r is approximately N(0, 1).
        var m = issues.Count;
        var r = issues.Sum(x => x.State[0] * x.State[1]) / m;
        Significance.AssertWithin(r, 0, 1 / Math.Sqrt(m), Significance.NormalCritical(Alpha), "correlation of facts 0 and 1");
    }

    [Fact]
    public void Discoverers_and_executors_are_frontline_positions_and_the_primary_executor_is_the_discoverer()
    {
        var p = Parameters.Default with { Span = 3 };
        var frontline = (int)Math.Pow(p.Span, p.Levels - 1);
        var issues = Draw(p, 7, 500);
        var positions = new long[frontline];
        foreach (var (issue, _, executors) in issues)
        {
            Assert.InRange(issue.DiscovererPosition, 0, frontline - 1);
            positions[issue.DiscovererPosition]++;
            for (var d = 0; d < p.Departments; d++)
            {
                if (issue.Requires(d))
                {
                    Assert.InRange(executors[d], 0, frontline - 1);
                }
                else
                {
                    Assert.Equal(-1, executors[d]);
                }
            }

            Assert.Equal(issue.DiscovererPosition, executors[issue.PrimaryDepartment]);
        }

        Significance.AssertNotRejected(Significance.ChiSquareUniform(positions), Alpha, "discoverer positions");
    }

    [Fact]
    public void Same_seed_gives_the_same_stream_and_different_seeds_different_ones()
    {
        var p = Parameters.Default;
        var a = Draw(p, 8, 30);
        var b = Draw(p, 8, 30);
        Assert.Equal(a.Select(x => x.Issue), b.Select(x => x.Issue));
        Assert.Equal(a.SelectMany(x => x.State), b.SelectMany(x => x.State));
        Assert.Equal(a.SelectMany(x => x.Executors), b.SelectMany(x => x.Executors));
        var c = Draw(p, 9, 30);
        Assert.NotEqual(a.Select(x => x.Issue.Arrival), c.Select(x => x.Issue.Arrival));
    }

    [Fact]
    public void The_stream_ignores_parameters_that_do_not_describe_the_workload()
    {
        var p = Parameters.Default;
        var other = p with
        {
            ServiceRate = 7, HeadServiceRate = 3, TopServiceRate = 100, NoiseSigma = 0.5, DropProbability = 0.3, UpwardBias = 0.5,
            TransmissionDelay = 2, DecisionLevel = 1, ServersPerPerson = 3, QueueDiscipline = QueueDiscipline.UrgentFirst,
            ServiceDistribution = ServiceDistribution.LogNormal, EffortElasticity = 1, WarmupDays = 10,
        };
        var a = Draw(p, 10, 50);
        var b = Draw(other, 10, 50);
        Assert.Equal(a.Select(x => x.Issue), b.Select(x => x.Issue));
        Assert.Equal(a.SelectMany(x => x.State), b.SelectMany(x => x.State));

        // A different organisation size moves only the frontline positions (to the new frontline).
        var deeper = Draw(p with { Levels = 3, Span = 5 }, 10, 50);
        Assert.Equal(a.Select(x => x.Issue with { DiscovererPosition = 0 }), deeper.Select(x => x.Issue with { DiscovererPosition = 0 }));
        Assert.Equal(a.SelectMany(x => x.State), deeper.SelectMany(x => x.State));
    }

    [Fact]
    public void Every_structure_run_with_one_seed_sees_the_same_issues()
    {
        // Common random numbers: whatever the structure or its non-workload parameters, the issues are identical.
        var p = Parameters.Default with { HorizonDays = 40, WarmupDays = 0, ArrivalRate = 10 };
        var runs = new List<(string Name, IReadOnlyList<IssueOutcome> Outcomes)>();
        foreach (var structure in StructureCatalog.All)
        {
            foreach (var variant in new[] { p, p with { DecisionLevel = 1, TopServiceRate = 40, NoiseSigma = 0.3 } })
            {
                var recorder = new OutcomeRecorder();
                Simulation.Run(structure, variant, 99, recorder);
                runs.Add((structure.Name, recorder.Outcomes));
            }
        }

        static (double, int, int, bool) Identity(IssueOutcome o) => (o.Arrival, o.Category, o.RequiredDepartments, o.Urgent);
        var reference = runs[0].Outcomes.ToDictionary(o => o.Id, Identity);
        Assert.True(reference.Count > 200);
        foreach (var (name, outcomes) in runs)
        {
            Assert.True(outcomes.Count > 50, $"{name} resolved only {outcomes.Count} issues");
            foreach (var o in outcomes)
            {
                if (reference.TryGetValue(o.Id, out var expected))
                {
                    Assert.Equal(expected, Identity(o));
                }
            }
        }
    }
}
