namespace CoordSim.Mechanisms;

/// <summary>
/// The routing of a structure: where an issue goes after discovery and after each visit, when
/// it is decided and who answers for it. The <see cref="CoordinationModel"/> calls these hooks;
/// the policy answers by calling the model's operations (send, branch, execute). A policy holds
/// per-run state only in fields it resets in <see cref="Initialise"/>.
/// </summary>
public abstract class RoutingPolicy
{
    /// <summary>Called once before the run: schedule meetings, set up bodies.</summary>
    public virtual void Initialise(CoordinationModel model)
    {
    }

    /// <summary>A new issue has been discovered; its first work item sits (not yet queued) at the discoverer.</summary>
    public abstract void Discovered(CoordinationModel model, int item);

    /// <summary>A work item finished service at <paramref name="desk"/>; send it on, decide it, or complete it.</summary>
    public abstract void Served(CoordinationModel model, int item, int desk);

    /// <summary>A work item sent with <see cref="CoordinationModel.SendToBody"/> has reached body <paramref name="body"/>.</summary>
    public virtual void ReachedBody(CoordinationModel model, int item, int body) =>
        throw new InvalidOperationException($"{GetType().Name} sent an item to body {body} but does not receive items at bodies.");

    /// <summary>A meeting of body <paramref name="body"/> is due.</summary>
    public virtual void Meeting(CoordinationModel model, int body)
    {
    }

    /// <summary>A model-specific timer set by the policy fired (for example a supervision round).</summary>
    public virtual void Timer(CoordinationModel model, int subject, int data)
    {
    }

    /// <summary>
    /// Fills <paramref name="weights"/> with the accountability of a resolved issue (they are
    /// normalised afterwards). The issue's handler log is available through the model.
    /// </summary>
    public abstract void AssignResponsibility(CoordinationModel model, int issue, AccountabilityWeights weights);
}
