namespace CoordSim.Cli;

/// <summary>
/// Reads <c>--set name=value</c> assignments into <see cref="Parameters"/>: splits each at its first <c>=</c>,
/// applies them in order over the defaults through <see cref="ParameterCatalog.Apply"/> (a later assignment of
/// the same name wins) and checks the rules that tie parameters together.
/// </summary>
internal static class SetOptionParser
{
    /// <summary>What one <c>--set</c> value must look like, in words.</summary>
    public const string AllowedText = "name=value, for example crossDepartmentShare=0.4 (names are listed by 'coordsim params')";

    /// <summary>
    /// The parameters the assignments give, or null when any is malformed, names an unknown parameter, has a value
    /// that is not allowed, or breaks a rule between parameters; every problem is added to <paramref name="errors"/>.
    /// </summary>
    public static Parameters? Parse(IEnumerable<string> assignments, ICollection<ParameterError> errors, string? preset = null)
    {
        var start = Parameters.Default;
        if (preset is not null)
        {
            if (ParameterPresets.Find(preset) is not { } found)
            {
                errors.Add(new ParameterError("--preset", $"\"{preset}\"", $"one of {ParameterPresets.Names}"));
                return null;
            }

            start = found.Parameters;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        var malformed = false;
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add(new ParameterError("--set", $"\"{assignment}\"", AllowedText));
                malformed = true;
                continue;
            }

            pairs.Add(new(assignment[..equals].Trim(), assignment[(equals + 1)..]));
        }

        Parameters parameters;
        try
        {
            parameters = ParameterCatalog.Apply(start, pairs);
        }
        catch (ParameterException e)
        {
            foreach (var error in e.Errors)
            {
                errors.Add(error);
            }

            return null;
        }

        if (malformed)
        {
            return null;
        }

        var invalid = parameters.Validate();
        foreach (var error in invalid)
        {
            errors.Add(error);
        }

        return invalid.Count == 0 ? parameters : null;
    }

    /// <summary>The parameters of <paramref name="parameters"/> that differ from the defaults, as <c>name=value</c>, in catalog order.</summary>
    public static IReadOnlyList<string> NonDefault(Parameters parameters) => Differences(parameters, Parameters.Default);

    /// <summary>The parameters of <paramref name="parameters"/> that differ from <paramref name="reference"/>, as <c>name=value</c>, in catalog order.</summary>
    public static IReadOnlyList<string> Differences(Parameters parameters, Parameters reference) =>
        ParameterCatalog.Describe(parameters)
            .Zip(ParameterCatalog.Describe(reference))
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => $"{pair.First.Key}={pair.First.Value}")
            .ToArray();
}
