using CoordSim.Organisation;
using CoordSim.Structures;

namespace CoordSim.Tests.Structures;

/// <summary>
/// Task forces beyond one per issue category (docs/model.md §4.6): how issues are split between them, how officials
/// are shared, and the capacity the officials who sit on them keep for their home duties.
/// </summary>
public class ProliferationTests
{
    private static readonly Parameters Quiet = Parameters.Default with
    {
        CrossDepartmentShare = 1,
        MaxDepartmentsPerIssue = 2,
        EmergencyShare = 0,
        ContestedShare = 0,
        FaultProbability = 0,
        ArrivalRate = 5,
        HorizonDays = 120,
        WarmupDays = 0,
    };

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(40)]
    public void Each_issue_goes_to_the_task_force_of_its_category_or_beyond_eight_of_its_category_and_partner_department(int count)
    {
        // Meetings and briefs that take no time, so that forty task forces do not call their officials away for good.
        var p = Quiet with { TaskForces = count, MeetingDuration = 0, MinutesPerItem = 0, ReportDuration = 0 };
        var organisation = Structure.TaskForce().Organise(p);
        Assert.Equal(count, organisation.Bodies.Count);
        var trace = new RouteRecorder();
        Simulation.RunTraced(Structure.TaskForce(), p, 7, trace, trace);

        var routes = trace.ResolvedById(organisation).ToArray();
        Assert.True(routes.Length > 200, $"only {routes.Length} issues");
        foreach (var (outcome, route) in routes)
        {
            // The liaison who takes the issue sits in its primary department, and its two executors in the primary and the
            // partner department; the body that decides it follows the rule.
            var primary = organisation.DepartmentOf(route[2].Person);
            var partner = route.Where(s => s.Kind == Step.Queued).Skip(2).Select(s => organisation.DepartmentOf(s.Person)).Single(d => d != primary);
            var rank = partner < primary ? partner : partner - 1;
            var slot = count <= 8 ? outcome.Category : outcome.Category + (8 * rank);
            var decided = route.Single(s => s.Kind == Step.Decided);
            Assert.Equal(new BodyId(slot % count), decided.Body);
        }

        if (count > 8)
        {
            // Eight categories times seven partners: 56 slots, so up to 56 task forces every one gets issues.
            Assert.Equal(count, routes.Select(r => r.Route.Single(s => s.Kind == Step.Decided).Body).Distinct().Count());
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(16, 4)]
    [InlineData(32, 8)]
    public void Without_time_away_the_least_home_capacity_is_the_home_share_of_the_official_on_most_bodies(int count, int liaisonMemberships)
    {
        // With no meetings, reviews or briefs that take time, a seconded official's home desk keeps 1 − s of their
        // capacity, times (1 − γ)^(m − 1) for m concurrent memberships. The liaison of a department is one of `span`
        // officers, each on count / span task forces (at most eight are distinct per department), so the least home
        // capacity is (1 − s)(1 − γ)^(m − 1) with m = max(1, count / span) for the liaisons.
        var p = Quiet with { TaskForces = count, MeetingDuration = 0, ReportDuration = 0, SecondmentShare = 0.4, SwitchingOverhead = 0.1, Span = 4 };
        var result = Simulation.Run(Structure.TaskForce(), p, 3);
        var expected = 0.6 * Math.Pow(0.9, liaisonMemberships - 1);
        Assert.Equal(expected, result.Utilisation.HomeCapacityMin, 12);
        Assert.InRange(result.Utilisation.HomeCapacityMean, expected, 1.0);
    }

    [Fact]
    public void Meetings_and_briefs_of_more_task_forces_leave_their_officials_less_time_for_home_duties()
    {
        var p = Quiet with { HorizonDays = 200 };
        var home = new[] { 1, 8, 32 }.Select(n => Simulation.Run(Structure.TaskForce(), p with { TaskForces = n }, 3).Utilisation).ToArray();
        Assert.True(home[0].HomeCapacityMean > home[1].HomeCapacityMean && home[1].HomeCapacityMean > home[2].HomeCapacityMean,
            string.Join(", ", home.Select(h => h.HomeCapacityMean)));
        Assert.True(home[0].HomeCapacityMin > home[2].HomeCapacityMin, string.Join(", ", home.Select(h => h.HomeCapacityMin)));
    }

    [Fact]
    public void Without_bodies_nobody_sits_on_one_and_home_capacity_is_undefined()
    {
        var result = Simulation.Run(Structure.Hierarchy(), Quiet, 3);
        Assert.True(double.IsNaN(result.Utilisation.HomeCapacityMean) && double.IsNaN(result.Utilisation.HomeCapacityMin));
        var group = Simulation.Run(Structure.LeadingGroup(), Quiet with { MeetingDuration = 0, MinutesPerItem = 0 }, 3);
        Assert.Equal(1.0, group.Utilisation.HomeCapacityMin, 12);
    }
}
