using System.Text.Json;
using CoordSim.Cli.Commands;
using CoordSim.Experiments;
using CoordSim.Structures;
using CoordSim.Tests.Cli;
using CoordSim.Tests.Structures;

namespace CoordSim.Tests.Experiments;

/// <summary>
/// Structures built from parts in JSON (docs/experiments.md, "Structures of your own"): a new name with bodies each
/// <c>like</c> a catalogue body and linked by <c>parent</c>; the fields of any body addressed as parameters
/// (<c>bodies[1].meetingInterval</c>); errors located; the spec written back and read again; <c>run</c> and
/// <c>compare</c> taking the same entries from a file.
/// </summary>
public class StructuresFromPartsTests
{
    private const string Hybrid = """{ "name": "my-hybrid", "bodies": [{ "like": "task-force", "parent": 1 }, { "like": "leading-group", "coversCrossDepartment": false }] }""";

    private const string Design = """
        "design": { "kind": "factorial", "factors": { "bodies[1].meetingInterval": [30, 180] } },
        """;

    private static string Spec(string structures, string design = "") => $$"""
        {
          "name": "parts",
          "structures": {{structures}},
          "base": { "horizonDays": 40, "warmupDays": 0 },
          {{design}}
          "replications": 1,
          "seed": 1
        }
        """;

    private static SpecError[] Errors(string structures, string design = "") =>
        Assert.Throws<SpecException>(() => ExperimentSpec.Parse(Spec(structures, design), "spec.json")).Errors.ToArray();

    [Fact]
    public void A_hybrid_built_from_like_and_parent_runs_as_the_catalogues_leading_group_over_task_forces()
    {
        var spec = ExperimentSpec.Parse(Spec($"[{Hybrid}]"));
        var built = Assert.IsType<BodyStructure>(spec.Structures[0].Structure);
        Assert.Equal("my-hybrid", built.Name);
        Assert.Equal([1, (int?)null], built.Bodies.Select(b => b.Parent));
        Assert.Equal("Built from parts: the hierarchy with task-force bodies and leading-group bodies.", built.Description);

        var p = Parameters.Default with { HorizonDays = 120, WarmupDays = 0 };
        var fromJson = Simulation.Run(built, p, 4) with { Structure = "x" };
        var preset = Simulation.Run(Structure.LeadingGroupOverTaskForces(), p, 4) with { Structure = "x" };
        Assert.Equal(preset.ToJson(), fromJson.ToJson());
        Assert.NotEqual(Simulation.Run(Structure.TaskForce(), p, 4) with { Structure = "x" }, fromJson);
    }

    [Fact]
    public void Errors_are_located_at_the_body_and_member_with_what_is_allowed()
    {
        var missingLike = Assert.Single(Errors("""[{ "name": "mine", "bodies": [{ "collectivity": 0.5 }] }]"""));
        Assert.Equal(("$.structures[0].bodies[0].like", "(missing)"), (missingLike.Path, missingLike.Value));

        var unknownLike = Assert.Single(Errors("""[{ "name": "mine", "bodies": [{ "like": "task-forces" }] }]"""));
        Assert.Equal("$.structures[0].bodies[0].like", unknownLike.Path);
        Assert.Contains("leading-group, task-force, command-hq, office", unknownLike.Allowed, StringComparison.Ordinal);

        var self = Assert.Single(Errors("""[{ "name": "mine", "bodies": [{ "like": "task-force", "parent": 1 }, { "like": "office", "parent": 1 }] }]"""));
        Assert.Equal(("$.structures[0].bodies[1].parent", "1"), (self.Path, self.Value));

        var cycle = Assert.Single(Errors("""[{ "name": "mine", "bodies": [{ "like": "task-force", "parent": 1 }, { "like": "office", "parent": 0 }] }]"""));
        Assert.Equal("$.structures[0].bodies", cycle.Path);
        Assert.Contains("cycle", cycle.Allowed, StringComparison.Ordinal);

        var tooMany = Assert.Single(Errors($$"""[{ "name": "mine", "bodies": [{{string.Join(", ", Enumerable.Repeat("""{ "like": "office" }""", 17))}}] }]"""));
        Assert.Equal("$.structures[0].bodies", tooMany.Path);
        Assert.StartsWith("a list of 1 to 16 bodies", tooMany.Allowed, StringComparison.Ordinal);

        var presetCount = Assert.Single(Errors("""[{ "name": "group-task-forces", "bodies": [{ "collectivity": 0.5 }] }]"""));
        Assert.StartsWith("a list of 2 objects of body design fields, one per body of group-task-forces", presetCount.Allowed, StringComparison.Ordinal);

        var description = Assert.Single(Errors("""[{ "name": "task-force", "description": "mine" }]"""));
        Assert.Equal("$.structures[0].description", description.Path);

        var badName = Assert.Single(Errors("""[{ "name": "my hybrid", "bodies": [{ "like": "office" }] }]"""));
        Assert.Equal("$.structures[0].name", badName.Path);

        var unknownName = Assert.Single(Errors("""[{ "name": "mine" }]"""));
        Assert.Equal("$.structures[0].name", unknownName.Path);
        Assert.All(Errors("""[{ "name": "mine", "bodies": [{ "like": "office", "colectivity": 1 }] }]"""), e => Assert.NotNull(e.Line));
    }

