using CoordSim.Mechanisms;
using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// The routing of the strict hierarchy (docs/model.md §4.1), also used by other structures for the issues they
/// leave to the line. A single-department issue climbs to the level that decides it and the decision goes back
/// down. A cross-department issue climbs to its primary department's head, who consults the other departments'
/// heads head to head in writing (会签): each concurs or deflects; after rounds without agreement, or at once for
/// a contested issue, it escalates to the deputy in charge whose portfolio holds every department, else to the
/// government head, who decide at a principal's capacity. The decision then goes down each department's chain.
/// Emergencies are phoned on and may skip levels on the way up.
/// </summary>
internal class HierarchyRouting : RoutingPolicy
{
    /// <summary>Creates the routing for <paramref name="organisation"/>.</summary>
    public HierarchyRouting(Organisation.Organisation organisation, HierarchySettings settings)
    {
        Organisation = organisation;
        Settings = settings;

        // An organisation with fewer levels than the parameters say (a flattened one) decides at its head at most.
        DecisionLevel = Math.Min(settings.DecisionLevel, organisation.Levels - 1);
    }

    /// <summary>The organisation routed over.</summary>
    protected Organisation.Organisation Organisation { get; }

    /// <summary>What the hierarchy reads from the parameters.</summary>
    protected HierarchySettings Settings { get; }

    /// <summary>Level that decides single-department issues.</summary>
    protected int DecisionLevel { get; }

    /// <inheritdoc />
    public override void Discovered(CoordinationModel model, ItemId item)
    {
        var issue = model.IssueOf(item);
        var discoverer = model.DiscovererOf(issue);
        model.SetPhase(item, RoutePhase.Up);
        model.SetExpectedShare(item, NominalShare(model, issue));
        model.SetRole(item, RoleAt(model, issue, discoverer, WorkRole.Reporter));
        model.Enqueue(item, HomeDesk(discoverer));
    }

    /// <inheritdoc />
    public override void Served(CoordinationModel model, ItemId item, DeskId desk)
    {
        var person = model.PersonAt(desk);
        var issue = model.IssueOf(item);
        switch (model.PhaseOf(item))
        {
            case RoutePhase.Up when model.RequiredCount(issue) > 1 && person == Organisation.HeadOf(model.PrimaryDepartment(issue)):
                Coordinate(model, item, person);
                break;
            case RoutePhase.Up when model.RequiredCount(issue) == 1 && Organisation.LevelOf(person) == DecisionLevel:
                Decide(model, item, person, DecisionVenue.Line);
                break;
            case RoutePhase.Up:
                Climb(model, item, person);
                break;
            case RoutePhase.Escalated:
                Decide(model, item, person, person == Organisation.GovernmentHead ? DecisionVenue.GovernmentHead : DecisionVenue.Deputy);
                break;
            case RoutePhase.Request:
                Answer(model, item, person);
                break;
            case RoutePhase.Rework:
                model.Park(item);
                SendRound(model, item, model.DeflectedIn(issue));
                break;
            case RoutePhase.Down:
                DescendFrom(model, item, person);
                break;
            default:
                model.CompleteBranch(item);
                break;
        }
    }

    /// <inheritdoc />
    public override void Received(CoordinationModel model, ItemId item)
    {
        var phase = model.PhaseOf(item);
        if (phase is not (RoutePhase.Concurred or RoutePhase.Deflected))
        {
            base.Received(model, item);
            return;
        }

        // A consultation answer is back with the coordinator; when it is the round's last, the round is settled.
        var issue = model.IssueOf(item);
        var department = Organisation.DepartmentOf(model.TargetOf(item));
        var last = model.Answer(issue, department, phase == RoutePhase.Deflected);
        model.Discard(item);
        if (!last)
        {
            return;
        }

        var trunk = model.ParkedOf(issue);
        model.Unpark(trunk);
        var coordinator = model.CoordinatorOf(issue);
        if (model.DeflectedIn(issue) == 0)
        {
            Agreed(model, trunk, coordinator);
        }
        else if (model.RoundOf(issue) >= RoundsFor(model, issue))
        {
            Deadlocked(model, trunk, coordinator);
        }
        else
        {
            // The coordinator reworks the proposal, then asks the departments that deflected again.
            model.SetPhase(trunk, RoutePhase.Rework);
            model.SetRole(trunk, WorkRole.Coordinator);
            model.Enqueue(trunk, coordinator);
        }
    }

