namespace CoordSim;

/// <summary>
/// Every number that defines a run besides the structure and the seed: an immutable record
/// with documented defaults that describe a plausible prefecture-level government
/// (model.md §9). Change values with <c>with</c> expressions or by name through
/// <see cref="ParameterCatalog"/>; check them with <see cref="Validate"/>.
/// </summary>
/// <example>
/// <code>
/// var p = Parameters.Default with { Departments = 8, Levels = 4, CrossDepartmentShare = 0.4 };
/// </code>
/// </example>
public sealed record Parameters
{
    /// <summary>The default scenario.</summary>
    public static Parameters Default { get; } = new();

    // ---------------------------------------------------------------- Organisation

    /// <summary>Number of departments (条), one per issue category by default.</summary>
    [Parameter("Organisation", "Number of departments; each issue category has a primary department (category mod departments).",
        Min = 1, Max = 64, Rationale = "Eight, one per issue category of the Shangcheng grid (S5).")]
    public int Departments { get; init; } = 8;

    /// <summary>Levels inside a department: 0 = frontline … levels−1 = department head. The government head sits above all.</summary>
    [Parameter("Organisation", "Levels inside each department (0 = frontline, levels-1 = department head); the government head sits above.",
        Min = 1, Max = 10, Rationale = "Frontline, section, division, department head: a prefecture-level bureau (model.md §9).")]
    public int Levels { get; init; } = 4;

    /// <summary>Subordinates per superior inside a department.</summary>
    [Parameter("Organisation", "Span of control: subordinates per superior inside a department.",
        Min = 1, Max = 64, Rationale = "Four gives 85 people per department and 681 in all (model.md §9).")]
    public int Span { get; init; } = 4;

    // ---------------------------------------------------------------- Service

    /// <summary>Items a frontline person completes per day when fully attending.</summary>
    [Parameter("Service", "Service rate of a frontline person (items/day); levels above rise geometrically to headServiceRate.",
        Min = 0, MinExclusive = true, Unit = "items/day",
        Rationale = "Half a day per item at the frontline; together with headServiceRate and topServiceRate it loads the busiest person of the default hierarchy at about 55-65% (docs/model.md, calibration).")]
    public double ServiceRate { get; init; } = 2.0;

    /// <summary>Items a department head completes per day; levels between frontline and head interpolate geometrically.</summary>
    [Parameter("Service", "Service rate of a department head (items/day); level k has serviceRate*(headServiceRate/serviceRate)^(k/(levels-1)).",
        Min = 0, MinExclusive = true, Unit = "items/day",
        Rationale = "Items reach a head pre-digested; 16/day gives the default heads about 55-65% utilisation. Anchoring both ends keeps the head's capacity fixed when depth is varied.")]
    public double HeadServiceRate { get; init; } = 16.0;

    /// <summary>Items the government head (the lowest common superior of all departments) completes per day.</summary>
    [Parameter("Service", "Service rate of the government head, who decides cross-department issues in the hierarchy (items/day).",
        Min = 0, MinExclusive = true, Unit = "items/day",
        Rationale = "24/day: 12 cross-department issues a day load the top at 50%; it saturates near a 60% cross-department share, before the department heads (stylised fact 1).")]
    public double TopServiceRate { get; init; } = 24.0;

    /// <summary>Items a person can serve at once (servers per desk).</summary>
    [Parameter("Service", "Items each person works on at once (parallel servers per desk).",
        Min = 1, Max = 64, Rationale = "One: an official handles one file at a time (model.md §5).")]
    public int ServersPerPerson { get; init; } = 1;

    /// <summary>The distribution of service times.</summary>
    [Parameter("Service", "Service-time distribution: exponential or log-normal.",
        Rationale = "Exponential: the memoryless default that makes every desk an M/M/1-like queue, checked against theory in docs/validation.md.")]
    public ServiceDistribution ServiceDistribution { get; init; } = ServiceDistribution.Exponential;

    /// <summary>Coefficient of variation of log-normal service times.</summary>
    [Parameter("Service", "Coefficient of variation of service times when serviceDistribution is log-normal.",
        Min = 0, MinExclusive = true, Max = 10, Rationale = "0.8: office work is less variable than exponential but right-skewed.")]
    public double ServiceCv { get; init; } = 0.8;

