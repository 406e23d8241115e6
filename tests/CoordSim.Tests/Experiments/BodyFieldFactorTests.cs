using CoordSim.Experiments;
using CoordSim.Structures;
using System.Globalization;

namespace CoordSim.Tests.Experiments;

/// <summary>
/// A field of the structure's body design addressed as a parameter, <c>bodies[0].FIELD</c>: found by the catalog, set
/// with <c>--set</c>, in a spec's base and overrides, and varied by a design, with its own column in the results.
/// </summary>
public class BodyFieldFactorTests
{
    private static string Spec(string structures, string design, string extraBase = "") => $$"""
        {
          "name": "fields",
          "structures": {{structures}},
          "base": { "horizonDays": 30, "warmupDays": 0, "arrivalRate": 20{{extraBase}} },
          "design": {{design}},
          "replications": 2,
          "seed": 5
        }
        """;

    [Fact]
    public void The_catalog_finds_body_fields_by_their_prefixed_name_and_suggests_the_closest()
    {
        var info = ParameterCatalog.Find("bodies[0].collectivity")!;

        Assert.Equal(BodyDesignFields.Find("collectivity"), info.BodyField);
        Assert.Equal("share", info.Unit);
        Assert.DoesNotContain(info, ParameterCatalog.All);
        Assert.Null(ParameterCatalog.Find("bodies[0].name"));
        Assert.Null(ParameterCatalog.Find("collectivity"));
        Assert.Contains("did you mean bodies[0].collectivity?", ParameterCatalog.UnknownName("bodies[0].colectivity").Allowed, StringComparison.Ordinal);
        // Text fields (the name and the scope lists) are not parameters: a design cannot vary them.
        Assert.Equal(BodyDesignFields.All.Count(f => f.Type != typeof(string)), ParameterCatalog.BodyFields.Count);
        Assert.Equal(3, BodyDesignFields.All.Count(f => f.Type == typeof(string)));
    }

    [Fact]
    public void A_setting_goes_into_the_parameters_and_the_body_structures_apply_it_after_their_own_design()
    {
        var p = ParameterSetting.Create("bodies[0].collectivity", 0.5).ApplyTo(Parameters.Default);
        p = ParameterSetting.Create("bodies[0].collectivity", 0.75).ApplyTo(p);

        Assert.Equal(0.75, Assert.Single(p.BodyFields).Value);
        Assert.Equal(BodyDesign.TaskForce(p) with { Collectivity = 0.75 }, ((BodyStructure)Structure.TaskForce()).DesignFor(p));
        Assert.Equal(BodyDesign.Office(p) with { Collectivity = 0.75 }, ((BodyStructure)Structure.Office()).DesignFor(p));

        // An entry's fixed field wins over the parameters' (the plan refuses the two together when the design varies it).
        var fixedOne = ((BodyStructure)Structure.TaskForce()).WithBody(BodySetting.Create("collectivity", 0.25));
        Assert.Equal(0.25, fixedOne.DesignFor(p).Collectivity);

        // The hierarchy has no body: the same run with and without.
        var q = Parameters.Default with { HorizonDays = 30, WarmupDays = 0 };
        var without = Simulation.Run(Structure.Hierarchy(), q, 1);
        var with = Simulation.Run(Structure.Hierarchy(), ParameterSetting.Create("bodies[0].collectivity", 0.5).ApplyTo(q), 1);
        Assert.Equal(without.ToJson(), with.ToJson().Replace(",\n    \"bodies[0].collectivity\": 0.5", "", StringComparison.Ordinal));
        Assert.NotEqual(without.ToJson(), with.ToJson());
    }

    [Fact]
    public void A_factorial_design_varies_a_body_field_with_a_column_and_its_own_seeds()
    {
        var spec = ExperimentSpec.Parse(Spec("""["hierarchy", "task-force"]""", """{ "kind": "factorial", "factors": { "bodies[0].collectivity": [0, 0.5, 1] } }"""));
        var folder = SweepFixture.TempFolder("body-factor");

        Sweep.Run(spec, folder, new SweepOptions { Threads = 2 });

        var lines = File.ReadAllLines(Path.Combine(folder, "runs.csv"));
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(x => x.First, x => (object)x.Second)).ToArray();
        Assert.Equal(3 * 2 * 2, rows.Length);
        Assert.Equal(["0", "0", "0", "0", "0.5", "0.5", "0.5", "0.5", "1", "1", "1", "1"], rows.Select(r => (string)r["bodies[0].collectivity"]));
        Assert.Equal(12, rows.Select(r => (string)r["seed"]).Distinct().Count() * 2);

