namespace CoordSim;

/// <summary>
/// A named set of parameter values applied on top of other parameters: for example <see cref="ParameterPresets.V1"/>,
/// which turns off every mechanism of model v2 and reproduces the first model's numbers.
/// </summary>
/// <param name="Name">Name used on the command line (<c>--preset NAME</c>).</param>
/// <param name="Description">What the preset is for.</param>
/// <param name="Values">Parameter values by name, as text (invariant culture), in catalog order.</param>
public sealed record ParameterPreset(string Name, string Description, IReadOnlyList<KeyValuePair<string, string>> Values)
{
    /// <summary>A copy of <paramref name="parameters"/> with this preset's values set; throws <see cref="ParameterException"/> when a value is not allowed.</summary>
    public Parameters ApplyTo(Parameters parameters) => ParameterCatalog.Apply(parameters, Values);

    /// <summary>This preset applied to the default parameters.</summary>
    public Parameters Parameters => ApplyTo(CoordSim.Parameters.Default);
}
