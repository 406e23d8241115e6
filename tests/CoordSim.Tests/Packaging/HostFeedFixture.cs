namespace CoordSim.Tests.Packaging;

/// <summary>
/// The packages of the working tree, packed once for the tests of <see cref="PackageTests"/>, with the tool packed
/// for this machine's platform only (the full set of platforms is packed by the long tests).
/// </summary>
public sealed class HostFeedFixture : IDisposable
{
    private readonly Lazy<PackedRepository> packed = new(() => PackedRepository.Pack([PackedRepository.HostToolRuntimeIdentifier]));

    /// <summary>The packed copy; packed on first use, so that a filter that runs none of the tests packs nothing.</summary>
    internal PackedRepository Packed => packed.Value;

    /// <inheritdoc />
    public void Dispose()
    {
        if (packed.IsValueCreated)
        {
            packed.Value.Dispose();
        }
    }
}
