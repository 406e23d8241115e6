using CoordSim.Mechanisms;
using CoordSim.Metrics;
using CoordSim.Organisation;
using CoordSim.Structures;

namespace CoordSim.Tests.Structures;

/// <summary>
/// The leading group above task forces (docs/model.md §4.5), traced step by step on issues made to take one route:
/// which desk, which channel and which meeting, in order. Every issue needs two departments and is not an emergency;
/// the contested share sends each one either to the group's plenary (1) or nowhere but the task force (0).
/// </summary>
public class HybridRoutingTests
{
    private static readonly Parameters TwoDepartments = Parameters.Default with
    {
        CrossDepartmentShare = 1,
        MaxDepartmentsPerIssue = 2,
        EmergencyShare = 0,
        EscalationShare = 0,
        FaultProbability = 0,
        ArrivalRate = 5,
        HorizonDays = 200,
        WarmupDays = 0,
    };

    private static readonly Structure Hybrid = Structure.LeadingGroupOverTaskForces();

    [Fact]
    public void A_contested_issue_goes_from_the_liaison_in_writing_to_the_groups_plenary_and_back_to_the_task_forces_executors()
    {
        var p = TwoDepartments with { ContestedShare = 1 };
        var organisation = Hybrid.Organise(p);
        var (group, taskForce) = (organisation.Bodies[1], organisation.Bodies[0]);
        var trace = new RouteRecorder();
        Simulation.RunTraced(Hybrid, p, 5, trace, trace);

        var routes = trace.Resolved(organisation).Take(200).ToArray();
        Assert.True(routes.Length >= 200, $"only {routes.Length} traced issues");
        foreach (var route in routes)
        {
            // Discovered at a frontline person's home desk, handed to the primary department's liaison at the task force.
            Assert.Equal(Step.Queued, route[0].Kind);
            Assert.Null(route[0].Body);
            Assert.Equal(0, organisation.LevelOf(route[0].Person));
            Assert.Equal((Step.HandedOver, ChannelKind.Liaison, HopDirection.Lateral), (route[1].Kind, route[1].Channel, route[1].Direction));
            Assert.Equal((Step.Queued, taskForce.Id), (route[2].Kind, route[2].Body));

            // Contested: to the task force's lead face to face, then in writing up to the group, which decides it at a meeting.
            Assert.Equal((Step.HandedOver, ChannelKind.Lateral, HopDirection.Lateral), (route[3].Kind, route[3].Channel, route[3].Direction));
            Assert.Equal((Step.HandedOver, ChannelKind.Record, HopDirection.Up), (route[4].Kind, route[4].Channel, route[4].Direction));
            Assert.Equal((Step.Decided, DecisionVenue.Meeting, group.Id), (route[5].Kind, route[5].Venue, route[5].Body));

            // The task force's seconded executors carry it out, one per required department, handed over face to face.
            var execution = route.Skip(6).ToArray();
            Assert.Equal(4, execution.Length);
            Assert.Equal(2, execution.Where(s => s.Kind == Step.HandedOver).Count(s => s.Channel == ChannelKind.Lateral));
            var executors = execution.Where(s => s.Kind == Step.Queued).ToArray();
            Assert.All(executors, s => Assert.Equal(taskForce.Id, s.Body));
            Assert.Equal(2, executors.Select(s => organisation.DepartmentOf(s.Person)).Distinct().Count());
        }
    }

    [Fact]
    public void An_uncontested_issue_is_settled_by_the_task_force_and_never_reaches_the_group()
    {
        var p = TwoDepartments with { ContestedShare = 0 };
        var organisation = Hybrid.Organise(p);
        var taskForce = organisation.Bodies[0];
        var trace = new RouteRecorder();
        Simulation.RunTraced(Hybrid, p, 5, trace, trace);

        var routes = trace.Resolved(organisation).ToArray();
        Assert.True(routes.Length > 500, $"only {routes.Length} traced issues");
        Assert.All(routes, route =>
        {
            Assert.Equal((Step.Queued, (BodyId?)null), (route[0].Kind, route[0].Body));
            Assert.Equal((Step.HandedOver, ChannelKind.Liaison), (route[1].Kind, route[1].Channel));
            Assert.Equal((Step.Queued, taskForce.Id), (route[2].Kind, route[2].Body));
            Assert.Equal((Step.Decided, DecisionVenue.BodyDesk, taskForce.Id), (route[3].Kind, route[3].Venue, route[3].Body));
            Assert.DoesNotContain(route, s => s.Channel == ChannelKind.Record);
        });
    }

    [Fact]
    public void The_plain_task_force_decides_the_same_contested_issue_at_its_own_consultation_without_the_written_referral()
    {
        var p = TwoDepartments with { ContestedShare = 1 };
        var organisation = Structure.TaskForce().Organise(p);
        var trace = new RouteRecorder();
        Simulation.RunTraced(Structure.TaskForce(), p, 5, trace, trace);

        var routes = trace.Resolved(organisation).Take(200).ToArray();
        Assert.NotEmpty(routes);
        Assert.All(routes, route =>
        {
            Assert.Equal((Step.Decided, DecisionVenue.Meeting, organisation.Bodies[0].Id), (route[4].Kind, route[4].Venue, route[4].Body));
            Assert.DoesNotContain(route, s => s.Channel == ChannelKind.Record);
        });
    }

