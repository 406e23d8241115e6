using CoordSim.Mechanisms;
using CoordSim.Metrics;
using CoordSim.Organisation;
using CoordSim.Structures;
using CoordSim.Tests.Validation;
using MathNet.Numerics.Distributions;

namespace CoordSim.Tests.Structures;

/// <summary>
/// The mechanisms of model v2 (docs/model.md §4–§5), each against a closed form or an exact count: consultation
/// rounds, deputies and body authority; time away from desks in meetings and briefs; seconded capacity that
/// returns home; progress reviews that decide nothing but press old items; emergencies that are phoned on and
/// skip levels; blame avoidance that responds to severity; crises.
/// </summary>
public class ModelV2MechanicsTests
{
    /// <summary>Cross-department issues that always involve exactly two departments (one partner to consult), quiet channels.</summary>
    private static readonly Parameters TwoDepartments = Parameters.Default with
    {
        CrossDepartmentShare = 0.5,
        MaxDepartmentsPerIssue = 2,
        ContestedShare = 0,
        ArrivalRate = 20,
        HorizonDays = 400,
    };

    [Theory]
    [InlineData(0.4, 3)]
    [InlineData(0.3, 2)]
    [InlineData(0.7, 1)]
    public void Consultation_rounds_with_one_partner_follow_a_geometric_law_truncated_at_the_rounds(double deflect, int rounds)
    {
        // One partner deflects each round with probability d: N rounds with P(N = r) = d^(r-1)(1 - d) for r < R and
        // P(N = R) = d^(R-1); E[N] = (1 - d^R)/(1 - d); the issue escalates when the R-th round is deflected too: d^R.
        var p = TwoDepartments with { DeflectProbability = deflect, ConsultationRounds = rounds };
        var recorder = new OutcomeRecorder();
        Simulation.Run(Structure.Hierarchy(), p, seed: 21, recorder);
        var consulted = recorder.Outcomes.Where(o => o.RequiredDepartments == 2).ToArray();
        Assert.True(consulted.Length > 2000, $"only {consulted.Length} issues");
        Assert.All(consulted, o => Assert.InRange(o.ConsultationRounds, 1, rounds));

        var observed = Enumerable.Range(1, rounds).Select(r => (long)consulted.Count(o => o.ConsultationRounds == r)).ToArray();
        var expected = Enumerable.Range(1, rounds).Select(r => r < rounds ? Math.Pow(deflect, r - 1) * (1 - deflect) : Math.Pow(deflect, rounds - 1)).ToArray();
        if (rounds > 1)
        {
            Significance.AssertNotRejected(Significance.ChiSquare(observed, expected), Significance.ValidationAlpha, "distribution of consultation rounds");
        }

        var mean = consulted.Average(o => o.ConsultationRounds);
        var expectedMean = (1 - Math.Pow(deflect, rounds)) / (1 - deflect);
        var variance = expected.Select((q, i) => q * (i + 1) * (i + 1)).Sum() - (expectedMean * expectedMean);
        if (rounds == 1)
        {
            Assert.Equal(1.0, mean);
        }
        else
        {
            Significance.AssertWithin(mean, expectedMean, Math.Sqrt(variance / consulted.Length), Significance.NormalCritical(Significance.ValidationAlpha), "mean rounds");
        }

        var escalated = consulted.Count(o => o.Venue is DecisionVenue.Deputy or DecisionVenue.GovernmentHead);
        Significance.AssertNotRejected(Significance.BinomialTwoSided(escalated, consulted.Length, Math.Pow(deflect, rounds)), Significance.ValidationAlpha, "escalated share d^R");
        Assert.All(consulted.Where(o => o.Venue == DecisionVenue.Concurrence), o => Assert.True(o.Consultation > 0));
    }

    [Fact]
    public void Without_deflection_every_consultation_takes_exactly_one_round_and_nothing_escalates()
    {
        var p = TwoDepartments with { DeflectProbability = 0, CrossDepartmentShare = 0.6, MaxDepartmentsPerIssue = 3, HorizonDays = 100 };
        var recorder = new OutcomeRecorder();
        Simulation.Run(Structure.Hierarchy(), p, seed: 22, recorder);
        var cross = recorder.Outcomes.Where(o => o.RequiredDepartments > 1).ToArray();
        Assert.NotEmpty(cross);
        Assert.All(cross, o =>
        {
            Assert.Equal(1, o.ConsultationRounds);
            Assert.Equal(DecisionVenue.Concurrence, o.Venue);
        });
        Assert.All(recorder.Outcomes.Where(o => o.RequiredDepartments == 1), o => Assert.Equal(DecisionVenue.Line, o.Venue));
    }

