namespace CoordSim;

/// <summary>What the issue stream reads: arrivals, the mix of issues, deadlines, and the frontline it draws discoverers and executors from.</summary>
/// <param name="ArrivalRate">Mean issues per day.</param>
/// <param name="CrossDepartmentShare">Probability that an issue requires two or more departments.</param>
/// <param name="MaxDepartmentsPerIssue">Largest number of required departments.</param>
/// <param name="EmergencyShare">Probability that an issue is an emergency.</param>
/// <param name="StateDimensions">Facts in the true state.</param>
/// <param name="RoutineDeadline">Deadline of a routine issue (days after discovery).</param>
/// <param name="EmergencyDeadline">Deadline of an emergency (days after discovery).</param>
/// <param name="Departments">Number of departments.</param>
/// <param name="FrontlinePerDepartment">Frontline people per department.</param>
/// <param name="Crisis">The crisis window, its arrival multiplier and emergency share.</param>
internal sealed record WorkloadSettings(
    double ArrivalRate,
    double CrossDepartmentShare,
    int MaxDepartmentsPerIssue,
    double EmergencyShare,
    int StateDimensions,
    double RoutineDeadline,
    double EmergencyDeadline,
    int Departments,
    int FrontlinePerDepartment,
    CrisisSettings Crisis)
{
    /// <summary>The workload settings of <paramref name="p"/>.</summary>
    public static WorkloadSettings From(Parameters p) => new(
        p.ArrivalRate,
        p.CrossDepartmentShare,
        p.MaxDepartmentsPerIssue,
        p.EmergencyShare,
        p.StateDimensions,
        p.RoutineDeadline,
        p.EmergencyDeadline,
        p.Departments,
        checked((int)Math.Pow(p.Span, p.Levels - 1)),
        CrisisSettings.From(p));
}
