using System.Xml.Linq;
using CoordSim.Tests.Validation;
using Xunit.Abstractions;

namespace CoordSim.Tests.Packaging;

/// <summary>
/// The full pack, as a release makes it: the tool for every platform, and the same working tree packed in two folders.
/// Long (several minutes of building): run with COORDSIM_LONG=1 and --filter Category=Long.
/// </summary>
public sealed class LongPackageTests(ITestOutputHelper output)
{
    [LongFact]
    [Trait("Category", "Long")]
    public void Every_platform_gets_a_tool_package_a_fraction_of_the_fallbacks_size_and_two_packs_build_the_same_assemblies()
    {
        using var full = PackedRepository.Pack(null);
        using var other = PackedRepository.Pack([PackedRepository.HostToolRuntimeIdentifier]);

        var pointer = full.Package("CoordSim.Cli");
        var settings = XDocument.Parse(System.Text.Encoding.UTF8.GetString(pointer.Read("tools/any/any/DotnetToolSettings.xml")).TrimStart('\uFEFF'));
        Assert.Equal(PackedRepository.ToolRuntimeIdentifiers, settings.Descendants("RuntimeIdentifierPackage").Select(p => p.Attribute("RuntimeIdentifier")!.Value));

        var fallback = full.Package("CoordSim.Cli.any");
        output.WriteLine($"CoordSim.Cli: {pointer.Size:N0} bytes; CoordSim.Cli.any: {fallback.Size:N0} bytes");
        foreach (var native in new[] { "runtimes/linux-x64/native/libSkiaSharp.so", "runtimes/linux-arm64/native/libSkiaSharp.so", "runtimes/linux-musl-x64/native/libSkiaSharp.so", "runtimes/osx/native/libSkiaSharp.dylib", "runtimes/win-x64/native/libSkiaSharp.dll" })
        {
            Assert.Contains(fallback.Files, f => f.EndsWith(native, StringComparison.Ordinal));
        }

        foreach (var rid in PackedRepository.ToolRuntimeIdentifiers.Where(r => r != "any"))
        {
            var platform = full.Package($"CoordSim.Cli.{rid}");
            output.WriteLine($"CoordSim.Cli.{rid}: {platform.Size:N0} bytes");
            Assert.True(platform.Size * 4 < fallback.Size, $"CoordSim.Cli.{rid} has {platform.Size:N0} bytes, CoordSim.Cli.any {fallback.Size:N0}");
            Assert.DoesNotContain(platform.Files, f => f.Contains("/runtimes/", StringComparison.Ordinal));
            Assert.True(File.Exists(full.SymbolsPath($"CoordSim.Cli.{rid}")));
        }

        // Deterministic builds: the same commit packed in another folder gives the same bytes.
        Assert.Equal(full.Commit, other.Commit);
        var host = PackedRepository.HostToolRuntimeIdentifier;
        foreach (var (id, file) in new[] { ("CoordSim", "lib/net10.0/CoordSim.dll"), ("CoordSim.Plots", "lib/net10.0/CoordSim.Plots.dll"), ($"CoordSim.Cli.{host}", $"tools/net10.0/{host}/CoordSim.Cli.dll"), ($"CoordSim.Cli.{host}", $"tools/net10.0/{host}/CoordSim.dll") })
        {
            Assert.True(full.Package(id).Read(file).AsSpan().SequenceEqual(other.Package(id).Read(file)), $"{file} of {id} differs between {full.Source} and {other.Source}");
        }
    }
}