        // Named (0) to collective (1): the task force's weights spread; at a point both structures face the same issues.
        var tf = rows.Where(r => (string)r["structure"] == "task-force").GroupBy(r => (string)r["bodies[0].collectivity"])
            .ToDictionary(g => g.Key, g => g.Average(r => double.Parse((string)r["responsibilityEffectiveCount"], CultureInfo.InvariantCulture)));
        Assert.True(tf["0"] < tf["0.5"] && tf["0.5"] < tf["1"], string.Join(", ", tf));
        var summary = File.ReadLines(Path.Combine(folder, "summary.csv")).First().Split(',');
        Assert.Contains("bodies[0].collectivity", summary);
        var codebook = File.ReadAllText(Path.Combine(folder, "codebook.csv"));
        Assert.Contains("runs.csv,bodies[0].collectivity,parameter,number,share,", codebook, StringComparison.Ordinal);

        // The same as running each point by hand.
        var p = Parameters.Default with { HorizonDays = 30, WarmupDays = 0, ArrivalRate = 20 };
        var run = spec.Plan().Run(5);
        Assert.Equal("task-force", run.Structure.Label);
        var byHand = Simulation.Run(Structure.TaskForce(), ParameterSetting.Create("bodies[0].collectivity", 0.5).ApplyTo(p), run.Seed);
        Assert.Equal(byHand.Responsibility.EffectiveCount.ToString("R", CultureInfo.InvariantCulture), (string)rows[5]["responsibilityEffectiveCount"]);
    }

    [Fact]
    public void Specs_without_body_fields_have_the_same_columns_as_before()
    {
        var plan = SweepFixture.TwoStructures().Plan();

        Assert.Equal(ParameterCatalog.All, plan.ParameterColumns);
    }

    [Fact]
    public void A_one_at_a_time_design_needs_the_body_fields_base_value()
    {
        var without = Assert.Throws<SpecException>(() => ExperimentSpec.Parse(Spec("""["task-force"]""", """{ "kind": "one-at-a-time", "factors": { "bodies[0].collectivity": [0, 1] } }""")).Plan());
        var error = Assert.Single(without.Errors);
        Assert.Equal("$.design.factors.bodies[0].collectivity", error.Path);
        Assert.Contains("set bodies[0].collectivity in \"base\" too", error.Allowed, StringComparison.Ordinal);

        var plan = ExperimentSpec.Parse(Spec("""["task-force"]""", """{ "kind": "one-at-a-time", "factors": { "bodies[0].collectivity": [0, 1], "arrivalRate": [10, 20] } }""", ", \"bodies[0].collectivity\": 0.5")).Plan();
        Assert.Equal(["0.5", "0", "1", "0.5"], plan.Points.Select(pt => ParameterSetting.ApplyAll(plan.BaseParameters, pt.Settings).BodyFields.Single().Text));
    }

    [Fact]
    public void An_entry_may_not_fix_a_field_the_design_varies_and_the_hierarchy_takes_none()
    {
        var e = Assert.Throws<SpecException>(() => ExperimentSpec.Parse(Spec(
            """[{ "name": "task-force", "label": "tf", "bodies": [{ "collectivity": 1 }] }, { "name": "hierarchy", "label": "h", "overrides": { "bodies[0].authority": 1 } }]""",
            """{ "kind": "factorial", "factors": { "bodies[0].collectivity": [0, 1] } }""")).Plan());

        Assert.Equal(["$.structures[0].bodies[0].collectivity", "$.structures[1].overrides.bodies[0].authority"], e.Errors.Select(x => x.Path));
    }

    [Fact]
    public void The_cli_sets_a_body_field_with_set()
    {
        var plain = Cli.CliInvocation.Run("run", "--structure", "task-force", "--json", "--set", "horizonDays=30", "warmupDays=0");
        var collective = Cli.CliInvocation.Run("run", "--structure", "task-force", "--json", "--set", "horizonDays=30", "warmupDays=0", "bodies[0].collectivity=1");
        var bad = Cli.CliInvocation.Run("run", "--structure", "task-force", "--set", "bodies[0].collectivity=2");

        Assert.Equal((0, 0, 2), (plain.ExitCode, collective.ExitCode, bad.ExitCode));
        Assert.NotEqual(plain.Stdout, collective.Stdout);
        Assert.DoesNotContain("bodies[0]", plain.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"bodies[0].collectivity\": 1", collective.Stdout, StringComparison.Ordinal);
        var table = Cli.CliInvocation.Run("run", "--structure", "task-force", "--set", "horizonDays=30", "warmupDays=0", "bodies[0].collectivity=1");
        Assert.Contains("bodies[0].collectivity=1", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("bodies[0].collectivity", bad.Stderr, StringComparison.Ordinal);
        Assert.Contains("<= 1", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_accepts_every_parameter_and_body_field_name_of_every_body_and_nothing_beyond()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Docs.RepositoryFiles.PathOf("schemas/experiment.schema.json")));
        var pattern = new System.Text.RegularExpressions.Regex(schema.RootElement.GetProperty("$defs").GetProperty("parameterName").GetProperty("pattern").GetString()!);

        Assert.All(ParameterCatalog.All.Concat(ParameterCatalog.AllBodyFields), p => Assert.Matches(pattern, p.Name));
        Assert.Matches(pattern, "bodies[15].collectivity");
        Assert.DoesNotMatch(pattern, $"bodies[{CoordSim.Structures.BodyStructure.MaxBodies}].collectivity");
        Assert.DoesNotMatch(pattern, "bodies[01].collectivity");
        Assert.DoesNotMatch(pattern, "bodies[0].");
    }

    [Fact]
    public void A_sweep_over_a_body_field_is_byte_identical_for_one_and_two_threads_and_after_a_cancelled_sweep_resumes()
    {
        var spec = ExperimentSpec.Parse(Spec("""["task-force", { "name": "office", "label": "office-fixed", "bodies": [{ "meetingInterval": 14 }] }]""",
            """{ "kind": "factorial", "factors": { "bodies[0].collectivity": [0, 1], "bodies[0].handling": ["chair", "agenda"] } }"""));
        var one = SweepFixture.TempFolder("body-threads1");
        var two = SweepFixture.TempFolder("body-threads2");
        var resumed = SweepFixture.TempFolder("body-resumed");
        using var stop = new CancellationTokenSource();

        Sweep.Run(spec, one, new SweepOptions { Threads = 1 });
        Sweep.Run(spec, two, new SweepOptions { Threads = 2 });
        var first = Sweep.Run(spec, resumed, new SweepOptions { Threads = 1, CancellationToken = stop.Token, Progress = p => { if (p.Done == 5) stop.Cancel(); } });
        var second = Sweep.Run(spec, resumed, new SweepOptions { Threads = 2, Resume = true });

        Assert.True(first.Cancelled);
        Assert.Equal(first.Done, second.Resumed);
        foreach (var file in new[] { "runs.csv", "summary.csv", "timeseries.csv", "codebook.csv" })
        {
            Assert.Equal(SweepFixture.Bytes(one, file), SweepFixture.Bytes(two, file));
            Assert.Equal(SweepFixture.Bytes(one, file), SweepFixture.Bytes(resumed, file));
        }

        var header = File.ReadLines(Path.Combine(one, "runs.csv")).First().Split(',');
        Assert.Equal(["bodies[0].collectivity", "bodies[0].handling"], header.Where(h => h.StartsWith("bodies[", StringComparison.Ordinal)));
    }

    [Fact]
    public void Validate_says_which_fields_an_entry_fixes_and_which_structures_a_body_field_cannot_change()
    {
        var spec = ExperimentSpec.Parse(Spec("""["hierarchy", "task-force", { "name": "office", "label": "office-reviewed", "bodies": [{ "reviewInterval": 7, "pressureAge": 14 }] }]""",
            """{ "kind": "factorial", "factors": { "bodies[0].collectivity": [0, 1] } }"""));

        var lines = CoordSim.Cli.Commands.ValidateCommand.Describe(spec.Plan()).Split(Environment.NewLine);

        Assert.Contains("  body fields:  office-reviewed fixes reviewInterval=7, pressureAge=14", lines);
        Assert.Contains("  note:         hierarchy has no coordination body: bodies[0].collectivity does not change it", lines);
        Assert.DoesNotContain(CoordSim.Cli.Commands.ValidateCommand.Describe(SweepFixture.TwoStructures().Plan()).Split(Environment.NewLine), l => l.Contains("body", StringComparison.Ordinal));
    }

    [Fact]
    public void Figures_of_a_body_field_have_file_names_a_shell_takes_literally()
    {
        var spec = ExperimentSpec.Parse(Spec("""["hierarchy", "task-force"]""", """{ "kind": "factorial", "factors": { "bodies[0].collectivity": [0, 1], "arrivalRate": [10, 20] } }"""));
        var folder = SweepFixture.TempFolder("body-figures");
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2 });

        var written = CoordSim.Plots.FigureSet.WriteDefaults(folder, [CoordSim.Plots.FigureFormat.Png], new CoordSim.Plots.FigureOptions { Width = 640, Height = 480, Measures = ["latencyRestrictedMean"] })
            .Select(Path.GetFileName).ToArray();

        Assert.Contains("latencyRestrictedMean-vs-bodies0.collectivity--arrivalRate=10.png", written);
        Assert.Contains("latencyRestrictedMean-vs-arrivalRate--bodies0.collectivity=0.png", written);
        Assert.Contains("heatmap-latencyRestrictedMean-bodies0.collectivity-arrivalRate.png", written);
        Assert.All(written, f => Assert.DoesNotMatch("[\\[\\]*?]", f!));
    }
}
