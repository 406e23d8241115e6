using CoordSim.Metrics;
using CoordSim.Mechanisms;
using CoordSim.Structures;

namespace CoordSim.Tests.Structures;

public class BodyMechanicsTests
{
    private static readonly Parameters Small = Parameters.Default with { HorizonDays = 240, ArrivalRate = 20 };

    [Fact]
    public void Without_a_binding_capacity_the_mean_wait_for_a_meeting_every_T_days_is_T_over_2()
    {
        // Items reach the agenda at times unrelated to the meeting clock, so their wait is uniform on
        // [0, T): mean T/2, standard deviation T/sqrt(12). Tolerance: 4 standard errors of the sample mean.
        // No office (every referred issue goes on the agenda), no special meetings, meetings that take no time.
        const double T = 20;
        var p = Small with
        {
            PlenaryInterval = T,
            OfficeStaff = 0,
            AgendaTrigger = 0,
            MeetingDuration = 0,
            MinutesPerItem = 0,
            AgendaCapacity = 1_000_000,
            EmergencyMeeting = false,
            EscalationShare = 0,
            EscalationThreshold = 1000,
            HorizonDays = 1000,
            WarmupDays = 40,
        };
        var recorder = new OutcomeRecorder();
        Simulation.Run(Structure.LeadingGroup(), p, seed: 11, recorder);
        var waits = recorder.Outcomes.Where(o => o.RequiredDepartments > 1).Select(o => o.MeetingWait).ToArray();
        Assert.True(waits.Length > 3000, $"only {waits.Length} agenda items");
        var mean = waits.Average();
        var standardError = T / Math.Sqrt(12) / Math.Sqrt(waits.Length);
        Assert.InRange(mean, (T / 2) - (4 * standardError), (T / 2) + (4 * standardError));
        Assert.All(waits, w => Assert.InRange(w, 0, T));
    }

    [Theory]
    [InlineData(0.6)]
    [InlineData(0.9)]
    public void Lead_share_shows_up_exactly_in_the_task_force_weights(double rho)
    {
        var p = Small with { LeadShare = rho, HorizonDays = 60 };
        var recorder = new OutcomeRecorder();
        Simulation.Run(Structure.TaskForce(), p, seed: 3, recorder);
        var crossDepartment = recorder.Outcomes.Where(o => o.RequiredDepartments > 1).ToArray();
        Assert.NotEmpty(crossDepartment);
        foreach (var o in crossDepartment)
        {
            // Lead rho; each of the K executors (1 - rho) / K.
            var k = o.RequiredDepartments;
            var executor = (1 - rho) / k;
            var expected = 1 / ((rho * rho) + (k * executor * executor));
            Assert.Equal(expected, o.EffectiveAccountable, 10);
        }
    }

    [Fact]
    public void The_responsibility_rule_changes_who_answers_but_not_what_happens_when_effort_feedback_is_off()
    {
        var p = Small with { HorizonDays = 90, EffortElasticity = 0 };
        var named = new BodyStructure("named", "test", BodyDesign.TaskForce);
        var collective = new BodyStructure("collective", "test", q => BodyDesign.TaskForce(q) with { Collectivity = 1 });
        var a = Simulation.Run(named, p, 5);
        var b = Simulation.Run(collective, p, 5);
        Assert.Equal(a.Latency, b.Latency);
        Assert.Equal(a.Distortion, b.Distortion);
        Assert.True(b.Responsibility.EffectiveCount > a.Responsibility.EffectiveCount + 1);
    }

    [Fact]
    public void A_one_member_collective_body_answers_like_the_individual_one()
    {
        // A commander whose headquarters holds nobody but the commander: collective responsibility over
        // a single member equals the named rule once the handlers outside the body are left out.
        var p = Small with { HorizonDays = 60, EmergencyShare = 0.3 };
        var individual = Simulation.Run(Structure.CommandHeadquarters(), p, 8);
        var collective = Simulation.Run(
            new BodyStructure("hq-collective", "test", q => BodyDesign.CommandHeadquarters(q) with { Collectivity = 1 }), p, 8);
        Assert.Equal(individual.Latency, collective.Latency);
        var recorder = new OutcomeRecorder();
        Simulation.Run(Structure.CommandHeadquarters(), p, 8, recorder);
        Assert.Contains(recorder.Outcomes, o => o.Urgent);
        Assert.All(recorder.Outcomes.Where(o => o.Urgent), o => Assert.Equal(1.0, o.EffectiveAccountable, 12));
    }

