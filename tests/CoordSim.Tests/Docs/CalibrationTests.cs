using CoordSim.Mechanisms;
using CoordSim.Metrics;
using CoordSim.Structures;
using CoordSim.Tests.Structures;

namespace CoordSim.Tests.Docs;

/// <summary>
/// The hand derivations of docs/model.md hold in the simulation: utilisation by level under the v2 hierarchy,
/// with consultation and escalation (§2, calibration), the severity bias and facts lost of each route (§5), and
/// the hops and effective numbers of accountable people of every structure's routes (§4, §8). Statistical
/// tolerances are four standard errors computed from the sample size, never tuned.
/// </summary>
public class CalibrationTests
{
    public static TheoryData<int, int, int, double, double> Hierarchies => new()
    {
        { 8, 4, 4, 0.3, 40 },   // the default scenario
        { 5, 3, 3, 0.5, 20 },   // shallower, narrower, more cross-department work, categories folded unevenly onto departments
    };

    [Theory]
    [MemberData(nameof(Hierarchies))]
    public void Utilisation_by_level_matches_the_visit_count_derivation(int departments, int levels, int span, double cross, double arrivalRate)
    {
        var p = Parameters.Default with { Departments = departments, Levels = levels, Span = span, CrossDepartmentShare = cross, ArrivalRate = arrivalRate };
        var r = Simulation.Run(Structure.Hierarchy(), p, seed: 1);
        var visits = new HierarchyVisits(p);
        var principal = p.TopServiceRate * p.TopAttention;

        for (var level = 0; level < levels; level++)
        {
            var people = departments * Math.Pow(span, levels - 1 - level);
            Check(visits.AtLevel(level), people, p.ServiceRateAtLevel(level), r.Utilisation.ByLevel[level].Mean, $"level {level}");
        }

        Check(visits.AtGovernmentHead(), 1, principal, r.Utilisation.GovernmentHead, "government head");
        Check(visits.AtDeputies(), p.Deputies, principal, r.Utilisation.Deputies, "deputies");

        void Check((double Mean, double MeanSquare) n, double people, double rate, double measured, string what)
        {
            // Work reaching the level is compound Poisson: Var = lambda*T*E[Y^2], E[Y^2] = (E[N] + E[N^2]) / mu^2 for
            // N exponential services; the issues still in flight at the horizon (about latency/T of the work) are missing.
            var expected = p.ArrivalRate * n.Mean / (people * rate);
            var relativeError = Math.Sqrt((n.Mean + n.MeanSquare) / (p.ArrivalRate * p.HorizonDays)) / n.Mean;
            var tolerance = expected * ((4 * relativeError) + (r.Latency.MeanResolved / p.HorizonDays));
            Assert.True(Math.Abs(measured - expected) <= tolerance, $"{what}: measured {measured:F4}, derived {expected:F4} ± {tolerance:F4}");
        }
    }

    [Fact]
    public void The_busiest_person_of_the_default_hierarchy_is_50_to_80_percent_busy()
    {
        var r = Simulation.Run(Structure.Hierarchy(), Parameters.Default, seed: 1);
        Assert.InRange(r.Utilisation.Busiest, 0.5, 0.8);
    }

