using BenchmarkDotNet.Attributes;
using CoordSim.Metrics;
using CoordSim.Structures;

namespace CoordSim.Benchmarks;

/// <summary>
/// Whole runs: <see cref="Simulation.Run"/> (organisation build, event loop, measures) for every
/// structure of <see cref="StructureCatalog"/> at the sizes of <see cref="Scenarios.Sizes"/>.
/// The Events/s column divides the run's event count by the mean time.
/// </summary>
[Config(typeof(RunBenchmarkConfig))]
public class RunBenchmarks
{
    private Structure _structure = CoordSim.Structures.Structure.Hierarchy();
    private Parameters _parameters = Parameters.Default;

    /// <summary>Every structure name in the catalogue.</summary>
    public static IEnumerable<string> Structures => StructureCatalog.All.Select(s => s.Name);

    /// <summary>Every size name.</summary>
    public static IEnumerable<string> SizeNames => Scenarios.Sizes;

    /// <summary>The structure run.</summary>
    [ParamsSource(nameof(Structures))]
    public string Structure { get; set; } = "hierarchy";

    /// <summary>The organisation size (see <see cref="Scenarios.Sized"/>).</summary>
    [ParamsSource(nameof(SizeNames))]
    public string Size { get; set; } = "default";

    /// <summary>Resolves the structure and parameters.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _structure = StructureCatalog.Find(Structure) ?? throw new InvalidOperationException($"No structure named {Structure}.");
        _parameters = Scenarios.Sized(Size);
    }

    /// <summary>One run with the benchmark seed.</summary>
    [Benchmark]
    public RunResult Run() => Simulation.Run(_structure, _parameters, Scenarios.Seed);
}
