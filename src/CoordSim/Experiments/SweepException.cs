namespace CoordSim.Experiments;

/// <summary>
/// Thrown when a sweep cannot start or continue in its results folder: the folder holds other
/// results, or a resume finds a different spec, library version or options than the sweep it
/// would continue. The message says what was found and what to do.
/// </summary>
public sealed class SweepException : IOException
{
    /// <summary>Creates the exception with a message that says what to do.</summary>
    public SweepException(string message)
        : base(message)
    {
    }
}
