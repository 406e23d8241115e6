using FsCheck;
using FsCheck.Fluent;

namespace CoordSim.Tests.Cli.Fuzzing;

/// <summary>
/// FsCheck generators of near-valid command lines: one of <see cref="GoodCommandLines"/> (every command, with small and
/// fast settings) with zero to four mutations — tokens dropped, repeated, swapped, replaced by a hostile value, options
/// inserted or joined with <c>=</c>, assignments given hostile values or near-miss names — and now and then another
/// command word.
/// </summary>
public static class CliFuzzing
{
    private static readonly string[] RunBudget = ["--set", "maxIssues=150", "warmupDays=0"];

    /// <summary>The command lines the fuzzer starts from; each is valid and finishes well under a second (weights: how often each is picked).</summary>
    public static IReadOnlyList<GoodCommandLine> GoodCommandLines { get; } =
    [
        new("run", RunBudget, ["--structure", "hierarchy", "--set", "horizonDays=20"], 6),
        new("run", RunBudget, ["--structure", "task-force", "--seed", "7", "--json"], 4),
        new("run", RunBudget, ["--structure", "office", "--set", "crossDepartmentShare=0.4", "span=3", "--time-series", "5"], 4),
        new("run", RunBudget, ["--preset", "v1", "--structure", "leading-group"], 3),
        new("run", RunBudget, ["--structure-file", FuzzWorkspace.StructureFile, "--json"], 4),
        new("run", RunBudget, ["--structure", "grid-platform", "--set", "bodies[0].collectivity=1", "queueDiscipline=urgent-first"], 3),
        new("compare", RunBudget, ["--structures", "hierarchy,task-force", "--seed", "3"], 4),
        new("compare", RunBudget, ["--structures", "command-hq", "--structures", "flattened", "--json", "--set", "departments=4", "levels=3"], 3),
        new("compare", RunBudget, ["--structure-file", FuzzWorkspace.StructureFile, "--structures", "hierarchy"], 3),
        new("params", [], [], 1),
        new("params", [], ["--json"], 1),
        new("params", [], ["--preset", "v1", "--json"], 2),
        new("measures", [], ["--json"], 1),
        new("structures", [], ["--json"], 2),
        new("structures", [], [], 1),
        new("validate", [], [FuzzWorkspace.SpecFile], 4),
        new("sweep", [], [FuzzWorkspace.SpecFile, "--out", FuzzWorkspace.NewFolder, "--threads", "2"], 2),
        new("sweep", [], [FuzzWorkspace.SpecFile, "-o", FuzzWorkspace.ResultsFolder, "--resume"], 2),
        new("sweep", [], [FuzzWorkspace.SpecFile, "--out", FuzzWorkspace.ResultsFolder, "--force", "--issues", "--time-series", "5", "-t", "1"], 1),
        new("plot", [], [FuzzWorkspace.ResultsFolder, "--format", "svg", "--measure", "staffDays", "--width", "400", "--height", "300", "--point", "0"], 2),
        new("plot", [], [FuzzWorkspace.ResultsFolder, "--measure", "latencyRestrictedMean,staffDays", "--format", "png", "--point", "1"], 1),
        new("run", [], ["--help"], 1),
        new("--version", [], [], 1),
    ];

    /// <summary>Options of every command, and a few that no command has, to insert anywhere.</summary>
    private static readonly string[] Options =
    [
        "--structure", "--structures", "--structure-file", "--set", "--preset", "--seed", "--json", "--time-series", "--out", "-o",
        "--threads", "-t", "--resume", "--force", "--issues", "--measure", "--format", "--width", "--height", "--point", "--help",
        "-h", "-?", "--version", "--sett", "--Structure", "--seeds", "--out-dir", "-x", "--", "--set=", "--threads=0",
    ];

    /// <summary>A fuzzed command line.</summary>
    public static Gen<CliCase> Cases { get; } =
        from good in Gen.Frequency(GoodCommandLines.Select(g => (g.Weight, Gen.Constant(g))))
        from command in Gen.Frequency(
            (12, Gen.Constant<HostileValue?>(null)),
            (1, Gen.Elements("run", "compare", "params", "measures", "structures", "sweep", "validate", "plot", "swep", "RUN", "", "--json", "help")
                .Select(c => (HostileValue?)HostileValue.Of(c))))
        from count in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 2)), (2, Gen.Choose(3, 4)))
        from mutations in Mutation.ArrayOf(count)
        select new CliCase(good, command, mutations);

    /// <summary>Fuzzed command lines with FsCheck's shrinker: a failing case loses mutations until each one left is needed.</summary>
    public static Arbitrary<CliCase> Arbitrary { get; } = Arb.From(Cases, c => FuzzRunner.HangSeen ? [] : c.Shrink());

    private static Gen<ArgMutation> Mutation { get; } = Gen.Frequency(
        (3, Gen.Choose(0, 99).Select(i => (ArgMutation)new DropToken(i))),
        (2, Gen.Choose(0, 99).Select(i => (ArgMutation)new DuplicateToken(i))),
        (2, from a in Gen.Choose(0, 99) from b in Gen.Choose(0, 99) select (ArgMutation)new SwapTokens(a, b)),
        (5, from i in Gen.Choose(0, 99) from v in HostileValue.Any select (ArgMutation)new ReplaceToken(i, v)),
        (2, from i in Gen.Choose(0, 99) from v in HostileValue.Any select (ArgMutation)new InsertToken(i, v)),
        (3, from i in Gen.Choose(0, 99) from o in Gen.Elements(Options) select (ArgMutation)new InsertToken(i, HostileValue.Of(o))),
        (2, from i in Gen.Choose(0, 99) from c in Gen.Elements('=', ':') select (ArgMutation)new JoinWithEquals(i, c)),
        (4, from i in Gen.Choose(0, 99) from v in HostileValue.Number select (ArgMutation)new ReplaceAssignedValue(i, v)),
        (3, from i in Gen.Choose(0, 99) from n in NearMissNames.Any select (ArgMutation)new RenameAssignment(i, n)),
        (6, from n in NearMissNames.Any from v in HostileValue.Number select (ArgMutation)new AddAssignment(n, v)));
}