    [Fact]
    public void Consulted_departments_take_the_preparation_days_to_answer_routine_requests_and_answer_emergencies_at_once()
    {
        // One round (no deflection) with one partner: the trunk is parked for a record out, the partner head's queue
        // and service, the preparation (routine only) and a record back.
        var p = TwoDepartments with { DeflectProbability = 0, ConsultationDays = 2, HorizonDays = 100, FaultProbability = 0 };
        var recorder = new OutcomeRecorder();
        Simulation.Run(Structure.Hierarchy(), p, seed: 37, recorder);
        var cross = recorder.Outcomes.Where(o => o.RequiredDepartments == 2).ToArray();
        Assert.Contains(cross, o => o.Urgent);
        Assert.All(cross.Where(o => !o.Urgent), o => Assert.True(o.Consultation >= 2 + (2 * p.RecordDelay) - 1e-9, $"{o.Consultation}"));
        Assert.All(cross.Where(o => o.Urgent), o => Assert.True(o.Consultation < 2, $"{o.Consultation}"));
    }

    [Fact]
    public void Contested_issues_escalate_at_once_in_the_share_given()
    {
        var p = TwoDepartments with { ContestedShare = 0.2, DeflectProbability = 0, HorizonDays = 300 };
        var recorder = new OutcomeRecorder();
        Simulation.Run(Structure.Hierarchy(), p, seed: 23, recorder);
        var cross = recorder.Outcomes.Where(o => o.RequiredDepartments > 1).ToArray();
        var escalated = cross.Where(o => o.Venue != DecisionVenue.Concurrence).ToArray();
        Assert.All(escalated, o => Assert.Equal(0, o.ConsultationRounds));
        Significance.AssertNotRejected(Significance.BinomialTwoSided(escalated.Length, cross.Length, 0.2), Significance.ValidationAlpha, "contested share");
    }

    [Theory]
    [InlineData(0, DecisionVenue.GovernmentHead)]
    [InlineData(1, DecisionVenue.Deputy)]
    [InlineData(8, DecisionVenue.GovernmentHead)]
    public void Escalations_go_to_the_deputy_whose_portfolio_holds_every_department_else_to_the_head(int deputies, DecisionVenue venue)
    {
        // One deputy holds every department; eight deputies hold one each, so no two departments share one.
        var p = TwoDepartments with { ContestedShare = 1, Deputies = deputies, HorizonDays = 60 };
        var recorder = new OutcomeRecorder();
        var r = Simulation.Run(Structure.Hierarchy(), p, seed: 24, recorder);
        var cross = recorder.Outcomes.Where(o => o.RequiredDepartments > 1).ToArray();
        Assert.NotEmpty(cross);
        Assert.All(cross, o => Assert.Equal(venue, o.Venue));
        Assert.Equal(venue == DecisionVenue.GovernmentHead, r.Utilisation.GovernmentHead > 0);
    }

    [Fact]
    public void A_bodys_authority_lowers_the_deflection_in_its_offices_consultation()
    {
        // The leading group's office consults the partner with deflection d(1 - a): escalation to the agenda d^R (1 - a)^R.
        const double d = 0.6, a = 0.5;
        var p = TwoDepartments with { DeflectProbability = d, BodyAuthority = a, ConsultationRounds = 2, EscalationShare = 0, EscalationThreshold = 1000, HorizonDays = 300 };
        var recorder = new OutcomeRecorder();
        Simulation.Run(Structure.LeadingGroup(), p, seed: 25, recorder);
        var cross = recorder.Outcomes.Where(o => o.RequiredDepartments == 2 && o.ConsultationRounds > 0).ToArray();
        Assert.True(cross.Length > 1000, $"only {cross.Length}");
        var toAgenda = cross.Count(o => o.Venue == DecisionVenue.Meeting);
        var expected = Math.Pow(d * (1 - a), 2);
        Significance.AssertNotRejected(Significance.BinomialTwoSided(toAgenda, cross.Length, expected), Significance.ValidationAlpha, "deflected to the agenda");
        Assert.Equal(cross.Length - toAgenda, cross.Count(o => o.Venue == DecisionVenue.Concurrence));
    }

