using System.IO.Compression;
using System.Xml.Linq;

namespace CoordSim.Tests.Packaging;

/// <summary>A .nupkg read into memory: its nuspec's metadata and its files.</summary>
internal sealed class PackageFile
{
    private readonly Dictionary<string, byte[]> files;

    private PackageFile(string path, Dictionary<string, byte[]> files, XElement metadata)
    {
        Path = path;
        this.files = files;
        Metadata = metadata;
    }

    /// <summary>Where the package is.</summary>
    public string Path { get; }

    /// <summary>The nuspec's &lt;metadata&gt; element.</summary>
    public XElement Metadata { get; }

    /// <summary>The paths of the files in the package, with forward slashes.</summary>
    public IReadOnlyCollection<string> Files => files.Keys;

    /// <summary>The size of the package file in bytes.</summary>
    public long Size => new FileInfo(Path).Length;

    /// <summary>Reads the package at <paramref name="path"/>.</summary>
    public static PackageFile Open(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[entry.FullName] = buffer.ToArray();
        }

        var nuspec = files.Single(f => !f.Key.Contains('/') && f.Key.EndsWith(".nuspec", StringComparison.Ordinal));
        var metadata = XDocument.Parse(System.Text.Encoding.UTF8.GetString(nuspec.Value).TrimStart('\uFEFF')).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        return new PackageFile(path, files, metadata);
    }

    /// <summary>The text of the metadata element <paramref name="name"/>, or null when the nuspec has none.</summary>
    public string? Field(string name) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    /// <summary>The metadata element <paramref name="name"/>, or null.</summary>
    public XElement? Element(string name) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

    /// <summary>The ids of the packages this one depends on, over every target framework.</summary>
    public IReadOnlyList<string> DependencyIds =>
        Metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The bytes of the file at <paramref name="path"/> in the package.</summary>
    public byte[] Read(string path) => files.TryGetValue(path, out var bytes) ? bytes : throw new KeyNotFoundException($"{Path} has no {path}; it has {string.Join(", ", files.Keys)}");
}
