namespace CoordSim.Experiments;

/// <summary>Thrown when one run of a sweep throws; the runs before it are kept and the sweep can be resumed.</summary>
public sealed class RunFailedException : Exception
{
    /// <summary>Creates the exception for the run at <paramref name="index"/>.</summary>
    public RunFailedException(int index, Exception inner)
        : base($"Run {index} failed: {inner?.Message}", inner)
    {
        Index = index;
    }

    /// <summary>Creates the exception with a message that names the run.</summary>
    public RunFailedException(int index, string message, Exception inner)
        : base(message, inner)
    {
        Index = index;
    }

    /// <summary>The run's index in result order.</summary>
    public int Index { get; }
}
