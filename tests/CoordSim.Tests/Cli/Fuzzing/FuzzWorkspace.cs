using System.Security.Cryptography;

namespace CoordSim.Tests.Cli.Fuzzing;

/// <summary>
/// The fresh working folder of one fuzz case, deleted after it: the spec and structure files of the case, a plain file,
/// an empty folder and, when the case names it, a copy of a small sweep's results folder. Paths in fuzzed arguments are
/// relative to it (the case runs with it as the current directory), so that whatever a command writes lands here and
/// <see cref="Snapshot"/> sees it.
/// </summary>
internal sealed class FuzzWorkspace : IDisposable
{
    /// <summary>The spec file of the case.</summary>
    public const string SpecFile = "spec.json";

    /// <summary>The structure file of the case (one structure entry).</summary>
    public const string StructureFile = "structure.json";

    /// <summary>A file that is neither a spec nor a folder.</summary>
    public const string PlainFile = "file.txt";

    /// <summary>An existing empty folder.</summary>
    public const string EmptyFolder = "folder";

    /// <summary>A copy of a finished sweep's results folder (runs.csv, summary.csv, manifest.json, ...).</summary>
    public const string ResultsFolder = "results";

    /// <summary>A folder that does not exist yet: the usual <c>--out</c>.</summary>
    public const string NewFolder = "out";

    private static readonly Lazy<string> ResultsTemplate = new(MakeResultsTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private FuzzWorkspace(string root) => Root = root;

    /// <summary>The working folder.</summary>
    public string Root { get; }

    /// <summary>Makes a working folder holding the case's spec and structure files (and the results folder when <paramref name="withResults"/>).</summary>
    public static FuzzWorkspace Create(byte[] spec, byte[] structure, bool withResults)
    {
        var root = Directory.CreateTempSubdirectory("coordsim-fuzz-").FullName;
        File.WriteAllBytes(Path.Combine(root, SpecFile), spec);
        File.WriteAllBytes(Path.Combine(root, StructureFile), structure);
        File.WriteAllText(Path.Combine(root, PlainFile), "not a spec\n");
        Directory.CreateDirectory(Path.Combine(root, EmptyFolder));
        if (withResults)
        {
            Copy(ResultsTemplate.Value, Path.Combine(root, ResultsFolder));
        }

        return new FuzzWorkspace(root);
    }

    /// <summary>Every file and folder under the working folder with a hash of its bytes (folders: empty), by relative path.</summary>
    public SortedDictionary<string, string> Snapshot()
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, path);
            entries[relative] = Directory.Exists(path) ? "folder" : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
        }

        return entries;
    }

    /// <summary>What differs between two snapshots: paths added, removed or changed, or null when they are the same.</summary>
    public static string? Difference(SortedDictionary<string, string> before, SortedDictionary<string, string> after)
    {
        var added = after.Keys.Except(before.Keys).ToArray();
        var removed = before.Keys.Except(after.Keys).ToArray();
        var changed = before.Keys.Intersect(after.Keys).Where(k => before[k] != after[k]).ToArray();
        if (added.Length + removed.Length + changed.Length == 0)
        {
            return null;
        }

        static string List(string[] paths) => paths.Length == 0 ? "none" : string.Join(", ", paths.Take(8)) + (paths.Length > 8 ? ", ..." : "");
        return $"added {List(added)}; removed {List(removed)}; changed {List(changed)}";
    }

    /// <summary>Deletes the working folder (a case that hung may still hold files in it: then what can be deleted is).</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A command that is still running (a case that timed out) can hold a file open or add one; leave the rest.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Runs a tiny sweep of <see cref="SpecFuzzing.BaseSpec"/> once per test run; its folder (figures left out) is copied into the cases that name it.</summary>
    private static string MakeResultsTemplate()
    {
        var root = Directory.CreateTempSubdirectory("coordsim-fuzz-results-").FullName;
        var spec = Path.Combine(root, SpecFile);
        File.WriteAllText(spec, SpecFuzzing.BaseSpec);
        var output = Path.Combine(root, "results");
        var run = CliInvocation.Run("sweep", spec, "--out", output, "--threads", "1");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"The fuzzer's results folder could not be made (exit {run.ExitCode}): {run.Stderr}");
        }

        Directory.Delete(Path.Combine(output, "figures"), recursive: true);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return output;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