    [Fact]
    public void Blame_avoidance_escalates_the_configured_share_and_swells_the_agenda()
    {
        // Every cross-department issue on the agenda (no office) and escalation by the base share only.
        var p = Small with { OfficeStaff = 0, EscalationThreshold = 1000 };
        var without = Simulation.Run(Structure.LeadingGroup(), p with { EscalationShare = 0 }, 2);
        var with = Simulation.Run(Structure.LeadingGroup(), p with { EscalationShare = 0.2 }, 2);
        Assert.Equal(0, without.Responsibility.EscalatedShare);

        // Expected escalated share of the agenda: e*(1-x) / (x + e*(1-x)) for escalation e and cross share x.
        const double e = 0.2;
        var x = Small.CrossDepartmentShare;
        var expected = e * (1 - x) / (x + (e * (1 - x)));
        Assert.InRange(with.Responsibility.EscalatedShare, expected - 0.05, expected + 0.05);
    }

    [Fact]
    public void Seconded_members_home_desks_lose_exactly_the_seconded_share()
    {
        var p = Parameters.Default with { SecondmentShare = 0.3, SwitchingOverhead = 0 };
        var (organisation, _) = Structure.TaskForce().Build(p);
        var bodyDesks = organisation.Desks.Where(d => d.Body is not null).ToArray();
        Assert.NotEmpty(bodyDesks);
        foreach (var desk in bodyDesks)
        {
            Assert.Equal(0.3, desk.Share, 12);
            Assert.Equal(0.7, organisation.HomeDesk(desk.Person).Share, 12);
        }
    }

    [Fact]
    public void Officials_on_several_task_forces_split_their_seconded_share_and_pay_switching_overhead()
    {
        const double gamma = 0.2;
        var p = Parameters.Default with { TaskForces = 4, MembershipsPerPerson = 2, SecondmentShare = 0.5, SwitchingOverhead = gamma };
        var (organisation, _) = Structure.TaskForce().Build(p);
        Assert.Equal(4, organisation.Bodies.Count);
        var shared = organisation.Desks.Where(d => d.Body is not null).GroupBy(d => d.Person).Where(g => g.Count() == 2).ToArray();
        Assert.NotEmpty(shared);
        foreach (var person in shared)
        {
            Assert.All(person, d => Assert.Equal(0.25 * (1 - gamma), d.Share, 12));
            Assert.Equal(0.5 * (1 - gamma), organisation.HomeDesk(person.Key).Share, 12);
        }
    }

    [Fact]
    public void Before_formation_and_after_dissolution_issues_follow_the_hierarchy()
    {
        var p = Small with { FormationDelay = 30, MissionDays = 30, HorizonDays = 120 };
        var recorder = new OutcomeRecorder();
        Simulation.Run(Structure.TaskForce(), p, 4, recorder);

        // Cross-department issues discovered outside the task force's window are decided by the hierarchy (by
        // concurrence or by a deputy or the head); inside it by the task force (on the spot, or at its meeting).
        var cross = recorder.Outcomes.Where(o => o.RequiredDepartments > 1 && !o.Urgent).ToArray();
        var outside = cross.Where(o => o.Arrival < 30 || o.Arrival >= 60).ToArray();
        var inside = cross.Where(o => o.Arrival >= 30 && o.Arrival < 60).ToArray();
        Assert.NotEmpty(outside);
        Assert.NotEmpty(inside);
        Assert.All(outside, o => Assert.Contains(o.Venue, new[] { DecisionVenue.Concurrence, DecisionVenue.Deputy, DecisionVenue.GovernmentHead }));
        Assert.All(inside, o => Assert.Contains(o.Venue, new[] { DecisionVenue.BodyDesk, DecisionVenue.Meeting }));
        Assert.All(inside.Where(o => o.Venue == DecisionVenue.BodyDesk), o => Assert.True(o.EffectiveAccountable < 3));
    }

    [Fact]
    public void Experts_reduce_the_decision_error()
    {
        var p = Small with { NoiseSigma = 0, DropProbability = 0, UpwardBias = 0, LateralNoiseSigma = 0, LateralDropProbability = 0, RecordNoiseSigma = 0, RecordDropProbability = 0, MeetingNoiseSigma = 0, MeetingDropProbability = 0, DecisionNoiseSigma = 0.3, FaultProbability = 0 };
        var none = new OutcomeRecorder();
        var many = new OutcomeRecorder();
        Simulation.Run(Structure.TaskForce(), p with { Experts = 0 }, 6, none);
        Simulation.Run(Structure.TaskForce(), p with { Experts = 8 }, 6, many);
        double Mean(OutcomeRecorder r) => r.Outcomes.Where(o => o.RequiredDepartments > 1).Average(o => o.Distortion);

        // Only the decision adds error here; eight experts divide its standard deviation by 3.
        Assert.InRange(Mean(none) / Mean(many), 2.5, 3.5);
    }

