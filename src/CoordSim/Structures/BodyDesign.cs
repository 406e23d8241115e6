namespace CoordSim.Structures;

/// <summary>
/// A coordination body as data (docs/model.md §4): function × responsibility × handling × cadence × costs ×
/// scope × entry × lifecycle × staffing. The four classic bodies are corners of this space
/// (<see cref="LeadingGroup"/>, <see cref="CommandHeadquarters"/>, <see cref="Office"/>, <see cref="TaskForce"/>),
/// each built from the run's parameters; change any field with <c>with</c> to build your own, and move
/// <see cref="Collectivity"/> continuously between 0 (named individuals) and 1 (collective).
/// </summary>
public sealed record BodyDesign
{
    /// <summary>Name of the body, for example "task force".</summary>
    [BodyField]
    public required string Name { get; init; }

    /// <summary>Decision-focused (decisions go down each department's chain) or execution-focused (to the body's seconded executors).</summary>
    [BodyField]
    public required BodyFunction Function { get; init; }

    /// <summary>
    /// Weight of the collective rule in [0, 1]: the share of accountability spread equally over the
    /// body's members and everyone who handled the issue; the rest is named (decider and executors).
    /// </summary>
    [BodyField(Min = 0, Max = 1, Unit = "share")]
    public required double Collectivity { get; init; }

    /// <summary>Under the named part of the rule, the decider's share; the executors share the rest.</summary>
    [BodyField(Min = 0, Max = 1, Unit = "share")]
    public required double DeciderShare { get; init; }

    /// <summary>Who chairs the body.</summary>
    [BodyField]
    public required BodyChair Chair { get; init; }

    /// <summary>True when the chair works for the body at a seconded desk (a task force's lead); false when the chair only meets or works at the home desk.</summary>
    [BodyField]
    public bool ChairSeconded { get; init; }

    /// <summary>True when issues requiring two or more departments are in scope.</summary>
    [BodyField]
    public bool CoversCrossDepartment { get; init; } = true;

    /// <summary>True when every emergency, and every issue that arrives during a crisis, is in scope.</summary>
    [BodyField]
    public bool CoversEmergencies { get; init; }

    /// <summary>The issue categories in the body's scope: "all", or a comma-separated list of categories in kebab case (security-and-stability, administrative-enforcement, public-service, social-affairs, party-and-mass-organisations, emergency-management, public-opinion, other); issues of other categories go to the next design or follow the hierarchy.</summary>
    [BodyField(List = BodyScopeKind.Categories)]
    public string Categories { get; init; } = BodyScopeList.All;

    /// <summary>The departments in the body's scope, by primary department: "all", or a comma-separated list of department indices (0 to 63); issues of other primary departments go to the next design or follow the hierarchy.</summary>
    [BodyField(List = BodyScopeKind.Departments)]
    public string Departments { get; init; } = BodyScopeList.All;

    /// <summary>True when in-scope issues go from the discovering frontline person straight to the body (via a liaison when there is one); false when they climb to the primary department's head, who refers them.</summary>
    [BodyField]
    public bool EntryFromFrontline { get; init; }

    /// <summary>True when in-scope emergencies go from the frontline straight to the chair, whatever <see cref="EntryFromFrontline"/> says.</summary>
    [BodyField]
    public bool EmergenciesFromFrontline { get; init; }

    /// <summary>How an item that reaches the body is handled: by its office, on the spot, by the chair, or only at meetings.</summary>
    [BodyField]
    public RoutineHandling Handling { get; init; } = RoutineHandling.Agenda;

    /// <summary>Full-time office staff in the lead department (<see cref="RoutineHandling.Office"/>).</summary>
    [BodyField(Min = 0, Max = 64, Unit = "people")]
    public int OfficeStaff { get; init; }

    /// <summary>True when the members work side by side: hand-overs inside the body are face to face (lateral); otherwise its liaisons relay between the departments and the lead (relay channel).</summary>
    [BodyField]
    public bool CoLocated { get; init; } = true;

    /// <summary>Share of the items the body handles that go straight on its meeting agenda, contested from the start.</summary>
    [BodyField(Min = 0, Max = 1, Unit = "share")]
    public double ContestedShare { get; init; }

