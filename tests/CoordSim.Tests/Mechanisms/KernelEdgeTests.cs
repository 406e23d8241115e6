using CoordSim.Mechanisms;
using CoordSim.Metrics;
using CoordSim.Organisation;
using CoordSim.Tests.Structures;

namespace CoordSim.Tests.Mechanisms;

/// <summary>
/// Edges of the run kernel that no structure of the catalog reaches, found by mutation testing (docs/validation.md,
/// "Mechanisms and Simulation.cs, a sample"): an issue's log longer than the room first set aside for it, the error
/// a routing policy gets when it hands items to the routing without receiving them, a call away from the desk that
/// lasts no time, and the faults of an earlier issue left in a reused slot's log.
/// </summary>
public class KernelEdgeTests
{
    // Two departments of one person each; every issue stays in its own department.
    private static readonly Parameters TwoHeads = Parameters.Default with
    {
        Departments = 2, Levels = 1, Span = 1, Deputies = 0, CrossDepartmentShare = 0, EmergencyShare = 0,
        ArrivalRate = 1.5, ServiceRate = 1, HeadServiceRate = 1, MaxIssues = 400, HorizonDays = 1e6, WarmupDays = 0,
        FaultProbability = 0,
    };

    [Fact]
    public void A_log_longer_than_its_first_room_keeps_every_entry_of_every_issue()
    {
        // The kernel sets aside (levels + 1) × (departments an issue may need + 1) = 2 × 3 = 6 entries per issue and
        // doubles that when a log outgrows it. Each issue here logs 10 visits at discovery, all by the head of the
        // department its slot's parity picks, then waits at that head's desk, where the service adds an 11th. With
        // arrivals at 1.5 a day against two desks serving 1 a day, issues in neighbouring slots are often in flight
        // together, so a log written past its room would overwrite a neighbour's entries, which name the other head.
        var organisation = OrganisationBuilder.Hierarchy(TwoHeads).Build();
        var policy = new LongLogs(organisation.HeadOf(0), organisation.HeadOf(1), visits: 10);
        var recorder = new OutcomeRecorder();
        new CoordinationModel(organisation, TwoHeads, policy, 81, recorder).Run("long logs");

        Assert.Equal(TwoHeads.MaxIssues, recorder.Outcomes.Count);
        Assert.Equal(TwoHeads.MaxIssues, policy.Checked);
        Assert.True(policy.Overlapping > 50, $"only {policy.Overlapping} issues met another in flight: the test would not see an overwrite");
        Assert.Empty(policy.Wrong);
    }