    /// <inheritdoc />
    public override void AssignResponsibility(CoordinationModel model, IssueId issue, AccountabilityWeights weights) =>
        SpreadEquallyOverHandlers(model, issue, weights);

    /// <summary>
    /// Blame by the hierarchy's rule ("rules shield individuals", model-v2.md §3): each handler answers for their formal
    /// share, capped at <c>shieldCap</c>, so a failure handled by many can end with nobody answering for much of it.
    /// </summary>
    public override void AssignBlame(CoordinationModel model, IssueId issue, AccountabilityWeights formal, AccountabilityWeights blame)
    {
        for (var i = 0; i < formal.Count; i++)
        {
            blame.Add(formal.PersonAt(i), Math.Min(formal.WeightAt(i), Settings.ShieldCap));
        }
    }

    /// <summary>Equal weight for every distinct person in the issue's handler log ("rules shield individuals").</summary>
    protected static void SpreadEquallyOverHandlers(CoordinationModel model, IssueId issue, AccountabilityWeights weights)
    {
        for (var i = 0; i < model.LogCount(issue); i++)
        {
            var person = model.LogAt(issue, i).Person;
            if (!weights.Contains(person))
            {
                weights.Add(person, 1);
            }
        }
    }

    /// <summary>True when <paramref name="person"/> decides the single-department issue under the hierarchy's rule.</summary>
    protected bool DecidesHere(CoordinationModel model, IssueId issue, PersonId person) =>
        model.RequiredCount(issue) == 1 && Organisation.LevelOf(person) == DecisionLevel;

    /// <summary>
    /// The primary head of a cross-department issue has served it: a contested issue escalates at once; any other
    /// starts the consultation of the other required departments, with the issue parked meanwhile.
    /// </summary>
    protected void Coordinate(CoordinationModel model, ItemId item, PersonId head)
    {
        var issue = model.IssueOf(item);
        if (model.ConsultationRandom.NextDouble() < Settings.Consultation.ContestedShare)
        {
            ContestedAtHead(model, item, head);
            return;
        }

        model.BeginConsultation(issue, HomeDesk(head), item);
        model.Park(item);
        SendRound(model, item, model.RequiredDepartments(issue) & ~(1UL << model.PrimaryDepartment(issue)));
    }

    /// <summary>Sends one round of concurrence requests, by record, to the heads of the departments in <paramref name="asked"/>.</summary>
    protected static void SendRound(CoordinationModel model, ItemId trunk, ulong asked)
    {
        var issue = model.IssueOf(trunk);
        model.BeginRound(issue, asked);
        for (var d = 0; asked != 0; d++, asked >>= 1)
        {
            if ((asked & 1) == 0)
            {
                continue;
            }

            var head = model.Organisation.HeadOf(d);
            var request = model.Request(trunk);
            model.SetPhase(request, RoutePhase.Request);
            model.SetRole(request, WorkRole.Consulted);
            model.SetTarget(request, head);
            model.Send(request, HomeDesk(head), ChannelKind.Record, HopDirection.Lateral);
        }
    }

    /// <summary>A consulted head has served a request: concurs or deflects, and answers by record.</summary>
    private void Answer(CoordinationModel model, ItemId request, PersonId head)
    {
        var deflects = model.ConsultationRandom.NextDouble() < DeflectProbabilityFor(model, model.IssueOf(request));
        model.SetPhase(request, deflects ? RoutePhase.Deflected : RoutePhase.Concurred);
        var preparation = model.IsUrgent(model.IssueOf(request)) ? 0 : Settings.Consultation.AnswerDays;
        model.SendToRouting(request, ChannelKind.Record, HopDirection.Lateral, preparation);
    }

