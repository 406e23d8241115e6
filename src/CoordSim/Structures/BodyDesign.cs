namespace CoordSim.Structures;

/// <summary>
/// A coordination body as data (model.md §2): function × responsibility × cadence × scope ×
/// entry × lifecycle × staffing. The four classic bodies are corners of this space
/// (<see cref="LeadingGroup"/>, <see cref="CommandHeadquarters"/>, <see cref="Office"/>,
/// <see cref="TaskForce"/>); change any field with <c>with</c> to build your own, and move
/// <see cref="Collectivity"/> continuously between 0 (named individuals) and 1 (collective).
/// </summary>
public sealed record BodyDesign
{
    /// <summary>Name of the body, for example "task force".</summary>
    public required string Name { get; init; }

    /// <summary>Decision-focused or execution-focused.</summary>
    public required BodyFunction Function { get; init; }

    /// <summary>
    /// Weight of the collective rule in [0, 1]: the share of accountability spread equally over the
    /// body's members and everyone who handled the issue; the rest is named (decider and executors).
    /// </summary>
    public required double Collectivity { get; init; }

    /// <summary>Under the named part of the rule, the decider's share; the executors share the rest.</summary>
    public required double DeciderShare { get; init; }

    /// <summary>Who chairs the body.</summary>
    public required BodyChair Chair { get; init; }

    /// <summary>True when the chair works for the body at a seconded desk (a task force's lead); false when the chair only meets or works at the home desk.</summary>
    public bool ChairSeconded { get; init; }

    /// <summary>True when issues requiring two or more departments are in scope.</summary>
    public bool CoversCrossDepartment { get; init; } = true;

    /// <summary>True when every emergency (single-department too) is in scope.</summary>
    public bool CoversEmergencies { get; init; }

    /// <summary>True when in-scope issues go from the discovering frontline person straight to the body (via a liaison when there is one); false when they climb to the primary department's head, who refers them.</summary>
    public bool EntryFromFrontline { get; init; }

    /// <summary>True when in-scope emergencies go from the frontline straight to the chair, whatever <see cref="EntryFromFrontline"/> says.</summary>
    public bool EmergenciesFromFrontline { get; init; }

    /// <summary>Days between regular meetings; 0 means the chair decides each item as it comes (a commander).</summary>
    public required double MeetingInterval { get; init; }

    /// <summary>Items decided per meeting; the rest carry over.</summary>
    public int AgendaCapacity { get; init; } = int.MaxValue;

    /// <summary>True when the chair decides emergencies at once (on-site handling) instead of at the next meeting.</summary>
    public bool OnSiteEmergencies { get; init; }

    /// <summary>True when an emergency on the agenda calls an extra meeting after <see cref="EmergencyMeetingDelay"/>.</summary>
    public bool EmergencyMeeting { get; init; }

    /// <summary>Days to convene an extra meeting.</summary>
    public double EmergencyMeetingDelay { get; init; }

    /// <summary>Share of single-department issues member heads escalate to the agenda for cover (blame avoidance).</summary>
    public double EscalationShare { get; init; }

    /// <summary>Share of a seconded member's capacity given to the body (split across their memberships).</summary>
    public double SecondmentShare { get; init; } = 0.5;

    /// <summary>Seconded frontline executors per department (execution-focused bodies).</summary>
    public int ExecutorsPerDepartment { get; init; } = 1;

    /// <summary>Experts: the chair's decision error is divided by sqrt(1 + experts).</summary>
    public int Experts { get; init; }

    /// <summary>Days between supervision rounds (0 = none).</summary>
    public double SupervisionInterval { get; init; }

    /// <summary>Speed-up of the laggard an inspection finds.</summary>
    public double SupervisionBoost { get; init; }

    /// <summary>Days the speed-up lasts.</summary>
    public double SupervisionDuration { get; init; }

    /// <summary>Number of bodies of this design; body i covers the categories c with c mod count = i.</summary>
    public int Count { get; init; } = 1;

    /// <summary>Bodies each seconded official sits on at once.</summary>
    public int MembershipsPerPerson { get; init; } = 1;

    /// <summary>Attention lost per extra concurrent membership (γ).</summary>
    public double SwitchingOverhead { get; init; }

    /// <summary>Days before the body is formed.</summary>
    public double FormationDelay { get; init; }

