using CoordSim.Tests.Packaging;

namespace CoordSim.Tests.Cluster;

/// <summary>Runs the generated scripts with bash, as Slurm (or a user) would (so not on Windows).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class SlurmScripts
{
    /// <summary>How long a script of these tests may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <c>bash</c> with <paramref name="arguments"/> in <paramref name="directory"/>, <paramref name="environment"/> on top of the test's.</summary>
    public static ProcessResult Bash(IEnumerable<string> arguments, string directory, IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessResult.Run("bash", arguments, directory, Timeout, environment);

    /// <summary>Writes an executable bash script <paramref name="name"/> into <paramref name="folder"/> with <paramref name="body"/> after its first line.</summary>
    public static string Fake(string folder, string name, string body)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        return path;
    }
}