    /// <summary>Probability that a consulted department deflects in one round for <paramref name="issue"/>.</summary>
    protected virtual double DeflectProbabilityFor(CoordinationModel model, IssueId issue) => Settings.Consultation.DeflectProbability;

    /// <summary>Rounds tried before the issue escalates.</summary>
    protected virtual int RoundsFor(CoordinationModel model, IssueId issue) => Settings.Consultation.Rounds;

    /// <summary>Every consulted department concurred: the coordinator issues the decision at once (the concurrence is the decision).</summary>
    protected virtual void Agreed(CoordinationModel model, ItemId trunk, DeskId coordinator) =>
        Decide(model, trunk, model.PersonAt(coordinator), DecisionVenue.Concurrence);

    /// <summary>The issue is contested from the start: the primary head escalates it at once, without consulting.</summary>
    protected virtual void ContestedAtHead(CoordinationModel model, ItemId item, PersonId head) => Escalate(model, item, head);

    /// <summary>The rounds ran out without agreement: the coordinator escalates.</summary>
    protected virtual void Deadlocked(CoordinationModel model, ItemId trunk, DeskId coordinator) =>
        Escalate(model, trunk, model.PersonAt(coordinator));

    /// <summary>
    /// Sends the issue up from <paramref name="from"/> to the deputy in charge whose portfolio holds every required
    /// department, or else to the government head, who decides it at their desk.
    /// </summary>
    protected void Escalate(CoordinationModel model, ItemId item, PersonId from)
    {
        var issue = model.IssueOf(item);
        var required = model.RequiredDepartments(issue);
        var deputy = Organisation.DeputyOf(model.PrimaryDepartment(issue));
        for (var d = 0; d < Organisation.Departments; d++)
        {
            if ((required & (1UL << d)) != 0 && Organisation.DeputyOf(d) != deputy)
            {
                deputy = Organisation.GovernmentHead;
                break;
            }
        }

        model.SetPhase(item, RoutePhase.Escalated);
        model.SetRole(item, WorkRole.Decider);
        model.Send(item, HomeDesk(deputy), ChannelKind.Relay, HopDirection.Up);
    }

    /// <summary>
    /// Sends the item up the line from <paramref name="person"/>: to the next level, or for an emergency up to
    /// <c>emergencySkipLevels</c> levels higher, never past the level that decides (single-department) or the
    /// department head (cross-department).
    /// </summary>
    protected void Climb(CoordinationModel model, ItemId item, PersonId person)
    {
        var issue = model.IssueOf(item);
        var top = model.RequiredCount(issue) > 1 ? Organisation.Levels - 1 : DecisionLevel;
        var skip = model.IsUrgent(issue) ? Settings.EmergencySkipLevels : 0;
        var level = Math.Min(Organisation.LevelOf(person) + 1 + skip, top);
        var next = Organisation.AncestorAt(person, level);
        model.SetRole(item, RoleAt(model, issue, next, WorkRole.Relay));
        model.Send(item, HomeDesk(next), ChannelKind.Relay, HopDirection.Up);
    }

    /// <summary>The role <paramref name="person"/> takes when the climbing issue reaches them: decider, coordinator, or <paramref name="otherwise"/>.</summary>
    protected WorkRole RoleAt(CoordinationModel model, IssueId issue, PersonId person, WorkRole otherwise) =>
        model.RequiredCount(issue) > 1
            ? person == Organisation.HeadOf(model.PrimaryDepartment(issue)) ? WorkRole.Coordinator : otherwise
            : Organisation.LevelOf(person) == DecisionLevel ? WorkRole.Decider : otherwise;

