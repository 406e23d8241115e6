using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CoordSim.Tests.Docs;

namespace CoordSim.Tests.Packaging;

/// <summary>The version is set once, in Directory.Build.props; everything that states it must agree.</summary>
public partial class VersionTests
{
    /// <summary>The Version of Directory.Build.props.</summary>
    internal static string ProjectVersion =>
        XDocument.Load(RepositoryFiles.PathOf("Directory.Build.props")).Descendants("Version").Single().Value;

    [Fact]
    public void Citation_names_the_projects_version()
    {
        var citation = File.ReadAllLines(RepositoryFiles.PathOf("CITATION.cff"));

        Assert.Contains("cff-version: 1.2.0", citation);
        Assert.Contains($"version: \"{ProjectVersion}\"", citation);
        // The fields CFF 1.2.0 requires.
        Assert.Contains(citation, l => l.StartsWith("message: ", StringComparison.Ordinal));
        Assert.Contains(citation, l => l.StartsWith("title: ", StringComparison.Ordinal));
        Assert.Contains("authors:", citation);
        Assert.Contains("license: MIT", citation);
    }

    [Fact]
    public void The_changelogs_newest_version_is_the_projects()
    {
        var headings = File.ReadAllLines(RepositoryFiles.PathOf("CHANGELOG.md")).Select(l => ReleaseHeading().Match(l)).Where(m => m.Success).ToArray();

        Assert.NotEmpty(headings);
        Assert.Equal(ProjectVersion, headings[0].Groups["version"].Value);
        Assert.True(ChangelogSection.Of(ProjectVersion).Length > 100, "the section of the version says what it holds");
    }

    [Fact]
    public void The_assemblies_carry_the_projects_version()
    {
        foreach (var assembly in new[] { typeof(Simulation).Assembly, typeof(CoordSim.Plots.FigureSet).Assembly, typeof(CoordSim.Interactive.CoordSimFormatters).Assembly, typeof(CoordSim.Cli.Program).Assembly })
        {
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
            Assert.Equal(ProjectVersion, informational.Split('+')[0]);
            Assert.Equal(ProjectVersion, assembly.GetName().Version!.ToString(3));
        }
    }

    [Fact]
    public void Coordsim_version_prints_the_projects_version()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "CoordSim.Cli.dll");
        var result = ProcessResult.Run("dotnet", [cli, "--version"], AppContext.BaseDirectory, TimeSpan.FromMinutes(1)).Succeeded();

        Assert.Equal(ProjectVersion, result.Output.Trim().Split('+')[0]);
    }

    [Fact]
    public void The_licence_is_the_mit_text_the_packages_declare()
    {
        var props = XDocument.Load(RepositoryFiles.PathOf("Directory.Build.props"));
        var licence = File.ReadAllText(RepositoryFiles.PathOf("LICENSE"));

        Assert.Equal("MIT", props.Descendants("PackageLicenseExpression").Single().Value);
        Assert.StartsWith("MIT License\n\nCopyright (c) 2026 CoordSim developers\n", licence.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND", licence, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^## \[(?<version>\d+\.\d+\.\d+[^\]]*)\]")]
    private static partial Regex ReleaseHeading();
}
