namespace CoordSim.Benchmarks;

/// <summary>The <see cref="BenchmarkConfig"/> plus the events-per-second column of whole runs.</summary>
public class RunBenchmarkConfig : BenchmarkConfig
{
    /// <summary>Creates the configuration.</summary>
    public RunBenchmarkConfig()
    {
        AddColumn(new EventsPerSecondColumn());
    }
}
