using CoordSim.Metrics;
using CoordSim.Mechanisms;
using CoordSim.Organisation;
using CoordSim.Structures;

namespace CoordSim.Tests.Structures;

/// <summary>
/// The flattened hierarchy (docs/model.md §4.7): the capped head count exactly, a level fewer, spans that differ by at
/// most one within a level, the same issues as the hierarchy, and platform units that relay every issue the frontline
/// does not decide and decide nothing.
/// </summary>
public class FlattenedTests
{
    [Theory]
    [InlineData(4, 4, 0.4, 1, new[] { 1, 5, 28 })]
    [InlineData(4, 4, 1.0, 1, new[] { 1, 8, 76 })]
    [InlineData(3, 6, 0.5, 1, new[] { 1, 20 })]
    [InlineData(5, 3, 0.25, 2, new[] { 1, 4, 25 })]
    [InlineData(2, 4, 0.01, 5, new[] { 1 })]
    public void Each_department_holds_exactly_the_capped_head_count_over_the_remaining_levels(int levels, int span, double cap, int removed, int[] sizes)
    {
        // Comparable department: 1 + span + ... + span^(levels−1) people; flattened: floor(cap × that), at least one
        // per level, over max(1, levels − removed) levels, middle levels 1, s', s'^2 ... for the widest s' that fits.
        // By hand: (4, 4) → 85 people; 0.4 → 34 = 1 + 5 + 28 (s' = 5, as 1 + 6 + 36 = 43 > 34); 1.0 → 85 = 1 + 8 + 76
        // (1 + 9 + 81 > 85). (3, 6) → 43, 0.5 → floor(21.5) = 21 over two levels: 1 + 20. (5, 3) → 121, 0.25 → 30 over
        // three levels: 1 + 4 + 25 (1 + 5 + 25 = 31 > 30). Five levels removed from two leaves one: the head alone.
        var p = Parameters.Default with { Levels = levels, Span = span, StaffingCap = cap, LevelsRemoved = removed, Deputies = 0 };
        var organisation = Structure.Flattened().Organise(p);
        var expectedLevels = Math.Max(1, levels - removed);
        Assert.Equal(expectedLevels, organisation.Levels);
        var capped = (int)Math.Max(expectedLevels, Math.Floor(cap * OrganisationBuilder.ComparableDepartmentSize(levels, span)));
        var expected = sizes;
        Assert.Equal(capped, expected.Sum());
        for (var d = 0; d < organisation.Departments; d++)
        {
            var people = organisation.People.Where(x => x.Department == d).ToArray();
            Assert.Equal(capped, people.Length);
            Assert.Equal(expected, Enumerable.Range(0, expectedLevels).Select(k => people.Count(x => x.Level == expectedLevels - 1 - k)));

            // Spans within a level differ by at most one.
            for (var level = 1; level < expectedLevels; level++)
            {
                var spans = people.Where(x => x.Level == level).Select(boss => people.Count(x => x.Superior == boss.Id)).ToArray();
                Assert.InRange(spans.Max() - spans.Min(), 0, 1);
            }
        }
    }

    [Fact]
    public void The_flattened_hierarchy_faces_the_hierarchys_issues_and_decides_single_department_issues_at_its_head()
    {
        var p = Parameters.Default with { HorizonDays = 90, WarmupDays = 0 };
        var recorder = new OutcomeRecorder();
        var flattened = Simulation.Run(Structure.Flattened(), p, 8, recorder);
        var hierarchy = Simulation.Run(Structure.Hierarchy(), p, 8);
        Assert.Equal(hierarchy.Issues.Arrived, flattened.Issues.Arrived);
        Assert.All(recorder.Outcomes.Where(o => o.RequiredDepartments == 1 && !o.Urgent), o => Assert.Equal(DecisionVenue.Line, o.Venue));

        // Three levels instead of four: a single-department issue climbs two hops and comes down two, not three and three.
        var single = recorder.Outcomes.Where(o => o.RequiredDepartments == 1 && !o.Urgent).ToArray();
        Assert.All(single, o => Assert.Equal(4.0, o.Hops));
    }

