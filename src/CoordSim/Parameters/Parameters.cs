using CoordSim.Structures;
using CoordSim.Mechanisms;

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
    /// <summary>
    /// The shortest period a parameter or body field allows (days): of meetings, reviews, briefs, inspections and a
    /// body's mission and restart (0, where allowed, switches the event off). A guard, not a finding — no source sets it:
    /// 0.01 days is under a quarter of an hour, and no meeting, review, brief or inspection of an organisation recurs
    /// that often; each period is an event per body, so an allowed 10⁻³⁰⁰ would never end and 10⁻⁷ filled memory.
    /// </summary>
    public const double ShortestPeriodDays = 0.01;

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
    [Parameter("Organisation", Min = 1, Max = 64, Rationale = "Four gives 85 people per department, 680 in the eight departments and 684 with the government head and its three deputies (model.md §9).")]
    public int Span { get; init; } = 4;

    /// <summary>The flattened hierarchy's staff per department as a share of the comparable hierarchy's (levels × span): the head count is floor(staffingCap × comparable), at least one person per level.</summary>
    [Parameter("Flattening", Min = 0, MinExclusive = true, Max = 1, Unit = "share",
        Rationale = "0.4: Longgang capped the staffing of its flattened units at 40% of comparable counties (S4, Liu & Chen 2022).")]
    public double StaffingCap { get; init; } = 0.4;

    /// <summary>Levels the flattened hierarchy removes from each department (never below one level); the spans widen to keep the capped head count.</summary>
    [Parameter("Flattening", Min = 0, Max = 9, Unit = "levels",
        Rationale = "One: Longgang abolished the township layer between the district and its communities (S4).")]
    public int LevelsRemoved { get; init; } = 1;

    /// <summary>Authority-less platform units between the flattened hierarchy's frontline and its line (0 = none): each unit serves a block of frontline positions across every department, and relays what its frontline reports without deciding.</summary>
    [Parameter("Flattening", Min = 0, Max = 4096, Unit = "units",
        Rationale = "None: the flattened form as designed. Longgang's nine areas and later 26 grassroots units relayed between 102 communities and the departments without authority ('communities blow the whistle, departments report', S4); a sweep over this studies that middle layer.")]
    public int PlatformUnits { get; init; }

    /// <summary>Grid platform: share of single-department routine issues a frontline grid solves and archives itself ("reports safety"); the rest, and every emergency and cross-department issue, it reports to the command centre.</summary>
    [Parameter("Grid platform", Min = 0, Max = 1, Unit = "share",
        Rationale = "One half, a placeholder: Shangcheng's grids solve locally or report upward (S5), with no share given; sweep it.")]
    public double GridSolveShare { get; init; } = 0.5;

    /// <summary>Grid platform: officers of the command centre, who sort every reported record and dispatch it to a department.</summary>
    [Parameter("Grid platform", Min = 1, Max = 1024, Unit = "people",
        Rationale = "Twenty: at the defaults the grids report about 27 records a day (every cross-department issue and emergency, half the rest), which keep twenty officers at the frontline rate of 2 a day about 0.7 busy; S5 gives no staffing.")]
    public int CommandCentreStaff { get; init; } = 20;

    /// <summary>Grid platform: days from the first cross-department issue waiting for a joint conference to the conference, which decides every issue of its category waiting then.</summary>
    [Parameter("Grid platform", Min = 0, Max = 365, Unit = "days",
        Rationale = "Three days to convene: S5's joint conferences are activated only when a department cannot resolve an issue, with no delay given.")]
    public double JointConferenceDelay { get; init; } = 3.0;

    /// <summary>Grid platform: probability that the revisit of a wrongly closed issue (an executor acted on a picture more than <c>failureDistortion</c> wrong) catches it and reopens it.</summary>
    [Parameter("Grid platform", Min = 0, Max = 1, Unit = "probability",
        Rationale = "One half, a placeholder: S5's loop revisits and evaluates every closed case, with no catch rate given.")]
    public double RevisitCatch { get; init; } = 0.5;

    /// <summary>Grid platform: days from the closing of an issue to the revisit that reopens it.</summary>
    [Parameter("Grid platform", Min = 0, Max = 365, Unit = "days",
        Rationale = "Three days, a placeholder: S5 names the revisit step without a time.")]
    public double RevisitDelay { get; init; } = 3.0;

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
    [Parameter("Service", Min = 0, MinExclusive = true, Max = 10, Label = "service time CV", Rationale = "0.8: office work is less variable than exponential but right-skewed.")]
    public double ServiceCv { get; init; } = 0.8;

    /// <summary>Order in which every desk takes its waiting items: <c>fifo</c> or <c>urgent-first</c>.</summary>
    [Parameter("Service", Rationale = "First come, first served: the plain bureaucratic rule; urgent-first is the obvious reform to test.")]
    public QueueDiscipline QueueDiscipline { get; init; } = QueueDiscipline.Fifo;

    // ---------------------------------------------------------------- Workload

    /// <summary>Mean issues arriving per day (Poisson process).</summary>
    [Parameter("Workload", Min = 0, MinExclusive = true, Max = 1e6, Unit = "issues/day", Rationale = "About 40 a day for a prefecture-level government (model.md §9).")]
    public double ArrivalRate { get; init; } = 40.0;

    /// <summary>Probability that an issue requires two or more departments.</summary>
    [Parameter("Workload", Min = 0, Max = 1, Label = "cross-department share", Rationale = "30%: most issues stay inside one department (model.md §9).")]
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

    /// <summary>Day a crisis starts: from then, for <c>crisisDays</c> days, issues arrive <c>crisisMultiplier</c> times as often and a share <c>crisisEmergencyShare</c> of them are emergencies.</summary>
    [Parameter("Workload", Min = 0, Unit = "days", Rationale = "Mid-year, so a one-year run sees the organisation before, during and after it; only matters when crisisDays > 0.")]
    public double CrisisStart { get; init; } = 180.0;

    /// <summary>Days the crisis lasts (0 = no crisis); issues arriving during it are crisis issues, in a command headquarters' scope.</summary>
    [Parameter("Workload", Min = 0, Unit = "days", Rationale = "No crisis by default: the default comparison is of a steady state; model-v2 §4 (S1's Kunshan task force ran 26 days in a surge).")]
    public double CrisisDays { get; init; }

    /// <summary>Factor by which the arrival rate rises during the crisis (the arrivals stay a Poisson process, with the rate a step function of time).</summary>
    [Parameter("Workload", Min = 0, MinExclusive = true, Max = 1000, Rationale = "Three times the usual inflow; no source gives a number (model-v2 §4).")]
    public double CrisisMultiplier { get; init; } = 3.0;

    /// <summary>Probability that an issue arriving during the crisis is an emergency (instead of <c>emergencyShare</c>).</summary>
    [Parameter("Workload", Min = 0, Max = 1, Rationale = "30%, three times the usual share; no source gives a number (model-v2 §4).")]
    public double CrisisEmergencyShare { get; init; } = 0.3;

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

    // ---------------------------------------------------------------- Hierarchy: consultation and escalation

    /// <summary>Deputies in charge (分管领导) between the department heads and the government head; departments are dealt round-robin into their portfolios, and an issue the departments do not agree on goes to the deputy whose portfolio holds all of them, else to the government head (0 = none).</summary>
    [Parameter("Hierarchy", Min = 0, Max = 64, Rationale = "Three, so that the eight departments fall into portfolios of 3, 3 and 2 as under a mayor with vice-mayors (model-v2 §1, §6); no source gives the number. S2: deputies in charge lead 32.9% of task forces.")]
    public int Deputies { get; init; } = 3;

    /// <summary>Share of a principal's (the government head's, a deputy's) capacity left for coordinating departments; principals serve at <c>topServiceRate * topAttention</c>.</summary>
    [Parameter("Hierarchy", Min = 0, MinExclusive = true, Max = 1, Rationale = "Half: principals also chair meetings, inspect and represent (S1: coordination 'exceeding the capacity of top managers'); no source gives a number, so the sensitivity of the ranking to it is shown (model-v2 §6).")]
    public double TopAttention { get; init; } = 0.5;

    /// <summary>Probability that a consulted department deflects a concurrence request ('not our responsibility', 'more information needed'; 推诿) in one round of consultation.</summary>
    [Parameter("Hierarchy", Min = 0, Max = 1, Rationale = "0.3 (model-v2 §6): departments are 'isolated, self-closed' and blame avoidance is easy (S5); no source gives a rate, so the sensitivity of the ranking to it is shown.")]
    public double DeflectProbability { get; init; } = 0.3;

    /// <summary>Consultation rounds the coordinating department (or a body's office) tries before an issue the departments do not agree on escalates; each round asks only the departments that deflected the last one.</summary>
    [Parameter("Hierarchy", Min = 1, Max = 20, Rationale = "Two: a request and one reminder before the matter goes up (model-v2 §6); no source gives a number.")]
    public int ConsultationRounds { get; init; } = 2;

    /// <summary>Share of cross-department issues whose substance needs a superior (resource conflicts, turf between departments, 条块): they escalate at once without consultation, or go on a body's meeting agenda.</summary>
    [Parameter("Hierarchy", Min = 0, Max = 1, Rationale = "0.15 (model-v2 §6): most cross-department issues need agreement, not arbitration; no source gives a share, so the sensitivity of the ranking to it is shown.")]
    public double ContestedShare { get; init; } = 0.15;

    /// <summary>Days a consulted department takes to prepare its answer to a routine concurrence request, beyond its head's service (drafting the opinion below the head); an emergency is answered at once.</summary>
    [Parameter("Hierarchy", Min = 0, Max = 365, Unit = "days", Rationale = "None: the design has the consulted head answer at its desk (model-v2 §1), and no source gives a preparation time. Countersignature rules in offices commonly allow a few working days, so the sensitivity of the ranking to it is shown up to five days.")]
    public double ConsultationDays { get; init; }

    // ---------------------------------------------------------------- Emergencies

    /// <summary>Largest delay of one hand-over of an emergency (days): officials phone an emergency on instead of filing it, in every structure.</summary>
    [Parameter("Emergencies", Min = 0, Unit = "days", Rationale = "0.02 days, about ten minutes of a working day (model-v2 §2): a phone call, so that the 3-day emergency deadline is reachable and structures differ in how they decide, not in an assumed relay time.")]
    public double EmergencyDelay { get; init; } = 0.02;

    /// <summary>Levels an official reporting an emergency up the line may skip (越级上报); the issue never skips past the person who decides it.</summary>
    [Parameter("Emergencies", Min = 0, Max = 9, Rationale = "One (model-v2 §2): reporting past one's immediate superior is allowed for emergencies; no source gives a number.")]
    public int EmergencySkipLevels { get; init; } = 1;

    /// <summary>Effort relative to identifiability (social loafing): a person whose expected responsibility share in an issue is w works at speed and care clamp((w / wRef)^alpha, effortFloor, effortCeiling), wRef = 1/referenceTeamSize; 0 turns it off.</summary>
    [Parameter("Responsibility", Min = 0, Max = 2, Rationale = "Off by default: the evidence (Latané, Williams and Harkins 1979: shouting and clapping output per person fell about as N^-0.5 in groups of 1, 2, 4 and 6; Harkins and Jackson 1985: identifiable work removes the loss) comes from laboratory tasks, not from officials' casework; 0.5 applies the laboratory curve.")]
    public double EffortElasticity { get; init; } = 0.0;

    /// <summary>Size of the reference team whose members work at the calibrated rate: wRef = 1/referenceTeamSize, so a share above 1/referenceTeamSize raises effort and a smaller one lowers it.</summary>
    [Parameter("Responsibility", Min = 1, Max = 1000, Unit = "people", Rationale = "Four, the default span of control: a member of an ordinary section of four works at the calibrated rate; no source gives a number.")]
    public double ReferenceTeamSize { get; init; } = 4.0;

    /// <summary>Lowest effort the identifiability rule can give (a multiple of the calibrated speed and care).</summary>
    [Parameter("Responsibility", Min = 0, MinExclusive = true, Max = 1, Rationale = "A quarter: the largest loss in the laboratory groups of six was about 60% (Latané et al. 1979); nobody stops working altogether.")]
    public double EffortFloor { get; init; } = 0.25;

    /// <summary>Highest effort the identifiability rule can give (a multiple of the calibrated speed and care).</summary>
    [Parameter("Responsibility", Min = 1, Max = 100, Rationale = "Twice the calibrated rate: a person named alone works harder, but not without limit; no source gives a number.")]
    public double EffortCeiling { get; init; } = 2.0;

    /// <summary>Probability that a visit (one service of an item at a desk) is a fault: the person shirks (holds the item shirkDelay days longer) or errs (adds noise of sd faultError to each fact of their picture), with equal odds among the kinds that have an effect. Who faulted is known to the simulation only: the ground truth the blame measures are scored against.</summary>
    [Parameter("Responsibility", Min = 0, Max = 1, Rationale = "2% of visits: no source gives a rate of shirking or error per hand-over; enough faults for the blame measures to be estimated in one default run, while adding little latency. 0 turns faults off (the v1 preset does).")]
    public double FaultProbability { get; init; } = 0.02;

    /// <summary>Days a shirking person holds an item after serving it before passing it on (counted as queueing on the critical path).</summary>
    [Parameter("Responsibility", Min = 0, Max = 365, Unit = "days", Rationale = "Two working days: a file left in a drawer over a weekend; no source gives a number.")]
    public double ShirkDelay { get; init; } = 2.0;

    /// <summary>Noise an erring person adds to each fact of the item's picture (standard deviation, in units of a fact's spread).</summary>
    [Parameter("Responsibility", Min = 0, Max = 10, Unit = "fact sd", Rationale = "One fact sd: an error as large as the facts themselves, so that an erring hand-over usually takes the executor's picture past failureDistortion; no source gives a number.")]
    public double FaultError { get; init; } = 1.0;

    /// <summary>Largest blame one person carries for a failure under the hierarchy's rule ("rules shield individuals"): each handler's formal share, capped here, so the blame on everyone together can fall below 1.</summary>
    [Parameter("Responsibility", Min = 0, Max = 1, Rationale = "A quarter (model-v2.md §3): procedure spreads a failure over the chain and protects each official; no source gives a number.")]
    public double ShieldCap { get; init; } = 0.25;

    /// <summary>Blame a person must carry for a failure to count as answered: a failure where nobody carries this much is an unanswered failure.</summary>
    [Parameter("Responsibility", Min = 0, MinExclusive = true, Max = 1, Rationale = "One half: somebody answers for a failure when they carry at least half of it; no source gives a number.")]
    public double AnswerableThreshold { get; init; } = 0.5;

    /// <summary>Relative error of the executor's state above which an executed issue counts as failed (with a missed deadline, the failures the blame measures look at), and for <c>distortionAboveThreshold</c>.</summary>
    [Parameter("Responsibility", Min = 0, MinExclusive = true, Rationale = "0.5: the executor acts on a picture half as wrong as the truth is large.")]
    public double FailureDistortion { get; init; } = 0.5;

    // ---------------------------------------------------------------- Coordination bodies

    /// <summary>Staff of a leading group's or working group's office (领导小组办公室) in the lead department, who take referred issues as they come and run the consultation with the member departments in the body's name (0 = no office: referred issues go straight to the meeting agenda).</summary>
    [Parameter("Bodies", Min = 0, Max = 64, Rationale = "Three division-rank officers (model-v2 §2: the office does the day-to-day coordination, S2); no source gives the size. At the default load serving referred issues takes about 60% of their time; the meetings they attend come on top.")]
    public int OfficeStaff { get; init; } = 3;

    /// <summary>Authority of a body over its member departments: deflection in the consultation its office runs is <c>deflectProbability * (1 - bodyAuthority)</c>.</summary>
    [Parameter("Bodies", Min = 0, Max = 1, Rationale = "0.5: a body led by a principal halves the deflection a peer department meets; no source gives a number. S2's leader ranks (top leader 12.6%, deputy in charge 32.9%, department head 26.6%, department deputy 25.9%) say how often a body outranks its members.")]
    public double BodyAuthority { get; init; } = 0.5;

    /// <summary>Days between a leading group's regular plenary meetings, which decide the contested and escalated items on its agenda.</summary>
    [Parameter("Bodies", Min = ShortestPeriodDays, Unit = "days", Rationale = "Quarterly (model-v2 §2, §6): leading groups meet for 'half-year and annual summaries' and 'quarterly analysis' while their office coordinates day to day (S2).")]
    public double PlenaryInterval { get; init; } = 90.0;

    /// <summary>Items on a leading group's agenda at which its leader calls a special meeting, held after <c>emergencyMeetingDelay</c> days (0 = never).</summary>
    [Parameter("Bodies", Min = 0, Max = 1e6, Unit = "items", Rationale = "24: the items that fill the half-day part of a meeting at minutesPerItem = 10 (240 minutes); no source gives a number.")]
    public int AgendaTrigger { get; init; } = 24;

    /// <summary>Items one meeting decides at most; the rest carry over to the next meeting.</summary>
    [Parameter("Bodies", Min = 1, Max = 1e6, Unit = "items", Rationale = "48: a meeting sits at most a day and a half (meetingDuration 0.5 plus 48 items at 10 minutes in an 8-hour day); no source gives a number.")]
    public int AgendaCapacity { get; init; } = 48;

    /// <summary>Whether an emergency reaching a leading group's agenda calls an emergency meeting, which decides the emergencies on it.</summary>
    [Parameter("Bodies", Rationale = "Yes: groups convene for emergencies, but only after emergencyMeetingDelay (S1: weak in emergencies).")]
    public bool EmergencyMeeting { get; init; } = true;

    /// <summary>Days needed to convene a special or emergency meeting.</summary>
    [Parameter("Bodies", Min = 0, Unit = "days", Rationale = "One day to gather the member heads.")]
    public double EmergencyMeetingDelay { get; init; } = 1.0;

    /// <summary>Blame avoidance, base share: of the issues a leading group's member head could decide alone, the share escalated to the group's agenda for cover whatever their severity.</summary>
    [Parameter("Bodies", Min = 0, Max = 1, Rationale = "5%: 'members escalate everything to the group agenda to be covered' (S2), kept small so the agenda stays stable.")]
    public double EscalationShare { get; init; } = 0.05;

    /// <summary>Blame avoidance that responds to risk: a leading group's member head also escalates every issue it could decide alone whose perceived severity (the magnitude of the severity fact as it reached the head, in standard deviations) exceeds this.</summary>
    [Parameter("Bodies", Min = 0, Rationale = "2.5 standard deviations, about one issue in 80: the rare serious case nobody wants to sign alone (model-v2 §2); no source gives a number. A large value (1000) turns it off.")]
    public double EscalationThreshold { get; init; } = 2.5;

    /// <summary>Days between meetings of an office / working group, which decide its contested items.</summary>
    [Parameter("Bodies", Min = ShortestPeriodDays, Unit = "days", Rationale = "Weekly: a standing office meets more often than the group above it.")]
    public double OfficeMeetingInterval { get; init; } = 7.0;

    /// <summary>Days between a task force's consultation meetings (会商), which decide its contested items.</summary>
    [Parameter("Bodies", Min = ShortestPeriodDays, Unit = "days", Rationale = "'Consult every month' (S2).")]
    public double ConsultInterval { get; init; } = 30.0;

    /// <summary>Days between a task force's progress reviews ('dispatch'), which decide nothing, cost their attendees <c>meetingDuration</c> and put items older than <c>dispatchPressureAge</c> first in their desks' queues (0 = no reviews).</summary>
    [Parameter("Bodies", Min = 0, MinPositive = ShortestPeriodDays, Unit = "days", Rationale = "'Dispatch every week' (S2), a 'pressure meeting' that reviews progress rather than decides (model-v2 §2).")]
    public double DispatchInterval { get; init; } = 7.0;

    /// <summary>Age (days since discovery) beyond which a progress review puts a task force's open item first in its desk's queue (the pressure of the 'pressure meeting').</summary>
    [Parameter("Bodies", Min = 0, Unit = "days", Rationale = "A week: what was open at the last review is pressed at this one; no source gives a number.")]
    public double DispatchPressureAge { get; init; } = 7.0;

    /// <summary>Days of desk time each attendee spends in a meeting or progress review besides the items it decides; their desks serve nothing meanwhile.</summary>
    [Parameter("Bodies", Min = 0, Max = 30, Unit = "days", Rationale = "Half a day (model-v2 §2, §6); no source gives a number.")]
    public double MeetingDuration { get; init; } = 0.5;

    /// <summary>Minutes of meeting time per agenda item decided (in an 8-hour working day), so a long agenda makes a long meeting.</summary>
    [Parameter("Bodies", Min = 0, Max = 480, Unit = "minutes", Rationale = "Ten minutes an item; no source gives a number.")]
    public double MinutesPerItem { get; init; } = 10.0;

    /// <summary>Days between the briefs each liaison of a body files (0 = none).</summary>
    [Parameter("Bodies", Min = 0, MinPositive = ShortestPeriodDays, Unit = "days", Rationale = "Weekly: the 'weekly brief' of S2's 'six ones'.")]
    public double ReportInterval { get; init; } = 7.0;

    /// <summary>Days of desk time one brief costs its liaison.</summary>
    [Parameter("Bodies", Min = 0, Max = 30, Unit = "days", Rationale = "An eighth of a day, an hour; no source gives a number.")]
    public double ReportDuration { get; init; } = 0.125;

    /// <summary>Whether a task force works co-located: its members settle routine issues on the spot and talk face to face; otherwise its liaisons only relay between the departments and the lead, who decides (S3's 'loudspeaker').</summary>
    [Parameter("Bodies", Label = "co-located", Rationale = "Co-located: the 'task-tackling' and 'strong-handling' types of S3, 'the decision is passed in one meeting room' (S2).")]
    public bool CoLocated { get; init; } = true;

    /// <summary>What a task force takes on: <c>routine</c> (cross-department issues) or <c>emergency</c> (emergencies and the issues of an active crisis); with <c>coLocated</c> these are S3's four types.</summary>
    [Parameter("Bodies", Rationale = "Routine cross-department work, the task forces of S2's survey; S3 types them by emergency vs routine and co-located or not.")]
    public TaskForceScope TaskForceScope { get; init; } = TaskForceScope.Routine;

    /// <summary>Whether a command headquarters also takes every cross-department issue, besides emergencies and the issues of an active crisis.</summary>
    [Parameter("Bodies", Label = "command covers cross-department issues", Rationale = "No: a command headquarters (指挥部) is for 'urgent, difficult, dangerous, heavy' work (S2, model-v2 §2); covering every cross-department issue is the design option the first model used.")]
    public bool CommandCoversCrossDepartment { get; init; }

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
    [Parameter("Bodies", Min = 0, MinPositive = ShortestPeriodDays, Unit = "days", Rationale = "'Monthly inspection' (S2).")]
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

    /// <summary>Number of task forces (proliferation); up to eight, task force i covers the issue categories c with <c>c mod taskForces = i</c>; beyond eight, it covers the slots <c>c + 8r</c> equal to i modulo taskForces, r the rank among the other departments of the issue's partner department (the lowest-numbered required department other than the primary one).</summary>
    [Parameter("Bodies", Min = 1, Max = 64, Rationale = "One task force covering every cross-department issue; S2 counts 513 task forces in 2018–2021 and S3 'ever more group chats', with no number per government: proliferation is a sweep over this.")]
    public int TaskForces { get; init; } = 1;

    /// <summary>Task forces each seconded official sits on at once; the seconded share is split between them.</summary>
    [Parameter("Bodies", Min = 1, Max = 64, Rationale = "One: no sharing of officials until proliferation is studied (S2, S3).")]
    public int MembershipsPerPerson { get; init; } = 1;

    /// <summary>When the bodies are formed: at the <c>start</c> of the run, or when the <c>crisis</c> starts (each after <c>formationDelay</c>; a crisis body with <c>missionDays</c> 0 is dissolved when the crisis ends).</summary>
    [Parameter("Bodies", Label = "formation trigger", Rationale = "At the start: a standing body; bodies formed on demand reproduce S1's Kunshan task force (model-v2 §2, §4).")]
    public FormationTrigger FormOn { get; init; } = FormationTrigger.Start;

    /// <summary>Days before a body is formed; until then its issues follow the hierarchy.</summary>
    [Parameter("Bodies", Min = 0, Unit = "days", Rationale = "Formed at the start.")]
    public double FormationDelay { get; init; }

    /// <summary>Days a body works before it is dissolved when its mission is done (0 = permanent); its seconded members' capacity then returns to their home desks.</summary>
    [Parameter("Bodies", Min = 0, MinPositive = ShortestPeriodDays, Unit = "days", Rationale = "Permanent; S1's Kunshan task force ran 26 days, dissolved and was restarted.")]
    public double MissionDays { get; init; }

    /// <summary>Days after a dissolution before the body is restarted (0 = not restarted).</summary>
    [Parameter("Bodies", Min = 0, MinPositive = ShortestPeriodDays, Unit = "days", Rationale = "Not restarted.")]
    public double RestartAfter { get; init; }

    // ---------------------------------------------------------------- Run

    /// <summary>Simulated days; the run stops at the horizon and counts open issues as pending.</summary>
    [Parameter("Run", Min = 0, MinExclusive = true, Max = 1e7, Unit = "days", Rationale = "One year.")]
    public double HorizonDays { get; init; } = 365.0;

    /// <summary>When positive, arrivals stop after this many issues and the run ends once they are all resolved or at the horizon (0 = no limit).</summary>
    [Parameter("Run", Min = 0, Max = 1e9, Rationale = "No limit: the horizon ends the run.")]
    public long MaxIssues { get; init; }

    /// <summary>Issues discovered before this day are simulated but left out of the measures (warm-up).</summary>
    [Parameter("Run", Min = 0, Unit = "days", Rationale = "A month: runs start with empty queues, and the first issues would find an idle organisation; by day 30 the default runs' backlogs have reached their level (model-v2.md §5; no source gives a number). The v1 preset keeps 0.")]
    public double WarmupDays { get; init; } = 30.0;

    /// <summary>Open issues beyond which the run stops early (the overload guard): it reports what it simulated, flagged unstable and stopped early, instead of exhausting memory.</summary>
    [Parameter("Run", Min = 1, Max = 1e9, Unit = "issues", Rationale = "About 1 GB: a run stopped at 250,000 open issues peaked at 0.83 GB resident (default organisation) and 1.04 GB (5 levels, span 6), 3.3-4.2 kB per open issue with the organisation and the runtime (docs/performance.md); an organisation this far behind is overloaded whatever its structure.")]
    public long MaxPending { get; init; } = 250_000;

    /// <summary>Events after which the run stops early (the event budget): it reports what it simulated, flagged unstable and stopped early, so that no allowed combination of parameters runs without end.</summary>
    [Parameter("Run", Min = 1, Max = 1e12, Unit = "events", Rationale = "10⁹, a guard, not a finding: about 3,000 times the events of a run of the quick start (at most 3.4 × 10⁵), and minutes of one core (docs/performance.md); a run that needs more is a different experiment (a longer horizon, a larger organisation) and should raise it on purpose.")]
    public long MaxEvents { get; init; } = 1_000_000_000;

    /// <summary>
    /// Fields of the run's coordination body design set by name, as a spec's base, design point or structure override
    /// sets them (<c>bodies[0].collectivity</c>, see <see cref="ParameterCatalog.Find"/>): applied, in order, after the
    /// design is built from the other parameters, by every structure with a body; a structure without one (the
    /// hierarchy) has nothing to apply them to. Not a catalog parameter; empty by default.
    /// </summary>
    public IReadOnlyList<BodySetting> BodyFields { get; init; } = [];

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
