using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Text;

namespace CoordSim.Tests.Packaging;

/// <summary>Reads the SourceLink JSON a portable PDB carries (the custom debug information that maps its documents to URLs).</summary>
internal static class SourceLinkReader
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    /// <summary>The SourceLink JSON of the portable PDB <paramref name="pdb"/>, or null when it has none.</summary>
    public static string? Read(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbImage(ImmutableArray.Create(pdb));
        var reader = provider.GetMetadataReader();
        foreach (var handle in reader.CustomDebugInformation)
        {
            var information = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(information.Kind) == SourceLinkKind)
            {
                return Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value));
            }
        }

        return null;
    }
}
