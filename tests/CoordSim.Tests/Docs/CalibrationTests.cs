using CoordSim.Metrics;
using CoordSim.Structures;
using CoordSim.Tests.Structures;

namespace CoordSim.Tests.Docs;

/// <summary>
/// The hand derivations of docs/model.md hold in the simulation: utilisation by level under the hierarchy
/// (§2, calibration), the severity bias and facts lost of a relay chain (§5), and the hops and effective
/// numbers of accountable people of every structure's routes (§4, §8). Statistical tolerances are four
/// standard errors computed from the sample size, never tuned.
/// </summary>
public class CalibrationTests
{
    public static TheoryData<int, int, int, double, double> Hierarchies => new()
    {
        { 8, 4, 4, 0.3, 40 },   // the default scenario
        { 5, 3, 3, 0.5, 20 },   // shallower, narrower, more cross-department work (every level below saturation)
    };

    [Theory]
    [MemberData(nameof(Hierarchies))]
    public void Utilisation_by_level_matches_the_visit_count_derivation(int departments, int levels, int span, double cross, double arrivalRate)
    {
        var p = Parameters.Default with { Departments = departments, Levels = levels, Span = span, CrossDepartmentShare = cross, ArrivalRate = arrivalRate };
        var r = Simulation.Run(Structure.Hierarchy(), p, seed: 1);
        var arrivals = p.ArrivalRate * p.HorizonDays;

        // k, the number of required departments of a cross-department issue, is uniform on 2..K.
        var kMax = Math.Min(p.MaxDepartmentsPerIssue, p.Departments);
        var ks = Enumerable.Range(2, kMax - 1).ToArray();
        double Cross(Func<int, double> f) => ks.Average(k => f(k));

        for (var level = 0; level <= levels; level++)
        {
            // Visits one issue makes to the level: below the head 2 (up and down) or k + 1 (the primary chain twice,
            // every other required department once); at the head 1 or k + 1; at the government head 0 or 1.
            Func<int, double> crossVisits = level == levels ? _ => 1 : k => k + 1;
            var singleVisits = level == levels ? 0.0 : level == levels - 1 ? 1.0 : 2.0;
            var meanVisits = ((1 - cross) * singleVisits) + (cross * Cross(k => crossVisits(k)));
            var meanSquare = ((1 - cross) * singleVisits * singleVisits) + (cross * Cross(k => crossVisits(k) * crossVisits(k)));
            var rate = level == levels ? p.TopServiceRate : p.ServiceRateAtLevel(level);
            var people = level == levels ? 1 : departments * Math.Pow(span, levels - 1 - level);
            var expected = p.ArrivalRate * meanVisits / (people * rate);

            // Work reaching the level is compound Poisson: Var = lambda*T*E[Y^2], E[Y^2] = (E[N] + E[N^2]) / mu^2 for
            // N exponential services; the issues still in flight at the horizon (about latency/T of the work) are missing.
            var relativeError = Math.Sqrt((meanVisits + meanSquare) / arrivals) / meanVisits;
            var tolerance = expected * ((4 * relativeError) + (r.Latency.Mean / p.HorizonDays));
            Assert.InRange(r.Utilisation.ByLevel[level].Mean, expected - tolerance, expected + tolerance);
        }
    }

    [Fact]
    public void The_busiest_person_of_the_default_hierarchy_is_50_to_80_percent_busy()
    {
        var r = Simulation.Run(Structure.Hierarchy(), Parameters.Default, seed: 1);
        Assert.InRange(r.Utilisation.Busiest, 0.5, 0.8);
    }

    [Fact]
    public void Severity_bias_and_facts_lost_of_the_hierarchy_match_the_relay_chain_formulas()
    {
        var p = Parameters.Default;
        var recorder = new OutcomeRecorder();
        Simulation.Run(Structure.Hierarchy(), p, seed: 2, recorder);
        var o = recorder.Outcomes;
        var levels = p.Levels;

        // A single-department issue passes 2(L-1) relay hops, L-1 of them upward; a cross-department one 2L, L upward.
        // A fact survives h hops with probability (1-r)^h; the severity fact, if it survives, is scaled by (1-delta)^u,
        // so E[(x_exec0 - x0) sign(x0)] = E|x0| ((1-r)^h (1-delta)^u - 1) with E|x0| = sqrt(2/pi).
        var absMean = Math.Sqrt(2 / Math.PI);
        double Bias(int hops, int up) => absMean * ((Math.Pow(1 - p.DropProbability, hops) * Math.Pow(1 - p.UpwardBias, up)) - 1);
        double Lost(int hops) => 1 - Math.Pow(1 - p.DropProbability, hops);
        double Expected(Func<int, int, double> f, IssueOutcome x) =>
            x.RequiredDepartments > 1 ? f(2 * levels, levels) : f(2 * (levels - 1), levels - 1);

        AssertMeanNear(o.Select(x => x.SeverityBias).ToArray(), o.Average(x => Expected(Bias, x)));
        AssertMeanNear(o.Select(x => x.FactsLost).ToArray(), o.Average(x => Expected((h, _) => Lost(h), x)));
    }