    [Fact]
    public void A_platform_unit_relays_every_issue_the_frontline_does_not_decide_and_decides_nothing()
    {
        var p = Parameters.Default with { PlatformUnits = 7, ArrivalRate = 5, HorizonDays = 120, WarmupDays = 0, EmergencyShare = 0, FaultProbability = 0 };
        var organisation = Structure.Flattened().Organise(p);
        var platform = organisation.People.Where(x => x.Title == "platform officer").Select(x => x.Id).ToArray();
        Assert.Equal(7, platform.Length);
        var trace = new RouteRecorder();
        Simulation.RunTraced(Structure.Flattened(), p, 9, trace, trace);

        var routes = trace.ResolvedById(organisation).ToArray();
        Assert.True(routes.Length > 300, $"only {routes.Length} issues");
        foreach (var (_, route) in routes)
        {
            // Discovered at the frontline, relayed up to the unit of the discoverer's area, then up to the line.
            var discoverer = route[0].Person;
            var department = organisation.DepartmentOf(discoverer);
            var position = discoverer.Value - organisation.Frontline(department, 0).Value;
            Assert.Equal((Step.HandedOver, ChannelKind.Relay, HopDirection.Up), (route[1].Kind, route[1].Channel, route[1].Direction));
            Assert.Equal(platform[position * 7 / organisation.FrontlineCount(department)], route[2].Person);
            Assert.Equal((Step.HandedOver, ChannelKind.Relay, HopDirection.Up), (route[3].Kind, route[3].Channel, route[3].Direction));
            Assert.Equal(department, organisation.DepartmentOf(route[4].Person));
            Assert.Equal(1, route.Count(s => s.Kind == Step.Queued && platform.Contains(s.Person)));

            // Whoever decides is on the line: the desk served just before the decision is never a platform unit's.
            var decided = Array.FindIndex(route, s => s.Kind == Step.Decided);
            var decider = route.Take(decided).Last(s => s.Kind == Step.Queued).Person;
            Assert.DoesNotContain(decider, platform);
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(0)]
    public void The_share_a_handler_expects_counts_the_platform_officer_exactly_when_there_is_a_platform(int units)
    {
        // A single-department issue's nominal route: the frontline discoverer and each level up to the decision level
        // (the head of a flattened department), plus the platform officer when there are units; each of those people
        // expects 1 / their number. With the reference team that size, effort (share / (1 / team))^α is exactly 1
        // for any α, so the run is the one with α = 0, outcome for outcome; a team one larger or smaller is not.
        var p = Parameters.Default with
        {
            PlatformUnits = units, CrossDepartmentShare = 0, EmergencyShare = 0, FaultProbability = 0, ArrivalRate = 5,
            HorizonDays = 60, WarmupDays = 0,
        };
        var organisation = Structure.Flattened().Organise(p);
        var onRoute = Math.Min(p.EffectiveDecisionLevel, organisation.Levels - 1) + 1 + (units > 0 ? 1 : 0);
        Assert.Equal(units > 0 ? 4 : 3, onRoute);

        IssueOutcome[] Outcomes(Parameters q)
        {
            var recorder = new OutcomeRecorder();
            Simulation.Run(Structure.Flattened(), q, 10, recorder);
            return recorder.Outcomes.ToArray();
        }

        var calibrated = Outcomes(p with { EffortElasticity = 0 });
        Assert.True(calibrated.Length > 200, $"only {calibrated.Length} issues");
        Assert.All(calibrated, o => Assert.Equal(1, o.RequiredDepartments));
        Assert.Equal(calibrated, Outcomes(p with { EffortElasticity = 2, ReferenceTeamSize = onRoute }));
        Assert.NotEqual(calibrated, Outcomes(p with { EffortElasticity = 2, ReferenceTeamSize = onRoute + 1 }));
        Assert.NotEqual(calibrated, Outcomes(p with { EffortElasticity = 2, ReferenceTeamSize = onRoute - 1 }));
    }

    [Fact]
    public void Without_platform_units_the_route_has_no_platform_and_the_flattened_preset_runs_in_every_command()
    {
        var p = Parameters.Default with { ArrivalRate = 5, HorizonDays = 60, WarmupDays = 0 };
        var organisation = Structure.Flattened().Organise(p);
        Assert.DoesNotContain(organisation.People, x => x.Title == "platform officer");
        Assert.Equal(8 * 34 + 1 + 3, organisation.PersonCount);
        Assert.Same(StructureCatalog.Find("flattened")!.GetType(), typeof(FlattenedStructure));
    }
}