    /// <summary>The order in which desks take waiting items.</summary>
    [Parameter("Service", "Queue discipline at every desk: fifo or urgent-first.",
        Rationale = "First come, first served: the plain bureaucratic rule; urgent-first is the obvious reform to test.")]
    public QueueDiscipline QueueDiscipline { get; init; } = QueueDiscipline.Fifo;

    // ---------------------------------------------------------------- Workload

    /// <summary>Mean number of issues arriving per day (Poisson process).</summary>
    [Parameter("Workload", "Mean issues arriving per day (Poisson process).",
        Min = 0, MinExclusive = true, Max = 1e6, Unit = "issues/day", Rationale = "About 40 a day for a prefecture-level government (model.md §9).")]
    public double ArrivalRate { get; init; } = 40.0;

    /// <summary>Probability that an issue involves more than one department.</summary>
    [Parameter("Workload", "Probability that an issue requires two or more departments.",
        Min = 0, Max = 1, Rationale = "30%: most issues stay inside one department (model.md §9).")]
    public double CrossDepartmentShare { get; init; } = 0.3;

    /// <summary>Largest number of departments one issue requires; a cross-department issue requires 2..K, uniformly.</summary>
    [Parameter("Workload", "Largest number of departments one issue requires; cross-department issues require 2..K uniformly.",
        Min = 2, Max = 64, Rationale = "Three (model.md §9).")]
    public int MaxDepartmentsPerIssue { get; init; } = 3;

    /// <summary>Probability that an issue is an emergency.</summary>
    [Parameter("Workload", "Probability that an issue is an emergency (urgent).",
        Min = 0, Max = 1, Rationale = "10% (model.md §9).")]
    public double EmergencyShare { get; init; } = 0.1;

    /// <summary>Number of facts in an issue's true state vector.</summary>
    [Parameter("Workload", "Facts in an issue's true state vector (component 0 is severity).",
        Min = 1, Max = 64, Rationale = "Eight N(0,1) facts (model.md §3).")]
    public int StateDimensions { get; init; } = 8;

    /// <summary>Days allowed for a routine issue before it counts as failed.</summary>
    [Parameter("Workload", "Deadline of a routine issue, from discovery (days).",
        Min = 0, MinExclusive = true, Unit = "days", Rationale = "About a month (model.md §9).")]
    public double RoutineDeadline { get; init; } = 30.0;

    /// <summary>Days allowed for an emergency before it counts as failed.</summary>
    [Parameter("Workload", "Deadline of an emergency, from discovery (days).",
        Min = 0, MinExclusive = true, Unit = "days", Rationale = "Three days (model.md §9).")]
    public double EmergencyDeadline { get; init; } = 3.0;

    // ---------------------------------------------------------------- Channels

    /// <summary>Time one hand-over along a reporting line takes.</summary>
    [Parameter("Channel", "Transmission time of one relay hop along a reporting line (days).",
        Min = 0, Unit = "days", Rationale = "A quarter of a working day for a file to move between offices.")]
    public double TransmissionDelay { get; init; } = 0.25;

    /// <summary>Standard deviation of the noise a relay hop adds to each fact.</summary>
    [Parameter("Channel", "Noise added to each fact by one relay hop (standard deviation, in units of the fact's spread).",
        Min = 0, Max = 10, Rationale = "About 0.1 of a fact's standard deviation per hop (model.md §9).")]
    public double NoiseSigma { get; init; } = 0.1;

    /// <summary>Probability that a relay hop loses a fact (replaced by the prior mean 0 and lost for good).</summary>
    [Parameter("Channel", "Probability that one relay hop drops a fact; a dropped fact becomes 0 and stays lost.",
        Min = 0, Max = 1, Rationale = "A few percent of facts lost per relay (model.md §9; S1's information reduction).")]
    public double DropProbability { get; init; } = 0.02;

    /// <summary>Fraction by which an upward hop shades the severity fact towards zero.</summary>
    [Parameter("Channel", "Upward shading of bad news: each upward hop scales the severity fact by (1 - upwardBias).",
        Min = 0, Max = 1, Rationale = "A small shading of bad news on the way up (model.md §5, S1).")]
    public double UpwardBias { get; init; } = 0.05;


    /// <summary>Noise per fact of a face-to-face hand-over inside a body's meeting.</summary>
    [Parameter("Channel", "Noise added to each fact by a face-to-face hand-over in a meeting (standard deviation).",
        Min = 0, Max = 10, Rationale = "Less than a relay: everyone hears the same account at once (model.md §5, §9).")]
    public double MeetingNoiseSigma { get; init; } = 0.03;

