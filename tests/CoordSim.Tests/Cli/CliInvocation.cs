using CoordSim.Cli;

namespace CoordSim.Tests.Cli;

/// <summary>What one in-process invocation of coordsim returned and wrote.</summary>
internal sealed record CliInvocation(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs coordsim with <paramref name="args"/> in-process, capturing stdout and stderr.</summary>
    public static CliInvocation Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return new CliInvocation(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The lines written on stderr.</summary>
    public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
