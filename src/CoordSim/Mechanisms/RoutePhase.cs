namespace CoordSim.Mechanisms;

/// <summary>
/// Where a work item stands on its route: what the routing does with it when the desk it waits at has served
/// it, or when it reaches the routing without a desk (a body's agenda, a consultation answer). One vocabulary
/// for every structure, so a phase means the same thing wherever it is read.
/// </summary>
internal enum RoutePhase : byte
{
    /// <summary>Climbing the reporting line towards the person who decides.</summary>
    Up,

    /// <summary>A decision travelling down a department's chain.</summary>
    Down,

    /// <summary>At the executor, who acts on the decision.</summary>
    Execute,

    /// <summary>Served by the discoverer; next it goes to a body (via the department's liaison, or straight to the chair).</summary>
    ToBody,

    /// <summary>At a body's liaison desk.</summary>
    Liaison,

    /// <summary>At the desk of the body member who decides it as it comes (a commander, a task force's lead).</summary>
    ChairDecides,

    /// <summary>At a body's seconded executor, who acts on the decision.</summary>
    BodyExecute,

    /// <summary>On its way to a body's office, agenda or handler (a referral).</summary>
    Referred,

    /// <summary>At the desk of whoever coordinates the issue (a primary head, a body's office or liaison), before the consultation.</summary>
    Coordinate,

    /// <summary>Parked while consultation requests are out with the other departments.</summary>
    Consulting,

    /// <summary>A consultation request at (or on its way to) another department's head.</summary>
    Request,

    /// <summary>A consultation answer on its way back to the coordinator: the department concurs.</summary>
    Concurred,

    /// <summary>A consultation answer on its way back to the coordinator: the department deflects (推诿).</summary>
    Deflected,

    /// <summary>Back at the coordinator's desk to rework the proposal after a deflection.</summary>
    Rework,

    /// <summary>Escalated: at the desk of the deputy in charge or the government head, who decides.</summary>
    Escalated,

    /// <summary>A decision at a body's liaison, who relays it on to the body's executor in the department (a task force whose members are not co-located).</summary>
    RelayToExecutor,

    /// <summary>Contested in a body with a parent body: on its way to the parent's agenda.</summary>
    ToParent,

    /// <summary>Served by the discoverer in a flattened hierarchy with platform units: next it goes to the unit of the discoverer's area (unless the discoverer decides it).</summary>
    ToPlatform,

    /// <summary>At a platform unit, which relays it to the line and decides nothing.</summary>
    Platform,

    /// <summary>Served by the discovering grid member of a grid platform: solved and archived here, or reported to the command centre.</summary>
    Grid,

    /// <summary>At (or on its way to) the grid platform's command centre, which sorts the record and dispatches it to a department.</summary>
    CommandCentre,

    /// <summary>Waiting for a joint conference of the grid platform (cross-department issues).</summary>
    JointConference,
}
