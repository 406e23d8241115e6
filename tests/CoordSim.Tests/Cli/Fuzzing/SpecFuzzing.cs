using FsCheck;
using FsCheck.Fluent;

namespace CoordSim.Tests.Cli.Fuzzing;

/// <summary>
/// FsCheck generators of near-valid JSON inputs: one of <see cref="GoodInputs"/> (specs of every design kind with a
/// few cheap runs, and structure files) with zero to five edits of its tree — members deleted, repeated or renamed,
/// values of another type, extreme numbers, wrong kinds, deeply nested arrays, added members with near-miss names — and
/// now and then edits of its bytes: cut short, byte-order marks, comments, trailing commas, invalid UTF-8, UTF-16.
/// </summary>
public static class SpecFuzzing
{
    /// <summary>
    /// The spec of the command-line fuzzer's <c>spec.json</c> and of its results folder: two runs of 20 days on a
    /// 3-department organisation, two measures and no time series, so that its sweep draws four figure files, not twenty.
    /// </summary>
    public const string BaseSpec = """
        {
          "name": "fuzz",
          "structures": ["hierarchy"],
          "base": { "horizonDays": 20, "warmupDays": 0, "maxIssues": 100, "departments": 3, "levels": 2, "span": 2 },
          "design": { "kind": "factorial", "factors": { "crossDepartmentShare": [0.1, 0.3] } },
          "replications": 1,
          "seed": 1,
          "measures": ["latencyRestrictedMean", "staffDays"],
          "output": { "timeSeries": false }
        }
        """;

    /// <summary>The structure file of the command-line fuzzer: a task force with two fields fixed.</summary>
    public const string BaseStructure = """{ "name": "task-force", "label": "tf2", "overrides": { "contestedShare": 0.2 }, "bodies": [{ "collectivity": 0.5, "meetingInterval": 10 }] }""";

    /// <summary>
    /// The JSON files the fuzzer starts from; each is valid, and a spec's sweep finishes in about a second (drawing the
    /// figures takes most of it, so each spec keeps a few measures).
    /// </summary>
    public static IReadOnlyList<GoodJson> GoodInputs { get; } =
    [
        new("factorial spec", JsonTarget.Spec, """
            {
              "$schema": "../../schemas/experiment.schema.json",
              "name": "fuzz-factorial",
              "description": "near-valid inputs",
              "structures": ["hierarchy", { "name": "task-force", "label": "tf", "overrides": { "contestedShare": 0.2 }, "bodies": [{ "collectivity": 0.5, "meetingInterval": 10 }] }],
              "base": { "horizonDays": 20, "warmupDays": 0, "maxIssues": 100, "departments": 3, "levels": 2, "span": 2 },
              "design": { "kind": "factorial", "factors": { "crossDepartmentShare": [0.1, 0.3] } },
              "replications": 1,
              "seed": 1,
              "measures": ["latencyRestrictedMean", "staffDays"],
              "output": { "issues": false, "timeSeries": 5 }
            }
            """),
        new("one-at-a-time spec", JsonTarget.Spec, """
            {
              "name": "fuzz-oat",
              "structures": ["leading-group"],
              "base": { "horizonDays": 15, "warmupDays": 0, "maxIssues": 100, "queueDiscipline": "urgent-first" },
              "design": { "kind": "one-at-a-time", "factors": { "noiseSigma": { "from": 0, "to": 0.2, "step": 0.1 }, "span": [3], "arrivalRate": { "from": 10, "to": 40, "count": 2, "scale": "log" } } },
              "replications": 1,
              "seed": 5,
              "measures": ["latencyRestrictedMean", "distortionRms", "latencyMedianResolved", "latencyP90Resolved", "latencyP95Resolved", "latencyMaxResolved"]
            }
            """),
        new("latin-hypercube spec", JsonTarget.Spec, """
            {
              "name": "fuzz-lhs",
              "structures": ["office"],
              "base": { "horizonDays": 15, "warmupDays": 0, "maxIssues": 100 },
              "design": { "kind": "latin-hypercube", "samples": 2, "seed": 3, "factors": { "arrivalRate": { "from": 10, "to": 40, "scale": "log" }, "deputies": { "from": 0, "to": 3 }, "queueDiscipline": ["fifo", "urgent-first"] } },
              "replications": 2,
              "seed": 9,
              "measures": ["responsibilityEffectiveCount"],
              "output": { "timeSeries": false, "issues": true }
            }
            """),
        new("points spec with a structure of its own", JsonTarget.Spec, """
            {
              "name": "fuzz-points",
              "structures": [{ "name": "my-tf", "organisation": "flattened", "description": "d", "bodies": [{ "like": "task-force", "parent": null, "categories": "all", "departments": "0,1", "meetingInterval": 10, "handling": "agenda" }, { "like": "leading-group" }] }],
              "base": { "horizonDays": 15, "warmupDays": 0, "maxIssues": 80, "departments": 4 },
              "design": { "kind": "points", "points": [{}, { "span": 3, "bodies[0].collectivity": 0.5 }] },
              "replications": 1,
              "seed": 2,
              "measures": ["latencyRestrictedMean", "staffDays"]
            }
            """),
        new("structure file: catalogue task force", JsonTarget.StructureFile, BaseStructure),
        new("structure file: a structure of its own", JsonTarget.StructureFile, """
            { "name": "my-office", "bodies": [{ "like": "office", "handling": "office", "officeStaff": 2 }, { "like": "leading-group", "parent": 0 }] }
            """),
        new("structure file: a list", JsonTarget.StructureFile, """
            ["grid-platform", { "name": "leading-group", "label": "lg", "overrides": { "plenaryInterval": 30 } }]
            """),
    ];