    /// <summary>Probability that a member department deflects one round of the office's consultation (before the body's authority).</summary>
    [BodyField(Min = 0, Max = 1, Unit = "probability")]
    public double DeflectProbability { get; init; }

    /// <summary>Rounds of consultation the office tries before the item goes on the agenda.</summary>
    [BodyField(Min = 1, Max = 20, Unit = "rounds")]
    public int ConsultationRounds { get; init; } = 1;

    /// <summary>The body's authority over its members: deflection in its consultation is <see cref="DeflectProbability"/> × (1 − authority).</summary>
    [BodyField(Min = 0, Max = 1, Unit = "share")]
    public double Authority { get; init; }

    /// <summary>Days between regular meetings; 0 means the body never meets and the chair decides each item as it comes (a commander).</summary>
    [BodyField(Min = 0, MinPositive = Parameters.ShortestPeriodDays, Max = 3650, Unit = "days")]
    public required double MeetingInterval { get; init; }

    /// <summary>Items decided per meeting; the rest carry over.</summary>
    [BodyField(Min = 1, Max = 2147483647, Unit = "items")]
    public int AgendaCapacity { get; init; } = int.MaxValue;

    /// <summary>Items on the agenda at which the chair calls a special meeting (0 = never).</summary>
    [BodyField(Min = 0, Max = 1000000, Unit = "items")]
    public int AgendaTrigger { get; init; }

    /// <summary>True when the chair decides emergencies at once (on-site handling) instead of at the next meeting.</summary>
    [BodyField]
    public bool OnSiteEmergencies { get; init; }

    /// <summary>True when an emergency on the agenda calls an emergency meeting after <see cref="EmergencyMeetingDelay"/>.</summary>
    [BodyField]
    public bool EmergencyMeeting { get; init; }

    /// <summary>Days to convene a special or emergency meeting.</summary>
    [BodyField(Min = 0, Max = 365, Unit = "days")]
    public double EmergencyMeetingDelay { get; init; }

    /// <summary>Days each attendee spends in a meeting or review besides the items decided.</summary>
    [BodyField(Min = 0, Max = 30, Unit = "days")]
    public double MeetingDuration { get; init; }

    /// <summary>Minutes of meeting per item decided (8-hour day).</summary>
    [BodyField(Min = 0, Max = 480, Unit = "minutes")]
    public double MinutesPerItem { get; init; }

    /// <summary>Days between progress reviews that decide nothing but cost attendance and press old items (0 = none).</summary>
    [BodyField(Min = 0, MinPositive = Parameters.ShortestPeriodDays, Max = 3650, Unit = "days")]
    public double ReviewInterval { get; init; }

    /// <summary>Age beyond which a review presses an item.</summary>
    [BodyField(Min = 0, Max = 3650, Unit = "days")]
    public double PressureAge { get; init; }

    /// <summary>Days between the briefs each liaison files (0 = none).</summary>
    [BodyField(Min = 0, MinPositive = Parameters.ShortestPeriodDays, Max = 3650, Unit = "days")]
    public double ReportInterval { get; init; }

    /// <summary>Days of desk time one brief costs.</summary>
    [BodyField(Min = 0, Max = 30, Unit = "days")]
    public double ReportDuration { get; init; }

    /// <summary>Share of single-department issues member heads escalate to the agenda for cover whatever their severity (blame avoidance).</summary>
    [BodyField(Min = 0, Max = 1, Unit = "share")]
    public double EscalationShare { get; init; }

    /// <summary>Perceived severity (standard deviations) above which member heads escalate an issue they could decide alone.</summary>
    [BodyField(Min = 0, Max = double.PositiveInfinity, Unit = "sd")]
    public double EscalationThreshold { get; init; } = double.PositiveInfinity;

    /// <summary>Share of a seconded member's capacity given to the body (split across their memberships).</summary>
    [BodyField(Min = 0, MinExclusive = true, Max = 0.95, Unit = "share")]
    public double SecondmentShare { get; init; } = 0.5;