    [Theory]
    [InlineData("v2.my_hybrid-1", true)]
    [InlineData("7.a", true)]
    [InlineData("_mine", false)]
    [InlineData(".mine", false)]
    [InlineData("mine/2", false)]
    [InlineData("mine+", false)]
    public void A_built_structures_name_holds_letters_digits_dots_underscores_and_hyphens_and_starts_with_a_letter_or_digit(string name, bool allowed)
    {
        var entry = $$"""[{ "name": "{{name}}", "bodies": [{ "like": "office" }] }]""";
        if (allowed)
        {
            Assert.Equal(name, ExperimentSpec.Parse(Spec(entry)).Structures[0].Structure.Name);
        }
        else
        {
            var e = Assert.Single(Errors(entry));
            Assert.Equal(("$.structures[0].name", $"\"{name}\""), (e.Path, e.Value));
            Assert.Equal("a name of letters, digits, '.', '_' and '-', starting with a letter or digit", e.Allowed);
        }
    }

    [Fact]
    public void A_field_of_the_second_body_is_a_factor_and_changes_only_that_body()
    {
        var spec = ExperimentSpec.Parse(Spec("""["group-task-forces"]""", Design));
        var plan = spec.Plan();
        Assert.Contains(plan.ParameterColumns, c => c.Name == "bodies[1].meetingInterval" && c.Body == 1);
        var runs = plan.Runs().ToArray();
        Assert.Equal(2, runs.Length);
        var structure = (BodyStructure)runs[0].Structure.Structure;
        Assert.Equal([30.0, 180.0], runs.Select(r => structure.DesignFor(r.Parameters, 1).MeetingInterval));
        Assert.All(runs, r => Assert.Equal(BodyDesign.TaskForce(r.Parameters).MeetingInterval, structure.DesignFor(r.Parameters, 0).MeetingInterval));
        Assert.NotEqual(runs[0].Seed, runs[1].Seed);

        var p = Parameters.Default with { HorizonDays = 200, WarmupDays = 0 };
        var monthly = Simulation.Run(structure, ParameterCatalog.With(p, "bodies[1].meetingInterval", "30"), 2);
        var halfYearly = Simulation.Run(structure, ParameterCatalog.With(p, "bodies[1].meetingInterval", "180"), 2);
        Assert.True(monthly.Meetings > halfYearly.Meetings, $"{monthly.Meetings} vs {halfYearly.Meetings} meetings");

        var conflict = Assert.Single(Errors(
            """[{ "name": "group-task-forces", "bodies": [{}, { "meetingInterval": 60 }] }]""",
            Design));
        Assert.Equal("$.structures[0].bodies[1].meetingInterval", conflict.Path);
    }

    [Fact]
    public void Body_fields_are_parameters_for_every_index_up_to_the_limit_and_beyond_it_the_error_says_so()
    {
        Assert.Equal((1, "collectivity"), (ParameterCatalog.Find("bodies[1].collectivity")!.Body, ParameterCatalog.Find("bodies[1].collectivity")!.BodyField!.Name));
        Assert.NotNull(ParameterCatalog.Find($"bodies[{BodyStructure.MaxBodies - 1}].count"));
        Assert.Null(ParameterCatalog.Find($"bodies[{BodyStructure.MaxBodies}].count"));
        var p = ParameterCatalog.With(Parameters.Default, "bodies[1].collectivity", "0.25");
        p = ParameterCatalog.With(p, "bodies[0].collectivity", "0.75");
        Assert.Equal([(0, 0.75), (1, 0.25)], p.BodyFields.OrderBy(f => f.Body).Select(f => (f.Body, (double)f.Value)));
        var hybrid = (BodyStructure)Structure.LeadingGroupOverTaskForces();
        Assert.Equal((0.75, 0.25), (hybrid.DesignFor(p, 0).Collectivity, hybrid.DesignFor(p, 1).Collectivity));
    }

