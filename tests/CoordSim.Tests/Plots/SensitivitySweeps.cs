using CoordSim.Experiments;
using CoordSim.Structures;
using CoordSim.Tests.Experiments;

namespace CoordSim.Tests.Plots;

/// <summary>
/// Two small but real global sensitivity sweeps, each run once per test process: a morris screening of 10 factors
/// (4 trajectories, 4 levels, 44 points) and a sobol design of 14 factors (16 base rows, 256 points), both comparing the
/// hierarchy with a flatter variant over a 20-day horizon, so that sensitivity.csv has every structure, a difference
/// panel and more factors than the figures label or show. Tests that write into a folder take a <see cref="Copy"/>.
/// </summary>
internal static class SensitivitySweeps
{
    /// <summary>The measures the sweeps keep (besides <c>stable</c>, which every sweep keeps): two default measures, the pending issues and the latency quantiles of the figure at one point.</summary>
    public static readonly string[] Measures = ["latencyRestrictedMean", "distortionRms", "issuesPending", .. CoordSim.Plots.Figures.LatencyQuantiles];

    /// <summary>The factors and their ranges: 14 numeric parameters the small organisation reacts to.</summary>
    public static readonly (string Name, double From, double To)[] Factors =
    [
        ("crossDepartmentShare", 0.1, 0.6), ("arrivalRate", 4, 8), ("noiseSigma", 0.05, 0.4), ("dropProbability", 0, 0.1),
        ("upwardBias", 0, 0.2), ("emergencyShare", 0, 0.3), ("transmissionDelay", 0.1, 0.5), ("recordDelay", 0.01, 0.1),
        ("lateralDelay", 0.01, 0.1), ("serviceRate", 1.5, 3), ("headServiceRate", 10, 20), ("topServiceRate", 16, 30),
        ("meetingNoiseSigma", 0.01, 0.1), ("recordNoiseSigma", 0.005, 0.05),
    ];

    /// <summary>Factors of the morris sweep (the first 10).</summary>
    public const int MorrisFactors = 10;

    /// <summary>Trajectories of the morris sweep.</summary>
    public const int Trajectories = 4;

    /// <summary>Base rows of the sobol sweep.</summary>
    public const int SobolSamples = 16;

    private static readonly Lazy<string> MorrisFolder = new(() => Run("morris-small", b => b.Morris(Trajectories, levels: 4), MorrisFactors, replications: 2));

    private static readonly Lazy<string> SobolFolder = new(() => Run("sobol-small", b => b.Sobol(SobolSamples, seed: 5), Factors.Length, replications: 1));

    /// <summary>The folder of the morris sweep (do not write into it).</summary>
    public static string Morris => MorrisFolder.Value;

    /// <summary>The folder of the sobol sweep (do not write into it).</summary>
    public static string Sobol => SobolFolder.Value;

    /// <summary>A copy of <paramref name="folder"/>'s files in a fresh folder, to write figures into or to change.</summary>
    public static string Copy(string folder, string tag)
    {
        var copy = SweepFixture.TempFolder(tag);
        foreach (var file in Directory.GetFiles(folder))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    private static string Run(string name, Func<ExperimentBuilder, ExperimentBuilder> design, int factors, int replications)
    {
        var builder = SweepFixture.Small(name).Compare(Structure.Hierarchy(), "flat", ("levels", 1));
        foreach (var (factor, from, to) in Factors.Take(factors))
        {
            builder = builder.Vary(Factor.Interval(factor, from, to));
        }

        var spec = design(builder).Measures(Measures).Replications(replications).TimeSeries(null).Seed(17).Build();
        var folder = SweepFixture.TempFolder(name);
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2 });
        return folder;
    }
}
