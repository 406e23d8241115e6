using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// The bodies of one design in a running structure: the design, how each body is staffed, when they work, which body
/// covers each issue category, and the design whose meetings decide their contested items (the parent). Holds
/// whether the bodies work now, the only state that changes during a run.
/// </summary>
internal sealed class BodySet
{
    /// <summary>Creates the set of the design at <paramref name="index"/> in the structure.</summary>
    public BodySet(int index, BodyDesign design, BodyStaffing[] staffing, int parent, CrisisSettings crisis, double decisionNoiseSigma)
    {
        Index = index;
        Design = design;
        Staffing = staffing;
        Parent = parent;
        Lifecycle = new BodyLifecycle(design, crisis);
        DecisionSigma = decisionNoiseSigma / Math.Sqrt(1 + design.Experts);
        var categories = Enum.GetValues<Workload.IssueCategory>().Length;
        BodyOfCategory = new BodyId[categories];
        for (var c = 0; c < categories; c++)
        {
            BodyOfCategory[c] = Array.Find(staffing, s => (s.Categories & (1 << c)) != 0)!.Body.Id;
        }
    }

    /// <summary>The design's index in the structure's bodies.</summary>
    public int Index { get; }

    /// <summary>The design.</summary>
    public BodyDesign Design { get; }

    /// <summary>The bodies of the design, each staffed.</summary>
    public BodyStaffing[] Staffing { get; }

    /// <summary>The index of the parent design, or −1.</summary>
    public int Parent { get; }

    /// <summary>When the bodies work.</summary>
    public BodyLifecycle Lifecycle { get; }

    /// <summary>The decision error of the bodies: the run's, divided by sqrt(1 + experts).</summary>
    public double DecisionSigma { get; }

    /// <summary>Per issue category, the body of this design that covers it.</summary>
    public BodyId[] BodyOfCategory { get; }

    /// <summary>True while the bodies work.</summary>
    public bool Active { get; set; }

    /// <summary>True when the design puts issues on its own scope: cross-department issues, or emergencies and crisis issues.</summary>
    public bool HasScope => Design.CoversCrossDepartment || Design.CoversEmergencies;

    /// <summary>True when member heads put on this design's agenda what they could decide alone (blame avoidance).</summary>
    public bool TakesEscalations =>
        Design.MeetingInterval > 0 && (Design.EscalationShare > 0 || !double.IsPositiveInfinity(Design.EscalationThreshold));
}