    [Fact]
    public void Hops_per_issue_follow_each_structures_route()
    {
        var p = Parameters.Default with { HorizonDays = 120 };
        var l = p.Levels;
        var expected = new Dictionary<string, Func<IssueOutcome, double>>
        {
            ["hierarchy"] = o => o.RequiredDepartments > 1 ? 2 * l : 2 * (l - 1),
            // Escalated single-department issues take the same route as cross-department ones: up, record, meeting, down.
            ["leading-group"] = o => o.RequiredDepartments > 1 || o.Escalated ? 2 * l : 2 * (l - 1),
            // Frontline -> liaison -> body -> seconded executor.
            ["task-force"] = o => o.RequiredDepartments > 1 ? 3 : 2 * (l - 1),
            // Emergencies: frontline -> commander by record, commander -> head by record, then L-1 relays down.
            ["command-hq"] = o => o.Urgent ? l + 1 : o.RequiredDepartments > 1 ? 2 * l : 2 * (l - 1),
            // Up L-1 relays, the head's written referral, one lateral hop to the executor.
            ["office"] = o => o.RequiredDepartments > 1 ? l + 1 : 2 * (l - 1),
        };

        foreach (var structure in StructureCatalog.All.Where(s => expected.ContainsKey(s.Name)))
        {
            var recorder = new OutcomeRecorder();
            Simulation.Run(structure, p, seed: 3, recorder);
            Assert.NotEmpty(recorder.Outcomes);
            Assert.All(recorder.Outcomes, o => Assert.Equal(expected[structure.Name](o), o.Hops, 12));
        }
    }

    [Fact]
    public void Effective_numbers_of_accountable_people_follow_each_structures_rule()
    {
        var p = Parameters.Default with { HorizonDays = 120 };
        var (l, d, rho) = (p.Levels, p.Departments, p.LeadShare);
        var members = 1 + (d * p.ExecutorsPerDepartment); // the office: its chair and the seconded executors
        var rules = new Dictionary<string, Func<IssueOutcome, (double Low, double High)>>
        {
            // Equal weight over the distinct handlers: the primary chain (the discoverer executes), plus the top and k-1 chains.
            ["hierarchy"] = o => Exactly(o.RequiredDepartments > 1 ? 1 + (l * o.RequiredDepartments) : l),
            // Equal over the group (government head and every head) and the handlers below the heads.
            ["leading-group"] = o => Exactly(o.RequiredDepartments > 1 ? d + 1 + ((l - 1) * o.RequiredDepartments) : o.Escalated ? d + 1 + (l - 1) : l),
            // Named: the lead rho, each of the k executors (1 - rho)/k.
            ["task-force"] = o => Exactly(o.RequiredDepartments > 1 ? 1 / ((rho * rho) + ((1 - rho) * (1 - rho) / o.RequiredDepartments)) : l),
            // The commander answers alone for everything the headquarters handles.
            ["command-hq"] = o => Exactly(o.RequiredDepartments > 1 || o.Urgent ? 1 : l),
            // Equal over the office's members and the primary chain, less the discoverer if seconded and the head if chair.
            ["office"] = o => o.RequiredDepartments > 1 ? (members + l - 2, members + l) : Exactly(l),
        };

        foreach (var structure in StructureCatalog.All.Where(s => rules.ContainsKey(s.Name)))
        {
            var recorder = new OutcomeRecorder();
            Simulation.Run(structure, p, seed: 4, recorder);
            Assert.NotEmpty(recorder.Outcomes);
            Assert.All(recorder.Outcomes, o =>
            {
                var (low, high) = rules[structure.Name](o);
                Assert.InRange(o.EffectiveAccountable, low - 1e-9, high + 1e-9);
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
                Assert.Equal(o.Latency, o.Queueing + o.Service + o.MeetingWait + o.Transmission, 9));
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