    [Fact]
    public void Severity_bias_and_facts_lost_of_the_hierarchy_match_each_routes_formula()
    {
        // On each branch the severity fact survives r_relay and r_record losses hop by hop and, if it survives, is
        // scaled by (1 - delta) on every upward hop, so E[(x_exec0 - x0) sign(x0)] = E|x0| (S (1 - delta)^u - 1) with
        // S = (1 - r)^relay (1 - r_rec)^record and E|x0| = sqrt(2/pi); the share of facts lost is 1 - S. The routes
        // (docs/model.md §4.1): a climb of u hops (fewer for an emergency that skips), then
        //   single-department: down from the decider, relay only;
        //   cross, by concurrence: the primary branch down its chain, every other branch by record to its head, then down;
        //   cross, escalated: one relay up to the deputy or the head, one relay down to each head, then down.
        var p = Parameters.Default;
        var recorder = new OutcomeRecorder();
        Simulation.Run(Structure.Hierarchy(), p, seed: 2, recorder);
        var o = recorder.Outcomes;
        var absMean = Math.Sqrt(2 / Math.PI);
        double Survive(int relay, int record) => Math.Pow(1 - p.DropProbability, relay) * Math.Pow(1 - p.RecordDropProbability, record);
        IEnumerable<(int Relay, int Record, int Up)> Branches(IssueOutcome x)
        {
            var top = x.RequiredDepartments > 1 ? p.Levels - 1 : p.EffectiveDecisionLevel;
            var up = Climb(top, x.Urgent);
            if (x.RequiredDepartments == 1)
            {
                return [(up + top, 0, up)];
            }

            return x.Venue == DecisionVenue.Concurrence
                ? Enumerable.Range(0, x.RequiredDepartments).Select(i => (up + top, i == 0 ? 0 : 1, up))
                : Enumerable.Range(0, x.RequiredDepartments).Select(_ => (up + 1 + 1 + top, 0, up + 1));
        }

        int Climb(int top, bool urgent)
        {
            var (level, hops) = (0, 0);
            while (level < top)
            {
                level = Math.Min(level + 1 + (urgent ? p.EmergencySkipLevels : 0), top);
                hops++;
            }

            return hops;
        }

        double Bias(IssueOutcome x) => Branches(x).Average(b => absMean * ((Survive(b.Relay, b.Record) * Math.Pow(1 - p.UpwardBias, b.Up)) - 1));
        double Lost(IssueOutcome x) => Branches(x).Average(b => 1 - Survive(b.Relay, b.Record));

        AssertMeanNear(o.Select(x => x.SeverityBias).ToArray(), o.Average(Bias));
        AssertMeanNear(o.Select(x => x.FactsLost).ToArray(), o.Average(Lost));
        Assert.All(o, x => Assert.Equal(Branches(x).Average(b => b.Relay + b.Record), x.Hops, 9));
    }

    [Fact]
    public void Hops_per_issue_follow_each_structures_route()
    {
        var p = Parameters.Default with { HorizonDays = 120 };
        var l = p.Levels;
        double Up(IssueOutcome o, int top) => o.Urgent ? Math.Ceiling(top / (1.0 + p.EmergencySkipLevels)) : top;
        double Line(IssueOutcome o) => o.RequiredDepartments == 1
            ? Up(o, l - 1) + (l - 1)
            : o.Venue == DecisionVenue.Concurrence
                ? Up(o, l - 1) + (l - 1) + ((o.RequiredDepartments - 1.0) / o.RequiredDepartments)
                : Up(o, l - 1) + l + 1;
        var expected = new Dictionary<string, Func<IssueOutcome, double>>
        {
            ["hierarchy"] = Line,
            // Up, the head's written referral, the decision to each head (in writing or at the meeting), down the chain.
            ["leading-group"] = o => o.RequiredDepartments > 1 || o.Escalated ? Up(o, l - 1) + l + 1 : Line(o),
            // Frontline -> liaison -> executor on the spot; through the body (lead or meeting) one lateral hop more.
            ["task-force"] = o => o.RequiredDepartments == 1 ? Line(o) : o.Venue == DecisionVenue.BodyDesk && !o.Urgent ? 2 : 3,
            // Emergencies: frontline -> commander by record, commander -> head by record, then L-1 relays down.
            ["command-hq"] = o => o.Urgent ? l + 1 : Line(o),
            // Up, the head's written referral, one lateral hop to the executor.
            ["office"] = o => o.RequiredDepartments > 1 ? Up(o, l - 1) + 2 : Line(o),
        };

        foreach (var structure in StructureCatalog.All.Where(s => expected.ContainsKey(s.Name)))
        {
            var recorder = new OutcomeRecorder();
            Simulation.Run(structure, p, seed: 3, recorder);
            Assert.NotEmpty(recorder.Outcomes);
            Assert.All(recorder.Outcomes, o => Assert.True(Math.Abs(expected[structure.Name](o) - o.Hops) < 1e-9, $"{structure.Name}: {o}"));
        }
    }