    [Fact]
    public void A_spec_with_a_built_structure_is_written_and_read_back_to_the_same_plan()
    {
        var spec = ExperimentSpec.Parse(Spec($$"""[{{Hybrid}}, { "name": "group-task-forces", "label": "no-parent", "bodies": [{ "like": "task-force", "parent": null }, {}] }]"""));
        var again = ExperimentSpec.Parse(spec.ToJson());
        Assert.Equal(spec.ToJson(), again.ToJson());
        Assert.Equal(spec.Plan().Runs().Select(r => r.Seed), again.Plan().Runs().Select(r => r.Seed));
        for (var i = 0; i < spec.Structures.Count; i++)
        {
            // The same bodies, what each is like and its parent, and the same designs whatever the parameters.
            var (a, b) = ((BodyStructure)spec.Structures[i].Structure, (BodyStructure)again.Structures[i].Structure);
            Assert.Equal(a.Bodies.Select(x => (x.Like, x.Parent)), b.Bodies.Select(x => (x.Like, x.Parent)));
            Assert.Equal(a.Description, b.Description);
            foreach (var p in new[] { Parameters.Default, Parameters.Default with { PlenaryInterval = 30, LeadShare = 0.8 } })
            {
                Assert.Equal(Enumerable.Range(0, a.Bodies.Count).Select(x => a.DesignFor(p, x)), Enumerable.Range(0, b.Bodies.Count).Select(x => b.DesignFor(p, x)));
            }
        }

        Assert.Equal([null, null], ((BodyStructure)again.Structures[1].Structure).Bodies.Select(b => b.Parent));
        Assert.Contains("\"like\": \"task-force\"", spec.ToJson(), StringComparison.Ordinal);

        // A catalogue structure as it is stays a bare name, so the canonical form of other specs is unchanged.
        Assert.Contains("\"structures\": [\n    \"group-task-forces\"", ExperimentSpec.Parse(Spec("""["group-task-forces"]""")).ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_and_compare_take_every_preset_from_its_json_alone_and_give_the_presets_results()
    {
        using var printed = JsonDocument.Parse(StructuresCommand.Json());
        var dir = Directory.CreateTempSubdirectory("coordsim-structure-file");
        try
        {
            foreach (var entry in printed.RootElement.EnumerateArray())
            {
                var name = entry.GetProperty("name").GetString()!;
                var file = Path.Combine(dir.FullName, name + ".json");
                var bodies = entry.GetProperty("bodies");
                var copy = bodies.GetArrayLength() > 0 ? "json-" + name : name; // a new name needs bodies to build it
                File.WriteAllText(file, $$"""{ "name": "{{copy}}", "bodies": {{bodies.GetRawText()}} }""");
                var fromFile = CliInvocation.Run("run", "--structure-file", file, "--set", "horizonDays=60", "--json");
                var preset = CliInvocation.Run("run", "--structure", name, "--set", "horizonDays=60", "--json");
                Assert.Equal(0, fromFile.ExitCode);
                Assert.Equal(preset.Stdout, fromFile.Stdout.Replace($"\"{copy}\"", $"\"{name}\"", StringComparison.Ordinal));
            }

            var hybrid = Path.Combine(dir.FullName, "hybrid.json");
            File.WriteAllText(hybrid, $"[{Hybrid}, {{ \"name\": \"task-force\", \"label\": \"tf-collective\", \"bodies\": [{{ \"collectivity\": 1 }}] }}]");
            var compared = CliInvocation.Run("compare", "--structures", "hierarchy", "--structure-file", hybrid, "--set", "horizonDays=60", "--json");
            Assert.Equal(0, compared.ExitCode);
            using var results = JsonDocument.Parse(compared.Stdout);
            Assert.Equal(["hierarchy", "my-hybrid", "tf-collective"], results.RootElement.EnumerateArray().Select(r => r.GetProperty("structure").GetString()));

            var twoForRun = CliInvocation.Run("run", "--structure-file", hybrid);
            Assert.Equal(2, twoForRun.ExitCode);
            Assert.Contains("one structure entry for 'run' (it holds 2", twoForRun.Stderr, StringComparison.Ordinal);

            var bad = Path.Combine(dir.FullName, "bad.json");
            File.WriteAllText(bad, """{ "name": "mine", "bodies": [{ "like": "office", "parent": 0 }] }""");
            var badRun = CliInvocation.Run("run", "--structure-file", bad);
            Assert.Equal(2, badRun.ExitCode);
            Assert.Equal("", badRun.Stdout);
            Assert.Contains("$.bodies[0].parent = 0 is not allowed: null: the only body of a structure has no parent", badRun.Stderr, StringComparison.Ordinal);
            Assert.Contains("line 1, column", badRun.Stderr, StringComparison.Ordinal);

            var both = CliInvocation.Run("run", "--structure", "office", "--structure-file", hybrid);
            Assert.Equal(2, both.ExitCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Validate_names_the_body_of_a_fixed_field_and_the_structures_a_second_bodys_field_does_not_change()
    {
        var spec = ExperimentSpec.Parse(Spec("""["task-force", { "name": "group-task-forces", "label": "fixed", "bodies": [{ "collectivity": 0.5 }, {}] }, "group-task-forces"]""", Design));
        var lines = ValidateCommand.Describe(spec.Plan()).Split(Environment.NewLine);
        Assert.Contains("  body fields:  fixed fixes bodies[0].collectivity=0.5", lines);
        Assert.Contains("  note:         task-force has 1 body: bodies[1].meetingInterval does not change it", lines);
        Assert.DoesNotContain(lines, l => l.Contains("group-task-forces has", StringComparison.Ordinal));
    }

    [Fact]
    public void A_body_can_be_narrowed_to_categories_and_departments_and_the_rest_follows_the_next_design_or_the_hierarchy()
    {
        var spec = ExperimentSpec.Parse(Spec("""[{ "name": "narrow", "bodies": [{ "like": "task-force", "categories": "Public-Service, emergency-management, public-service", "departments": "3, 0" }] }]"""));
        var narrow = (BodyStructure)spec.Structures[0].Structure;
        var design = narrow.DesignFor(Parameters.Default);
        Assert.Equal(("public-service,emergency-management", "0,3"), (design.Categories, design.Departments));

        // Categories 2 and 5 have primary departments 2 and 5 (category mod 8): none is both, so nothing is in scope;
        // with departments 2 and 5 every cross-department issue of those two categories is, and no other.
        var p = Parameters.Default with { CrossDepartmentShare = 1, EmergencyShare = 0, HorizonDays = 60, WarmupDays = 0 };
        var none = new OutcomeRecorder();
        Simulation.Run(narrow, p, 3, none);
        Assert.All(none.Outcomes, o => Assert.NotEqual(CoordSim.Mechanisms.DecisionVenue.BodyDesk, o.Venue));
        var matching = narrow.WithBody(BodySetting.Create("departments", "2,5"));
        var some = new OutcomeRecorder();
        Simulation.Run(matching, p with { ContestedShare = 0 }, 3, some);
        Assert.All(some.Outcomes, o => Assert.Equal(o.Category is 2 or 5, o.Venue == CoordSim.Mechanisms.DecisionVenue.BodyDesk));
        Assert.Contains(some.Outcomes, o => o.Category == 2);

        var bad = Assert.Single(Errors("""[{ "name": "narrow", "bodies": [{ "like": "task-force", "categories": "public-services" }] }]"""));
        Assert.Equal("$.structures[0].bodies[0].categories", bad.Path);
        Assert.StartsWith("\"all\" or a comma-separated list of issue categories: security-and-stability", bad.Allowed, StringComparison.Ordinal);
        var badDepartment = Assert.Single(Errors("""[{ "name": "narrow", "bodies": [{ "like": "task-force", "departments": "1,64" }] }]"""));
        Assert.Equal("$.structures[0].bodies[0].departments", badDepartment.Path);
    }

    [Fact]
    public void A_structure_of_your_own_can_be_built_on_the_flattened_hierarchy()
    {
        var spec = ExperimentSpec.Parse(Spec("""[{ "name": "flat-task-force", "organisation": "flattened", "bodies": [{ "like": "task-force" }] }]"""));
        var built = (BodyStructure)spec.Structures[0].Structure;
        Assert.Equal(OrganisationForm.Flattened, built.Organisation);
        var p = Parameters.Default with { HorizonDays = 60, WarmupDays = 0 };
        var organisation = built.Organise(p);
        Assert.Equal(3, organisation.Levels);
        Assert.Equal(34, organisation.People.Count(x => x.Department == 0 && x.Title != "office staff"));
        var result = Simulation.Run(built, p, 2);
        Assert.Equal(result.Issues.Arrived, result.Issues.Resolved + result.Issues.Pending);
        Assert.True(result.Decisions.InBodies > 0);

        var again = ExperimentSpec.Parse(spec.ToJson());
        Assert.Equal(OrganisationForm.Flattened, ((BodyStructure)again.Structures[0].Structure).Organisation);
        Assert.Contains("\"organisation\": \"flattened\"", spec.ToJson(), StringComparison.Ordinal);

        var onPreset = Assert.Single(Errors("""[{ "name": "task-force", "organisation": "flattened" }]"""));
        Assert.Equal("$.structures[0].organisation", onPreset.Path);
        var unknown = Assert.Single(Errors("""[{ "name": "mine", "organisation": "flat", "bodies": [{ "like": "office" }] }]"""));
        Assert.Equal("$.structures[0].organisation", unknown.Path);
        Assert.EndsWith("one of hierarchy, flattened", unknown.Allowed, StringComparison.Ordinal);
    }
}
