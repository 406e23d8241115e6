using CoordSim.Tests.Docs;

namespace CoordSim.Tests.Packaging;

/// <summary>The section of CHANGELOG.md for one version: the lines after its "## [VERSION]" heading up to the next "## [".</summary>
internal static class ChangelogSection
{
    /// <summary>The section of <paramref name="version"/>, trimmed, with "\n" line ends; empty when there is none.</summary>
    public static string Of(string version)
    {
        var lines = File.ReadAllText(RepositoryFiles.PathOf("CHANGELOG.md")).ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith($"## [{version}]", StringComparison.Ordinal));
        if (start < 0)
        {
            return "";
        }

        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## [", StringComparison.Ordinal));
        return string.Join('\n', lines[(start + 1)..(end < 0 ? lines.Length : end)]).Trim();
    }
}
