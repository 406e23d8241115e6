using System.Diagnostics;
using System.Text;

namespace CoordSim.Tests.Packaging;

/// <summary>What a child process (dotnet, git, bash, an installed tool) returned and wrote.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    /// <summary>
    /// How every test starts a child process: <paramref name="file"/> with <paramref name="arguments"/> in
    /// <paramref name="directory"/>, all three standard streams redirected, the test host's MSBuild variables removed,
    /// no build nodes or servers kept, the .NET CLI quiet, then <paramref name="environment"/> on top.
    /// </summary>
    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> arguments, string directory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(key);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="directory"/>, stdout and stderr
    /// together, and throws with the command and the end of its output when it does not exit with 0 in time. MSBuild
    /// variables of the test host are removed and build nodes are not kept, so that no process outlives the call.
    /// </summary>
    public static ProcessResult Run(string file, IEnumerable<string> arguments, string directory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = StartInfo(file, arguments, directory, environment);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var command = $"{file} {string.Join(' ', start.ArgumentList)}";
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish in {timeout}:\n{Tail(output)}");
        }

        // The streams end when the last process holding them does; a build server that kept them is not waited for.
        Task.Run(() => process.WaitForExit()).Wait(TimeSpan.FromSeconds(10));
        var result = new ProcessResult(command, process.ExitCode, Snapshot(output));
        return result;
    }

    /// <summary>This result, or an exception with the command and the end of its output when it did not exit with 0.</summary>
    public ProcessResult Succeeded() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{Command} exited with {ExitCode}:\n{Tail(Output)}");

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string Tail(StringBuilder output) => Tail(Snapshot(output));

    private static string Tail(string text) => text.Length <= 6000 ? text : "…" + text[^6000..];
}
