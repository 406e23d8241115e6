using System.CommandLine;
using System.Globalization;
using CoordSim.Cli.Commands;

namespace CoordSim.Cli;

/// <summary>Entry point of the <c>coordsim</c> console runner.</summary>
public static class Program
{
    /// <summary>Runs the command line on the process's console; returns the exit code (0 success, 2 bad input, 1 unexpected failure).</summary>
    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        // Standard output wrapped, so that a write it refuses (a full disk, /dev/full) is reported as standard output's.
        Console.SetOut(new StandardOutput(Console.Out));
        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>Runs the command line with the given writers (tests call this in-process).</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (Array.FindIndex(args, a => a.Contains('\0', StringComparison.Ordinal)) is var nul and >= 0)
        {
            // A NUL cannot be in a file name or a value a shell passes; only a caller in-process can send one, and .NET's
            // path functions throw on it. Refused here, before any command touches the file system.
            InputErrors.Report(stderr, [$"argument {nul + 1} = \"{InputErrors.Shown(args[nul])}\" is not allowed: command-line values cannot hold a NUL character."]);
            return ExitCodes.BadInput;
        }

        var root = CreateRootCommand();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var commands = root.Subcommands.Select(c => c.Name).ToArray();
            if (args.Length > 0 && !args[0].StartsWith('-') && !commands.Contains(args[0], StringComparer.Ordinal))
            {
                // Not a command at all: say so once, instead of the parser's "required command" and one line per word.
                InputErrors.Report(stderr, [$"command = \"{InputErrors.Shown(args[0])}\" is not allowed: one of {string.Join(", ", commands)}."]);
                stderr.WriteLine("see 'coordsim --help' or 'coordsim <command> --help'");
                return ExitCodes.BadInput;
            }

            InputErrors.Report(stderr, parse.Errors.Select(e => e.Message));
            stderr.WriteLine("see 'coordsim --help' or 'coordsim <command> --help'");
            return ExitCodes.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (StandardOutputException e)
        {
            return InputErrors.Report(stderr, [$"standard output cannot be written: {e.Message}"]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The commands name the files they write in their own messages; this is the last line of defence: one line
            // with the system's reason (which names the path), never a stack trace.
            return InputErrors.Report(stderr, [e.Message]);
        }
        catch (Exception e)
        {
            stderr.WriteLine("Unhandled exception: " + e);
            return ExitCodes.Failure;
        }
    }

    /// <summary>The root command with every subcommand; each command lives in Commands/ and is made by its Create().</summary>
    internal static RootCommand CreateRootCommand() =>
        new("coordsim: simulate how organisations coordinate and compare structures on latency, distortion and responsibility.")
        {
            RunCommand.Create(),
            CompareCommand.Create(),
            ParamsCommand.Create(),
            MeasuresCommand.Create(),
            StructuresCommand.Create(),
            SweepCommand.Create(),
            MergeCommand.Create(),
            ValidateCommand.Create(),
            PlotCommand.Create(),
            InitCommand.Create(),
            SlurmCommand.Create(),
        };
}
