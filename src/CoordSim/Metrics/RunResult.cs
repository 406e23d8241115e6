namespace CoordSim.Metrics;

/// <summary>
/// Everything one run measured: a pure function of (structure, parameters, seed), so two runs
/// with the same inputs give equal results on any machine or thread.
/// </summary>
/// <param name="Structure">Name of the structure (for example "hierarchy").</param>
/// <param name="Seed">The run seed.</param>
/// <param name="Parameters">Every parameter value used.</param>
/// <param name="Issues">Arrived, resolved and pending issues.</param>
/// <param name="Latency">Coordination latency.</param>
/// <param name="Distortion">Information distortion.</param>
/// <param name="Responsibility">Responsibility diffusion.</param>
/// <param name="Utilisation">Utilisation by level.</param>
/// <param name="Events">Events processed.</param>
/// <param name="Meetings">Meetings held by coordination bodies.</param>
/// <param name="StaffDays">Person-days spent on issues (service time summed over desks, weighted by the desk's attention share), a measure of staff cost.</param>
/// <param name="SecondedDays">Person-days of capacity seconded to coordination bodies (used or idle): the staff cost of secondment.</param>
/// <param name="SimulatedDays">Days simulated: the horizon (also when the last issue was resolved before it), or less when a run with maxIssues drained early or a guard (maxPending, maxEvents) stopped it.</param>
public sealed record RunResult(
    string Structure,
    long Seed,
    Parameters Parameters,
    IssueCounts Issues,
    LatencySummary Latency,
    DistortionSummary Distortion,
    ResponsibilitySummary Responsibility,
    UtilisationSummary Utilisation,
    long Events,
    int Meetings,
    double StaffDays,
    double SecondedDays,
    double SimulatedDays)
{
    /// <summary>Person-days spent away from the desks in meetings and writing reports.</summary>
    public AttendanceCosts Attendance { get; init; } = new(0, 0);

    /// <summary>Where the resolved issues were decided, and how long their consultation took.</summary>
    public DecisionSummary Decisions { get; init; } = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>
    /// Whether the run reached a steady state: the backlog at the middle and the end, and the verdict (see <see cref="StabilitySummary"/>).
    /// Every run the library makes sets it; a result built by hand without it is not judged, so it does not claim a steady
    /// state: <c>Stable</c> is false and the figures are undefined (NaN) or zero.
    /// </summary>
    public StabilitySummary Stability { get; init; } = new(false, double.NaN, 0, 0, double.NaN, 0, double.NaN, false);

    /// <summary>This run as JSON with the stable member names of docs/cli.md (culture-invariant numbers, null for an undefined measure).</summary>
    public string ToJson() => RunResultJson.Serialize(this);

    /// <summary>Several runs as one JSON array (see <see cref="ToJson()"/>).</summary>
    public static string ToJson(IEnumerable<RunResult> results) => RunResultJson.Serialize(results);

    /// <summary>Every scalar measure of this run by its stable column name, in <see cref="MeasureCatalog"/> order.</summary>
    public IEnumerable<KeyValuePair<string, double>> Measures() =>
        MeasureCatalog.All.Select(m => new KeyValuePair<string, double>(m.Name, m.Read(this)));
}
