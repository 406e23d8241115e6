using CoordSim.Experiments;
using CoordSim.Metrics;
using CoordSim.Tests.Experiments;

namespace CoordSim.Tests.Sensitivity;

/// <summary>
/// A Morris screening of two factors, crossDepartmentShare over [0.2, 0.6] and noiseSigma over [0.1, 0.5], whose runs
/// a cheap model answers with an output linear in the factors' [0, 1] coordinates: its elementary effects are its slopes.
/// </summary>
internal static class LinearScreening
{
    private static readonly (string Name, double From, double To)[] Factors = [("crossDepartmentShare", 0.2, 0.6), ("noiseSigma", 0.1, 0.5)];

    /// <summary>The small hierarchy's spec with the two factors, <paramref name="trajectories"/> trajectories of 4 levels, staffDays only and no time series.</summary>
    public static ExperimentBuilder Spec(string name, int trajectories) => UnitCubeModel.Vary(SweepFixture.Small(name), Factors)
        .Morris(trajectories, levels: 4)
        .Measures("staffDays")
        .TimeSeries(null)
        .Seed(5);

    /// <summary>A run's result with staffDays = <paramref name="slope1"/> u₁ + <paramref name="slope2"/> u₂, u the factors' coordinates in [0, 1].</summary>
    public static RunResult Output(PlannedRun run, double slope1, double slope2)
    {
        var u = UnitCubeModel.Unit(run, Factors);
        return UnitCubeModel.WithStaffDays((slope1 * u[0]) + (slope2 * u[1]));
    }
}