    /// <summary>Probability that a face-to-face hand-over loses a fact.</summary>
    [Parameter("Channel", "Probability that a meeting hand-over drops a fact.",
        Min = 0, Max = 1, Rationale = "A quarter of a relay's loss.")]
    public double MeetingDropProbability { get; init; } = 0.005;

    /// <summary>Time a written or digital record takes to reach its addressee.</summary>
    [Parameter("Channel", "Transmission time of a written or digital record (days).",
        Min = 0, Unit = "days", Rationale = "About an hour: a referral filed on a platform (S5).")]
    public double RecordDelay { get; init; } = 0.05;

    /// <summary>Noise per fact of a written or digital record.</summary>
    [Parameter("Channel", "Noise added to each fact by a written or digital record (standard deviation).",
        Min = 0, Max = 10, Rationale = "Records are copied, not retold: a tenth of a relay's noise (S5).")]
    public double RecordNoiseSigma { get; init; } = 0.01;

    /// <summary>Probability that a record loses a fact.</summary>
    [Parameter("Channel", "Probability that a written or digital record drops a fact.",
        Min = 0, Max = 1, Rationale = "Records rarely lose facts (S5: automatic sorting and archiving).")]
    public double RecordDropProbability { get; init; } = 0.001;

    /// <summary>Time a direct lateral contact (or a liaison's relay) takes.</summary>
    [Parameter("Channel", "Transmission time of a direct lateral contact between body members, or a liaison's relay (days).",
        Min = 0, Unit = "days", Rationale = "Group chat and liaison tables: about an hour (S1).")]
    public double LateralDelay { get; init; } = 0.05;

    /// <summary>Noise per fact of a direct lateral contact between members of one body.</summary>
    [Parameter("Channel", "Noise added to each fact by a direct lateral contact between body members (standard deviation).",
        Min = 0, Max = 10, Rationale = "Half a relay's noise: one-to-one contact between the people involved (S2).")]
    public double LateralNoiseSigma { get; init; } = 0.05;

    /// <summary>Probability that a lateral contact loses a fact.</summary>
    [Parameter("Channel", "Probability that a direct lateral contact drops a fact.",
        Min = 0, Max = 1, Rationale = "Half a relay's loss.")]
    public double LateralDropProbability { get; init; } = 0.01;

    // ---------------------------------------------------------------- Decision and responsibility

    /// <summary>Level that decides single-department issues in the hierarchy; −1 means the department head.</summary>
    [Parameter("Decision", "Level that decides single-department issues (0 = frontline ... levels-1 = head); -1 = the department head.",
        Min = -1, Max = 9, Rationale = "The department head: authority sits at the top of each line (model.md §4.1).")]
    public int DecisionLevel { get; init; } = -1;

    /// <summary>Noise a decider adds to each fact of the state a decision rests on.</summary>
    [Parameter("Decision", "Decision error: noise a decider adds to each fact of the state the decision carries (standard deviation).",
        Min = 0, Max = 10, Rationale = "0.05: judgement adds a little error; a body's experts reduce it (S1, S2: 'clinical consultation').")]
    public double DecisionNoiseSigma { get; init; } = 0.05;

    /// <summary>Effort elasticity α: a person whose expected responsibility share in an issue is w works at speed and care w^α.</summary>
    [Parameter("Responsibility", "Effort feedback (social loafing): speed and care scale by w^alpha for a responsibility share w; 0 turns it off.",
        Min = 0, Max = 2, Rationale = "Off by default so that the service calibration is exact; experiments switch it on (model.md §5).")]
    public double EffortElasticity { get; init; } = 0.0;

    /// <summary>Relative distortion above which an executed issue counts as failed (for traceability).</summary>
    [Parameter("Responsibility", "Relative error of an executor's state above which the issue counts as failed.",
        Min = 0, MinExclusive = true, Rationale = "0.5: the executor acts on a picture half as wrong as the truth is large.")]
    public double FailureDistortion { get; init; } = 0.5;

    // ---------------------------------------------------------------- Coordination bodies

    /// <summary>Days between regular meetings of a leading group.</summary>
    [Parameter("Bodies", "Days between regular meetings of a leading group.",
        Min = 0, MinExclusive = true, Unit = "days", Rationale = "'Consult every month' (S2).")]
    public double MeetingInterval { get; init; } = 30.0;

