namespace CoordSim.Mechanisms;

/// <summary>The model's ledger of one in-flight issue: its attributes, open branches and running measures.</summary>
internal struct IssueState
{
    public long Id;
    public double Arrival;
    public double Deadline;
    public int Category;
    public int Primary;
    public ulong Required;
    public bool Urgent;
    public bool Measured;
    public bool Escalated;
    public bool InUse;
    public int Discoverer;
    public int TrueSlot;
    public int PendingBranches;
    public int LogCount;
    public int NextFree;
    public double DistortionSum;
    public double BiasSum;
    public double LostSum;
    public double HopsSum;
    public int Executors;
    public double WorstDistortion;
    public int WorstBranch;
    public int CriticalBranch;
    public int Body;
    public double Queueing;
    public double Service;
    public double MeetingWait;
    public double Transmission;
}