    [Fact]
    public void A_progress_review_presses_only_its_own_bodys_old_issues()
    {
        // A task force whose scope is department 63, which a run of 8 departments does not have: no issue is ever at
        // the body, so its reviews (every 2 days, pressing what is older than a day) press nothing, and the run is the
        // one whose reviews press nothing (pressure age 3650 days), outcome for outcome. With its whole scope the same
        // reviews do change the run, so the comparison can fail.
        var p = Small with { HorizonDays = 60, WarmupDays = 0, FaultProbability = 0, DispatchInterval = 2, DispatchPressureAge = 1 };
        var nothingInScope = ((BodyStructure)Structure.TaskForce()).WithBody(BodySetting.Create("departments", "63"));
        var inScope = (BodyStructure)Structure.TaskForce();

        IssueOutcome[] Outcomes(Structure s, Parameters q)
        {
            var recorder = new OutcomeRecorder();
            Simulation.Run(s, q, 12, recorder);
            return recorder.Outcomes.ToArray();
        }

        var neverPressed = p with { DispatchPressureAge = 3650 };
        Assert.Equal(Outcomes(nothingInScope, neverPressed), Outcomes(nothingInScope, p));
        Assert.NotEqual(Outcomes(inScope, neverPressed), Outcomes(inScope, p));
    }

    [Fact]
    public void Supervision_speeds_up_the_laggard_for_its_duration_only()
    {
        var p = Small with { SupervisionInterval = 10, SupervisionBoost = 1.0, SupervisionDuration = 5, HorizonDays = 100 };
        var (organisation, policy) = Structure.TaskForce().Build(p);
        var model = new CoordinationModel(organisation, p, policy, 9);
        var before = organisation.Desks.Where(d => d.Body is not null).Select(d => model.DeskRate(d.Id)).ToArray();
        model.Run("task-force");
        var after = organisation.Desks.Where(d => d.Body is not null).Select(d => model.DeskRate(d.Id)).ToArray();

        // Inspections come at 10, 20, ..., 100 and each boost lasts 5 days, so at the horizon only the boost
        // given at day 100 can still be in force: at most one desk per body, doubled, and every other desk restored.
        var boosted = before.Zip(after).Count(x => Math.Abs(x.Second - x.First) > 1e-9);
        Assert.InRange(boosted, 0, organisation.Bodies.Count);
        Assert.All(before.Zip(after), x => Assert.True(Math.Abs(x.Second - x.First) < 1e-9 || Math.Abs(x.Second - (2 * x.First)) < 1e-9));
    }

    [Fact]
    public void A_department_with_fewer_frontline_people_than_executors_seconds_each_person_once()
    {
        // Span 1: one frontline person per department; eight executors per department would otherwise be
        // eight memberships of one person, paying switching overhead seven times over.
        var p = Parameters.Default with { Span = 1, Levels = 3, ExecutorsPerDepartment = 8 };
        var (organisation, _) = Structure.TaskForce().Build(p);
        var executorDesks = organisation.Desks.Where(d => d.Body is not null && organisation.LevelOf(d.Person) == 0).ToArray();
        Assert.Equal(p.Departments, executorDesks.Length);
        Assert.Equal(executorDesks.Length, executorDesks.Select(d => d.Person).Distinct().Count());
    }

    [Theory]
    [InlineData(4, 8)]
    [InlineData(4, 3)]
    [InlineData(2, 8)]
    public void In_two_level_departments_the_liaison_is_not_also_an_executor(int span, int executors)
    {
        var p = Parameters.Default with { Levels = 2, Span = span, ExecutorsPerDepartment = executors };
        var (organisation, _) = Structure.TaskForce().Build(p);
        var bodyDesks = organisation.Desks.Where(d => d.Body is not null).ToArray();

        // One desk per person per body: nobody holds two seconded roles in the same task force.
        Assert.Equal(bodyDesks.Length, bodyDesks.Select(d => (d.Person, d.Body)).Distinct().Count());
        var perDepartment = bodyDesks.Where(d => organisation.LevelOf(d.Person) == 0).GroupBy(d => organisation.DepartmentOf(d.Person));
        Assert.All(perDepartment, g => Assert.Equal(Math.Min(executors, span - 1) + 1, g.Count()));
    }
}
