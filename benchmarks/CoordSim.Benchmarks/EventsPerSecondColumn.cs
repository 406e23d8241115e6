using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using CoordSim.Structures;

namespace CoordSim.Benchmarks;

/// <summary>
/// Events simulated per second of a <see cref="RunBenchmarks"/> case: the run's event count
/// (runs are deterministic, so the host process runs the case once more to count them) divided
/// by the measured mean time.
/// </summary>
public sealed class EventsPerSecondColumn : IColumn
{
    private static readonly ConcurrentDictionary<(string Structure, string Size), long> Counts = new();

    /// <inheritdoc />
    public string Id => nameof(EventsPerSecondColumn);

    /// <inheritdoc />
    public string ColumnName => "Events/s";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => "Simulated events per second: events of the run divided by the mean time";

    /// <summary>The number of events one run of (<paramref name="structure"/>, <paramref name="size"/>) processes.</summary>
    public static long EventsOf(string structure, string size) =>
        Counts.GetOrAdd((structure, size), key =>
            Simulation.Run(StructureCatalog.Find(key.Structure) ?? throw new InvalidOperationException($"No structure named {key.Structure}."), Scenarios.Sized(key.Size), Scenarios.Seed).Events);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is null or <= 0 || benchmarkCase.Parameters["Structure"] is not string structure || benchmarkCase.Parameters["Size"] is not string size)
        {
            return "NA";
        }

        var events = EventsOf(structure, size);
        return (events / (mean.Value * 1e-9)).ToString("N0", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public override string ToString() => ColumnName;
}
