namespace CoordSim.Tests.Notebooks;

/// <summary>
/// The CoordSim packages packed into a temporary local feed, and the notebook tool, for the tests that run notebooks
/// and scripts. Packing reuses the build the tests run from (<c>dotnet pack --no-build</c> in the same configuration),
/// with a version of its own (<see cref="Version"/>), so a notebook never restores an older package of the same number
/// from a NuGet cache. Restores go to a temporary packages folder that falls back on the machine's global one, so the
/// dependencies are not downloaded again and the packed packages leave no trace in the global folder.
/// <c>dotnet-repl</c> 0.3.259 is installed once into a tool folder beside the test binaries.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    /// <summary>The version of the notebook tool.</summary>
    public const string ReplVersion = "0.3.259";

    private readonly TempDirectory _root = new("coordsim-feed-");

    /// <summary>Packs the packages and installs the tool; throws with the tools' output when either fails.</summary>
    public PackedFeed()
    {
        Version = $"{NotebookFormTests.LibraryVersion}-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
        Directory.CreateDirectory(Packages);
        var configuration = new DirectoryInfo(System.IO.Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        foreach (var package in NotebookFormTests.Packages)
        {
            var project = CoordSim.Tests.Docs.RepositoryFiles.PathOf($"src/{package}/{package}.csproj");
            var pack = ProcessRun.Start("dotnet", ["pack", project, "--no-build", "-c", configuration, "-o", Path, $"-p:PackageVersion={Version}"], _root.Path, TimeSpan.FromMinutes(3));
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {package} failed:\n{pack.Transcript}");
            }
        }

        Repl = InstallRepl();
    }

    /// <summary>The feed folder.</summary>
    public string Path => System.IO.Path.Combine(_root.Path, "feed");

    /// <summary>The temporary NuGet packages folder the notebooks and scripts restore into.</summary>
    public string Packages => System.IO.Path.Combine(_root.Path, "packages");

    /// <summary>The version the packages were packed with: the library's, with a prerelease suffix of the time.</summary>
    public string Version { get; }

    /// <summary>The dotnet-repl executable.</summary>
    public string Repl { get; }

    /// <summary>A folder for one notebook's or script's files, removed with the feed.</summary>
    public string NewWorkFolder(string name) => Directory.CreateDirectory(System.IO.Path.Combine(_root.Path, "work", name)).FullName;

    /// <summary>
    /// The environment of a restore against the feed: a temporary packages folder, with the global packages folder
    /// (<c>NUGET_PACKAGES</c>, or ~/.nuget/packages) as a fallback.
    /// </summary>
    public IReadOnlyDictionary<string, string> RestoreEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Packages,
        ["NUGET_FALLBACK_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } global
            ? global
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
    };

    /// <inheritdoc />
    public void Dispose() => _root.Dispose();

    private static string InstallRepl()
    {
        var tools = System.IO.Path.Combine(AppContext.BaseDirectory, "tools", $"dotnet-repl-{ReplVersion}");
        var executable = System.IO.Path.Combine(tools, OperatingSystem.IsWindows() ? "dotnet-repl.exe" : "dotnet-repl");
        if (!File.Exists(executable))
        {
            var install = ProcessRun.Start("dotnet", ["tool", "install", "dotnet-repl", "--version", ReplVersion, "--tool-path", tools], AppContext.BaseDirectory, TimeSpan.FromMinutes(5));
            if (install.ExitCode != 0 || !File.Exists(executable))
            {
                throw new InvalidOperationException($"dotnet tool install dotnet-repl {ReplVersion} failed:\n{install.Transcript}");
            }
        }

        return executable;
    }
}
