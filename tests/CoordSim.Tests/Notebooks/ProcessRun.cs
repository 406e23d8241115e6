using System.Diagnostics;

namespace CoordSim.Tests.Notebooks;

/// <summary>Runs a program to its end (or a time limit) and keeps its exit code and output.</summary>
internal sealed record ProcessRun(int ExitCode, string Output, string Error)
{
    /// <summary>Everything it printed, for a failure message.</summary>
    public string Transcript => $"exit code {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";

    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="directory"/>; kills it (and its children) after <paramref name="limit"/>.</summary>
    public static ProcessRun Start(string file, IEnumerable<string> arguments, string directory, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null)
    {
        // Started as every test starts a child process (quiet, no build nodes kept, none of the test host's MSBuild variables).
        var info = CoordSim.Tests.Packaging.ProcessResult.StartInfo(file, arguments, directory, environment);
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ProcessRun(-1, output.Result, error.Result + $"\n(killed after {limit.TotalSeconds:F0} s)");
        }

        process.WaitForExit();
        return new ProcessRun(process.ExitCode, output.Result, error.Result);
    }
}
