namespace CoordSim.Structures;

/// <summary>
/// The meaning of every field of a body design, which is the <c>&lt;summary&gt;</c> of its property's doc comment in
/// <see cref="BodyDesign"/>: the source generator in CoordSim.Generators writes the body of <see cref="Of"/> at
/// build time.
/// </summary>
internal static partial class BodyFieldDescriptions
{
    /// <summary>The summary of the <see cref="BodyDesign"/> property named <paramref name="propertyName"/> as plain text; empty for any other name.</summary>
    internal static partial string Of(string propertyName);
}
