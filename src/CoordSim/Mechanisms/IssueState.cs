namespace CoordSim.Mechanisms;

/// <summary>The kernel's ledger of one in-flight issue: its attributes, open branches, route state and running measures.</summary>
internal struct IssueState
{
    public long Id;
    public double Arrival;
    public double Deadline;
    public int Category;
    public int Primary;
    public ulong Required;
    public bool Urgent;
    public bool Crisis;
    public bool Measured;
    public bool Discovered;
    public bool Escalated;
    public bool Pressured;
    public bool InUse;
    public int Discoverer;
    public int TrueSlot;
    public int PendingBranches;
    public int LogCount;
    public int NextFree;
    public int Body;
    public int Referrer;
    public int Reopens;

    // Consultation between departments: who coordinates, which round, what is still out.
    public int Coordinator;
    public int Parked;
    public int Round;
    public int Rounds;
    public int Outstanding;
    public ulong Deflected;

    // Decision.
    public double DecidedAt;
    public DecisionVenue Venue;

    // Running measures over the branches.
    public double DistortionSum;
    public double SquaredErrorSum;
    public double SquaredNormSum;
    public double BiasSum;
    public double LostSum;
    public double HopsSum;
    public int Executors;
    public double WorstDistortion;
    public int WorstBranch;
    public int CriticalBranch;
    public double Queueing;
    public double Service;
    public double MeetingWait;
    public double Transmission;
    public double Consultation;
}
