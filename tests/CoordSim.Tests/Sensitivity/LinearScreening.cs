using CoordSim.Experiments;
using CoordSim.Metrics;
using CoordSim.Structures;
using CoordSim.Tests.Experiments;

namespace CoordSim.Tests.Sensitivity;

/// <summary>
/// A Morris screening of two factors, crossDepartmentShare over [0.2, 0.6] and noiseSigma over [0.1, 0.5], whose runs
/// a cheap model answers with an output linear in the factors' [0, 1] coordinates: its elementary effects are its slopes.
/// </summary>
internal static class LinearScreening
{
    private static readonly Lazy<RunResult> Template = new(() => Simulation.Run(Structure.Hierarchy(), SweepFixture.Small().Build().Plan().BaseParameters, 1));

    /// <summary>The small hierarchy's spec with the two factors, <paramref name="trajectories"/> trajectories of 4 levels, staffDays only and no time series.</summary>
    public static ExperimentBuilder Spec(string name, int trajectories) => SweepFixture.Small(name)
        .Vary(Factor.Interval("crossDepartmentShare", 0.2, 0.6))
        .Vary(Factor.Interval("noiseSigma", 0.1, 0.5))
        .Morris(trajectories, levels: 4)
        .Measures("staffDays")
        .TimeSeries(null)
        .Seed(5);

    /// <summary>A run's result with staffDays = <paramref name="slope1"/> u₁ + <paramref name="slope2"/> u₂, u the factors' coordinates in [0, 1].</summary>
    public static RunResult Output(PlannedRun run, double slope1, double slope2)
    {
        var u1 = (ParameterCatalog.Get("crossDepartmentShare").GetNumber(run.Parameters) - 0.2) / 0.4;
        var u2 = (ParameterCatalog.Get("noiseSigma").GetNumber(run.Parameters) - 0.1) / 0.4;
        return Template.Value with { StaffDays = (slope1 * u1) + (slope2 * u2) };
    }
}
