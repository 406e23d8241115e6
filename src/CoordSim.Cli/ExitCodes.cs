namespace CoordSim.Cli;

/// <summary>The process exit codes of <c>coordsim</c> (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure (a bug); the exception is printed on stderr.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: unknown command, option, structure or parameter, or a value that is not allowed. Nothing was written on stdout.</summary>
    public const int BadInput = 2;
}
