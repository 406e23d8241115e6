namespace CoordSim.Workload;

/// <summary>
/// One issue (governance task) as the environment presents it: when it is discovered, what kind
/// it is, which departments it involves, how urgent it is and by when it must be acted on.
/// Its true state vector and the frontline positions of its executors are written by
/// <see cref="IssueStream"/> into caller-owned buffers, so issues cost no allocation.
/// </summary>
/// <param name="Id">Sequence number, from 0.</param>
/// <param name="Arrival">Discovery time (days).</param>
/// <param name="Category">Category; sets the primary department.</param>
/// <param name="PrimaryDepartment">The department whose frontline discovers the issue.</param>
/// <param name="RequiredDepartments">Bit mask of the departments that must act (primary included).</param>
/// <param name="Urgent">True for an emergency.</param>
/// <param name="Deadline">Absolute time (days) by which the last execution must be done.</param>
/// <param name="DiscovererPosition">Frontline position (within the primary department) of the discoverer.</param>
internal readonly record struct Issue(
    long Id,
    double Arrival,
    IssueCategory Category,
    int PrimaryDepartment,
    ulong RequiredDepartments,
    bool Urgent,
    double Deadline,
    int DiscovererPosition)
{
    /// <summary>True when the issue arrived during a crisis.</summary>
    public bool Crisis { get; init; }

    /// <summary>Number of departments that must act.</summary>
    public int RequiredCount => System.Numerics.BitOperations.PopCount(RequiredDepartments);

    /// <summary>True when more than one department must act.</summary>
    public bool CrossDepartment => RequiredCount > 1;

    /// <summary>True when department <paramref name="department"/> must act.</summary>
    public bool Requires(int department) => (RequiredDepartments & (1UL << department)) != 0;
}
