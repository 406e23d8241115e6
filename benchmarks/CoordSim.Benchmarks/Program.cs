using BenchmarkDotNet.Running;

namespace CoordSim.Benchmarks;

/// <summary>Runs the benchmark suites chosen on the command line (BenchmarkDotNet switcher).</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
