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
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Keep the child's console quiet and its culture neutral: nothing a developer's shell sets should change the outputs.
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

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