    /// <summary>Seconded frontline executors per department (execution-focused bodies).</summary>
    [BodyField(Min = 1, Max = 1024, Unit = "people")]
    public int ExecutorsPerDepartment { get; init; } = 1;

    /// <summary>Experts: the body's decision error is divided by sqrt(1 + experts).</summary>
    [BodyField(Min = 0, Max = 100, Unit = "people")]
    public int Experts { get; init; }

    /// <summary>Days between supervision rounds (0 = none).</summary>
    [BodyField(Min = 0, MinPositive = Parameters.ShortestPeriodDays, Max = 3650, Unit = "days")]
    public double SupervisionInterval { get; init; }

    /// <summary>Speed-up of the laggard an inspection finds.</summary>
    [BodyField(Min = 0, Max = 10, Unit = "factor")]
    public double SupervisionBoost { get; init; }

    /// <summary>Days the speed-up lasts.</summary>
    [BodyField(Min = 0, Max = 3650, Unit = "days")]
    public double SupervisionDuration { get; init; }

    /// <summary>Number of bodies of this design. Up to eight (one per issue category), body i covers the categories c with c mod count = i; beyond eight, the issues are split also by their partner department (the lowest-numbered required department other than the primary one): its rank r among the other departments makes the slot c + 8r, and body i covers the slots s with s mod count = i (8 × (departments − 1) slots: more bodies than that leave some without issues).</summary>
    [BodyField(Min = 1, Max = 64, Unit = "bodies")]
    public int Count { get; init; } = 1;

    /// <summary>Bodies each seconded official sits on at once.</summary>
    [BodyField(Min = 1, Max = 64, Unit = "bodies")]
    public int MembershipsPerPerson { get; init; } = 1;

    /// <summary>Attention lost per extra concurrent membership (γ).</summary>
    [BodyField(Min = 0, Max = 0.9, Unit = "share")]
    public double SwitchingOverhead { get; init; }

    /// <summary>When the body is formed: at the start or when the crisis starts.</summary>
    [BodyField]
    public FormationTrigger FormOn { get; init; } = FormationTrigger.Start;

    /// <summary>Days after the start (or the crisis) before the body is formed.</summary>
    [BodyField(Min = 0, Max = 3650, Unit = "days")]
    public double FormationDelay { get; init; }

    /// <summary>Days the body works before it is dissolved (0 = permanent, or until the crisis ends for a crisis body).</summary>
    [BodyField(Min = 0, MinPositive = Parameters.ShortestPeriodDays, Max = 36500, Unit = "days")]
    public double MissionDays { get; init; }

    /// <summary>Days after a dissolution before a restart (0 = no restart).</summary>
    [BodyField(Min = 0, MinPositive = Parameters.ShortestPeriodDays, Max = 36500, Unit = "days")]
    public double RestartAfter { get; init; }

    /// <summary>Leading group (decision-focused, collective): cross-department issues climb to the primary head, who refers them to the group's office; the office consults the member heads with the group's authority, and what stays contested waits for the quarterly plenary or a special meeting; decisions go down each chain. Member heads escalate for cover.</summary>
    public static BodyDesign LeadingGroup(Parameters p) => WithSharedSettings(p, new()
    {
        Name = "leading group",
        Function = BodyFunction.DecisionFocused,
        Collectivity = 1,
        DeciderShare = 1,
        Chair = BodyChair.GovernmentHead,
        Handling = p.OfficeStaff > 0 ? RoutineHandling.Office : RoutineHandling.Agenda,
        OfficeStaff = p.OfficeStaff,
        MeetingInterval = p.PlenaryInterval,
        AgendaCapacity = p.AgendaCapacity,
        AgendaTrigger = p.AgendaTrigger,
        EmergencyMeeting = p.EmergencyMeeting,
        EmergencyMeetingDelay = p.EmergencyMeetingDelay,
        EscalationShare = p.EscalationShare,
        EscalationThreshold = p.EscalationThreshold,
    });