    [Fact]
    public void A_head_escalates_for_cover_to_the_group_not_to_the_task_force_and_the_decision_goes_down_the_chain()
    {
        var p = TwoDepartments with { CrossDepartmentShare = 0, EscalationShare = 1 };
        var organisation = Hybrid.Organise(p);
        var group = organisation.Bodies[1];
        var trace = new RouteRecorder();
        Simulation.RunTraced(Hybrid, p, 5, trace, trace);

        var routes = trace.Resolved(organisation).Take(300).ToArray();
        Assert.True(routes.Length >= 300, $"only {routes.Length} traced issues");
        Assert.All(routes, route =>
        {
            var decided = Array.FindIndex(route, s => s.Kind == Step.Decided);
            Assert.Equal((DecisionVenue.Meeting, group.Id), (route[decided].Venue, route[decided].Body));
            Assert.Equal((ChannelKind.Record, HopDirection.Up), (route[decided - 1].Channel, route[decided - 1].Direction));
            Assert.All(route.Take(decided - 1).Where(s => s.Kind == Step.HandedOver), s => Assert.Equal(HopDirection.Up, s.Direction));

            // Down the department's chain from its head, who heard the decision at the meeting, to a frontline executor.
            var down = route.Skip(decided + 1).ToArray();
            Assert.Equal(ChannelKind.Meeting, down[0].Channel);
            Assert.All(down.Where(s => s.Kind == Step.HandedOver), s => Assert.Equal(HopDirection.Down, s.Direction));
            Assert.Equal(0, organisation.LevelOf(down[^1].Person));
            Assert.Null(down[^1].Body);
        });
    }

    [Fact]
    public void What_the_plenary_decides_is_answered_for_collectively_and_what_the_task_force_settles_by_named_people()
    {
        // The group's rule spreads the weight equally over its members and the handlers (1/Σw² counts them); the task
        // force's names its lead and executors: at most three people for an issue of two departments.
        var recorder = new OutcomeRecorder();
        var p = TwoDepartments with { ContestedShare = 0.5 };
        var organisation = Hybrid.Organise(p);
        Simulation.Run(Hybrid, p, 6, recorder);
        var atMeetings = recorder.Outcomes.Where(o => o.Venue == DecisionVenue.Meeting).ToArray();
        var onTheSpot = recorder.Outcomes.Where(o => o.Venue == DecisionVenue.BodyDesk).ToArray();
        Assert.True(atMeetings.Length > 100 && onTheSpot.Length > 100, $"{atMeetings.Length} at meetings, {onTheSpot.Length} on the spot");
        Assert.All(atMeetings, o => Assert.True(o.EffectiveAccountable >= organisation.Bodies[1].Members.Count - 1e-9, $"{o.EffectiveAccountable}"));
        Assert.All(onTheSpot, o => Assert.True(o.EffectiveAccountable <= 3 + 1e-9, $"{o.EffectiveAccountable}"));
    }

    [Fact]
    public void In_the_leading_hub_mode_the_hub_office_consults_the_departments_and_the_task_forces_executors_act()
    {
        var p = TwoDepartments with { ContestedShare = 0, DeflectProbability = 0 };
        var hub = Structure.TaskForceHub();
        var organisation = hub.Organise(p);
        var body = organisation.Bodies.Single();
        Assert.Equal(PersonId.GovernmentHead, body.Chair);
        var office = organisation.People.Where(x => x.Title == "office staff").Select(x => x.Id).ToArray();
        Assert.Equal(3, office.Length);
        var trace = new RouteRecorder();
        Simulation.RunTraced(hub, p, 5, trace, trace);

        var routes = trace.Resolved(organisation).Take(200).ToArray();
        Assert.True(routes.Length >= 200, $"only {routes.Length} traced issues");
        Assert.All(routes, route =>
        {
            // Frontline → liaison → the hub office, which asks the other department's head in writing before deciding.
            Assert.Equal((Step.HandedOver, ChannelKind.Liaison), (route[1].Kind, route[1].Channel));
            Assert.Equal((Step.Queued, body.Id), (route[2].Kind, route[2].Body));
            Assert.Equal(Step.Queued, route[4].Kind);
            Assert.Contains(route[4].Person, office);
            var decided = Array.FindIndex(route, s => s.Kind == Step.Decided);
            Assert.Equal((DecisionVenue.Concurrence, body.Id), (route[decided].Venue, route[decided].Body));
            Assert.Contains(route.Take(decided), s => s.Channel == ChannelKind.Record);
            Assert.All(route.Skip(decided + 1).Where(s => s.Kind == Step.Queued), s => Assert.Equal(body.Id, s.Body));
        });
    }

    [Fact]
    public void In_multi_level_task_forces_a_groups_contested_issue_is_decided_by_the_first_level_and_carried_out_by_the_group()
    {
        var p = TwoDepartments with { ContestedShare = 1 };
        var levels = Structure.TaskForceLevels();
        var organisation = levels.Organise(p);
        Assert.Equal(6, organisation.Bodies.Count);
        var first = organisation.Bodies[5];
        Assert.Equal(PersonId.GovernmentHead, first.Chair);
        var trace = new RouteRecorder();
        Simulation.RunTraced(levels, p, 5, trace, trace);

        var routes = trace.ResolvedById(organisation).Take(200).ToArray();
        Assert.True(routes.Length >= 200, $"only {routes.Length} traced issues");
        Assert.All(routes, r =>
        {
            var (outcome, route) = r;
            var group = new BodyId(outcome.Category % 5);
            Assert.Equal((Step.Queued, group), (route[2].Kind, route[2].Body));
            Assert.Equal((ChannelKind.Record, HopDirection.Up), (route[4].Channel, route[4].Direction));
            Assert.Equal((Step.Decided, DecisionVenue.Meeting, first.Id), (route[5].Kind, route[5].Venue, route[5].Body));
            Assert.All(route.Skip(6).Where(s => s.Kind == Step.Queued), s => Assert.Equal(group, s.Body));
        });
    }
}
