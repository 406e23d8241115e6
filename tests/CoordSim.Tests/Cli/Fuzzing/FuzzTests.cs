using System.Diagnostics;
using System.Globalization;
using CoordSim.Tests.Validation;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace CoordSim.Tests.Cli.Fuzzing;

/// <summary>
/// The fuzzer of issue 12: near-valid command lines (<see cref="CliFuzzing"/>) and JSON inputs (<see cref="SpecFuzzing"/>)
/// must give exit code 0 or 2, no stack trace, nothing written on exit 2, and finish within
/// <see cref="FuzzRunner.TimeBound"/>. The normal tests run a few hundred cases from a fixed seed, so that CI is
/// deterministic; the long ones (<c>COORDSIM_LONG=1</c>) run thousands from a random seed they print, which
/// <c>COORDSIM_FUZZ_REPLAY="(seed,gamma)"</c> replays. A failure shows the shrunk case: its mutations, the arguments
/// and the file they give, and what went wrong.
/// </summary>
[Collection(FuzzCollection.Name)]
public class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Cases of the normal command-line test.</summary>
    public const int CommandLineCases = 250;

    /// <summary>Cases of the normal JSON test.</summary>
    public const int JsonCases = 200;

    /// <summary>Cases of each long test.</summary>
    public const int LongCases = 3000;

    [Fact]
    public void The_inputs_the_fuzzer_starts_from_are_valid_and_pass()
    {
        foreach (var good in CliFuzzing.GoodCommandLines)
        {
            var clock = Stopwatch.StartNew();
            var outcome = FuzzRunner.Run(new CliCase(good, null, []));
            output.WriteLine($"{clock.Elapsed.TotalSeconds,5:F2} s  coordsim {good}");
            Assert.True(outcome.Problem is null, $"{good}: {outcome.Problem}");
            Assert.Null(outcome.SetAside);
            Assert.Equal([0], outcome.ExitCodes);
        }

        foreach (var good in SpecFuzzing.GoodInputs)
        {
            foreach (var second in new[] { false, true })
            {
                var clock = Stopwatch.StartNew();
                var outcome = FuzzRunner.Run(new SpecCase(good, [], [], second));
                output.WriteLine($"{clock.Elapsed.TotalSeconds,5:F2} s  {good} ({string.Join(" && ", new SpecCase(good, [], [], second).CommandLines.Select(FuzzRunner.Show))})");
                Assert.True(outcome.Problem is null, $"{good}: {outcome.Problem}");
                Assert.Null(outcome.SetAside);

                // A spec validates (and, asked, sweeps); a structure file runs, except a list of two, which only compare takes.
                var expected = good.Target == JsonTarget.Spec ? (second ? [0, 0] : [0]) : good.Json.TrimStart().StartsWith('[') && !second ? [2] : new[] { 0 };
                Assert.Equal(expected, outcome.ExitCodes);
            }
        }
    }

    [Fact]
    public void The_checks_see_a_file_written_in_the_working_folder()
    {
        // The properties below are only as good as these checks: a command line that fails after writing must be caught.
        using var workspace = FuzzWorkspace.Create([], [], withResults: false);
        var spec = Path.Combine(workspace.Root, FuzzWorkspace.SpecFile);
        File.WriteAllText(spec, SpecFuzzing.BaseSpec);
        Assert.Null(FuzzRunner.Check(["validate", FuzzWorkspace.SpecFile], workspace).Problem);

        var before = workspace.Snapshot();
        File.WriteAllText(Path.Combine(workspace.Root, "half-written.csv"), "a,b\n");
        Assert.Contains("half-written.csv", FuzzWorkspace.Difference(before, workspace.Snapshot()), StringComparison.Ordinal);

        // A run whose structure file is missing is exit 2 and must leave the folder as it was.
        var (problem, code) = FuzzRunner.Check(["run", "--structure-file", "missing.json"], workspace);
        Assert.Equal(2, code);
        Assert.Null(problem);
    }

    [Fact]
    public void Near_valid_command_lines_exit_0_or_2_without_a_trace_or_a_file_and_in_time() =>
        Fuzz(CliFuzzing.Arbitrary, FuzzRunner.Run, CommandLineCases, new Rnd(20261129, 7));

    [Fact]
    public void Near_valid_specs_and_structure_files_exit_0_or_2_without_a_trace_or_a_file_and_in_time() =>
        Fuzz(SpecFuzzing.Arbitrary, FuzzRunner.Run, JsonCases, new Rnd(20261129, 11));

    [LongFact]
    [Trait("Category", "Long")]
    public void Long_fuzz_of_command_lines() =>
        Fuzz(CliFuzzing.Arbitrary, FuzzRunner.Run, LongCases, RandomSeed());

    [LongFact]
    [Trait("Category", "Long")]
    public void Long_fuzz_of_specs_and_structure_files() =>
        Fuzz(SpecFuzzing.Arbitrary, FuzzRunner.Run, LongCases, RandomSeed());

    /// <summary>The environment variable that replays a long run: its printed seed, <c>(seed,gamma)</c> or <c>seed,gamma</c>.</summary>
    public const string ReplaySwitch = "COORDSIM_FUZZ_REPLAY";

    /// <summary>A random seed, or the one <see cref="ReplaySwitch"/> gives.</summary>
    private static Rnd RandomSeed()
    {
        if (Environment.GetEnvironmentVariable(ReplaySwitch) is { Length: > 0 } text)
        {
            var parts = text.Trim('(', ')', ' ').Split(',');
            return new Rnd(ulong.Parse(parts[0], CultureInfo.InvariantCulture), ulong.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        return new((ulong)Random.Shared.NextInt64(), (ulong)Random.Shared.NextInt64() | 1);
    }

    /// <summary>
    /// Checks <paramref name="cases"/> fuzz cases from <paramref name="seed"/>; a failure shows the shrunk case (its
    /// mutations, arguments and files) and the problem, and the seed replays it. Writes how the cases ended.
    /// </summary>
    private void Fuzz<T>(Arbitrary<T> arbitrary, Func<T, FuzzOutcome> run, int cases, Rnd seed)
    {
        var replay = $"({seed.Seed.ToString(CultureInfo.InvariantCulture)},{seed.Gamma.ToString(CultureInfo.InvariantCulture)})";
        output.WriteLine($"FsCheck replay {replay}, {cases} cases, time bound {FuzzRunner.TimeBound.TotalSeconds} s per command");
        var tally = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var property = Prop.ForAll(arbitrary, fuzzCase =>
        {
            var outcome = run(fuzzCase);
            var key = outcome.SetAside is { } reason ? "set aside: " + reason[..Math.Min(reason.Length, 60)] : "exit " + string.Join(",", outcome.ExitCodes);
            lock (tally)
            {
                tally[key] = tally.GetValueOrDefault(key) + 1;
            }

            return (outcome.Problem is null).Label(outcome.Problem ?? "");
        });
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(cases)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(seed, FSharpOption<int>.None)));
        try
        {
            Check.One(config, property);
        }
        finally
        {
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s; outcomes (shrinking included):");
            foreach (var (key, count) in tally)
            {
                output.WriteLine($"  {count,5} {key}");
            }
        }
    }
}