    [Fact]
    public void A_policy_that_hands_items_to_the_routing_must_receive_them()
    {
        var organisation = OrganisationBuilder.Hierarchy(TwoHeads).Build();
        var policy = new SendsWithoutReceiving(organisation.HeadOf(0));
        var error = Assert.Throws<InvalidOperationException>(() =>
            new CoordinationModel(organisation, TwoHeads, policy, 82, new OutcomeRecorder()).Run("no receiver"));
        Assert.Equal($"SendsWithoutReceiving sent item {policy.FirstSent} to the routing but receives nothing.", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_call_away_of_no_time_changes_nothing(double days)
    {
        // Each issue's head is called away for `days` just before the issue reaches their desk. A call of no length
        // (or an undefined or negative one, which no caller should make) must leave the run exactly as without it:
        // no pause, no time away counted, no extra event.
        var organisation = OrganisationBuilder.Hierarchy(TwoHeads).Build();
        var without = new OutcomeRecorder();
        var plain = new CoordinationModel(organisation, TwoHeads, new CallsAway(organisation.HeadOf(0), organisation.HeadOf(1), null), 83, without).Run("calls");
        var with = new OutcomeRecorder();
        var called = new CoordinationModel(organisation, TwoHeads, new CallsAway(organisation.HeadOf(0), organisation.HeadOf(1), days), 83, with).Run("calls");

        Assert.Equal(without.Outcomes, with.Outcomes);
        Assert.Equal(RunResultJson.Serialize(plain), RunResultJson.Serialize(called));
    }

    [Fact]
    public void Blame_counts_only_the_faults_of_the_issue_itself_not_those_left_in_its_slot()
    {
        // Every service is a fault (probability 1, a shirk of 40 days past the 30-day deadline, so every issue
        // fails and blame is taken). Issues with an even id log a visit by head 0, then are served by head 1: log
        // [head 0, head 1 faulted]. Issues with an odd id are served by head 0 alone: log [head 0 faulted]. Each
        // issue's formal weights, and so its blame, are 1/2 on each head. The people who faulted on an issue hold
        // exactly 1/2 of its blame in both kinds; an odd issue in a slot that an even one used before it would hold
        // 1 if the faulted entry left one past its own log were read as its own.
        var p = TwoHeads with { FaultProbability = 1, ShirkDelay = 40, FaultError = 0, RoutineDeadline = 30, ArrivalRate = 0.5 };
        var organisation = OrganisationBuilder.Hierarchy(p).Build();
        var recorder = new OutcomeRecorder();
        new CoordinationModel(organisation, p, new TwoKindsOfRoute(organisation.HeadOf(0), organisation.HeadOf(1)), 84, recorder).Run("stale faults");

        Assert.Equal(p.MaxIssues, recorder.Outcomes.Count);
        Assert.True(recorder.Outcomes.Count(o => o.Id % 2 == 1) > 100);
        Assert.All(recorder.Outcomes, o =>
        {
            Assert.Equal(1.0, o.Blame, 12);
            Assert.Equal(0.5, o.BlameOnFaulters, 12);
        });
    }

    /// <summary>Even ids: a visit by <c>first</c>, then service by <c>second</c>; odd ids: service by <c>first</c>.</summary>
    private sealed class TwoKindsOfRoute(PersonId first, PersonId second) : RoutingPolicy
    {
        public override void Discovered(CoordinationModel model, ItemId item)
        {
            if (model.IdOf(model.IssueOf(item)) % 2 == 0)
            {
                model.LogVisit(item, first, WorkRole.Relay, 0);
                model.Enqueue(item, new DeskId(second.Value));
            }
            else
            {
                model.Enqueue(item, new DeskId(first.Value));
            }
        }

        public override void Served(CoordinationModel model, ItemId item, DeskId desk) => model.CompleteBranch(item);

        public override void AssignResponsibility(CoordinationModel model, IssueId issue, AccountabilityWeights weights)
        {
            weights.Add(first, 0.5);
            weights.Add(second, 0.5);
        }
    }

    /// <summary>
    /// A policy that gives each issue to one of two heads by its slot's parity, so that issues in neighbouring slots
    /// belong to different heads; that head answers for the issue alone.
    /// </summary>
    private abstract class HeadPerSlotParity(PersonId even, PersonId odd) : RoutingPolicy
    {
        protected PersonId Even => even;

        protected PersonId Odd => odd;

        protected PersonId HeadFor(IssueId issue) => issue.Value % 2 == 0 ? even : odd;

        public override void AssignResponsibility(CoordinationModel model, IssueId issue, AccountabilityWeights weights) =>
            weights.Add(HeadFor(issue), 1);
    }

    /// <summary>Each issue to its head's desk, with the head first called away for <c>days</c> unless that is null.</summary>
    private sealed class CallsAway(PersonId even, PersonId odd, double? days) : HeadPerSlotParity(even, odd)
    {
        public override void Discovered(CoordinationModel model, ItemId item)
        {
            var head = HeadFor(model.IssueOf(item));
            if (days is { } d)
            {
                model.CallAway(head, d, Attendance.Meeting);
            }

            model.Enqueue(item, new DeskId(head.Value));
        }

        public override void Served(CoordinationModel model, ItemId item, DeskId desk) => model.CompleteBranch(item);
    }

    /// <summary>Logs <c>visits</c> visits by one head per issue, then has that head serve it once and completes it.</summary>
    private sealed class LongLogs(PersonId even, PersonId odd, int visits) : HeadPerSlotParity(even, odd)
    {
        public int Checked { get; private set; }

        public int Overlapping { get; private set; }

        public List<string> Wrong { get; } = [];

        public override void Discovered(CoordinationModel model, ItemId item)
        {
            var issue = model.IssueOf(item);
            var head = HeadFor(issue);
            for (var i = 0; i < visits; i++)
            {
                model.LogVisit(item, head, WorkRole.Relay, i);
            }

            model.Enqueue(item, new DeskId(head.Value));
        }

        public override void Served(CoordinationModel model, ItemId item, DeskId desk)
        {
            var issue = model.IssueOf(item);
            var head = HeadFor(issue);
            if (model.QueueLength(new DeskId(Even.Value)) + model.QueueLength(new DeskId(Odd.Value)) > 1)
            {
                Overlapping++;
            }

            var count = model.LogCount(issue);
            if (count != visits + 1)
            {
                Wrong.Add($"issue in slot {issue.Value}: {count} entries, not {visits + 1}");
            }

            for (var i = 0; i < count; i++)
            {
                var entry = model.LogAt(issue, i);
                if (entry.Person != head || (i < visits && entry.Delay != i))
                {
                    Wrong.Add($"issue in slot {issue.Value}, entry {i}: person {entry.Person.Value}, delay {entry.Delay}");
                }
            }

            Checked++;
            model.CompleteBranch(item);
        }
    }

    /// <summary>Hands every new issue to the routing, and does not override <see cref="RoutingPolicy.Received"/>.</summary>
    private sealed class SendsWithoutReceiving(PersonId head) : RoutingPolicy
    {
        public int FirstSent { get; private set; } = -1;

        public override void Discovered(CoordinationModel model, ItemId item)
        {
            if (FirstSent < 0)
            {
                FirstSent = item.Value;
            }

            model.SendToRouting(item, ChannelKind.Record, HopDirection.Lateral);
        }

        public override void Served(CoordinationModel model, ItemId item, DeskId desk) => model.CompleteBranch(item);

        public override void AssignResponsibility(CoordinationModel model, IssueId issue, AccountabilityWeights weights) =>
            weights.Add(head, 1);
    }
}
