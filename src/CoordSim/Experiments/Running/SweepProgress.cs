namespace CoordSim.Experiments;

/// <summary>How far a sweep has got, reported after every finished run.</summary>
/// <param name="Done">Runs finished, including those found finished when resuming.</param>
/// <param name="Total">Runs in the sweep.</param>
/// <param name="Resumed">Runs that were already finished when this session started.</param>
/// <param name="Elapsed">Time since this session started.</param>
/// <param name="RunsPerSecond">Runs finished per second in this session.</param>
/// <param name="Remaining">Estimated time to the end at the current rate; null before the first run.</param>
public sealed record SweepProgress(int Done, int Total, int Resumed, TimeSpan Elapsed, double RunsPerSecond, TimeSpan? Remaining)
{
    /// <summary>Fraction of runs finished, 0 to 1.</summary>
    public double Fraction => Total == 0 ? 1 : (double)Done / Total;
}
