namespace CoordSim.Tests.Notebooks;

/// <summary>The tests that share one <see cref="PackedFeed"/>: packed once, and never run in parallel with each other (each starts a .NET SDK process that restores and compiles).</summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packed CoordSim packages";
}
