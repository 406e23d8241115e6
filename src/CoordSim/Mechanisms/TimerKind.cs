namespace CoordSim.Mechanisms;

/// <summary>The scheduled happenings of a run that are not an item's movement; each timer names its subject.</summary>
internal enum TimerKind
{
    /// <summary>A body's regular meeting (subject: the body).</summary>
    RegularMeeting,

    /// <summary>A meeting a body convenes for the emergencies on its agenda (subject: the body).</summary>
    EmergencyMeeting,

    /// <summary>A special meeting a body's leader calls because its agenda has reached the trigger (subject: the body).</summary>
    SpecialMeeting,

    /// <summary>The end of a meeting: the items it took are decided now (subject: the body; data: the meeting's kind).</summary>
    MeetingEnds,

    /// <summary>A task force's progress review ("dispatch"): decides nothing, costs attendance, puts pressure on old items (subject: the body).</summary>
    ProgressReview,

    /// <summary>A body's liaisons file their periodic brief (subject: the body).</summary>
    Report,

    /// <summary>A supervision round over the members of the bodies of one design (subject: the design's index in the structure).</summary>
    SupervisionRound,

    /// <summary>The end of an inspection's speed-up of one desk (subject: the desk).</summary>
    SupervisionEnds,

    /// <summary>The bodies of one design are formed, or restarted: their members' seconded capacity leaves their home desks (subject: the design's index in the structure; data: the cycle).</summary>
    BodyForms,

    /// <summary>The bodies of one design are dissolved: their members' seconded capacity returns home once their body desks are empty (subject: the design's index in the structure; data: the cycle).</summary>
    BodyDissolves,
}