    [Fact]
    public void Effective_numbers_of_accountable_people_follow_each_structures_rule()
    {
        var p = Parameters.Default with { HorizonDays = 120 };
        var (l, d, rho) = (p.Levels, p.Departments, p.LeadShare);
        var group = 1 + d + p.OfficeStaff;                                    // the leading group: its leader, every head, its office
        var office = 1 + p.OfficeStaff + (d * p.ExecutorsPerDepartment);      // the office: its chair, its staff, the seconded executors
        (double, double) Line(IssueOutcome o) => Exactly(o.RequiredDepartments == 1 ? l : (l * o.RequiredDepartments) + (o.Venue == DecisionVenue.Concurrence ? 0 : 1));
        int Climbers(IssueOutcome o) => 1 + (o.Urgent ? (int)Math.Ceiling((l - 1) / (1.0 + p.EmergencySkipLevels)) : l - 1);
        var rules = new Dictionary<string, Func<IssueOutcome, (double Low, double High)>>
        {
            // Equal over the distinct handlers: each required department's chain (the discoverer executes, the consulted heads
            // carry the decision down), plus the deputy or head an escalated issue reached.
            ["hierarchy"] = Line,
            // Equal over the group and the handlers below the heads.
            ["leading-group"] = o => o.RequiredDepartments > 1 ? Exactly(group + ((l - 1) * o.RequiredDepartments)) : o.Escalated ? Exactly(group + (l - 1)) : Line(o),
            // Named: the lead rho, each of the k executors (1 - rho)/k.
            ["task-force"] = o => o.RequiredDepartments > 1 ? Exactly(1 / ((rho * rho) + ((1 - rho) * (1 - rho) / o.RequiredDepartments))) : Line(o),
            // The commander answers alone for everything the headquarters handles.
            ["command-hq"] = o => o.Urgent ? Exactly(1) : Line(o),
            // Equal over the office's members, the people on the primary chain's climb (an emergency skips one) and the heads
            // it consulted, less the discoverer if seconded and the head if chair.
            ["office"] = o => o.RequiredDepartments > 1 ? (office + Climbers(o) - 2, office + Climbers(o) + o.RequiredDepartments - 1) : Line(o),
        };

        foreach (var structure in StructureCatalog.All.Where(s => rules.ContainsKey(s.Name)))
        {
            var recorder = new OutcomeRecorder();
            Simulation.Run(structure, p, seed: 4, recorder);
            Assert.NotEmpty(recorder.Outcomes);
            Assert.All(recorder.Outcomes, o =>
            {
                var (low, high) = rules[structure.Name](o);
                Assert.True(o.EffectiveAccountable >= low - 1e-9 && o.EffectiveAccountable <= high + 1e-9, $"{structure.Name}: {o.EffectiveAccountable} not in [{low}, {high}] for {o}");
            });
        }
    }

    [Fact]
    public void The_critical_path_breakdown_sums_to_the_latency_of_every_issue()
    {
        var p = Parameters.Default with { HorizonDays = 120 };
        foreach (var structure in StructureCatalog.All)
        {
            var recorder = new OutcomeRecorder();
            Simulation.Run(structure, p, seed: 5, recorder);
            Assert.All(recorder.Outcomes, o =>
                Assert.Equal(o.Latency, o.Queueing + o.Service + o.MeetingWait + o.Transmission + o.Consultation, 9));
        }
    }

    private static (double, double) Exactly(double value) => (value, value);

    private static void AssertMeanNear(double[] sample, double expected)
    {
        var mean = sample.Average();
        var sd = Math.Sqrt(sample.Sum(x => (x - mean) * (x - mean)) / (sample.Length - 1));
        var tolerance = 4 * sd / Math.Sqrt(sample.Length);
        Assert.InRange(mean, expected - tolerance, expected + tolerance);
    }
}
