using CoordSim.Tests.Docs;

namespace CoordSim.Tests.Packaging;

/// <summary>
/// A project outside the solution that knows CoordSim only as packages from a local feed: a nuget.config with that
/// feed (for CoordSim* only) and the normal source, PackageReference items and nothing of the repository. It runs a
/// small sweep and draws a figure of it.
/// </summary>
internal static class ConsumerProject
{
    /// <summary>
    /// The program docs/getting-started.md shows (the C# block after its <c>&lt;!-- example program: Program.cs --&gt;</c>
    /// marker), so that the page's code is the code built against the packages.
    /// </summary>
    internal static string Program
    {
        get
        {
            var page = File.ReadAllText(RepositoryFiles.PathOf("docs/getting-started.md")).ReplaceLineEndings("\n");
            var match = System.Text.RegularExpressions.Regex.Match(page, "<!-- example program: Program.cs -->\n```csharp\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline);
            if (!match.Success)
            {
                throw new InvalidOperationException("docs/getting-started.md has no C# block after '<!-- example program: Program.cs -->'");
            }

            return match.Groups[1].Value;
        }
    }

    /// <summary>
    /// Writes the project into <paramref name="scratch"/>/consumer, restores it with its own packages folder (the
    /// machine's packages folder only as a read-only fallback, so that CoordSim comes from <paramref name="feed"/>),
    /// runs it with <paramref name="scratch"/>/out for its results and returns the path of the figure it drew.
    /// </summary>
    public static string BuildAndRun(string scratch, string feed, string version)
    {
        var directory = Path.Combine(scratch, "consumer");
        var output = Path.Combine(scratch, "out");
        Directory.CreateDirectory(directory);
        Directory.CreateDirectory(output);
        // Empty Directory.Build.* files stop MSBuild from looking for any above the project.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CoordSim" Version="[{version}]" />
                <PackageReference Include="CoordSim.Plots" Version="[{version}]" />
              </ItemGroup>
            </Project>

            """);
        var fallback = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local">
                  <package pattern="CoordSim" />
                  <package pattern="CoordSim.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
              <fallbackPackageFolders>
                <add key="machine" value="{fallback}" />
              </fallbackPackageFolders>
            </configuration>

            """);
        var packages = Path.Combine(scratch, "packages");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        ProcessResult.Run("dotnet", ["restore"], directory, TimeSpan.FromMinutes(10), environment).Succeeded();
        foreach (var id in new[] { "coordsim", "coordsim.plots" })
        {
            // Restored from the feed into the project's own folder, not found in the machine's from some earlier pack.
            if (!Directory.Exists(Path.Combine(packages, id, version)))
            {
                throw new InvalidOperationException($"{id} {version} was not restored from the feed into {packages}; is it in {fallback} from an earlier pack? Remove it there.");
            }
        }

        var run = ProcessResult.Run("dotnet", ["run", "--no-restore", "--", output], directory, TimeSpan.FromMinutes(10), environment).Succeeded();
        return run.Output.Split('\n').Single(l => l.StartsWith("figure: ", StringComparison.Ordinal))["figure: ".Length..];
    }
}
