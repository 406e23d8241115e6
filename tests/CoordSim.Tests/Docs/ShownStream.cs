namespace CoordSim.Tests.Docs;

/// <summary>Which stream of a command a shown output holds.</summary>
internal enum ShownStream
{
    /// <summary>Standard output and standard error as they came, in one stream (what a terminal shows).</summary>
    Both,

    /// <summary>Standard error only.</summary>
    Stderr,
}
