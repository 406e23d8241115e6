using BenchmarkDotNet.Running;

namespace CoordSim.Benchmarks;

/// <summary>
/// Runs the benchmark suites chosen on the command line (BenchmarkDotNet switcher), or one of the
/// project's own modes: <c>--quick</c> (headline table in a few minutes), <c>--scaling</c> (time
/// and peak memory against organisation size and issue count, one process per point), <c>--scaling-plot</c> (figures of
/// that table's CSV) and
/// <c>--loop</c> (repeat one run for a profiler). See docs/performance.md.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : string.Empty;
        var rest = args.Skip(1).ToArray();
        switch (mode)
        {
            case "--quick":
                BenchmarkSwitcher.FromTypes(QuickConfig.Suites).Run(rest.Length > 0 ? rest : ["--filter", "*"], QuickConfig.Create());
                return 0;
            case "--scaling":
                return ScalingTable.Run(rest);
            case "--scaling-plot":
                return ScalingFigures.Run(rest);
            case ScalingTable.PointArgument:
                return ScalingTable.RunPoint(rest);
            case "--loop":
                return ProfileLoop.Run(rest);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
