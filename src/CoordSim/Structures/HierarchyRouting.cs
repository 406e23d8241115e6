using CoordSim.Mechanisms;
using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// The routing of the strict hierarchy, also used by other structures for the issues they leave
/// to the line: up the reporting chain to the decider, then down each required department's chain.
/// </summary>
public class HierarchyRouting : RoutingPolicy
{
    /// <summary>Item moving up the line.</summary>
    protected const int PhaseUp = 0;

    /// <summary>Decision moving down a department's chain.</summary>
    protected const int PhaseDown = 1;

    /// <summary>At the executor.</summary>
    protected const int PhaseExecute = 2;

    /// <summary>Creates the routing for <paramref name="organisation"/>.</summary>
    public HierarchyRouting(Organisation.Organisation organisation, Parameters parameters)
    {
        Organisation = organisation;
        Parameters = parameters;
        DecisionLevel = parameters.EffectiveDecisionLevel;
    }

    /// <summary>The organisation routed over.</summary>
    protected Organisation.Organisation Organisation { get; }

    /// <summary>The run's parameters.</summary>
    protected Parameters Parameters { get; }

    /// <summary>Level that decides single-department issues.</summary>
    protected int DecisionLevel { get; }

    /// <inheritdoc />
    public override void Discovered(CoordinationModel model, int item)
    {
        var issue = model.IssueOf(item);
        var discoverer = model.DiscovererOf(issue);
        model.SetPhase(item, PhaseUp);
        model.SetExpectedShare(item, NominalShare(model, issue));
        model.SetRole(item, DecidesHere(model, issue, discoverer) ? WorkRole.Decider : WorkRole.Reporter);
        model.Enqueue(item, discoverer);
    }

    /// <inheritdoc />
    public override void Served(CoordinationModel model, int item, int desk)
    {
        var person = model.PersonAt(desk);
        switch (model.PhaseOf(item))
        {
            case PhaseUp:
                if (DecidesHere(model, model.IssueOf(item), person))
                {
                    Decide(model, item, person);
                }
                else
                {
                    ClimbFrom(model, item, person);
                }

                break;
            case PhaseDown:
                DescendFrom(model, item, person);
                break;
            default:
                model.CompleteBranch(item);
                break;
        }
    }

    /// <inheritdoc />
    public override void AssignResponsibility(CoordinationModel model, int issue, AccountabilityWeights weights) =>
        SpreadEquallyOverHandlers(model, issue, weights);

    /// <summary>Equal weight for every distinct person in the issue's handler log ("rules shield individuals").</summary>
    protected static void SpreadEquallyOverHandlers(CoordinationModel model, int issue, AccountabilityWeights weights)
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
    protected bool DecidesHere(CoordinationModel model, int issue, int person) =>
        model.RequiredCount(issue) > 1
            ? person == Organisation.GovernmentHead
            : Organisation.LevelOf(person) == DecisionLevel;

    /// <summary>Sends the item one step up the line from <paramref name="person"/>.</summary>
    protected void ClimbFrom(CoordinationModel model, int item, int person)
    {
        var superior = Organisation.SuperiorOf(person);
        model.SetRole(item, DecidesHere(model, model.IssueOf(item), superior) ? WorkRole.Decider : WorkRole.Relay);
        model.Send(item, superior, ChannelKind.Relay, HopDirection.Up);
    }

    /// <summary>The decider has decided: fork one branch per required department and send each towards its executor.</summary>
    protected virtual void Decide(CoordinationModel model, int item, int decider)
    {
        model.PerturbDecision(item, Parameters.DecisionNoiseSigma);
        var issue = model.IssueOf(item);
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
    protected void DescendFrom(CoordinationModel model, int item, int person)
    {
        var executor = model.TargetOf(item);
        SendDown(model, item, person, NextDown(person, executor), executor, ChannelKind.Relay);
    }

    /// <summary>Hands a branch from <paramref name="from"/> to <paramref name="next"/>; the executor gets the execute phase.</summary>
    protected static void SendDown(CoordinationModel model, int item, int from, int next, int executor, ChannelKind channel)
    {
        var executes = next == executor;
        model.SetPhase(item, executes ? PhaseExecute : PhaseDown);
        model.SetRole(item, executes ? WorkRole.Executor : WorkRole.Relay);
        if (next == from)
        {
            model.Enqueue(item, next);
        }
        else
        {
            model.Send(item, next, channel, HopDirection.Down);
        }
    }

    /// <summary>The next person on the way down from <paramref name="person"/> to <paramref name="executor"/>.</summary>
    protected int NextDown(int person, int executor)
    {
        var level = Organisation.LevelOf(person);
        return level == 0 ? executor : Organisation.AncestorAt(executor, level - 1);
    }

    /// <summary>The equal share one handler expects: 1 / (number of distinct people on the nominal route).</summary>
    protected double NominalShare(CoordinationModel model, int issue)
    {
        var levels = Organisation.Levels;
        var required = model.RequiredCount(issue);
        var people = required > 1 ? levels + 1 + ((required - 1) * levels) : DecisionLevel + 1;
        return 1.0 / people;
    }
}
