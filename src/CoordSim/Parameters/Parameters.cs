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

    /// <summary>Number of departments; each issue category has a primary department (category mod departments).</summary>
    [Parameter("Organisation", Min = 1, Max = 64, Rationale = "Eight, one per issue category of the Shangcheng grid (S5).")]
    public int Departments { get; init; } = 8;

    /// <summary>Levels inside each department (0 = frontline, levels-1 = department head); the government head sits above.</summary>
    [Parameter("Organisation", Min = 1, Max = 10, Rationale = "Frontline, section, division, department head: a prefecture-level bureau (model.md §9).")]
    public int Levels { get; init; } = 4;

    /// <summary>Span of control: subordinates per superior inside a department.</summary>
    [Parameter("Organisation", Min = 1, Max = 64, Rationale = "Four gives 85 people per department and 681 in all (model.md §9).")]
    public int Span { get; init; } = 4;

    // ---------------------------------------------------------------- Service

    /// <summary>Service rate of a frontline person when fully attending (items/day); levels above rise geometrically to <c>headServiceRate</c>.</summary>
    [Parameter("Service", Min = 0, MinExclusive = true, Unit = "items/day",
        Rationale = "Half a day per item at the frontline; together with headServiceRate and topServiceRate it loads the busiest person of the default hierarchy at about 55-65% (docs/model.md, calibration).")]
    public double ServiceRate { get; init; } = 2.0;

    /// <summary>Service rate of a department head (items/day); level k has <c>serviceRate*(headServiceRate/serviceRate)^(k/(levels-1))</c>.</summary>
    [Parameter("Service", Min = 0, MinExclusive = true, Unit = "items/day",
        Rationale = "Items reach a head pre-digested; 16/day gives the default heads about 55-65% utilisation. Anchoring both ends keeps the head's capacity fixed when depth is varied.")]
    public double HeadServiceRate { get; init; } = 16.0;

    /// <summary>Service rate of the government head, the lowest common superior of all departments, who decides cross-department issues in the hierarchy (items/day).</summary>
    [Parameter("Service", Min = 0, MinExclusive = true, Unit = "items/day",
        Rationale = "24/day: 12 cross-department issues a day load the top at 50%; it saturates near a 60% cross-department share, before the department heads (stylised fact 1).")]
    public double TopServiceRate { get; init; } = 24.0;

    /// <summary>Items each person works on at once (parallel servers per desk).</summary>
    [Parameter("Service", Min = 1, Max = 64, Rationale = "One: an official handles one file at a time (model.md §5).")]
    public int ServersPerPerson { get; init; } = 1;

    /// <summary>Service-time distribution: <c>exponential</c> or <c>log-normal</c>.</summary>
    [Parameter("Service", Rationale = "Exponential: the memoryless default that makes every desk an M/M/1-like queue, checked against theory in docs/validation.md.")]
    public ServiceDistribution ServiceDistribution { get; init; } = ServiceDistribution.Exponential;

    /// <summary>Coefficient of variation of service times when <c>serviceDistribution</c> is <c>log-normal</c>.</summary>
    [Parameter("Service", Min = 0, MinExclusive = true, Max = 10, Rationale = "0.8: office work is less variable than exponential but right-skewed.")]
    public double ServiceCv { get; init; } = 0.8;

    /// <summary>Order in which every desk takes its waiting items: <c>fifo</c> or <c>urgent-first</c>.</summary>
    [Parameter("Service", Rationale = "First come, first served: the plain bureaucratic rule; urgent-first is the obvious reform to test.")]
    public QueueDiscipline QueueDiscipline { get; init; } = QueueDiscipline.Fifo;

    // ---------------------------------------------------------------- Workload

    /// <summary>Mean issues arriving per day (Poisson process).</summary>
    [Parameter("Workload", Min = 0, MinExclusive = true, Max = 1e6, Unit = "issues/day", Rationale = "About 40 a day for a prefecture-level government (model.md §9).")]
    public double ArrivalRate { get; init; } = 40.0;

    /// <summary>Probability that an issue requires two or more departments.</summary>
    [Parameter("Workload", Min = 0, Max = 1, Rationale = "30%: most issues stay inside one department (model.md §9).")]
    public double CrossDepartmentShare { get; init; } = 0.3;

    /// <summary>Largest number of departments one issue requires; a cross-department issue requires 2..K of them, uniformly.</summary>
    [Parameter("Workload", Min = 2, Max = 64, Rationale = "Three (model.md §9).")]
    public int MaxDepartmentsPerIssue { get; init; } = 3;

    /// <summary>Probability that an issue is an emergency (urgent).</summary>
    [Parameter("Workload", Min = 0, Max = 1, Rationale = "10% (model.md §9).")]
    public double EmergencyShare { get; init; } = 0.1;

    /// <summary>Facts in an issue's true state vector (component 0 is severity).</summary>
    [Parameter("Workload", Min = 1, Max = 64, Rationale = "Eight N(0,1) facts (model.md §3).")]
    public int StateDimensions { get; init; } = 8;

    /// <summary>Deadline of a routine issue, from discovery (days); past it the issue counts as failed.</summary>
    [Parameter("Workload", Min = 0, MinExclusive = true, Unit = "days", Rationale = "About a month (model.md §9).")]
    public double RoutineDeadline { get; init; } = 30.0;

    /// <summary>Deadline of an emergency, from discovery (days); past it the emergency counts as failed.</summary>
    [Parameter("Workload", Min = 0, MinExclusive = true, Unit = "days", Rationale = "Three days (model.md §9).")]
    public double EmergencyDeadline { get; init; } = 3.0;

    // ---------------------------------------------------------------- Channels

    /// <summary>Transmission time of one relay hop along a reporting line (days).</summary>
    [Parameter("Channel", Min = 0, Unit = "days", Rationale = "A quarter of a working day for a file to move between offices.")]
    public double TransmissionDelay { get; init; } = 0.25;

    /// <summary>Noise added to each fact by one relay hop (standard deviation, in units of the fact's spread).</summary>
    [Parameter("Channel", Min = 0, Max = 10, Rationale = "About 0.1 of a fact's standard deviation per hop (model.md §9).")]
    public double NoiseSigma { get; init; } = 0.1;

    /// <summary>Probability that one relay hop drops a fact; a dropped fact becomes the prior mean 0 and stays lost.</summary>
    [Parameter("Channel", Min = 0, Max = 1, Rationale = "A few percent of facts lost per relay (model.md §9; S1's information reduction).")]
    public double DropProbability { get; init; } = 0.02;

    /// <summary>Upward shading of bad news: each upward hop scales the severity fact by <c>(1 - upwardBias)</c>.</summary>
    [Parameter("Channel", Min = 0, Max = 1, Rationale = "A small shading of bad news on the way up (model.md §5, S1).")]
    public double UpwardBias { get; init; } = 0.05;


    /// <summary>Noise added to each fact by a face-to-face hand-over in a body's meeting (standard deviation).</summary>
    [Parameter("Channel", Min = 0, Max = 10, Rationale = "Less than a relay: everyone hears the same account at once (model.md §5, §9).")]
    public double MeetingNoiseSigma { get; init; } = 0.03;

    /// <summary>Probability that a face-to-face hand-over in a meeting drops a fact.</summary>
    [Parameter("Channel", Min = 0, Max = 1, Rationale = "A quarter of a relay's loss.")]
    public double MeetingDropProbability { get; init; } = 0.005;

    /// <summary>Time a written or digital record takes to reach its addressee (days).</summary>
    [Parameter("Channel", Min = 0, Unit = "days", Rationale = "About an hour: a referral filed on a platform (S5).")]
    public double RecordDelay { get; init; } = 0.05;

    /// <summary>Noise added to each fact by a written or digital record (standard deviation).</summary>
    [Parameter("Channel", Min = 0, Max = 10, Rationale = "Records are copied, not retold: a tenth of a relay's noise (S5).")]
    public double RecordNoiseSigma { get; init; } = 0.01;

    /// <summary>Probability that a written or digital record drops a fact.</summary>
    [Parameter("Channel", Min = 0, Max = 1, Rationale = "Records rarely lose facts (S5: automatic sorting and archiving).")]
    public double RecordDropProbability { get; init; } = 0.001;

    /// <summary>Transmission time of a direct lateral contact between body members, or a liaison's relay (days).</summary>
    [Parameter("Channel", Min = 0, Unit = "days", Rationale = "Group chat and liaison tables: about an hour (S1).")]
    public double LateralDelay { get; init; } = 0.05;

    /// <summary>Noise added to each fact by a direct lateral contact between members of one body (standard deviation).</summary>
    [Parameter("Channel", Min = 0, Max = 10, Rationale = "Half a relay's noise: one-to-one contact between the people involved (S2).")]
    public double LateralNoiseSigma { get; init; } = 0.05;

    /// <summary>Probability that a direct lateral contact drops a fact.</summary>
    [Parameter("Channel", Min = 0, Max = 1, Rationale = "Half a relay's loss.")]
    public double LateralDropProbability { get; init; } = 0.01;

    // ---------------------------------------------------------------- Decision and responsibility

    /// <summary>Level that decides single-department issues in the hierarchy (0 = frontline ... levels-1 = head); -1 = the department head.</summary>
    [Parameter("Decision", Min = -1, Max = 9, Rationale = "The department head: authority sits at the top of each line (model.md §4.1).")]
    public int DecisionLevel { get; init; } = -1;

    /// <summary>Decision error: noise a decider adds to each fact of the state the decision carries (standard deviation).</summary>
    [Parameter("Decision", Min = 0, Max = 10, Rationale = "0.05: judgement adds a little error; a body's experts reduce it (S1, S2: 'clinical consultation').")]
    public double DecisionNoiseSigma { get; init; } = 0.05;

    /// <summary>Effort feedback (social loafing): a person whose expected responsibility share in an issue is w works at speed and care <c>w^alpha</c>; 0 turns it off.</summary>
    [Parameter("Responsibility", Min = 0, Max = 2, Rationale = "Off by default so that the service calibration is exact; experiments switch it on (model.md §5).")]
    public double EffortElasticity { get; init; } = 0.0;

    /// <summary>Relative error of the executor's state above which an executed issue counts as failed, for traceability and <c>distortionAboveThreshold</c>.</summary>
    [Parameter("Responsibility", Min = 0, MinExclusive = true, Rationale = "0.5: the executor acts on a picture half as wrong as the truth is large.")]
    public double FailureDistortion { get; init; } = 0.5;

    // ---------------------------------------------------------------- Coordination bodies

    /// <summary>Days between regular meetings of a leading group.</summary>
    [Parameter("Bodies", Min = 0, MinExclusive = true, Unit = "days", Rationale = "'Consult every month' (S2).")]
    public double MeetingInterval { get; init; } = 30.0;

    /// <summary>Items a leading group decides per meeting; overflow carries over to the next meeting.</summary>
    [Parameter("Bodies", Min = 1, Max = 1e6, Unit = "items", Rationale = "380: about 362 routine items reach a monthly agenda by default (cross-department issues and escalations; emergencies go to extra meetings), Poisson sd about 19, so the cap binds in about one month in six.")]
    public int AgendaCapacity { get; init; } = 380;

    /// <summary>Whether an emergency reaching a leading group's agenda calls an extra meeting.</summary>
    [Parameter("Bodies", Rationale = "Yes: groups convene for emergencies, but only after emergencyMeetingDelay (S1: weak in emergencies).")]
    public bool EmergencyMeeting { get; init; } = true;

    /// <summary>Days needed to convene an extra meeting for an emergency.</summary>
    [Parameter("Bodies", Min = 0, Unit = "days", Rationale = "One day to gather the member heads.")]
    public double EmergencyMeetingDelay { get; init; } = 1.0;

    /// <summary>Blame avoidance: share of the issues a member head could decide alone that are escalated to the leading group's agenda for cover.</summary>
    [Parameter("Bodies", Min = 0, Max = 1, Rationale = "5%: 'members escalate everything to the group agenda to be covered' (S2), kept small so the agenda stays stable.")]
    public double EscalationShare { get; init; } = 0.05;

    /// <summary>Days between meetings of an office / working group.</summary>
    [Parameter("Bodies", Min = 0, MinExclusive = true, Unit = "days", Rationale = "Weekly: a standing office meets more often than the group above it.")]
    public double OfficeMeetingInterval { get; init; } = 7.0;

    /// <summary>Days between a task force's routine dispatch meetings (emergencies are decided on site at once).</summary>
    [Parameter("Bodies", Min = 0, MinExclusive = true, Unit = "days", Rationale = "'Dispatch every week' (S2).")]
    public double DispatchInterval { get; init; } = 7.0;

    /// <summary>Named responsibility in a task force: the lead's share rho; the executors share <c>1 - rho</c>.</summary>
    [Parameter("Bodies", Min = 0, Max = 1, Rationale = "0.6: the lead answers for the decision, the executor for the action (S1: decision and execution responsibility split).")]
    public double LeadShare { get; init; } = 0.6;

    /// <summary>Share of each seconded member's capacity given to the body; their home unit keeps the rest.</summary>
    [Parameter("Bodies", Min = 0, MinExclusive = true, Max = 0.95, Rationale = "Half (model.md §9; S3: seconded staff are not fully present).")]
    public double SecondmentShare { get; init; } = 0.5;

    /// <summary>Seconded frontline executors per department in an execution-focused body (task force, office).</summary>
    [Parameter("Bodies", Min = 1, Max = 1024, Rationale = "Eight: enough half-time executors to act on about four branches a day per department.")]
    public int ExecutorsPerDepartment { get; init; } = 8;

    /// <summary>Experts recruited by a task force; they divide the lead's decision error by <c>sqrt(1 + experts)</c>.</summary>
    [Parameter("Bodies", Min = 0, Max = 100, Rationale = "None by default; S1 and S2 describe recruiting technical experts.")]
    public int Experts { get; init; }

    /// <summary>Days between supervision rounds (inspections) of a task force (0 = none).</summary>
    [Parameter("Bodies", Min = 0, Unit = "days", Rationale = "'Monthly inspection' (S2).")]
    public double SupervisionInterval { get; init; } = 30.0;

    /// <summary>Speed-up of the laggard an inspection finds (the member with the longest queue), as a fraction.</summary>
    [Parameter("Bodies", Min = 0, Max = 10, Rationale = "0.5: an interview of laggards (S2) makes them work half again as fast for a while.")]
    public double SupervisionBoost { get; init; } = 0.5;

    /// <summary>Days the inspection's speed-up lasts.</summary>
    [Parameter("Bodies", Min = 0, Unit = "days", Rationale = "A week.")]
    public double SupervisionDuration { get; init; } = 7.0;

    /// <summary>Switching overhead gamma, the attention lost per extra concurrent membership: every desk of a person in n bodies works at <c>(1 - gamma)^(n-1)</c>.</summary>
    [Parameter("Bodies", Min = 0, Max = 0.9, Rationale = "0.1: 'like being added to ever more group chats' (S3).")]
    public double SwitchingOverhead { get; init; } = 0.1;

    /// <summary>Number of task forces (proliferation); task force i covers the issue categories c with <c>c mod taskForces = i</c>.</summary>
    [Parameter("Bodies", Min = 1, Max = 8, Rationale = "One task force covering every cross-department issue; at most one per issue category.")]
    public int TaskForces { get; init; } = 1;

    /// <summary>Task forces each seconded official sits on at once; the seconded share is split between them.</summary>
    [Parameter("Bodies", Min = 1, Max = 64, Rationale = "One: no sharing of officials until proliferation is studied (S2, S3).")]
    public int MembershipsPerPerson { get; init; } = 1;

    /// <summary>Days before a body is formed; until then its issues follow the hierarchy.</summary>
    [Parameter("Bodies", Min = 0, Unit = "days", Rationale = "Formed at the start.")]
    public double FormationDelay { get; init; }

    /// <summary>Days a body works before it is dissolved when its mission is done (0 = permanent).</summary>
    [Parameter("Bodies", Min = 0, Unit = "days", Rationale = "Permanent; S1's Kunshan task force ran 26 days, dissolved and was restarted.")]
    public double MissionDays { get; init; }

    /// <summary>Days after a dissolution before the body is restarted (0 = not restarted).</summary>
    [Parameter("Bodies", Min = 0, Unit = "days", Rationale = "Not restarted.")]
    public double RestartAfter { get; init; }

    // ---------------------------------------------------------------- Run

    /// <summary>Simulated days; the run stops at the horizon and counts open issues as pending.</summary>
    [Parameter("Run", Min = 0, MinExclusive = true, Max = 1e7, Unit = "days", Rationale = "One year.")]
    public double HorizonDays { get; init; } = 365.0;

    /// <summary>When positive, arrivals stop after this many issues and the run ends once they are all resolved or at the horizon (0 = no limit).</summary>
    [Parameter("Run", Min = 0, Max = 1e9, Rationale = "No limit: the horizon ends the run.")]
    public long MaxIssues { get; init; }

    /// <summary>Issues discovered before this day are simulated but left out of the measures (warm-up).</summary>
    [Parameter("Run", Min = 0, Unit = "days", Rationale = "None: every issue counts, so arrived = resolved + pending holds for all of them.")]
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
