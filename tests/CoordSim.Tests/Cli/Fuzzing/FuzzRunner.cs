using System.Diagnostics;
using System.Text.RegularExpressions;
using CoordSim.Experiments;

namespace CoordSim.Tests.Cli.Fuzzing;

/// <summary>What one fuzz case came to: the problem found (null when none), why it was set aside without running (or null), and the exit codes of the commands it ran.</summary>
public sealed record FuzzOutcome(string? Problem, string? SetAside, IReadOnlyList<int> ExitCodes);

/// <summary>
/// Runs fuzz cases in-process, each in a fresh <see cref="FuzzWorkspace"/> and on a thread of its own, and checks what
/// issue 12 asks of any input: the exit code is 0 or 2; stderr holds no stack trace (no line starting with blanks and
/// "at ", no exception type name, no "Unhandled"); on exit 2 nothing was written on stdout, stderr says <c>error: ...</c>,
/// and no file in the working folder was added, removed or changed (nothing half-written); on exit 0 stderr holds only
/// <c>warning:</c> lines; and the command finished within <see cref="TimeBound"/>.
/// </summary>
internal static partial class FuzzRunner
{
    /// <summary>The most a case may take; one that takes longer is a hang.</summary>
    public static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(30);

    private static int hung;

    /// <summary>True once a case has hung: FsCheck then stops shrinking (each try would take the whole time bound and leave a thread running).</summary>
    public static bool HangSeen => Volatile.Read(ref hung) != 0;

    /// <summary>Runs a fuzzed command line, or sets it aside when <see cref="FuzzBudget"/> knows it to be unbounded.</summary>
    public static FuzzOutcome Run(CliCase fuzzCase)
    {
        var args = fuzzCase.Args;
        if (FuzzBudget.KnownExpensive(args) is { } reason)
        {
            return new FuzzOutcome(null, reason, []);
        }

        using var workspace = FuzzWorkspace.Create(
            System.Text.Encoding.UTF8.GetBytes(SpecFuzzing.BaseSpec), System.Text.Encoding.UTF8.GetBytes(SpecFuzzing.BaseStructure), fuzzCase.UsesResults);
        var (problem, code) = Check(args, workspace);
        return new FuzzOutcome(problem, null, [code]);
    }

    /// <summary>
    /// Runs a fuzzed JSON input: <c>validate</c> and, for a valid spec of at most 8 cheap runs when the case asks, <c>sweep</c>;
    /// or <c>run</c>/<c>compare</c> with the structure file. Sets aside a run or sweep that <see cref="FuzzBudget"/> knows to be unbounded.
    /// </summary>
    public static FuzzOutcome Run(SpecCase fuzzCase)
    {
        var bytes = fuzzCase.Bytes;
        var isSpec = fuzzCase.Good.Target == JsonTarget.Spec;
        var expensive = FuzzBudget.KnownExpensiveJson(bytes);
        if (!isSpec && expensive is not null)
        {
            return new FuzzOutcome(null, expensive, []);
        }

        using var workspace = FuzzWorkspace.Create(
            isSpec ? bytes : System.Text.Encoding.UTF8.GetBytes(SpecFuzzing.BaseSpec),
            isSpec ? System.Text.Encoding.UTF8.GetBytes(SpecFuzzing.BaseStructure) : bytes,
            withResults: false);
        string? setAside = null;
        var codes = new List<int>();
        var first = true;
        foreach (var args in fuzzCase.CommandLines)
        {
            if (!first)
            {
                var runs = ExperimentSpec.Load(Path.Combine(workspace.Root, FuzzWorkspace.SpecFile)).Plan().RunCount;
                if (expensive is not null || runs > 8)
                {
                    setAside = expensive ?? "a valid spec of more than 8 runs";
                    break;
                }
            }

            var (problem, code) = Check(args, workspace);
            codes.Add(code);
            if (problem is not null)
            {
                return new FuzzOutcome($"{Show(args)}: {problem}", null, codes);
            }

            if (code != 0)
            {
                break;
            }

            first = false;
        }

        return new FuzzOutcome(null, setAside, codes);
    }

