using System.Text.Json.Nodes;
using CoordSim.Cli;
using Xunit.Abstractions;

namespace CoordSim.Tests.Docs;

/// <summary>
/// Every <c>coordsim …</c> command of README.md and docs/cli.md runs, in-process, in a scratch folder holding a copy
/// of <c>experiments/</c> (so <c>--out results/…</c> writes there), and where the document shows its output the
/// output is compared with it (<see cref="DocumentedCommands"/> for how commands and outputs are found,
/// <see cref="ShownOutput"/> for what is normalised). An example whose shown output has an <c>error:</c> line must
/// exit 2, any other 0. Commands whose output is not shown are checked more cheaply: a usage line's options must be
/// in the command's <c>--help</c>; a <c>sweep</c> is validated and then run reduced (one replication of 40 days, 10 of
/// warm-up; a morris design's 2 trajectories, a sobol design's 4 base rows) instead of in full, as the sensitivity sweeps take minutes; a <c>run</c> or <c>compare</c> runs with
/// <c>--set maxIssues=2000</c> appended; anything else runs as written.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class CommandExampleTests : IDisposable
{
    private static readonly string[] Documents = ["README.md", "docs/cli.md", "docs/getting-started.md"];

    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "coordsim-doc-examples-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, Outcome> _outcomes = new(StringComparer.Ordinal);

    private readonly ITestOutputHelper _output;

    /// <summary>The scratch folder, with a copy of the repository's experiments; each command's time goes to the test's output.</summary>
    public CommandExampleTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_workspace);
        Copy(RepositoryFiles.PathOf("experiments"), Path.Combine(_workspace, "experiments"));
    }

    [Fact]
    public void Every_command_the_documents_show_runs_and_prints_what_they_show()
    {
        var examples = Documents.Select(DocumentedCommands.In).ToList();
        foreach (var (_, files) in examples)
        {
            foreach (var (name, content, _) in files)
            {
                File.WriteAllText(Path.Combine(_workspace, name), content);
            }
        }

        var commands = examples.SelectMany(e => e.Commands).ToList();
        Assert.True(commands.Count(c => c.Shown is not null) >= 20, $"only {commands.Count(c => c.Shown is not null)} examples with output found: the conventions of docs/cli.md are no longer followed");
        var problems = new List<string>();
        foreach (var command in commands.Where(c => c.Shown is not null))
        {
            var outcome = Run(command.Arguments);
            if (outcome.ExitCode != command.ExpectedExitCode)
            {
                problems.Add($"{command.Place}: `{command.Text}` exited {outcome.ExitCode}, the document implies {command.ExpectedExitCode}; it printed:\n{outcome.Both}");
                continue;
            }

            var actual = ShownOutput.Normalise(command.Stream == ShownStream.Stderr ? outcome.Stderr : outcome.Both, _workspace);
            var shown = ShownOutput.Normalise(command.Shown!, _workspace);
            if (ShownOutput.Mismatch(shown, actual, command.Kind) is { } mismatch)
            {
                problems.Add($"{command.Place}: `{command.Text}` printed something else than the document shows: {mismatch}. It printed (normalised):\n{actual}");
            }
        }

        var shownKeys = commands.Where(c => c.Shown is not null).Select(c => Key(c.Arguments)).ToHashSet(StringComparer.Ordinal);
        foreach (var command in commands.Where(c => c.Shown is null && c.Arguments.Count > 0 && !shownKeys.Contains(Key(c.Arguments))))
        {
            if (Check(command) is { } problem)
            {
                problems.Add($"{command.Place}: `{command.Text}`: {problem}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    [Fact]
    public void The_width_of_redirected_tables_is_the_one_documented()
    {
        var document = string.Join(' ', File.ReadAllText(RepositoryFiles.PathOf("docs/cli.md")).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"laid out for {Terminal.RedirectedWidth} columns", document, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_output_or_a_failing_command_is_caught()
    {
        var shown = "structure hierarchy, seed 2\n...\n│ Run │ events │ 305989 │ events │";
        Assert.Null(ShownOutput.Mismatch(shown, "structure hierarchy, seed 2\nrow\nrow\n│ Run │ events │ 305989 │ events │", ShownKind.Text));
        Assert.NotNull(ShownOutput.Mismatch(shown, "structure hierarchy, seed 2\nrow\n│ Run │ events │ 305990 │ events │", ShownKind.Text));
        Assert.NotNull(ShownOutput.Mismatch(shown, "structure hierarchy, seed 2\n│ Run │ events │ 305989 │ events │\nmore", ShownKind.Text));
        Assert.NotNull(ShownOutput.Mismatch("a\nb", "a\nb\nc", ShownKind.Text));
        Assert.NotNull(ShownOutput.Mismatch("b\nc", "a\nb\nc", ShownKind.Text));
        Assert.Null(ShownOutput.Mismatch("{ \"a\": 1, \"b\": { \"c\": 2 } }", "{\n  \"a\": 1,\n  \"b\": {\n    \"c\": 2\n  }\n}", ShownKind.Json));
        Assert.Null(ShownOutput.Mismatch("{ \"a\": 1,\n  ...\n  \"c\": 3 }", "{\"a\":1,\"b\":2,\"c\":3}", ShownKind.Json));
        Assert.NotNull(ShownOutput.Mismatch("{ \"a\": 1, \"c\": 3 }", "{\"a\":1,\"b\":2,\"c\":3}", ShownKind.Json));
        Assert.NotNull(ShownOutput.Mismatch("{ \"a\": \"x y\" }", "{\"a\":\"x  y\"}", ShownKind.Json));

        var run = DocumentedCommands.Command("dotnet run --project src/CoordSim.Cli -c Release -- run --json > run.json   # a comment");
        Assert.Equal(["run", "--json"], run);
        Assert.Null(DocumentedCommands.Command("dotnet test"));
        var synopsis = new DocumentedCommand("x", 1, DocumentedCommands.Command("coordsim plot DIR [--measure M ...]")!, null, ShownKind.Text, ShownStream.Both);
        Assert.True(synopsis.IsSynopsis);
        var example = new DocumentedCommand("x", 1, ["run", "--structure", "matrix"], "error: structure = \"matrix\" is not allowed", ShownKind.Text, ShownStream.Both);
        Assert.False(example.IsSynopsis);
        Assert.Equal(2, example.ExpectedExitCode);
    }

    [Fact]
    public void Progress_timings_and_the_folder_are_all_that_is_normalised()
    {
        var printed = string.Join('\n',
            "7/150 runs (5%), 1.2 runs/s, ETA 01:56",
            "0/150 runs (0%), 0.0 runs/s, ETA ?",
            $"Done: 150 runs in 91.9 s (1.6 runs/s). Results in {_workspace}/results/q: runs.csv.",
            "  estimate:     150 runs: about 77 s on 2 threads, up to 245 MB of memory, 464 kB on disk",
            "warning: 24 of 150 runs did not reach a steady state");
        Assert.Equal(
            string.Join('\n',
                "Done: 150 runs in N s (N runs/s). Results in <repo>/results/q: runs.csv.",
                "  estimate:     150 runs: about N on N threads, up to N of memory, 464 kB on disk",
                "warning: 24 of 150 runs did not reach a steady state"),
            ShownOutput.Normalise(printed, _workspace));
    }

    /// <summary>Deletes the scratch folder.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(_workspace, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in the temporary folder is harmless.
        }
    }

    private string? Check(DocumentedCommand command)
    {
        var arguments = command.Arguments;
        if (command.IsSynopsis)
        {
            if (arguments.Count == 0 || arguments[0].StartsWith('-') || arguments[0].Contains('<', StringComparison.Ordinal))
            {
                return null;
            }

            var help = Run([arguments[0], "--help"]);
            var missing = arguments.Select(a => a.Trim('[', ']', ',', '|', '.')).Where(a => a.StartsWith("--", StringComparison.Ordinal))
                .Where(a => !help.Both.Contains(a + " ", StringComparison.Ordinal) && !help.Both.Contains(a + ",", StringComparison.Ordinal) && !help.Both.Contains(a + "\n", StringComparison.Ordinal))
                .ToList();
            return missing.Count == 0 ? null : $"the usage line names options `{arguments[0]} --help` does not list: {string.Join(", ", missing)}";
        }

        if (_outcomes.TryGetValue(Key(arguments), out var done))
        {
            return done.ExitCode == 0 ? null : $"exits {done.ExitCode}:\n{done.Both}";
        }

        if (arguments.Count >= 2 && arguments[0] == "sweep")
        {
            var validate = Run(["validate", arguments[1]]);
            if (validate.ExitCode != 0)
            {
                return $"its spec does not validate:\n{validate.Both}";
            }

            var reduced = Path.Combine("reduced", $"{command.Line}-{Path.GetFileName(Path.GetDirectoryName(arguments[1]))}.json");
            Directory.CreateDirectory(Path.Combine(_workspace, "reduced"));
            var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(_workspace, arguments[1])))!.AsObject();
            spec["replications"] = 1;
            var parameters = spec["base"] as JsonObject ?? [];
            parameters["horizonDays"] = 40;
            parameters["warmupDays"] = 10;
            spec["base"] = parameters.DeepClone();
            if (spec["design"] is JsonObject design)
            {
                // A global sensitivity design keeps its kind and factors but few of its samples: the study's thousands
                // of points would take minutes even at 40 days.
                switch ((string?)design["kind"])
                {
                    case "morris":
                        design["trajectories"] = 2;
                        design.Remove("candidates");
                        break;
                    case "sobol":
                        design["samples"] = 4;
                        break;
                }
            }

            File.WriteAllText(Path.Combine(_workspace, reduced), spec.ToJsonString());
            var rewritten = arguments.ToList();
            rewritten[1] = reduced;
            var output = rewritten.IndexOf("--out");
            if (output >= 0 && output + 1 < rewritten.Count)
            {
                rewritten[output + 1] = Path.Combine("reduced", $"{command.Line}-out");
            }

            var sweep = Run(rewritten);
            return sweep.ExitCode == 0 ? null : $"its reduced run exits {sweep.ExitCode}:\n{sweep.Both}";
        }

        var run = arguments.Count > 0 && arguments[0] is "run" or "compare" ? [.. arguments, "--set", "maxIssues=2000"] : arguments;
        var outcome = Run(run);
        return outcome.ExitCode == 0 ? null : $"exits {outcome.ExitCode}:\n{outcome.Both}";
    }

    private Outcome Run(IReadOnlyList<string> arguments)
    {
        var key = Key(arguments);
        if (_outcomes.TryGetValue(key, out var known))
        {
            return known;
        }

        var both = new StringWriter();
        var stderr = new StringWriter();
        var cwd = Environment.CurrentDirectory;
        int code;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            Environment.CurrentDirectory = _workspace;
            code = Program.Run([.. arguments], both, new BothWriter(both, stderr));
        }
        finally
        {
            Environment.CurrentDirectory = cwd;
        }

        _output.WriteLine($"{watch.Elapsed.TotalSeconds,6:F1} s  coordsim {string.Join(' ', arguments)}");
        var outcome = new Outcome(code, both.ToString(), stderr.ToString());
        _outcomes[key] = outcome;
        return outcome;
    }

    private static string Key(IReadOnlyList<string> arguments) => string.Join('\u0001', arguments);

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    /// <summary>What a command printed: both streams as they came, and standard error alone.</summary>
    private sealed record Outcome(int ExitCode, string Both, string Stderr);

    /// <summary>A writer that writes to two writers: standard error into the combined stream and into its own.</summary>
    private sealed class BothWriter(TextWriter first, TextWriter second) : TextWriter
    {
        public override System.Text.Encoding Encoding => first.Encoding;

        public override void Write(char value)
        {
            first.Write(value);
            second.Write(value);
        }

        public override void Write(string? value)
        {
            first.Write(value);
            second.Write(value);
        }
    }
}
