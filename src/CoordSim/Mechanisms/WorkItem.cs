namespace CoordSim.Mechanisms;

/// <summary>
/// One piece of work in flight: an issue (or one department's branch of it after the decision)
/// sitting at, or moving to, a desk. Lives in the model's item array; <see cref="Next"/> links it
/// into a desk queue or the free list.
/// </summary>
internal struct WorkItem
{
    public int Issue;
    public int Branch;
    public int Slot;
    public int Desk;
    public int Next;
    public int Target;
    public int Hops;
    public int LastLog;
    public byte Phase;
    public WorkRole Role;
    public bool InService;
    public double Share;
    public double QueuedAt;
    public double ServiceStart;
    public double Queueing;
    public double Service;
    public double MeetingWait;
    public double Transmission;
}