    /// <summary>
    /// The decider has decided: fork one branch per required department and send each towards its executor. A
    /// principal's decision goes to each department's head along the line; a coordinating head's own department
    /// gets it down its chain, the other departments' heads get the signed concurrence by record.
    /// </summary>
    protected void Decide(CoordinationModel model, ItemId item, PersonId decider, DecisionVenue venue) =>
        Decide(model, item, decider, venue, toEveryHead: Organisation.LevelOf(decider) == Organisation.Levels, ChannelKind.Relay);

    /// <summary>
    /// Decides the item at <paramref name="venue"/> and forks one branch per required department: with
    /// <paramref name="toEveryHead"/>, each goes to its department's head over <paramref name="channel"/> (a principal's
    /// decision, or a conference's, which every head heard); otherwise the decider's own department gets it down its
    /// chain and the other heads by record.
    /// </summary>
    protected void Decide(CoordinationModel model, ItemId item, PersonId decider, DecisionVenue venue, bool toEveryHead, ChannelKind channel)
    {
        model.PerturbDecision(item, Settings.DecisionNoiseSigma);
        var issue = model.IssueOf(item);
        model.MarkDecided(issue, venue);
        var own = toEveryHead ? -1 : Organisation.DepartmentOf(decider);
        var required = model.RequiredDepartments(issue);
        for (var d = 0; d < Organisation.Departments; d++)
        {
            if ((required & (1UL << d)) == 0)
            {
                continue;
            }

            var branch = model.Branch(item, d);
            var executor = model.ExecutorOf(issue, d);
            model.SetTarget(branch, executor);
            if (toEveryHead)
            {
                SendDown(model, branch, decider, Organisation.HeadOf(d), executor, channel);
            }
            else if (d == own)
            {
                SendDown(model, branch, decider, NextDown(decider, executor), executor, ChannelKind.Relay);
            }
            else
            {
                SendDown(model, branch, decider, Organisation.HeadOf(d), executor, ChannelKind.Record);
            }
        }

        model.Release(item);
    }

    /// <summary>Sends a decided branch one step further down towards its executor.</summary>
    protected void DescendFrom(CoordinationModel model, ItemId item, PersonId person)
    {
        var executor = model.TargetOf(item);
        SendDown(model, item, person, NextDown(person, executor), executor, ChannelKind.Relay);
    }

    /// <summary>Hands a branch from <paramref name="from"/> to <paramref name="next"/>; the executor gets the execute phase.</summary>
    protected static void SendDown(CoordinationModel model, ItemId item, PersonId from, PersonId next, PersonId executor, ChannelKind channel)
    {
        var executes = next == executor;
        model.SetPhase(item, executes ? RoutePhase.Execute : RoutePhase.Down);
        model.SetRole(item, executes ? WorkRole.Executor : WorkRole.Relay);
        if (next == from)
        {
            model.Enqueue(item, HomeDesk(next));
        }
        else
        {
            model.Send(item, HomeDesk(next), channel, HopDirection.Down);
        }
    }

    /// <summary>The home desk of <paramref name="person"/> (its id is the person's).</summary>
    protected static DeskId HomeDesk(PersonId person) => new(person.Value);

    /// <summary>The next person on the way down from <paramref name="person"/> to <paramref name="executor"/>.</summary>
    protected PersonId NextDown(PersonId person, PersonId executor)
    {
        var level = Organisation.LevelOf(person);
        return level == 0 ? executor : Organisation.AncestorAt(executor, level - 1);
    }

    /// <summary>The equal share one handler expects: 1 / (number of distinct people on the nominal route).</summary>
    protected double NominalShare(CoordinationModel model, IssueId issue)
    {
        var levels = Organisation.Levels;
        var required = model.RequiredCount(issue);
        var people = (required > 1 ? levels + 1 + ((required - 1) * levels) : DecisionLevel + 1) + ExtraRelays;
        return 1.0 / people;
    }

    /// <summary>People every climbing issue passes besides the line (a flattened hierarchy's platform officer); 0 for the hierarchy.</summary>
    protected virtual int ExtraRelays => 0;
}
