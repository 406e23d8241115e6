using CoordSim.Mechanisms;
using CoordSim.Organisation;
using CoordSim.Structures;
using CoordSim.Tests.Validation;

namespace CoordSim.Tests.Structures;

/// <summary>
/// The grid platform (docs/model.md §4.8), traced on issues made to take one route each: solved by the grid, reported
/// and dispatched, sent to a joint conference; and its revisit loop, whose reopened share is checked against the
/// binomial law it must follow.
/// </summary>
public class GridPlatformTests
{
    private static readonly Parameters Quiet = Parameters.Default with
    {
        CrossDepartmentShare = 0,
        EmergencyShare = 0,
        FaultProbability = 0,
        RevisitCatch = 0,
        ArrivalRate = 5,
        HorizonDays = 150,
        WarmupDays = 0,
    };

    private static readonly Structure Grid = Structure.GridPlatform();

    /// <summary>The organisation and the resolved issues' routes of a run of the grid at seed 3 (more than 500 of them).</summary>
    private static (CoordSim.Organisation.Organisation Organisation, (CoordSim.Metrics.IssueOutcome Outcome, Traced[] Route)[] Routes) Traced(Parameters p)
    {
        var organisation = Grid.Organise(p);
        var trace = new RouteRecorder();
        Simulation.RunTraced(Grid, p, 3, trace, trace);
        var routes = trace.ResolvedById(organisation).ToArray();
        Assert.True(routes.Length > 500, $"only {routes.Length} issues");
        return (organisation, routes);
    }

    [Fact]
    public void A_grid_member_solves_and_archives_a_local_issue_without_a_single_hand_over()
    {
        var (organisation, routes) = Traced(Quiet with { GridSolveShare = 1 });
        Assert.All(routes, r =>
        {
            var (outcome, route) = r;
            Assert.Equal(DecisionVenue.Line, outcome.Venue);
            Assert.DoesNotContain(route, s => s.Kind == Step.HandedOver);
            Assert.All(route.Where(s => s.Kind == Step.Queued), s => Assert.Equal(route[0].Person, s.Person));
            Assert.Equal(0, organisation.LevelOf(route[0].Person));
        });
    }

    [Fact]
    public void A_reported_issue_goes_by_record_to_the_command_centre_and_is_dispatched_to_the_department_that_decides_it()
    {
        var (organisation, routes) = Traced(Quiet with { GridSolveShare = 0 });
        var centre = organisation.People.Where(x => x.Title == "command centre officer").Select(x => x.Id).ToArray();
        Assert.Equal(Quiet.CommandCentreStaff, centre.Length);
        Assert.All(routes, r =>
        {
            var (outcome, route) = r;
            var department = organisation.DepartmentOf(route[0].Person);
            Assert.Equal((Step.HandedOver, ChannelKind.Record, HopDirection.Up), (route[1].Kind, route[1].Channel, route[1].Direction));
            Assert.Equal(centre[(int)(outcome.Id % centre.Length)], route[2].Person);
            Assert.Equal((Step.HandedOver, ChannelKind.Record, HopDirection.Down), (route[3].Kind, route[3].Channel, route[3].Direction));
            Assert.Equal(organisation.HeadOf(department), route[4].Person);
            Assert.Equal((Step.Decided, DecisionVenue.Line), (route[5].Kind, route[5].Venue));
            Assert.Equal(0, outcome.Reopens);
        });
    }

    [Fact]
    public void What_the_heads_cannot_resolve_between_them_waits_for_the_joint_conference_of_its_category()
    {
        // Contested from the start: the primary head sends it to the conference at once; every decision is taken there,
        // at least jointConferenceDelay after the issue reached the head, and goes down each chain from the heads.
        var p = Quiet with { GridSolveShare = 0, CrossDepartmentShare = 1, MaxDepartmentsPerIssue = 2, ContestedShare = 1, JointConferenceDelay = 2 };
        var organisation = Grid.Organise(p);
        var recorder = new OutcomeRecorder();
        var trace = new RouteRecorder();
        Simulation.RunTraced(Grid, p, 4, trace, recorder);
        Assert.True(recorder.Outcomes.Count > 500, $"only {recorder.Outcomes.Count} issues");
        Assert.All(recorder.Outcomes, o =>
        {
            Assert.Equal(DecisionVenue.Meeting, o.Venue);
            Assert.True(o.MeetingWait > 0, $"issue {o.Id} waited {o.MeetingWait} days for its conference");
        });

        var result = Simulation.Run(Grid, p, 4);
        Assert.True(result.Meetings > 0 && result.Attendance.MeetingDays > 0);
        Assert.Equal(1.0, result.Decisions.AtMeetings);
        Assert.Equal(0.0, result.Decisions.ByLeaders);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    public void With_every_closure_wrong_the_revisit_reopens_each_issue_with_the_catch_probability_again_and_again(double c)
    {
        // failureDistortion near 0 makes every reported closure wrong (an executor's picture always carries some noise),
        // so each closure is reopened independently with probability c: P(reopened at least once) = c and, of those,
        // P(again) = c. Arrivals stop at maxIssues and the run drains, so no issue is censored by the horizon.
        var p = Quiet with { GridSolveShare = 0, FailureDistortion = 1e-9, RevisitCatch = c, RevisitDelay = 1, MaxIssues = 3000, HorizonDays = 5000 };
        var recorder = new OutcomeRecorder();
        var result = Simulation.Run(Grid, p, 5, recorder);
        var n = recorder.Outcomes.Count;
        Assert.Equal(3000, n);
        var once = recorder.Outcomes.Count(o => o.Reopens >= 1);
        var twice = recorder.Outcomes.Count(o => o.Reopens >= 2);
        Significance.AssertNotRejected(Significance.BinomialTwoSided(once, n, c), Significance.ValidationAlpha, "issues reopened at least once");
        Significance.AssertNotRejected(Significance.BinomialTwoSided(twice, once, c), Significance.ValidationAlpha, "reopened issues reopened again");
        Assert.Equal((double)once / n, result.Decisions.ReopenedShare, 12);

        // A reopened issue is decided again: its latency holds every round of the loop, and its parts still sum to it.
        Assert.All(recorder.Outcomes, o => Assert.InRange(Math.Abs(o.Latency - (o.Queueing + o.Service + o.MeetingWait + o.Transmission + o.Consultation)), 0, 1e-9 * Math.Max(1, o.Latency)));
        Assert.True(recorder.Outcomes.Where(o => o.Reopens > 0).Average(o => o.Latency) > recorder.Outcomes.Where(o => o.Reopens == 0).Average(o => o.Latency) + p.RevisitDelay);
    }

    [Fact]
    public void Nothing_is_reopened_when_no_closure_is_wrong_or_nothing_is_revisited_and_other_structures_report_no_share()
    {
        var right = Simulation.Run(Grid, Quiet with { GridSolveShare = 0, FailureDistortion = 1e6, RevisitCatch = 1 }, 6);
        Assert.Equal(0.0, right.Decisions.ReopenedShare);
        var never = Simulation.Run(Grid, Quiet with { GridSolveShare = 0, FailureDistortion = 1e-9, RevisitCatch = 0 }, 6);
        Assert.Equal(0.0, never.Decisions.ReopenedShare);
        Assert.True(double.IsNaN(Simulation.Run(Structure.Hierarchy(), Quiet, 6).Decisions.ReopenedShare));
        Assert.Equal(Simulation.Run(Structure.Hierarchy(), Quiet, 6).Issues.Arrived, never.Issues.Arrived);
    }
}