    /// <summary>Raw JSON values a node is replaced by: other types, extreme or invalid numbers, wrong kinds and names, deep nesting, big arrays.</summary>
    private static Gen<string> Raw { get; } = Gen.Frequency(
        (5, Gen.Elements(
            "0", "-0", "-1", "1", "2", "0.1", "0.5", "1.5", "3", "64", "65", "1e308", "-1e308", "1e309", "1e-300", "5e-324", "1e-7",
            "2147483648", "9007199254740991", "9007199254740992", "123456789012345678901234567890", "1000000", "1000001",
            "NaN", "Infinity", "-Infinity", "01", "1.", "+1", ".5", "0x10")),
        (4, Gen.Elements(
            "\"\"", "\" \"", "\"x\"", "\"0.3\"", "\"NaN\"", "\"-0\"", "\"1e309\"", "\"factorial\"", "\"one-at-a-time\"", "\"latin-hypercube\"",
            "\"points\"", "\"Factorial\"", "\"grid\"", "\"log\"", "\"linear\"", "\"hierarchy\"", "\"task-force\"", "\"office\"",
            "\"leading-group\"", "\"command-hq\"", "\"flattened\"", "\"my-tf\"", "\"tf\"", "\"all\"", "\"0,1,99\"", "\"0,,1\"", "\"start\"", "\"crisis\"",
            "\"agenda\"", "\"chair\"", "\"government-head\"", "\"fifo\"", "\"urgent-first\"", "\"latencyRestrictedMean\"", "\"latencyRestrictedMea\"",
            "\"\\u0000\"", "\"\\ud800\"", "\"a\\nb\"", "\"é\"", "\"日本\"")),
        (3, Gen.Elements(
            "null", "true", "false", "[]", "{}", "[null]", "[[]]", "[{}]", "[0]", "[\"x\"]", "[0.1, 0.1]", "[1, \"a\", null, true]",
            "{ \"kind\": \"factorial\" }", "{ \"kind\": \"points\", \"points\": [] }", "{ \"from\": 1, \"to\": 0, \"step\": 0 }",
            "{ \"from\": 0, \"to\": 1, \"step\": 1e-300 }", "{ \"from\": 0, \"to\": 1, \"count\": 100000 }", "{ \"from\": 0, \"to\": 1e308, \"scale\": \"log\" }",
            "{ \"from\": -1, \"to\": 1, \"scale\": \"log\" }", "{ \"from\": \"a\", \"to\": \"b\" }", "{ \"like\": \"task-force\" }",
            "{ \"name\": \"x\", \"bodies\": [] }", "[{ \"like\": \"office\", \"parent\": 0 }]", "[{ \"like\": \"office\", \"parent\": 1 }, { \"like\": \"office\", \"parent\": 0 }]")),
        (1, from depth in Gen.Elements(64, 65, 1_000, 10_000, 100_000)
            from open in Gen.Elements("[", "{\"a\":")
            select string.Concat(Enumerable.Repeat(open, depth)) + "0" + new string(open == "[" ? ']' : '}', depth)),
        (1, from length in Gen.Elements(1_000, 100_000)
            from item in Gen.Elements("0", "0.5", "\"x\"", "{}", "null")
            select "[" + string.Join(",", Enumerable.Repeat(item, length)) + "]"),
        (1, Gen.Elements(10_000, 100_000).Select(n => JsonTree.Quote(new string('x', n)))));