    /// <summary>Runs <paramref name="args"/> with the workspace as the current directory and checks the outcome; returns the problem (or null) and the exit code.</summary>
    public static (string? Problem, int ExitCode) Check(string[] args, FuzzWorkspace workspace)
    {
        var before = workspace.Snapshot();
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = workspace.Root;
        var clock = Stopwatch.StartNew();
        CliInvocation? result = null;
        Exception? thrown = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = CliInvocation.Run(args);
            }
            catch (Exception e)
            {
                thrown = e;
            }
        }, maxStackSize: 0) { IsBackground = true, Name = "fuzz case" };
        try
        {
            thread.Start();
            if (!thread.Join(TimeBound))
            {
                Interlocked.Exchange(ref hung, 1);
                return ($"did not finish within {TimeBound.TotalSeconds} s (hang or unbounded work)", -1);
            }
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }

        if (thrown is not null)
        {
            return ($"threw {thrown.GetType().Name}: {thrown.Message} (a bug: the process would end with a stack trace){Environment.NewLine}{thrown}", -1);
        }

        var run = result!;
        var problems = new List<string>();
        if (run.ExitCode is not (0 or 2))
        {
            problems.Add($"exit code {run.ExitCode}");
        }

        if (StackTraceLine().IsMatch(run.Stderr) || run.Stderr.Contains("Exception", StringComparison.Ordinal) || run.Stderr.Contains("Unhandled", StringComparison.Ordinal))
        {
            problems.Add("a stack trace or exception on stderr");
        }

        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        if (run.ExitCode == 2)
        {
            if (WorkspaceChange(workspace, before) is { } change)
            {
                problems.Add($"exit 2 but the working folder changed: {change}");
            }

            if (run.Stdout.Length > 0)
            {
                problems.Add("exit 2 but something was written on stdout");
            }

            if (!lines.Any(l => l.StartsWith("error: ", StringComparison.Ordinal)) || lines.Any(l => !IsErrorLine(l)))
            {
                problems.Add("exit 2 without one 'error: ...' line per problem");
            }
        }
        else if (run.ExitCode == 0 && lines.Any(l => !l.StartsWith("warning: ", StringComparison.Ordinal)))
        {
            problems.Add("exit 0 with stderr lines that are not warnings");
        }

        if (clock.Elapsed > TimeBound)
        {
            problems.Add($"took {clock.Elapsed.TotalSeconds:F1} s");
        }

        return problems.Count == 0
            ? (null, run.ExitCode)
            : ($"{string.Join("; ", problems)}{Environment.NewLine}exit code: {run.ExitCode}{Environment.NewLine}stdout: {Cut(run.Stdout)}{Environment.NewLine}stderr: {Cut(run.Stderr)}", run.ExitCode);
    }

    /// <summary>The arguments as a shell would take them: plain tokens as they are, others in single quotes with control characters escaped, long ones cut.</summary>
    public static string Show(string[] args) =>
        string.Join(' ', args.Select(a => PlainToken().IsMatch(a) ? a : "'" + HostileValue.Escape(a).Replace("'", "'\\''", StringComparison.Ordinal) + "'"));

    private static bool IsErrorLine(string line) =>
        line.StartsWith("error: ", StringComparison.Ordinal) || line.StartsWith("warning: ", StringComparison.Ordinal) || line.StartsWith("see 'coordsim", StringComparison.Ordinal);

    private static string? WorkspaceChange(FuzzWorkspace workspace, SortedDictionary<string, string> before) =>
        FuzzWorkspace.Difference(before, workspace.Snapshot());

    private static string Cut(string text) => text.Length > 3000 ? text[..3000] + $"... ({text.Length} chars)" : text;

    [GeneratedRegex(@"^\s+at ", RegexOptions.Multiline)]
    private static partial Regex StackTraceLine();

    [GeneratedRegex(@"^[A-Za-z0-9_./=,:@+\-\[\]]+$")]
    private static partial Regex PlainToken();
}