    [Fact]
    public void Time_away_from_the_desk_reduces_its_capacity_by_exactly_the_time_attended()
    {
        // One person, saturated (an issue every 1/200 day, two served a day), called away 0.3 days at days 1, 2, ..., 19.
        // The queue never empties after the first arrival, so the time the desk served plus the time away is exactly
        // the time since the first arrival, and nothing completes while the person is away.
        var p = Parameters.Default with
        {
            Departments = 1, Levels = 1, Span = 1, Deputies = 0, CrossDepartmentShare = 0, EmergencyShare = 0,
            ArrivalRate = 200, ServiceRate = 2, HeadServiceRate = 2, HorizonDays = 20, WarmupDays = 0,
        };
        var organisation = OrganisationBuilder.Hierarchy(p).Build();
        var policy = new AwayEveryDay(organisation.HeadOf(0), 0.3);
        var recorder = new OutcomeRecorder();
        var model = new CoordinationModel(organisation, p, policy, seed: 26, recorder);
        var r = model.Run("away");
        var desk = model.ReportDesk(new DeskId(organisation.HeadOf(0).Value));
        var first = recorder.Outcomes.Single(o => o.Id == 0).Arrival;

        Assert.Equal(19 * 0.3, r.Attendance.MeetingDays, 9);
        Assert.Equal(p.HorizonDays - first, (desk.BusyFraction * p.HorizonDays) + r.Attendance.MeetingDays, 9);
        Assert.Equal(1.0, r.Utilisation.Busiest, 2);
        var completions = recorder.Outcomes.Select(o => o.Arrival + o.Latency).ToArray();
        Assert.True(completions.Length > 20);
        Assert.DoesNotContain(completions, t => Enumerable.Range(1, 19).Any(k => t > k + 1e-9 && t < k + 0.3 - 1e-9));
    }

    [Fact]
    public void Briefs_and_meetings_of_a_task_force_cost_exactly_their_attendees_time()
    {
        // Briefs every 7 days from day 7: 52 in a year, 8 liaisons, an hour each: 52 person-days. Reviews every 7 days
        // (52) and consultation meetings every 30 days (12), half a day for the lead and 8 liaisons: 64 x 9 x 0.5 = 288.
        var p = Parameters.Default with { MinutesPerItem = 0, EmergencyMeeting = false };
        var r = Simulation.Run(Structure.TaskForce(), p, seed: 27);
        Assert.Equal(52 * 8 * 0.125, r.Attendance.ReportDays, 9);
        Assert.Equal(64 * 9 * 0.5, r.Attendance.MeetingDays, 9);
        Assert.Equal(64, r.Meetings);

        var free = Simulation.Run(Structure.TaskForce(), p with { ReportInterval = 0, MeetingDuration = 0 }, seed: 27);
        Assert.Equal(0, free.Attendance.ReportDays);
        Assert.Equal(0, free.Attendance.MeetingDays);
    }

    [Fact]
    public void A_long_agenda_makes_a_long_meeting()
    {
        // A leading group without an office takes every cross-department issue to its meetings: each meeting calls its
        // nine members away for meetingDuration + items x minutesPerItem / 480 days.
        var p = Parameters.Default with
        {
            OfficeStaff = 0, AgendaTrigger = 0, EmergencyMeeting = false, EscalationShare = 0, EscalationThreshold = 1000,
            PlenaryInterval = 30, AgendaCapacity = 1_000_000, MinutesPerItem = 4, HorizonDays = 200, WarmupDays = 0,
        };
        var recorder = new OutcomeRecorder();
        var r = Simulation.Run(Structure.LeadingGroup(), p, seed: 28, recorder);
        var decided = recorder.Outcomes.Count(o => o.Venue == DecisionVenue.Meeting);
        Assert.Equal(6, r.Meetings);
        // Every item decided at the six meetings was resolved by the horizon but those of the last meeting, still on their way down.
        var atMeetings = recorder.Outcomes.Where(o => o.Venue == DecisionVenue.Meeting).GroupBy(o => Math.Round(o.DecisionTime, 6)).ToArray();
        Assert.Equal(r.Meetings, atMeetings.Length);
        foreach (var meeting in atMeetings.Take(5))
        {
            var length = p.MeetingDuration + (meeting.Count() * p.MinutesPerItem / 480);
            var start = meeting.Key - length;
            Assert.Equal(Math.Round(start / 30) * 30, start, 5);
        }

        Assert.True(decided > 1000);
    }

