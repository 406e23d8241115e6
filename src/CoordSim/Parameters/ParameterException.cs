namespace CoordSim;

/// <summary>Thrown when parameters are unknown, malformed or out of range; <see cref="Errors"/> lists every problem.</summary>
public sealed class ParameterException : ArgumentException
{
    /// <summary>Creates the exception from the problems found.</summary>
    public ParameterException(IReadOnlyList<ParameterError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.Message)))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception for a single problem.</summary>
    public ParameterException(ParameterError error)
        : this([error])
    {
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ParameterError> Errors { get; }
}
