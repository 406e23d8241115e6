using CoordSim.Mechanisms;
using CoordSim.Metrics;
using CoordSim.Structures;

namespace CoordSim;

/// <summary>
/// The front door: run one structure with parameters and a seed, or several structures on the
/// same issue stream. A run is a pure function of (structure, parameters, seed): the same inputs
/// give equal results on any machine or thread, and structures run with the same seed see
/// identical issues (common random numbers).
/// </summary>
/// <example>
/// <code>
/// var p = Parameters.Default with { CrossDepartmentShare = 0.4 };
/// var h = Simulation.Run(Structure.Hierarchy(), p, seed: 1);
/// Console.WriteLine($"{h.Latency.MeanResolved:F1} days");
/// </code>
/// </example>
public static class Simulation
{
    /// <summary>Runs <paramref name="structure"/> with <paramref name="parameters"/> and <paramref name="seed"/>.</summary>
    /// <param name="structure">The coordination structure.</param>
    /// <param name="parameters">The parameters; validated first (throws <see cref="ParameterException"/> listing every problem).</param>
    /// <param name="seed">The run seed, from 0 to 2^53 − 1.</param>
    /// <param name="observer">Optional receiver of every resolved issue's outcome.</param>
    public static RunResult Run(Structure structure, Parameters parameters, long seed, IIssueObserver? observer = null)
    {
        return Prepare(structure, parameters, seed, observer).Run(structure.Name);
    }

    /// <summary>Runs like <see cref="Run"/> with every step of every route sent to <paramref name="trace"/>.</summary>
    internal static RunResult RunTraced(Structure structure, Parameters parameters, long seed, IRouteTrace trace, IIssueObserver? observer = null)
    {
        var model = Prepare(structure, parameters, seed, observer);
        model.Trace = trace;
        return model.Run(structure.Name);
    }

    private static CoordinationModel Prepare(Structure structure, Parameters parameters, long seed, IIssueObserver? observer)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(parameters);
        if (seed < 0 || seed > Engine.SeedDerivation.MaxPublicSeed)
        {
            throw new ParameterException(new ParameterError("seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"an integer from 0 to {Engine.SeedDerivation.MaxPublicSeed}"));
        }

        parameters.EnsureValid();
        var (organisation, policy) = structure.Build(parameters);
        return new CoordinationModel(organisation, parameters, policy, seed, observer);
    }

    /// <summary>
    /// Runs <paramref name="structure"/> like <see cref="Run"/> and also reports the queue statistics of every desk
    /// (completed visits, mean sojourn, time-average occupancy, busy fraction), for checks against queueing theory.
    /// </summary>
    public static (RunResult Result, IReadOnlyList<DeskReport> Desks) RunWithDeskReports(Structure structure, Parameters parameters, long seed, IIssueObserver? observer = null)
    {
        var model = Prepare(structure, parameters, seed, observer);
        var result = model.Run(structure.Name);
        var desks = new DeskReport[model.Organisation.DeskCount];
        for (var d = 0; d < desks.Length; d++)
        {
            desks[d] = model.ReportDesk(new Organisation.DeskId(d));
        }

        return (result, desks);
    }

    /// <summary>
    /// Runs <paramref name="structure"/> like <see cref="Run"/> and also samples its time series every
    /// <paramref name="intervalDays"/> days (see <see cref="TimeSeries"/>): issues arrived, resolved and open, utilisation
    /// by level and the costs of meetings and briefs over each interval. Sampling does not change the run: the result is
    /// the one <see cref="Run"/> gives for the same structure, parameters and seed.
    /// </summary>
    /// <param name="structure">The coordination structure.</param>
    /// <param name="parameters">The parameters; validated first (throws <see cref="ParameterException"/> listing every problem).</param>
    /// <param name="seed">The run seed, from 0 to 2^53 − 1.</param>
    /// <param name="intervalDays">
    /// Days between samples: greater than 0, and at least horizonDays / <see cref="TimeSeries.MaxSamples"/> (otherwise
    /// <see cref="ParameterException"/> names <c>intervalDays</c>, the value and what is allowed).
    /// </param>
    /// <param name="observer">Optional receiver of every resolved issue's outcome.</param>
    /// <example>
    /// <code>
    /// var (result, series) = Simulation.RunWithTimeSeries(Structure.Hierarchy(), Parameters.Default, seed: 1, intervalDays: 30);
    /// foreach (var s in series.Samples)
    /// {
    ///     Console.WriteLine($"day {s.Day}: {s.Backlog} open, frontline {s.Utilisation[0]:P0} busy");
    /// }
    /// </code>
    /// </example>
    public static (RunResult Result, TimeSeries Series) RunWithTimeSeries(Structure structure, Parameters parameters, long seed, double intervalDays, IIssueObserver? observer = null)
    {
        var model = Prepare(structure, parameters, seed, observer);
        if (TimeSeries.IntervalProblem(intervalDays, parameters.HorizonDays) is { } allowed)
        {
            throw new ParameterException(new ParameterError("intervalDays", intervalDays.ToString(System.Globalization.CultureInfo.InvariantCulture), allowed));
        }

        model.SampleEvery(intervalDays);
        var result = model.Run(structure.Name);
        return (result, model.Series!);
    }

    /// <summary>Runs every structure with the same parameters and seed, so they face the same issues.</summary>
    public static IReadOnlyList<RunResult> Compare(IEnumerable<Structure> structures, Parameters parameters, long seed) =>
        structures.Select(s => Run(s, parameters, seed)).ToArray();
}
