using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// The bodies of one design in a running structure: the design, how each body is staffed, when they work, which
/// issues they take, and the design whose meetings decide their contested items (the parent). Holds
/// whether the bodies work now, the only state that changes during a run.
/// </summary>
internal sealed class BodySet
{
    private static readonly int Categories = Enum.GetValues<Workload.IssueCategory>().Length;

    private readonly BodyId[] _bodies;
    private readonly ulong _categories;
    private readonly ulong _departments;

    /// <summary>Creates the set of the design at <paramref name="index"/> in the structure.</summary>
    public BodySet(int index, BodyDesign design, BodyStaffing[] staffing, int parent, CrisisSettings crisis, double decisionNoiseSigma)
    {
        Index = index;
        Design = design;
        Staffing = staffing;
        Parent = parent;
        Lifecycle = new BodyLifecycle(design, crisis);
        DecisionSigma = decisionNoiseSigma / Math.Sqrt(1 + design.Experts);
        _bodies = staffing.Select(b => b.Body.Id).ToArray();
        _categories = BodyScopeList.Mask(BodyScopeKind.Categories, design.Categories);
        _departments = BodyScopeList.Mask(BodyScopeKind.Departments, design.Departments);
    }

    /// <summary>True when an issue of <paramref name="category"/> whose primary department is <paramref name="primary"/> is within the design's categories and departments.</summary>
    public bool Covers(int category, int primary) => (_categories & (1UL << category)) != 0 && (_departments & (1UL << primary)) != 0;

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

    /// <summary>
    /// The body of this design that takes an issue of <paramref name="category"/>. Up to one body per category (eight),
    /// body i takes the categories c with c mod count = i. Beyond that, the issues are split also by their partner
    /// department, the lowest-numbered required department other than the primary one: its rank r among the departments
    /// other than the primary (0 when the issue needs the primary alone) makes the slot c + 8r, and body i takes the
    /// slots s with s mod count = i. With D departments there are 8(D − 1) slots, so that many bodies all get issues.
    /// </summary>
    public BodyId BodyFor(int category, int primary, ulong required)
    {
        var count = _bodies.Length;
        if (count <= Categories)
        {
            return _bodies[category % count];
        }

        var others = required & ~(1UL << primary);
        var partner = others == 0 ? primary : System.Numerics.BitOperations.TrailingZeroCount(others);
        var rank = partner == primary ? 0 : partner < primary ? partner : partner - 1;
        return _bodies[(category + (Categories * rank)) % count];
    }

    /// <summary>True while the bodies work.</summary>
    public bool Active { get; set; }

    /// <summary>True when member heads put on this design's agenda what they could decide alone (blame avoidance).</summary>
    public bool TakesEscalations =>
        Design.MeetingInterval > 0 && (Design.EscalationShare > 0 || !double.IsPositiveInfinity(Design.EscalationThreshold));
}
