namespace CoordSim.Experiments;

/// <summary>Thrown when an experiment spec cannot be read or is not valid; <see cref="Errors"/> lists every problem found.</summary>
public sealed class SpecException : ArgumentException
{
    /// <summary>Creates the exception from the problems found in the spec read from <paramref name="source"/> (a file name, or null).</summary>
    public SpecException(IReadOnlyList<SpecError> errors, string? source = null)
        : base(Describe(errors, source))
    {
        Errors = errors;
        Source = source;
    }

    /// <summary>Every problem found, in the order of the spec.</summary>
    public IReadOnlyList<SpecError> Errors { get; }

    /// <summary>The file the spec was read from, or null for a spec made in code.</summary>
    public new string? Source { get; }

    private static string Describe(IReadOnlyList<SpecError> errors, string? source)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var head = (source is null ? "The experiment spec" : $"Experiment spec {source}") +
                   (errors.Count == 1 ? " has a problem:" : $" has {errors.Count} problems:");
        return head + string.Concat(errors.Select(e => Environment.NewLine + "  " + e.Message));
    }
}
