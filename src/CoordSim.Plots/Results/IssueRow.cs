using CoordSim.Metrics;

namespace CoordSim.Plots.Results;

/// <summary>One row of <c>issues.csv</c>: a resolved issue's outcome with the run it belongs to.</summary>
/// <param name="PointId">The 0-based design point.</param>
/// <param name="Structure">The structure's name.</param>
/// <param name="Replication">The 0-based replication.</param>
/// <param name="Outcome">The issue's outcome, as the model reported it.</param>
public sealed record IssueRow(int PointId, string Structure, int Replication, IssueOutcome Outcome);
