using CoordSim.Mechanisms;

namespace CoordSim.Metrics;

/// <summary>
/// What happened to one resolved issue: its latency and where the time went, how distorted the
/// executors' picture was, and how responsibility for it was spread. Produced by the model
/// once the last required execution is done; a value type so that producing it allocates nothing.
/// </summary>
/// <param name="Id">Issue id.</param>
/// <param name="Arrival">Discovery time (days).</param>
/// <param name="Category">Category index.</param>
/// <param name="RequiredDepartments">Number of departments that had to act.</param>
/// <param name="Urgent">True for an emergency.</param>
/// <param name="Latency">Days from discovery to the last required execution.</param>
/// <param name="Queueing">Days the critical path spent waiting in desk queues.</param>
/// <param name="Service">Days the critical path spent in service.</param>
/// <param name="MeetingWait">Days the critical path spent on a body's agenda waiting for a meeting.</param>
/// <param name="Transmission">Days the critical path spent in transmission between people (with <see cref="Consultation"/>, the five parts sum to the latency).</param>
/// <param name="Distortion">Mean over executors of ‖x_exec − x‖ / ‖x‖.</param>
/// <param name="SeverityBias">Mean over executors of (x_exec[0] − x[0])·sign(x[0]): negative when severity reached the executor understated.</param>
/// <param name="FactsLost">Mean over executors of the fraction of facts lost on the way.</param>
/// <param name="Hops">Mean over executors of the hand-overs their information passed (up and down).</param>
/// <param name="EffectiveAccountable">1/Σw² over the accountability weights.</param>
/// <param name="Entropy">−Σ w ln w over the accountability weights.</param>
/// <param name="MissedDeadline">True when the last execution came after the deadline.</param>
/// <param name="Failed">True when the deadline was missed or an executor's distortion exceeded the threshold.</param>
/// <param name="WorstHandoverWeight">For a failed issue, the formal weight on the person whose hand-over added most delay (deadline missed) or most error: where congestion or noise fell, not who was at fault; NaN otherwise.</param>
/// <param name="Escalated">True when the issue was put on a body's agenda for cover although it could have been decided lower.</param>
public readonly record struct IssueOutcome(
    long Id,
    double Arrival,
    int Category,
    int RequiredDepartments,
    bool Urgent,
    double Latency,
    double Queueing,
    double Service,
    double MeetingWait,
    double Transmission,
    double Distortion,
    double SeverityBias,
    double FactsLost,
    double Hops,
    double EffectiveAccountable,
    double Entropy,
    bool MissedDeadline,
    bool Failed,
    double WorstHandoverWeight,
    bool Escalated)
{
    /// <summary>Days the critical path spent parked while the departments were consulted.</summary>
    public double Consultation { get; init; }

    /// <summary>Consultation rounds the issue went through (0 when nobody was consulted).</summary>
    public int ConsultationRounds { get; init; }

    /// <summary>True when the issue arrived during a crisis.</summary>
    public bool Crisis { get; init; }

    /// <summary>When the issue was decided (days).</summary>
    public double DecisionTime { get; init; }

    /// <summary>Where the issue was decided.</summary>
    public DecisionVenue Venue { get; init; }

    /// <summary>Sum over the executors of ‖x_exec − x‖²: with <see cref="SquaredNorm"/>, the parts of the root-mean-square relative error.</summary>
    public double SquaredError { get; init; }

    /// <summary>Sum over the executors of ‖x‖² (the true state's squared length, once per executor).</summary>
    public double SquaredNorm { get; init; }

    /// <summary>Visits of the issue that were planted faults (shirks and errors; the ground truth the blame measures are scored against).</summary>
    public int Faults { get; init; }

    /// <summary>For a failed issue, the blame on everyone together under the structure's rule (each person 0 to 1, so the total may be below or above 1); NaN otherwise.</summary>
    public double Blame { get; init; } = double.NaN;

    /// <summary>For a failed issue, the part of <see cref="Blame"/> on people who faulted on it; NaN otherwise.</summary>
    public double BlameOnFaulters { get; init; } = double.NaN;

    /// <summary>For a failed issue, the largest blame on one person; NaN otherwise.</summary>
    public double MaxBlame { get; init; } = double.NaN;

    /// <summary>Times a revisit found the issue wrongly closed and reopened it (0 in structures without a revisit loop).</summary>
    public int Reopens { get; init; }
}