    private static Gen<string> Key { get; } = Gen.Frequency(
        (3, NearMissNames.Any),
        (2, Gen.Elements(
            "name", "description", "structures", "base", "design", "replications", "seed", "measures", "output", "kind", "factors",
            "samples", "points", "from", "to", "step", "count", "scale", "label", "overrides", "bodies", "like", "parent",
            "organisation", "issues", "timeSeries", "$schema", "", " ", "Name", "SEED", "\u0000", "é")));

    private static Gen<JsonMutation> TreeMutation { get; } = Gen.Frequency(
        (3, Gen.Choose(0, 999).Select(i => (JsonMutation)new DeleteMember(i))),
        (2, Gen.Choose(0, 999).Select(i => (JsonMutation)new DuplicateMember(i))),
        (2, from i in Gen.Choose(0, 999) from k in Key select (JsonMutation)new RenameMember(i, k)),
        (3, from i in Gen.Choose(0, 999) from k in Key from v in Raw select (JsonMutation)new AddMember(i, k, v)),
        (6, from i in Gen.Choose(0, 999) from v in Raw select (JsonMutation)new ReplaceValue(i, v)),
        (3, from i in Gen.Choose(0, 999) from k in Gen.Choose(0, 3) select (JsonMutation)new ChangeType(i, k)));

    private static Gen<TextMutation> ByteMutation { get; } = Gen.Frequency(
        (3, Gen.Choose(0, 1000).Select(p => (TextMutation)new Truncate(p))),
        (3, from p in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(0, 1000)))
            from b in Gen.Elements<byte[]>([0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], [0xFF], [0x80], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0x00], [0xFE, 0xFF])
            select (TextMutation)new InsertBytes(p, b)),
        (2, from p in Gen.Choose(0, 1000)
            from t in Gen.Elements("// comment\n", "/* comment */ ", "# hash\n", ",\n", "}\n", "]\n", "{\n", "\"\n", "\t\n")
            select (TextMutation)new InsertText(p, t)),
        (2, Gen.Choose(0, 99).Select(i => (TextMutation)new TrailingComma(i))),
        (1, Gen.Constant((TextMutation)new Utf16())));

    /// <summary>A fuzzed JSON input.</summary>
    public static Gen<SpecCase> Cases { get; } =
        from good in Gen.Elements(GoodInputs.ToArray())
        from treeCount in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 2)), (2, Gen.Choose(3, 5)))
        from tree in TreeMutation.ArrayOf(treeCount)
        from textCount in Gen.Frequency((5, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from text in ByteMutation.ArrayOf(textCount)
        from second in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new SpecCase(good, tree, text, second);

    /// <summary>Fuzzed JSON inputs with FsCheck's shrinker: a failing case loses edits until each one left is needed.</summary>
    public static Arbitrary<SpecCase> Arbitrary { get; } = Arb.From(Cases, c => FuzzRunner.HangSeen ? [] : c.Shrink());
}
