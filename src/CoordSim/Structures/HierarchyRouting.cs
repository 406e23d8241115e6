using CoordSim.Mechanisms;
using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// The routing of the strict hierarchy, also used by other structures for the issues they leave
/// to the line: up the reporting chain to the decider, then down each required department's chain.
/// </summary>
internal class HierarchyRouting : RoutingPolicy
{
    /// <summary>Creates the routing for <paramref name="organisation"/>.</summary>
    public HierarchyRouting(Organisation.Organisation organisation, HierarchySettings settings)
    {
        Organisation = organisation;
        Settings = settings;
        DecisionLevel = settings.DecisionLevel;
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
        model.SetRole(item, DecidesHere(model, issue, discoverer) ? WorkRole.Decider : WorkRole.Reporter);
        model.Enqueue(item, new DeskId(discoverer.Value));
    }

    /// <inheritdoc />
    public override void Served(CoordinationModel model, ItemId item, DeskId desk)
    {
        var person = model.PersonAt(desk);
        switch (model.PhaseOf(item))
        {
            case RoutePhase.Up:
                if (DecidesHere(model, model.IssueOf(item), person))
                {
                    Decide(model, item, person);
                }
                else
                {
                    ClimbFrom(model, item, person);
                }

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
    public override void AssignResponsibility(CoordinationModel model, IssueId issue, AccountabilityWeights weights) =>
        SpreadEquallyOverHandlers(model, issue, weights);

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

    /// <summary>True when <paramref name="person"/> decides the issue under the hierarchy's rule.</summary>
    protected bool DecidesHere(CoordinationModel model, IssueId issue, PersonId person) =>
        model.RequiredCount(issue) > 1
            ? person == Organisation.GovernmentHead
            : Organisation.LevelOf(person) == DecisionLevel;

    /// <summary>Sends the item one step up the line from <paramref name="person"/>.</summary>
    protected void ClimbFrom(CoordinationModel model, ItemId item, PersonId person)
    {
        var superior = Organisation.SuperiorOf(person);
        model.SetRole(item, DecidesHere(model, model.IssueOf(item), superior) ? WorkRole.Decider : WorkRole.Relay);
        model.Send(item, HomeDesk(superior), ChannelKind.Relay, HopDirection.Up);
    }

    /// <summary>The decider has decided: fork one branch per required department and send each towards its executor.</summary>
    protected virtual void Decide(CoordinationModel model, ItemId item, PersonId decider)
    {
        model.PerturbDecision(item, Settings.DecisionNoiseSigma);
        var issue = model.IssueOf(item);
        model.MarkDecided(issue, decider == Organisation.GovernmentHead ? DecisionVenue.GovernmentHead : DecisionVenue.Line);
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
            var next = decider == Organisation.GovernmentHead ? Organisation.HeadOf(d) : NextDown(decider, executor);
            SendDown(model, branch, decider, next, executor, ChannelKind.Relay);
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
        var people = required > 1 ? levels + 1 + ((required - 1) * levels) : DecisionLevel + 1;
        return 1.0 / people;
    }
}
