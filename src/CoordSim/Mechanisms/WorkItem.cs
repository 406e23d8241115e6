namespace CoordSim.Mechanisms;

/// <summary>
/// One piece of work in flight: an issue's trunk, one department's branch of it after the decision, or a
/// consultation request, sitting at or moving to a desk. Lives in the kernel's item array; <see cref="Next"/>
/// links it into a desk queue or the free list. Ids are kept as plain ints inside the kernel's arrays and
/// typed at its doors.
/// </summary>
internal struct WorkItem
{
    /// <summary>Ledger slot of the issue.</summary>
    public int Issue;

    /// <summary>Department of the branch, or −1 before the decision forks the issue.</summary>
    public int Branch;

    /// <summary>State-vector slot of the picture the item carries, or −1 for a consultation request (no picture).</summary>
    public int Slot;

    /// <summary>Desk the item waits or is served at.</summary>
    public int Desk;

    /// <summary>Next item in the desk queue or the free list.</summary>
    public int Next;

    /// <summary>Person the routing aims the item at (an executor, a consulted head).</summary>
    public int Target;

    /// <summary>Hand-overs the item's picture has passed.</summary>
    public int Hops;

    /// <summary>Index of the item's last handler-log entry, or −1.</summary>
    public int LastLog;

    /// <summary>Where the item stands on its route.</summary>
    public RoutePhase Phase;

    /// <summary>The role recorded for the item's next visit.</summary>
    public WorkRole Role;

    /// <summary>True while a server works on it.</summary>
    public bool InService;

    /// <summary>True while it waits in a desk queue.</summary>
    public bool InQueue;

    /// <summary>Responsibility share its next handler expects (drives effort).</summary>
    public double Share;

    /// <summary>When it joined its current queue or agenda, or was parked for a consultation.</summary>
    public double QueuedAt;

    /// <summary>When its current service started.</summary>
    public double ServiceStart;

    /// <summary>Days of work its current service needs (its sampled service time).</summary>
    public double Required;

    /// <summary>
    /// The share of its person's capacity its desk gives the current service: set when the service starts and again
    /// when a body forms or dissolves meanwhile (the service is re-rated), so its work is counted at the share it got.
    /// </summary>
    public double DeskShare;

    /// <summary>When its current service is due to end; a service-done event for any other time is stale (the service was re-rated).</summary>
    public double ServiceEnd;

    /// <summary>The person's cumulative blocked time when the current service started.</summary>
    public double BlockedAtStart;


    /// <summary>Critical-path days waiting in desk queues.</summary>
    public double Queueing;

    /// <summary>Critical-path days in service.</summary>
    public double Service;

    /// <summary>Critical-path days on an agenda waiting for a meeting.</summary>
    public double MeetingWait;

    /// <summary>Critical-path days in transmission.</summary>
    public double Transmission;

    /// <summary>Critical-path days parked while departments were consulted.</summary>
    public double Consultation;
}
