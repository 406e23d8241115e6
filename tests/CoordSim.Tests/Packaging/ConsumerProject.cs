using CoordSim.Tests.Docs;

namespace CoordSim.Tests.Packaging;

/// <summary>
/// The project docs/getting-started.md makes, outside the solution: made by the page's own commands (a console
/// project, a nuget.config with the local feed beside the normal source, a package reference to CoordSim.Plots),
/// with the page's Program.cs, which runs a small sweep in memory and draws a figure of it.
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
    /// The commands docs/getting-started.md gives to make the project (the bash block after its
    /// <c>&lt;!-- example project: first-figure --&gt;</c> marker), one per line.
    /// </summary>
    internal static IReadOnlyList<string> Commands
    {
        get
        {
            var page = File.ReadAllText(RepositoryFiles.PathOf("docs/getting-started.md")).ReplaceLineEndings("\n");
            var match = System.Text.RegularExpressions.Regex.Match(page, "<!-- example project: first-figure -->\n```bash\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline);
            if (!match.Success)
            {
                throw new InvalidOperationException("docs/getting-started.md has no bash block after '<!-- example project: first-figure -->'");
            }

            return match.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    /// <summary>
    /// Does what docs/getting-started.md says, in <paramref name="scratch"/> with <paramref name="feed"/> as its
    /// <c>out/packages</c>: runs the page's commands that make the project (with a packages folder of its own, so that
    /// nothing comes from an earlier restore), writes the page's <see cref="Program"/>, runs it with
    /// <paramref name="scratch"/>/out for its figure and returns the path of the figure it drew. Throws when CoordSim
    /// or CoordSim.Plots <paramref name="version"/> came from anywhere but the feed.
    /// </summary>
    public static string BuildAndRun(string scratch, string feed, string version)
    {
        var output = Path.Combine(scratch, "out", "figure");
        Directory.CreateDirectory(output);
        var packagesLink = Path.Combine(scratch, "out", "packages");
        if (!Directory.Exists(packagesLink))
        {
            Directory.CreateSymbolicLink(packagesLink, feed);
        }

        var packages = Path.Combine(scratch, "packages");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        var script = "set -euo pipefail\n" + string.Join("\n", Commands) + "\n";
        ProcessResult.Run("bash", ["-c", script], scratch, TimeSpan.FromMinutes(10), environment).Succeeded();

        var directory = Path.Combine(scratch, "first-figure");
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        foreach (var id in new[] { "coordsim", "coordsim.plots" })
        {
            // Restored from the feed into the project's own packages folder, not from a package source on the web.
            var metadata = Path.Combine(packages, id, version, ".nupkg.metadata");
            if (!File.Exists(metadata) || File.ReadAllText(metadata).Contains("http", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{id} {version} was not restored from the feed into {packages}");
            }
        }

        var run = ProcessResult.Run("dotnet", ["run", "--", output], directory, TimeSpan.FromMinutes(10), environment).Succeeded();
        return run.Output.Split('\n').Single(l => l.StartsWith("figure: ", StringComparison.Ordinal))["figure: ".Length..];
    }
}
