namespace CoordSim.Experiments;

/// <summary>
/// One problem with an experiment spec: where it is (a JSON path such as
/// <c>$.design.factors.span[1]</c>, and the line and column in the file when the spec was read
/// from one), the offending value and what would have been accepted.
/// </summary>
/// <param name="Path">JSON path of the field, from <c>$</c> (the spec object).</param>
/// <param name="Value">The offending value as written, or a short description such as <c>(missing)</c>.</param>
/// <param name="Allowed">What is allowed there.</param>
/// <param name="Line">1-based line in the spec file, when known.</param>
/// <param name="Column">1-based column in the spec file, when known.</param>
public sealed record SpecError(string Path, string Value, string Allowed, int? Line = null, int? Column = null)
{
    /// <summary>One line: location, path, value and what is allowed.</summary>
    public string Message
    {
        get
        {
            var at = Line is { } line ? $"line {line}, column {Column ?? 1}: " : "";
            return Value.Length == 0 ? $"{at}{Path}: {Allowed}." : $"{at}{Path} = {Value} is not allowed: {Allowed}.";
        }
    }

    /// <inheritdoc />
    public override string ToString() => Message;
}
