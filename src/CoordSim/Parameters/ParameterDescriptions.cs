namespace CoordSim;

/// <summary>
/// The meaning of every parameter, which is the <c>&lt;summary&gt;</c> of its property's doc comment in
/// <see cref="Parameters"/>: the source generator in CoordSim.Generators writes the body of <see cref="Of"/>
/// at build time, so the doc comment is the one place a parameter is described.
/// </summary>
internal static partial class ParameterDescriptions
{
    /// <summary>The summary of the <see cref="Parameters"/> property named <paramref name="propertyName"/> as plain text; empty for any other name.</summary>
    internal static partial string Of(string propertyName);
}
