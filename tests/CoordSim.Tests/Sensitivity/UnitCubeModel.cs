using CoordSim.Experiments;
using CoordSim.Metrics;
using CoordSim.Structures;
using CoordSim.Tests.Experiments;

namespace CoordSim.Tests.Sensitivity;

/// <summary>
/// Cheap models that stand in for the simulation in sensitivity sweeps (<see cref="SweepOptions.Model"/>): a run's
/// factors read as coordinates in [0, 1] of their ranges, and its result one small hierarchy run with staffDays set to
/// a known function of them, so that the indices a sweep reports can be compared with ones derived by hand.
/// </summary>
internal static class UnitCubeModel
{
    /// <summary>Three factors and their ranges, mapped to Ishigami's [−π, π] by <see cref="EstimatorValidationTests.Ishigami"/>.</summary>
    public static readonly (string Name, double From, double To)[] IshigamiFactors =
        [("crossDepartmentShare", 0, 1), ("noiseSigma", 0.05, 0.95), ("arrivalRate", 2, 12)];

    private static readonly Lazy<RunResult> Template = new(() => Simulation.Run(Structure.Hierarchy(), SweepFixture.Small().Build().Plan().BaseParameters, 1));

    /// <summary><paramref name="builder"/> with each of <paramref name="factors"/> varied over its interval.</summary>
    public static ExperimentBuilder Vary(ExperimentBuilder builder, IEnumerable<(string Name, double From, double To)> factors)
    {
        foreach (var (name, from, to) in factors)
        {
            builder = builder.Vary(Factor.Interval(name, from, to));
        }

        return builder;
    }

    /// <summary>The coordinates in [0, 1] of <paramref name="run"/>'s values of <paramref name="factors"/> within their ranges.</summary>
    public static double[] Unit(PlannedRun run, IEnumerable<(string Name, double From, double To)> factors) =>
        factors.Select(f => (ParameterCatalog.Get(f.Name).GetNumber(run.Parameters) - f.From) / (f.To - f.From)).ToArray();

    /// <summary>The small hierarchy's run of seed 1 with its staffDays replaced by <paramref name="staffDays"/>.</summary>
    public static RunResult WithStaffDays(double staffDays) => Template.Value with { StaffDays = staffDays };
}