    /// <summary>Days the body works before it is dissolved (0 = permanent).</summary>
    public double MissionDays { get; init; }

    /// <summary>Days after a dissolution before a restart (0 = no restart).</summary>
    public double RestartAfter { get; init; }

    /// <summary>True when the body works at time <paramref name="t"/> under its lifecycle.</summary>
    public bool IsActive(double t)
    {
        if (t < FormationDelay)
        {
            return false;
        }

        if (MissionDays <= 0)
        {
            return true;
        }

        var since = t - FormationDelay;
        return RestartAfter <= 0 ? since < MissionDays : since % (MissionDays + RestartAfter) < MissionDays;
    }

    /// <summary>Leading group (decision-focused, collective): heads meet every <c>meetingInterval</c> days, decide collectively, decisions go down each chain; blame avoidance swells the agenda.</summary>
    public static BodyDesign LeadingGroup(Parameters p) => WithSharedSettings(p, new()
    {
        Name = "leading group",
        Function = BodyFunction.DecisionFocused,
        Collectivity = 1,
        DeciderShare = 1,
        Chair = BodyChair.GovernmentHead,
        MeetingInterval = p.MeetingInterval,
        AgendaCapacity = p.AgendaCapacity,
        EmergencyMeeting = p.EmergencyMeeting,
        EmergencyMeetingDelay = p.EmergencyMeetingDelay,
        EscalationShare = p.EscalationShare,
    });

    /// <summary>Command headquarters (decision-focused, individual): the commander decides every cross-department issue and every emergency as it comes; emergencies reach the commander straight from the frontline.</summary>
    public static BodyDesign CommandHeadquarters(Parameters p) => WithSharedSettings(p, new()
    {
        Name = "command headquarters",
        Function = BodyFunction.DecisionFocused,
        Collectivity = 0,
        DeciderShare = 1,
        Chair = BodyChair.GovernmentHead,
        CoversEmergencies = true,
        EmergenciesFromFrontline = true,
        MeetingInterval = 0,
    });

    /// <summary>Office / working group (execution-focused, collective): department heads refer cross-department issues; the office meets every <c>officeMeetingInterval</c> days and hands decisions laterally to its seconded executors.</summary>
    public static BodyDesign Office(Parameters p) => WithSharedSettings(p, new()
    {
        Name = "office",
        Function = BodyFunction.ExecutionFocused,
        Collectivity = 1,
        DeciderShare = 1,
        Chair = BodyChair.LeadDepartmentHead,
        MeetingInterval = p.OfficeMeetingInterval,
        AgendaCapacity = p.AgendaCapacity,
        SecondmentShare = p.SecondmentShare,
        ExecutorsPerDepartment = p.ExecutorsPerDepartment,
    });

    /// <summary>Task force (execution-focused, individual): issues go from the frontline via the department's liaison to the lead, who decides emergencies on site and the rest at the weekly dispatch; executors act one lateral hop away; lead ρ, executors 1 − ρ.</summary>
    public static BodyDesign TaskForce(Parameters p) => WithSharedSettings(p, new()
    {
        Name = "task force",
        Function = BodyFunction.ExecutionFocused,
        Collectivity = 0,
        DeciderShare = p.LeadShare,
        Chair = BodyChair.LeadDepartmentHead,
        ChairSeconded = true,
        EntryFromFrontline = true,
        EmergenciesFromFrontline = false,
        MeetingInterval = p.DispatchInterval,
        OnSiteEmergencies = true,
        SecondmentShare = p.SecondmentShare,
        ExecutorsPerDepartment = p.ExecutorsPerDepartment,
        Experts = p.Experts,
        SupervisionInterval = p.SupervisionInterval,
        SupervisionBoost = p.SupervisionBoost,
        SupervisionDuration = p.SupervisionDuration,
        Count = p.TaskForces,
        MembershipsPerPerson = p.MembershipsPerPerson,
    });

    /// <summary>The settings every body takes from the parameters alike: switching overhead and lifecycle.</summary>
    private static BodyDesign WithSharedSettings(Parameters p, BodyDesign design) => design with
    {
        SwitchingOverhead = p.SwitchingOverhead,
        FormationDelay = p.FormationDelay,
        MissionDays = p.MissionDays,
        RestartAfter = p.RestartAfter,
    };
}
