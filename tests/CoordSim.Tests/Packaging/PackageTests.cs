using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using CoordSim.Tests.Docs;
using Xunit.Abstractions;

namespace CoordSim.Tests.Packaging;

/// <summary>
/// The packages as published: packed by scripts/pack.sh from a copy of the working tree with a GitHub-style origin
/// (the tool for this machine's platform only), then read, installed and used from that local feed alone.
/// </summary>
public sealed class PackageTests(HostFeedFixture fixture, ITestOutputHelper output) : IClassFixture<HostFeedFixture>
{
    private static readonly string Version = VersionTests.ProjectVersion;

    private static string HostToolPackage => $"CoordSim.Cli.{PackedRepository.HostToolRuntimeIdentifier}";

    [Theory]
    [InlineData("CoordSim")]
    [InlineData("CoordSim.Plots")]
    [InlineData("CoordSim.Interactive")]
    [InlineData("CoordSim.Cli")]
    [InlineData("host tool")]
    public void Each_package_carries_readme_icon_tags_licence_release_notes_and_repository(string id)
    {
        var package = fixture.Packed.Package(id == "host tool" ? HostToolPackage : id);

        Assert.Equal(Version, package.Field("version"));
        Assert.Equal("CoordSim developers", package.Field("authors"));
        Assert.Equal("Copyright (c) 2026 CoordSim developers", package.Field("copyright"));
        var license = package.Element("license")!;
        Assert.Equal(("expression", "MIT"), (license.Attribute("type")!.Value, license.Value));

        Assert.Equal("README.md", package.Field("readme"));
        Assert.Contains("coordsim", System.Text.Encoding.UTF8.GetString(package.Read("README.md")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("icon.png", package.Field("icon"));
        Assert.Equal(File.ReadAllBytes(RepositoryFiles.PathOf("src/icon.png")), package.Read("icon.png"));
        var tags = package.Field("tags")!.Split(' ');
        Assert.Contains("simulation", tags);
        Assert.Contains("coordination", tags);
        Assert.Contains("public-administration", tags);

        Assert.Equal(ChangelogSection.Of(Version), package.Field("releaseNotes")!.ReplaceLineEndings("\n").Trim());
        var repository = package.Element("repository")!;
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.Equal(PackedRepository.Origin, repository.Attribute("url")?.Value);
        Assert.Equal(fixture.Packed.Commit, repository.Attribute("commit")!.Value);
        Assert.Equal(PackedRepository.ProjectUrl, package.Field("projectUrl"));
    }

    [Fact]
    public void The_library_packages_depend_only_on_packages_their_assemblies_reference()
    {
        var core = fixture.Packed.Package("CoordSim");
        var plots = fixture.Packed.Package("CoordSim.Plots");

        Assert.Equal(["CsvHelper", "MathNet.Numerics"], core.DependencyIds);
        Assert.Equal(["CoordSim", "CsvHelper", "ScottPlot"], plots.DependencyIds);
        var interactive = fixture.Packed.Package("CoordSim.Interactive");
        Assert.Equal(["CoordSim", "CoordSim.Plots", "Microsoft.Data.Analysis", "Microsoft.DotNet.Interactive.Formatting"], interactive.DependencyIds);
        // Every dependency is used: the assembly references it (Plots also calls SkiaSharp, which ScottPlot brings).
        Assert.Equal(["CsvHelper", "MathNet.Numerics"], ReferencedAssemblies(core.Read("lib/net10.0/CoordSim.dll")));
        Assert.Equal(["CoordSim", "CsvHelper", "ScottPlot", "SkiaSharp"], ReferencedAssemblies(plots.Read("lib/net10.0/CoordSim.Plots.dll")));

        // The build-time source generator is neither a dependency nor shipped.
        foreach (var package in new[] { core, plots, interactive, fixture.Packed.Package(HostToolPackage) })
        {
            Assert.DoesNotContain(package.DependencyIds, d => d.Contains("Generators", StringComparison.Ordinal) || d.Contains("CodeAnalysis", StringComparison.Ordinal));
            Assert.DoesNotContain(package.Files, f => f.Contains("Generators", StringComparison.Ordinal) || f.Contains("CodeAnalysis", StringComparison.Ordinal));
        }

        Assert.Equal(["README.md", "icon.png", "lib/net10.0/CoordSim.dll", "lib/net10.0/CoordSim.xml"], core.Files.Where(f => !IsPackagingFile(f)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Symbols_come_as_snupkg_with_sourcelink_to_the_origin_at_the_packed_commit()
    {
        var expected = $"https://raw.githubusercontent.com/example-org/coordsim/{fixture.Packed.Commit}/*";
        foreach (var (id, pdb) in new[] { ("CoordSim", "lib/net10.0/CoordSim.pdb"), ("CoordSim.Plots", "lib/net10.0/CoordSim.Plots.pdb"), (HostToolPackage, $"tools/net10.0/{PackedRepository.HostToolRuntimeIdentifier}/CoordSim.Cli.pdb") })
        {
            var symbols = PackageFile.Open(fixture.Packed.SymbolsPath(id));
            var json = SourceLinkReader.Read(symbols.Read(pdb));
            Assert.NotNull(json);
            using var document = JsonDocument.Parse(json);
            var documents = document.RootElement.GetProperty("documents").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
            Assert.Equal(expected, documents["/_/*"]);
        }

        // The package dotnet tool install names holds no code, so it has no symbols.
        Assert.False(File.Exists(fixture.Packed.SymbolsPath("CoordSim.Cli")));
    }

    [Fact]
    public void The_tool_package_points_to_the_platform_packages_which_carry_only_their_platforms_natives()
    {
        var pointer = fixture.Packed.Package("CoordSim.Cli");
        var settings = XDocument.Parse(System.Text.Encoding.UTF8.GetString(pointer.Read("tools/any/any/DotnetToolSettings.xml")).TrimStart('\uFEFF'));
        var rid = PackedRepository.HostToolRuntimeIdentifier;

        Assert.Equal("DotnetTool", pointer.Element("packageTypes")!.Elements().Single().Attribute("name")!.Value);
        Assert.Empty(pointer.DependencyIds);
        Assert.Equal("coordsim", settings.Descendants("Command").Single().Attribute("Name")!.Value);
        Assert.Equal([(rid, HostToolPackage)], settings.Descendants("RuntimeIdentifierPackage").Select(p => (p.Attribute("RuntimeIdentifier")!.Value, p.Attribute("Id")!.Value)));

        var platform = fixture.Packed.Package(HostToolPackage);
        Assert.Empty(platform.DependencyIds);
        var natives = platform.Files.Where(f => f.EndsWith(".so", StringComparison.Ordinal) || f.EndsWith(".dylib", StringComparison.Ordinal) || f.EndsWith(".dll", StringComparison.Ordinal) && f.Contains("libSkiaSharp", StringComparison.Ordinal)).ToArray();
        output.WriteLine($"{HostToolPackage}: {platform.Size:N0} bytes; natives: {string.Join(", ", natives)}");
        if (rid != "any")
        {
            Assert.DoesNotContain(platform.Files, f => f.Contains("/runtimes/", StringComparison.Ordinal));
            Assert.Contains(natives, f => f.Contains("libSkiaSharp", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_tool_installs_from_the_feed_prints_its_version_and_runs_a_tiny_sweep_with_figures()
    {
        var scratch = Path.Combine(fixture.Packed.Scratch, "tool");
        var tools = Path.Combine(scratch, "bin");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(scratch, "packages") };
        ProcessResult.Run("dotnet", ["tool", "install", "CoordSim.Cli", "--version", Version, "--tool-path", tools, "--source", fixture.Packed.Feed], fixture.Packed.Scratch, TimeSpan.FromMinutes(5), environment).Succeeded();
        var coordsim = Path.Combine(tools, OperatingSystem.IsWindows() ? "coordsim.exe" : "coordsim");

        var version = ProcessResult.Run(coordsim, ["--version"], scratch, TimeSpan.FromMinutes(1)).Succeeded();
        Assert.Equal($"{Version}+{fixture.Packed.Commit}", version.Output.Trim());

        var study = Path.Combine(scratch, "study");
        ProcessResult.Run(coordsim, ["init", study], scratch, TimeSpan.FromMinutes(1)).Succeeded();
        var spec = Path.Combine(study, "tiny.json");
        File.WriteAllText(spec, """
            { "name": "tiny", "structures": ["hierarchy", "task-force"], "base": { "horizonDays": 30, "warmupDays": 5 },
              "design": { "kind": "factorial", "factors": { "crossDepartmentShare": [0.1, 0.5] } },
              "replications": 2, "seed": 1 }
            """);
        var results = Path.Combine(study, "results");
        var sweep = ProcessResult.Run(coordsim, ["sweep", spec, "--out", results, "--threads", "2"], scratch, TimeSpan.FromMinutes(5)).Succeeded();
        output.WriteLine(sweep.Output);

        Assert.Equal(1 + 8, File.ReadAllLines(Path.Combine(results, "runs.csv")).Length);
        var figures = Directory.GetFiles(Path.Combine(results, "figures"), "*.png");
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.True(new FileInfo(f).Length > 1000, $"{f} is nearly empty"));
    }

    [Fact]
    public void A_project_outside_the_solution_draws_a_figure_from_the_packages_of_the_feed()
    {
        var png = ConsumerProject.BuildAndRun(Path.Combine(fixture.Packed.Scratch, "consumer"), fixture.Packed.Feed, Version);

        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 1000, $"{png} has {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    private static bool IsPackagingFile(string path) =>
        path.EndsWith(".nuspec", StringComparison.Ordinal) || path.StartsWith("_rels/", StringComparison.Ordinal) ||
        path.StartsWith("package/", StringComparison.Ordinal) || path == "[Content_Types].xml";

    /// <summary>The assemblies <paramref name="assembly"/> references, other than the framework's, in order.</summary>
    private static string[] ReferencedAssemblies(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name))
            .Where(r => r != "netstandard" && !r.StartsWith("System", StringComparison.Ordinal) && !r.StartsWith("Microsoft.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
    }
}