    [Fact]
    public void Seconded_days_count_only_the_days_a_body_works()
    {
        // 73 members at half time: formed at day 100 and permanent, they hold 73 x 0.5 x 265 person-days of a year.
        var p = Parameters.Default with { FormationDelay = 100 };
        var r = Simulation.Run(Structure.TaskForce(), p, seed: 29);
        Assert.Equal(73 * 0.5 * 265, r.SecondedDays, 6);

        // Dissolved after one day (the first model kept 13,322 person-days here): one day, plus the days its desks
        // took to finish the items still at them.
        var brief = Simulation.Run(Structure.TaskForce(), Parameters.Default with { MissionDays = 1 }, seed: 29);
        Assert.InRange(brief.SecondedDays, 73 * 0.5 * 1, 73 * 0.5 * 10);
    }

    [Fact]
    public void A_dissolved_bodys_members_serve_at_their_full_home_rate_and_leave_again_on_restart()
    {
        var p = Parameters.Default with { MissionDays = 40, RestartAfter = 30, HorizonDays = 60, SwitchingOverhead = 0 };
        var (organisation, policy) = Structure.TaskForce().Build(p);
        var model = new CoordinationModel(organisation, p, policy, seed: 30);
        model.Run("task-force");
        var seconded = organisation.Desks.Where(d => d.Body is not null).Select(d => d.Person).Distinct().ToArray();
        Assert.Equal(73, seconded.Length);
        // At day 60 the body has been dissolved since day 40 (restart due at day 70): home desks are back to full rate.
        Assert.All(seconded, person => Assert.Equal(organisation.ServiceRateOf(person), model.DeskRate(new DeskId(person.Value)), 9));

        var (again, policy2) = Structure.TaskForce().Build(p with { HorizonDays = 80 });
        var restarted = new CoordinationModel(again, p with { HorizonDays = 80 }, policy2, seed: 30);
        restarted.Run("task-force");
        Assert.All(seconded, person => Assert.Equal(again.ServiceRateOf(person) * 0.5, restarted.DeskRate(new DeskId(person.Value)), 9));
    }

    [Fact]
    public void Capacity_a_body_gives_back_speeds_up_the_service_in_hand_and_the_work_done_stays_the_same()
    {
        // One person, half seconded to a body, serves one issue at the home desk at half rate: D days. Released in the
        // middle of that service at time t, the rest of it runs at full rate: it ends at t + (a + D - t) / 2. The
        // person-days of work are D / 2 either way (half rate for D days, or half rate then full rate for less), so a
        // person never serves above their capacity.
        var p = Parameters.Default with
        {
            Departments = 1, Levels = 1, Span = 1, Deputies = 0, CrossDepartmentShare = 0, EmergencyShare = 0,
            MaxIssues = 1, HorizonDays = 100, WarmupDays = 0,
        };

        (RunResult Result, IssueOutcome Outcome) RunReleasingAt(double release)
        {
            var builder = OrganisationBuilder.Hierarchy(p);
            var person = builder.HeadOf(0);
            var (body, _) = builder.AddBody("body", person, [person], [(person, 0.5)], ChannelKind.Meeting);
            var organisation = builder.Build();
            var recorder = new OutcomeRecorder();
            var model = new CoordinationModel(organisation, p, new ReleaseBodyAt(person, body.Id, release), seed: 36, recorder);
            var result = model.Run("release");
            return (result, recorder.Outcomes.Single());
        }

        var (kept, whole) = RunReleasingAt(double.PositiveInfinity);
        var half = whole.Arrival + (whole.Latency / 2);
        var (released, sped) = RunReleasingAt(half);

        Assert.Equal(whole.Latency, whole.Service, 12);
        Assert.Equal(whole.Arrival, sped.Arrival);
        Assert.Equal(half + ((whole.Arrival + whole.Latency - half) / 2), sped.Arrival + sped.Latency, 9);
        Assert.Equal(sped.Latency, sped.Service, 9);
        Assert.Equal(whole.Latency / 2, kept.StaffDays, 9);
        Assert.Equal(kept.StaffDays, released.StaffDays, 9);
    }

