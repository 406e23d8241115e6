using System.Runtime.InteropServices;
using CoordSim.Tests.Docs;

namespace CoordSim.Tests.Packaging;

/// <summary>
/// A copy of the repository's working tree (tracked and untracked files, nothing git ignores) committed into a fresh
/// git repository whose origin is <see cref="Origin"/>, packed by scripts/pack.sh into <see cref="Feed"/>: the
/// packages exactly as a publisher with a GitHub clone would make them, without touching the repository's own
/// bin/ and obj/ folders.
/// </summary>
internal sealed class PackedRepository : IDisposable
{
    /// <summary>The origin remote of the copy: a test value in GitHub's form, not the project's address.</summary>
    public const string Origin = "https://github.com/example-org/coordsim.git";

    /// <summary>The web address the packages should name as their project URL: <see cref="Origin"/> without ".git".</summary>
    public const string ProjectUrl = "https://github.com/example-org/coordsim";

    /// <summary>The platforms the tool is packed for in the copy's csproj.</summary>
    public static readonly string[] ToolRuntimeIdentifiers = ["linux-x64", "linux-arm64", "linux-musl-x64", "osx-x64", "osx-arm64", "win-x64", "any"];

    private readonly DirectoryInfo root;

    private PackedRepository(DirectoryInfo root, string source, string feed, string commit, string log)
    {
        this.root = root;
        Source = source;
        Feed = feed;
        Commit = commit;
        Log = log;
    }

    /// <summary>The folder of the copy.</summary>
    public string Source { get; }

    /// <summary>The folder the packages were written to.</summary>
    public string Feed { get; }

    /// <summary>The commit the copy was packed at.</summary>
    public string Commit { get; }

    /// <summary>What pack.sh wrote.</summary>
    public string Log { get; }

    /// <summary>The temporary folder everything of this copy lives under (the copy, the feed, installs).</summary>
    public string Scratch => root.FullName;

    /// <summary>
    /// The tool platform this machine installs: its runtime identifier when the tool has a package for it, else "any"
    /// (what dotnet tool install falls back to).
    /// </summary>
    public static string HostToolRuntimeIdentifier =>
        ToolRuntimeIdentifiers.Contains(RuntimeInformation.RuntimeIdentifier) ? RuntimeInformation.RuntimeIdentifier : "any";

    /// <summary>Copies the working tree, commits it with <see cref="Origin"/> as its origin and packs it.</summary>
    /// <param name="toolRuntimeIdentifiers">The platforms to pack the tool for; null for the csproj's list.</param>
    public static PackedRepository Pack(IReadOnlyList<string>? toolRuntimeIdentifiers)
    {
        var root = Directory.CreateTempSubdirectory("coordsim-pack-");
        try
        {
            var source = Path.Combine(root.FullName, "coordsim");
            var feed = Path.Combine(root.FullName, "feed");
            CopyWorkingTree(RepositoryFiles.Root, source);
            Git(source, "init", "--quiet", "--initial-branch=main");
            Git(source, "add", "--all");
            // A fixed date, so that the same working tree gives the same commit, and the same assemblies, in any copy.
            ProcessResult.Run(
                "git",
                ["-c", "user.name=CoordSim tests", "-c", "user.email=tests@coordsim.invalid", "commit", "--quiet", "--no-gpg-sign", "-m", "packaging test"],
                source,
                TimeSpan.FromMinutes(2),
                new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = "2026-01-01T00:00:00Z", ["GIT_COMMITTER_DATE"] = "2026-01-01T00:00:00Z" }).Succeeded();
            Git(source, "remote", "add", "origin", Origin);
            var commit = Git(source, "rev-parse", "HEAD").Output.Trim();
            var environment = new Dictionary<string, string>();
            if (toolRuntimeIdentifiers is not null)
            {
                environment["TOOL_RIDS"] = string.Join(';', toolRuntimeIdentifiers);
            }

            var log = ProcessResult.Run("bash", ["scripts/pack.sh", feed], source, TimeSpan.FromMinutes(20), environment).Succeeded().Output;
            return new PackedRepository(root, source, feed, commit, log);
        }
        catch
        {
            root.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>The package <paramref name="id"/> in the feed.</summary>
    public PackageFile Package(string id) => PackageFile.Open(Path.Combine(Feed, $"{id}.{VersionTests.ProjectVersion}.nupkg"));

    /// <summary>The symbol package of <paramref name="id"/> in the feed.</summary>
    public string SymbolsPath(string id) => Path.Combine(Feed, $"{id}.{VersionTests.ProjectVersion}.snupkg");

    /// <inheritdoc />
    public void Dispose() => root.Delete(recursive: true);

    private static ProcessResult Git(string directory, params string[] arguments) =>
        ProcessResult.Run("git", arguments, directory, TimeSpan.FromMinutes(2)).Succeeded();

    private static void CopyWorkingTree(string from, string to)
    {
        var files = Git(from, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output
            .Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in files.Select(f => f.TrimStart('\n')).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var origin = Path.Combine(from, file);
            if (!File.Exists(origin))
            {
                continue; // deleted in the working tree but not yet in git
            }

            var target = Path.Combine(to, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(origin, target);
        }
    }
}
