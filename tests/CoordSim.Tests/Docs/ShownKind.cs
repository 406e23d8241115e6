namespace CoordSim.Tests.Docs;

/// <summary>How a shown output is compared.</summary>
internal enum ShownKind
{
    /// <summary>Line by line (tables, messages).</summary>
    Text,

    /// <summary>Token by token: whitespace outside strings is ignored, so a document may fold objects onto one line.</summary>
    Json,
}