    /// <summary>Command headquarters (decision-focused, individual): the commander decides every emergency and every issue of an active crisis as it comes, at a principal's capacity (and every cross-department issue when <c>commandCoversCrossDepartment</c>); emergencies reach the commander straight from the frontline.</summary>
    public static BodyDesign CommandHeadquarters(Parameters p) => WithSharedSettings(p, new()
    {
        Name = "command headquarters",
        Function = BodyFunction.DecisionFocused,
        Collectivity = 0,
        DeciderShare = 1,
        Chair = BodyChair.GovernmentHead,
        CoversCrossDepartment = p.CommandCoversCrossDepartment,
        CoversEmergencies = true,
        EmergenciesFromFrontline = true,
        Handling = RoutineHandling.Chair,
        MeetingInterval = 0,
    });

    /// <summary>Office / working group (execution-focused, collective): department heads refer cross-department issues; the office consults the member heads and hands decisions laterally to its seconded executors; what stays contested waits for the weekly meeting.</summary>
    public static BodyDesign Office(Parameters p) => WithSharedSettings(p, new()
    {
        Name = "office",
        Function = BodyFunction.ExecutionFocused,
        Collectivity = 1,
        DeciderShare = 1,
        Chair = BodyChair.LeadDepartmentHead,
        Handling = p.OfficeStaff > 0 ? RoutineHandling.Office : RoutineHandling.Agenda,
        OfficeStaff = p.OfficeStaff,
        MeetingInterval = p.OfficeMeetingInterval,
        AgendaCapacity = p.AgendaCapacity,
        SecondmentShare = p.SecondmentShare,
        ExecutorsPerDepartment = p.ExecutorsPerDepartment,
    });

    /// <summary>Task force (execution-focused, individual): issues go from the frontline to the department's liaison; co-located members settle them on the spot (else the liaisons relay them to the lead, who decides); the lead decides emergencies on site; the contested wait for the monthly consultation; weekly progress reviews press old items; executors act one hop away; lead ρ, executors 1 − ρ.</summary>
    public static BodyDesign TaskForce(Parameters p) => WithSharedSettings(p, new()
    {
        Name = "task force",
        Function = BodyFunction.ExecutionFocused,
        Collectivity = 0,
        DeciderShare = p.LeadShare,
        Chair = BodyChair.LeadDepartmentHead,
        ChairSeconded = true,
        CoversCrossDepartment = p.TaskForceScope == TaskForceScope.Routine,
        CoversEmergencies = p.TaskForceScope == TaskForceScope.Emergency,
        EntryFromFrontline = true,
        EmergenciesFromFrontline = false,
        Handling = p.CoLocated ? RoutineHandling.OnTheSpot : RoutineHandling.Chair,
        CoLocated = p.CoLocated,
        MeetingInterval = p.ConsultInterval,
        OnSiteEmergencies = true,
        ReviewInterval = p.DispatchInterval,
        PressureAge = p.DispatchPressureAge,
        ReportInterval = p.ReportInterval,
        ReportDuration = p.ReportDuration,
        SecondmentShare = p.SecondmentShare,
        ExecutorsPerDepartment = p.ExecutorsPerDepartment,
        Experts = p.Experts,
        SupervisionInterval = p.SupervisionInterval,
        SupervisionBoost = p.SupervisionBoost,
        SupervisionDuration = p.SupervisionDuration,
        Count = p.TaskForces,
        MembershipsPerPerson = p.MembershipsPerPerson,
    });

    /// <summary>
    /// The settings every body takes from the parameters alike: consultation, the costs of meetings, switching
    /// overhead and lifecycle.
    /// </summary>
    private static BodyDesign WithSharedSettings(Parameters p, BodyDesign design) => design with
    {
        ContestedShare = p.ContestedShare,
        DeflectProbability = p.DeflectProbability,
        ConsultationRounds = p.ConsultationRounds,
        Authority = p.BodyAuthority,
        MeetingDuration = p.MeetingDuration,
        MinutesPerItem = p.MinutesPerItem,
        SwitchingOverhead = p.SwitchingOverhead,
        FormOn = p.FormOn,
        FormationDelay = p.FormationDelay,
        MissionDays = p.MissionDays,
        RestartAfter = p.RestartAfter,
    };
}
