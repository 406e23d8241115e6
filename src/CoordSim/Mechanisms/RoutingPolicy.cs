using CoordSim.Organisation;

namespace CoordSim.Mechanisms;

/// <summary>
/// The routing of a structure: where an issue goes after discovery and after each visit, when
/// it is decided and who answers for it. The <see cref="CoordinationModel"/> calls these hooks;
/// the policy answers by calling the kernel's operations (send, branch, park, attend, complete).
/// A policy holds per-run state only in fields it resets in <see cref="Initialise"/>.
/// </summary>
internal abstract class RoutingPolicy
{
    /// <summary>Called once before the run: schedule meetings, reviews, reports and lifecycle timers.</summary>
    public virtual void Initialise(CoordinationModel model)
    {
    }

    /// <summary>A new issue has been discovered; its first work item sits (not yet queued) at the discoverer.</summary>
    public abstract void Discovered(CoordinationModel model, ItemId item);

    /// <summary>A work item finished service at <paramref name="desk"/>; send it on, decide it, or complete it.</summary>
    public abstract void Served(CoordinationModel model, ItemId item, DeskId desk);

    /// <summary>
    /// A work item sent with <see cref="CoordinationModel.SendToRouting"/> has arrived (at a body's agenda or office,
    /// or as a consultation answer); its phase says which.
    /// </summary>
    public virtual void Received(CoordinationModel model, ItemId item) =>
        throw new InvalidOperationException($"{GetType().Name} sent item {item.Value} to the routing but receives nothing.");

    /// <summary>
    /// The last branch of an issue has been carried out. Return false to resolve the issue (the default); or reopen it
    /// with <see cref="CoordinationModel.Reopen"/>, send <paramref name="lastBranch"/> on, and return true.
    /// </summary>
    public virtual bool Closing(CoordinationModel model, ItemId lastBranch) => false;

    /// <summary>True when the structure revisits closed issues and may reopen them (its runs report the reopened share).</summary>
    public virtual bool Revisits => false;

    /// <summary>A timer the policy scheduled has fired.</summary>
    public virtual void Timer(CoordinationModel model, TimerKind kind, int subject, int data)
    {
    }

    /// <summary>
    /// Fills <paramref name="weights"/> with the accountability of a resolved issue (they are
    /// normalised afterwards). The issue's handler log is available through the model.
    /// </summary>
    public abstract void AssignResponsibility(CoordinationModel model, IssueId issue, AccountabilityWeights weights);

    /// <summary>
    /// Fills <paramref name="blame"/> with how much each person answers for a failed issue under the structure's rule
    /// (from 0 to 1 each; the total may be below or above 1, and it is not normalised). <paramref name="formal"/>
    /// holds the issue's normalised accountability weights. The rules never see who faulted. By default blame is the
    /// formal weights as they are.
    /// </summary>
    public virtual void AssignBlame(CoordinationModel model, IssueId issue, AccountabilityWeights formal, AccountabilityWeights blame)
    {
        for (var i = 0; i < formal.Count; i++)
        {
            blame.Add(formal.PersonAt(i), formal.WeightAt(i));
        }
    }
}