    /// <summary>Items a leading group can decide in one meeting; the rest carry over.</summary>
    [Parameter("Bodies", "Items a leading group decides per meeting; overflow carries over to the next meeting.",
        Min = 1, Max = 1e6, Unit = "items", Rationale = "380: about 362 routine items reach a monthly agenda by default (cross-department issues and escalations; emergencies go to extra meetings), Poisson sd about 19, so the cap binds in about one month in six.")]
    public int AgendaCapacity { get; init; } = 380;

    /// <summary>Whether an emergency on a leading group's agenda calls an extra meeting.</summary>
    [Parameter("Bodies", "Whether an emergency reaching a leading group's agenda calls an extra meeting.",
        Rationale = "Yes: groups convene for emergencies, but only after emergencyMeetingDelay (S1: weak in emergencies).")]
    public bool EmergencyMeeting { get; init; } = true;

    /// <summary>Days needed to convene an extra meeting.</summary>
    [Parameter("Bodies", "Days needed to convene an extra meeting for an emergency.",
        Min = 0, Unit = "days", Rationale = "One day to gather the member heads.")]
    public double EmergencyMeetingDelay { get; init; } = 1.0;

    /// <summary>Share of single-department issues a leading group's member heads escalate to the agenda for cover.</summary>
    [Parameter("Bodies", "Blame avoidance: share of issues a member head could decide alone that is escalated to the leading group's agenda.",
        Min = 0, Max = 1, Rationale = "5%: 'members escalate everything to the group agenda to be covered' (S2), kept small so the agenda stays stable.")]
    public double EscalationShare { get; init; } = 0.05;

    /// <summary>Days between an office's (working group's) meetings.</summary>
    [Parameter("Bodies", "Days between meetings of an office / working group.",
        Min = 0, MinExclusive = true, Unit = "days", Rationale = "Weekly: a standing office meets more often than the group above it.")]
    public double OfficeMeetingInterval { get; init; } = 7.0;

    /// <summary>Days between a task force's routine dispatches.</summary>
    [Parameter("Bodies", "Days between a task force's routine dispatch meetings (emergencies are decided on site at once).",
        Min = 0, MinExclusive = true, Unit = "days", Rationale = "'Dispatch every week' (S2).")]
    public double DispatchInterval { get; init; } = 7.0;

    /// <summary>Responsibility share of a task force's lead; the executors share the rest.</summary>
    [Parameter("Bodies", "Named responsibility in a task force: the lead's share rho; the executors share 1 - rho.",
        Min = 0, Max = 1, Rationale = "0.6: the lead answers for the decision, the executor for the action (S1: decision and execution responsibility split).")]
    public double LeadShare { get; init; } = 0.6;

    /// <summary>Share of a seconded member's capacity that goes to the body.</summary>
    [Parameter("Bodies", "Share of each seconded member's capacity given to the body; their home unit keeps the rest.",
        Min = 0, MinExclusive = true, Max = 0.95, Rationale = "Half (model.md §9; S3: seconded staff are not fully present).")]
    public double SecondmentShare { get; init; } = 0.5;

    /// <summary>Seconded executors per department in an execution-focused body.</summary>
    [Parameter("Bodies", "Seconded frontline executors per department in an execution-focused body (task force, office).",
        Min = 1, Max = 1024, Rationale = "Eight: enough half-time executors to act on about four branches a day per department.")]
    public int ExecutorsPerDepartment { get; init; } = 8;

    /// <summary>Experts in a task force; they divide the lead's decision error by sqrt(1 + experts).</summary>
    [Parameter("Bodies", "Experts recruited by a task force; decision error is divided by sqrt(1 + experts).",
        Min = 0, Max = 100, Rationale = "None by default; S1 and S2 describe recruiting technical experts.")]
    public int Experts { get; init; }

    /// <summary>Days between inspections of a task force.</summary>
    [Parameter("Bodies", "Days between supervision rounds of a task force (0 = none).",
        Min = 0, Unit = "days", Rationale = "'Monthly inspection' (S2).")]
    public double SupervisionInterval { get; init; } = 30.0;

    /// <summary>Effort boost of a laggard found by an inspection.</summary>
    [Parameter("Bodies", "Speed-up of the laggard an inspection finds (the member with the longest queue), as a fraction.",
        Min = 0, Max = 10, Rationale = "0.5: an interview of laggards (S2) makes them work half again as fast for a while.")]
    public double SupervisionBoost { get; init; } = 0.5;