    [Fact]
    public void Progress_reviews_decide_nothing()
    {
        // Nothing contested and no emergencies: every task-force issue is settled on the spot at a desk, and the 52 weekly
        // reviews (plus 12 empty consultation meetings) decide none of them; no decision falls on a review's instant.
        var p = Parameters.Default with { ContestedShare = 0, EmergencyShare = 0, HorizonDays = 365 };
        var recorder = new OutcomeRecorder();
        var r = Simulation.Run(Structure.TaskForce(), p, seed: 31, recorder);
        Assert.Equal(64, r.Meetings);
        var cross = recorder.Outcomes.Where(o => o.RequiredDepartments > 1).ToArray();
        Assert.NotEmpty(cross);
        Assert.All(cross, o => Assert.Equal(DecisionVenue.BodyDesk, o.Venue));
        Assert.DoesNotContain(recorder.Outcomes, o => o.Venue == DecisionVenue.Meeting);
        Assert.DoesNotContain(recorder.Outcomes, o => Math.Abs((o.DecisionTime / 7) - Math.Round(o.DecisionTime / 7)) < 1e-12 && o.DecisionTime > 0);
    }

    [Fact]
    public void Pressure_puts_an_old_issues_waiting_items_first_in_its_desks_queue()
    {
        // One person and three issues arriving at once: the first is served, the second and third wait. Pressing the
        // third issue's items moves it ahead of the second.
        var p = Parameters.Default with
        {
            Departments = 1, Levels = 1, Span = 1, Deputies = 0, CrossDepartmentShare = 0, EmergencyShare = 0,
            ArrivalRate = 1e5, ServiceRate = 1, HeadServiceRate = 1, MaxIssues = 3, HorizonDays = 100, WarmupDays = 0,
        };
        var organisation = OrganisationBuilder.Hierarchy(p).Build();
        var recorder = new OutcomeRecorder();
        var model = new CoordinationModel(organisation, p, new PressLastIssue(), seed: 32, recorder);
        model.Run("press");
        Assert.Equal([0L, 2L, 1L], recorder.Outcomes.Select(o => o.Id));
    }

    [Fact]
    public void Emergencies_are_phoned_on_and_skip_a_level_on_the_way_up()
    {
        // A single-department emergency climbs 0 -> 2 -> 3 (two hops instead of three) and descends 3 -> 2 -> 1 -> 0,
        // each hop taking the emergency delay instead of the relay's quarter day.
        var p = Parameters.Default with { HorizonDays = 60 };
        var recorder = new OutcomeRecorder();
        Simulation.Run(Structure.Hierarchy(), p, seed: 33, recorder);
        var emergencies = recorder.Outcomes.Where(o => o.Urgent && o.RequiredDepartments == 1).ToArray();
        Assert.NotEmpty(emergencies);
        Assert.All(emergencies, o =>
        {
            Assert.Equal(5, o.Hops);
            Assert.Equal(5 * p.EmergencyDelay, o.Transmission, 12);
        });
        Assert.All(recorder.Outcomes.Where(o => !o.Urgent && o.RequiredDepartments == 1), o => Assert.Equal(6 * p.TransmissionDelay, o.Transmission, 12));
    }

    [Fact]
    public void Member_heads_escalate_what_they_perceive_as_severe()
    {
        // Quiet channels: the head perceives |x0| exactly, so with no base share it escalates a single-department issue
        // with probability P(|Z| > t) = 2(1 - Phi(t)). Every issue is followed until it is resolved (escalated ones wait
        // for meetings), so the resolved issues are all the issues.
        const double t = 1.0;
        var p = Parameters.Default with
        {
            NoiseSigma = 0, DropProbability = 0, UpwardBias = 0, EscalationShare = 0, EscalationThreshold = t, MaxIssues = 4000, HorizonDays = 10_000,
        };
        var recorder = new OutcomeRecorder();
        Simulation.Run(Structure.LeadingGroup(), p, seed: 34, recorder);
        var single = recorder.Outcomes.Where(o => o.RequiredDepartments == 1).ToArray();
        var escalated = single.Count(o => o.Escalated);
        var expected = 2 * (1 - Normal.CDF(0, 1, t));
        Significance.AssertNotRejected(Significance.BinomialTwoSided(escalated, single.Length, expected), Significance.ValidationAlpha, "escalated by severity");
    }

