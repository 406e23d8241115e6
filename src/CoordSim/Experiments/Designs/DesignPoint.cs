namespace CoordSim.Experiments;

/// <summary>One point of an experiment's design.</summary>
/// <param name="Id">0-based position in the design's order: the <c>pointId</c> column of result files.</param>
/// <param name="Settings">The parameters the point sets on top of the experiment's base.</param>
/// <param name="SeedKey">
/// A stable 63-bit key of the point's parameter values, from which its runs' seeds are derived
/// (<see cref="ExperimentPlan.SeedOf"/>): it depends on the values, not on the point's position,
/// so adding points or values never changes the seeds of the points already there.
/// </param>
public sealed record DesignPoint(int Id, IReadOnlyList<ParameterSetting> Settings, long SeedKey);
