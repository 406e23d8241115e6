namespace CoordSim;

/// <summary>One problem with a parameter value: which parameter, the value given and what is allowed.</summary>
/// <param name="Name">The parameter's camelCase name (or a path such as <c>structures[1].overrides.span</c>).</param>
/// <param name="Value">The offending value as text.</param>
/// <param name="Allowed">What would have been accepted.</param>
public sealed record ParameterError(string Name, string Value, string Allowed)
{
    /// <summary>A one-line message naming the parameter, the value and what is allowed.</summary>
    public string Message => $"{Name} = {Value} is not allowed: {Allowed}.";

    /// <inheritdoc />
    public override string ToString() => Message;
}