    [Fact]
    public void A_task_force_whose_members_are_not_co_located_relays_through_its_liaisons_to_the_lead()
    {
        // Frontline -> liaison -> lead (relay) -> liaison (relay) -> executor (relay): four hops, decided at the lead's desk.
        var p = Parameters.Default with { CoLocated = false, ContestedShare = 0, EmergencyShare = 0, TaskForces = 8, HorizonDays = 60, WarmupDays = 0 };
        var recorder = new OutcomeRecorder();
        Simulation.Run(Structure.TaskForce(), p, seed: 35, recorder);
        var cross = recorder.Outcomes.Where(o => o.RequiredDepartments > 1).ToArray();
        Assert.NotEmpty(cross);
        Assert.All(cross, o =>
        {
            Assert.Equal(4, o.Hops);
            Assert.Equal(DecisionVenue.BodyDesk, o.Venue);
        });
    }

    [Fact]
    public void A_body_formed_on_a_crisis_works_only_while_the_crisis_lasts()
    {
        var p = Parameters.Default with
        {
            CrisisStart = 40, CrisisDays = 30, CrisisMultiplier = 2, CrisisEmergencyShare = 0.3, FormOn = FormationTrigger.Crisis, HorizonDays = 120,
        };
        var recorder = new OutcomeRecorder();
        var r = Simulation.Run(Structure.CommandHeadquarters(), p, seed: 36, recorder);
        var handled = recorder.Outcomes.Where(o => o.Venue == DecisionVenue.BodyDesk).ToArray();
        Assert.NotEmpty(handled);
        Assert.All(handled, o => Assert.InRange(o.Arrival, 40, 70));
        Assert.All(recorder.Outcomes.Where(o => o.Crisis), o => Assert.Equal(DecisionVenue.BodyDesk, o.Venue));
        Assert.All(recorder.Outcomes.Where(o => o.Arrival < 40 || o.Arrival >= 70), o => Assert.False(o.Crisis));
        Assert.Equal(0, r.SecondedDays);
    }

    /// <summary>The hierarchy, with its one person called away for <paramref name="days"/> at days 1, 2, ….</summary>
    private sealed class AwayEveryDay(PersonId person, double days) : RoutingPolicy
    {
        public override void Initialise(CoordinationModel model) => model.ScheduleTimer(TimerKind.Report, 1, 0);

        public override void Discovered(CoordinationModel model, ItemId item) => model.Enqueue(item, new DeskId(person.Value));

        public override void Served(CoordinationModel model, ItemId item, DeskId desk) => model.CompleteBranch(item);

        public override void Timer(CoordinationModel model, TimerKind kind, int subject, int data)
        {
            model.CallAway(person, days, Attendance.Meeting);
            model.ScheduleTimer(TimerKind.Report, model.Now + 1, 0);
        }

        public override void AssignResponsibility(CoordinationModel model, IssueId issue, AccountabilityWeights weights) =>
            weights.Add(person, 1);
    }

    /// <summary>Every issue to the person's home desk; the body gives its capacity back at <c>release</c> (never if infinite).</summary>
    private sealed class ReleaseBodyAt(PersonId person, BodyId body, double release) : RoutingPolicy
    {
        public override void Initialise(CoordinationModel model)
        {
            if (double.IsFinite(release))
            {
                model.ScheduleTimer(TimerKind.Report, release, 0);
            }
        }

        public override void Discovered(CoordinationModel model, ItemId item) => model.Enqueue(item, new DeskId(person.Value));

        public override void Served(CoordinationModel model, ItemId item, DeskId desk) => model.CompleteBranch(item);

        public override void Timer(CoordinationModel model, TimerKind kind, int subject, int data) => model.ReleaseBody(body);

        public override void AssignResponsibility(CoordinationModel model, IssueId issue, AccountabilityWeights weights) =>
            weights.Add(person, 1);
    }

    /// <summary>Every issue to person 1; shortly after the third arrives, its issue is pressed.</summary>
    private sealed class PressLastIssue : RoutingPolicy
    {
        private int _discovered;

        public override void Discovered(CoordinationModel model, ItemId item)
        {
            model.Enqueue(item, new DeskId(1));
            if (++_discovered == 3)
            {
                model.Pressure(model.IssueOf(item));
                model.ApplyPressure();
            }
        }

        public override void Served(CoordinationModel model, ItemId item, DeskId desk) => model.CompleteBranch(item);

        public override void AssignResponsibility(CoordinationModel model, IssueId issue, AccountabilityWeights weights) =>
            weights.Add(new PersonId(1), 1);
    }
}