    /// <summary>How long an inspection's boost lasts.</summary>
    [Parameter("Bodies", "Days the inspection's speed-up lasts.",
        Min = 0, Unit = "days", Rationale = "A week.")]
    public double SupervisionDuration { get; init; } = 7.0;

    /// <summary>Switching overhead γ per extra concurrent membership.</summary>
    [Parameter("Bodies", "Attention lost per extra concurrent membership: every desk of a person in n bodies works at (1 - gamma)^(n-1).",
        Min = 0, Max = 0.9, Rationale = "0.1: 'like being added to ever more group chats' (S3).")]
    public double SwitchingOverhead { get; init; } = 0.1;

    /// <summary>Number of task forces; each covers the categories c with c mod taskForces = its index.</summary>
    [Parameter("Bodies", "Number of task forces (proliferation); task force i covers the issue categories c with c mod taskForces = i.",
        Min = 1, Max = 8, Rationale = "One task force covering every cross-department issue; at most one per issue category.")]
    public int TaskForces { get; init; } = 1;

    /// <summary>Task forces each seconded official sits on at once.</summary>
    [Parameter("Bodies", "Task forces each seconded official sits on at once; the seconded share is split between them.",
        Min = 1, Max = 64, Rationale = "One: no sharing of officials until proliferation is studied (S2, S3).")]
    public int MembershipsPerPerson { get; init; } = 1;

    /// <summary>Days before a body starts working; issues before then follow the hierarchy.</summary>
    [Parameter("Bodies", "Days before a body is formed; until then its issues follow the hierarchy.",
        Min = 0, Unit = "days", Rationale = "Formed at the start.")]
    public double FormationDelay { get; init; }

    /// <summary>Days a body works before it is dissolved (0 = permanent).</summary>
    [Parameter("Bodies", "Days a body works before it is dissolved when its mission is done (0 = permanent).",
        Min = 0, Unit = "days", Rationale = "Permanent; S1's Kunshan task force ran 26 days, dissolved and was restarted.")]
    public double MissionDays { get; init; }

    /// <summary>Days after a dissolution before the body is restarted (0 = never restarted).</summary>
    [Parameter("Bodies", "Days after a dissolution before the body is restarted (0 = not restarted).",
        Min = 0, Unit = "days", Rationale = "Not restarted.")]
    public double RestartAfter { get; init; }

    // ---------------------------------------------------------------- Run

    /// <summary>Simulated days; issues still open at the horizon are counted as pending.</summary>
    [Parameter("Run", "Simulated days; the run stops at the horizon and counts open issues as pending.",
        Min = 0, MinExclusive = true, Max = 1e7, Unit = "days", Rationale = "One year.")]
    public double HorizonDays { get; init; } = 365.0;

    /// <summary>When positive, arrivals stop after this many issues and the run ends once they are all resolved (or at the horizon).</summary>
    [Parameter("Run", "Stop arrivals after this many issues and end when they are resolved (0 = no limit; the horizon still applies).",
        Min = 0, Max = 1e9, Rationale = "No limit: the horizon ends the run.")]
    public long MaxIssues { get; init; }

    /// <summary>Issues discovered before this time run normally but are left out of every measure.</summary>
    [Parameter("Run", "Issues discovered before this day are simulated but left out of the measures (warm-up).",
        Min = 0, Unit = "days", Rationale = "None: every issue counts, so arrived = resolved + pending holds for all of them.")]
    public double WarmupDays { get; init; }

    /// <summary>The service rate of department level <paramref name="level"/> (0 = frontline) under the geometric rule.</summary>
    public double ServiceRateAtLevel(int level)
    {
        if (Levels == 1)
        {
            return HeadServiceRate;
        }

        var fraction = (double)level / (Levels - 1);
        return ServiceRate * Math.Pow(HeadServiceRate / ServiceRate, fraction);
    }

    /// <summary>The level that decides single-department issues, with −1 resolved to the department head.</summary>
    public int EffectiveDecisionLevel => DecisionLevel < 0 ? Levels - 1 : DecisionLevel;

    /// <summary>
    /// Checks every value against its allowed range and the rules that tie values together.
    /// Returns the problems found; an empty list means the parameters are valid.
    /// </summary>
    public IReadOnlyList<ParameterError> Validate() => ParameterCatalog.Validate(this);

    /// <summary>Throws <see cref="ParameterException"/> listing every problem when the parameters are not valid.</summary>
    public Parameters EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ParameterException(errors);
        }

        return this;
    }
}
