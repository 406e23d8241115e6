using System.Text.Json;
using CoordSim.Cli.Commands;
using CoordSim.Experiments;
using CoordSim.Structures;
using CoordSim.Tests.Cli;
using CoordSim.Tests.Docs;

namespace CoordSim.Tests.Experiments;

/// <summary>
/// A spec's structure entry fixes fields of a body design by name (<c>"bodies": [{"collectivity": 0.5}]</c>): read,
/// checked with located errors, written back in canonical form, and the same as the C# builder; every preset's body,
/// as <c>coordsim structures --json</c> prints it, reads back into the preset's design.
/// </summary>
public class BodyFieldsInSpecTests
{
    private static string Spec(string structures) => $$"""
        {
          "name": "entries",
          "structures": {{structures}},
          "base": { "horizonDays": 20, "warmupDays": 0 },
          "replications": 1,
          "seed": 1
        }
        """;

    private static SpecError Single(string structures)
    {
        var e = Assert.Throws<SpecException>(() => ExperimentSpec.Parse(Spec(structures), "spec.json"));
        return Assert.Single(e.Errors);
    }

    [Fact]
    public void An_entry_fixes_the_fields_it_names_and_keeps_its_label()
    {
        var spec = ExperimentSpec.Parse(Spec("""["task-force", { "name": "task-force", "label": "tf-collective", "bodies": [{ "collectivity": 1, "handling": "chair", "coLocated": false }] }]"""));

        var entry = spec.Structures[1];
        var body = Assert.IsType<BodyStructure>(entry.Structure);
        Assert.Equal("tf-collective", entry.Label);
        Assert.Equal(["collectivity", "handling", "coLocated"], body.Settings.Select(s => s.Name));
        var design = body.DesignFor(Parameters.Default);
        Assert.Equal(BodyDesign.TaskForce(Parameters.Default) with { Collectivity = 1, Handling = RoutineHandling.Chair, CoLocated = false }, design);
        Assert.False(entry.IsPlain);
        Assert.True(spec.Structures[0].IsPlain);
    }

    [Fact]
    public void The_canonical_form_writes_the_fields_and_reads_back_to_the_same_spec_and_hash()
    {
        var spec = ExperimentSpec.Parse(Spec("""[{ "name": "office", "label": "office-named", "bodies": [{ "deciderShare": 0.7, "collectivity": 0.25 }] }]"""));

        var json = spec.ToJson();
        var again = ExperimentSpec.Parse(json);

        Assert.Contains("\"bodies\": [", json, StringComparison.Ordinal);
        Assert.True(json.IndexOf("\"collectivity\"", StringComparison.Ordinal) < json.IndexOf("\"deciderShare\"", StringComparison.Ordinal), "fields are written in the catalog's order");
        Assert.Equal(json, again.ToJson());
        Assert.Equal(spec.Hash, again.Hash);
        Assert.Equal(((BodyStructure)spec.Structures[0].Structure).DesignFor(Parameters.Default), ((BodyStructure)again.Structures[0].Structure).DesignFor(Parameters.Default));
        Assert.NotEqual(ExperimentSpec.Parse(Spec("""[{ "name": "office", "label": "office-named" }]""")).Hash, spec.Hash);
    }

    [Fact]
    public void Specs_without_bodies_keep_their_canonical_form()
    {
        var spec = ExperimentSpec.Parse(Spec("""["hierarchy", { "name": "task-force", "label": "tf", "overrides": { "span": 3 } }]"""));

        Assert.DoesNotContain("\"bodies\"", spec.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_builder_and_the_json_form_are_the_same_spec()
    {
        var tf = ((BodyStructure)Structure.TaskForce()).WithBody(BodySetting.Create("collectivity", 0.5), BodySetting.Create("formOn", "crisis"));
        var built = ExperimentSpec.Create("bodies")
            .Compare(tf, "tf-half")
            .Set("horizonDays", 20).Set("warmupDays", 0)
            .Replications(1).Seed(1)
            .Build();

        var read = ExperimentSpec.Parse(built.ToJson());

        Assert.Equal(built.Hash, read.Hash);
        Assert.Equal(tf.Settings, ((BodyStructure)read.Structures[0].Structure).Settings);
        Assert.Contains("\"formOn\": \"crisis\"", built.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_preset_printed_by_structures_json_reads_back_into_the_presets_designs_and_parents(bool renamed)
    {
        // Under its own name the entry is the preset with every field fixed; renamed, it is a structure of the spec's
        // own, built from the bodies' "like" and "parent": either way the same designs under the default parameters.
        using var printed = JsonDocument.Parse(StructuresCommand.Json());
        var checkedBodies = 0;
        foreach (var entry in printed.RootElement.EnumerateArray())
        {
            var name = entry.GetProperty("name").GetString()!;
            var preset = StructureCatalog.Find(name)!;
            var bodies = entry.GetProperty("bodies");
            var copyName = renamed && bodies.GetArrayLength() > 0 ? "copy-of-" + name : name; // a new name needs bodies
            var spec = ExperimentSpec.Parse(Spec($$"""[{ "name": "{{copyName}}", "label": "copy", "bodies": {{bodies.GetRawText()}} }]"""));
            var copy = spec.Structures[0].Structure;
            Assert.Equal(copyName, copy.Name);
            if (preset is not BodyStructure body)
            {
                Assert.Equal(0, bodies.GetArrayLength());
                Assert.Equal(preset, copy);
                continue;
            }

            var read = Assert.IsType<BodyStructure>(copy);
            Assert.Equal(body.Bodies.Count, read.Bodies.Count);
            for (var b = 0; b < body.Bodies.Count; b++)
            {
                Assert.Equal(body.DesignFor(Parameters.Default, b), read.DesignFor(Parameters.Default, b));
                Assert.Equal(body.Bodies[b].Parent, read.Bodies[b].Parent);
                Assert.Equal(body.Bodies[b].Like, read.Bodies[b].Like);
                var finite = double.IsFinite(body.DesignFor(Parameters.Default, b).EscalationThreshold) ? 0 : 1;
                Assert.Equal(BodyDesignFields.All.Count - finite, read.Settings.Count(x => x.Body == b));
                checkedBodies++;
            }
        }

        Assert.Equal(StructureCatalog.All.OfType<BodyStructure>().Sum(s => s.Bodies.Count), checkedBodies);
    }

    [Fact]
    public void The_cli_prints_the_bodies_and_the_copied_entry_runs()
    {
        var run = CliInvocation.Run("structures", "--json");
        Assert.Equal(0, run.ExitCode);
        using var printed = JsonDocument.Parse(run.Stdout);
        var leadingGroup = printed.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "leading-group");
        Assert.Equal(90, leadingGroup.GetProperty("bodies")[0].GetProperty("meetingInterval").GetDouble());
        Assert.Equal("government-head", leadingGroup.GetProperty("bodies")[0].GetProperty("chair").GetString());
    }

    [Fact]
    public void Errors_name_the_field_by_its_path_with_the_value_and_what_is_allowed()
    {
        var unknown = Single("""[{ "name": "task-force", "bodies": [{ "colectivity": 0.5 }] }]""");
        Assert.Equal("$.structures[0].bodies[0].colectivity", unknown.Path);
        Assert.StartsWith("did you mean collectivity?", unknown.Allowed, StringComparison.Ordinal);

        var range = Single("""[{ "name": "task-force", "bodies": [{ "collectivity": 1.5 }] }]""");
        Assert.Equal(("$.structures[0].bodies[0].collectivity", "1.5", "a finite number >= 0 and <= 1"), (range.Path, range.Value, range.Allowed));

        var type = Single("""[{ "name": "task-force", "bodies": [{ "coLocated": "yes" }] }]""");
        Assert.Equal(("$.structures[0].bodies[0].coLocated", "\"yes\"", "true or false"), (type.Path, type.Value, type.Allowed));

        var word = Single("""[{ "name": "office", "bodies": [{ "handling": "by-the-chair" }] }]""");
        Assert.Equal("one of agenda, office, on-the-spot, chair", word.Allowed);

        var hierarchy = Single("""[{ "name": "hierarchy", "bodies": [{ "collectivity": 0.5 }] }]""");
        Assert.Equal("$.structures[0].bodies", hierarchy.Path);
        Assert.Contains("hierarchy has no coordination body", hierarchy.Allowed, StringComparison.Ordinal);

        var two = Single("""[{ "name": "task-force", "bodies": [{}, {}] }]""");
        Assert.Equal("$.structures[0].bodies", two.Path);
        Assert.StartsWith("a list of 1 object of body design fields, one per body of task-force", two.Allowed, StringComparison.Ordinal);

        var notObject = Single("""[{ "name": "task-force", "bodies": [3] }]""");
        Assert.Equal("$.structures[0].bodies[0]", notObject.Path);

        var e = Assert.Throws<SpecException>(() => ExperimentSpec.Parse(Spec("""[{ "name": "task-force", "bodies": [{ "collectivity": 2, "count": 0.5 }] }]"""), "spec.json"));
        Assert.Equal(["$.structures[0].bodies[0].collectivity", "$.structures[0].bodies[0].count"], e.Errors.Select(x => x.Path));
        Assert.All(e.Errors, x => Assert.NotNull(x.Line));
    }

    [Fact]
    public void The_schema_lists_every_body_field_with_its_type_and_range()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("schemas/experiment.schema.json")));
        var defs = schema.RootElement.GetProperty("$defs");
        Assert.True(defs.GetProperty("structureEntry").GetProperty("properties").TryGetProperty("bodies", out _));
        var properties = defs.GetProperty("bodyDesign").GetProperty("properties");

        Assert.Equal(BodyDesignFields.All.Select(f => f.Name), properties.EnumerateObject().Select(p => p.Name));
        foreach (var field in BodyDesignFields.All)
        {
            var p = properties.GetProperty(field.Name);
            Assert.StartsWith(field.Meaning, p.GetProperty("description").GetString(), StringComparison.Ordinal);
            if (field.Type.IsEnum)
            {
                Assert.Equal(field.AllowedValues, p.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
                continue;
            }

            var type = field.Type == typeof(int) ? "integer" : field.Type == typeof(double) ? "number" : field.Type == typeof(bool) ? "boolean" : "string";
            Assert.Equal(type, p.GetProperty("type").GetString());
            if (field.IsNumeric)
            {
                Assert.Equal(field.Min, p.GetProperty(field.MinExclusive ? "exclusiveMinimum" : "minimum").GetDouble());
                Assert.Equal(field.MinPositive > 0, p.TryGetProperty("not", out var gap));
                if (field.MinPositive > 0)
                {
                    // 0 (off) or at least the shortest period: nothing strictly between them.
                    Assert.Equal(0, gap.GetProperty("exclusiveMinimum").GetDouble());
                    Assert.Equal(field.MinPositive, gap.GetProperty("exclusiveMaximum").GetDouble());
                }
                Assert.Equal(double.IsPositiveInfinity(field.Max), !p.TryGetProperty("maximum", out var max));
                if (!double.IsPositiveInfinity(field.Max))
                {
                    Assert.Equal(field.Max, max.GetDouble());
                }
            }
        }
    }

    [Fact]
    public void A_sweep_compares_the_canonical_task_force_with_a_collective_one_on_the_same_issues()
    {
        var spec = ExperimentSpec.Parse(Spec("""["task-force", { "name": "task-force", "label": "tf-collective", "bodies": [{ "collectivity": 1 }] }]"""));

        var rows = Sweep.Rows(spec).ToArray();

        Assert.Equal(["task-force", "tf-collective"], rows.Select(r => r.Structure));
        Assert.Equal(rows[0].Result.Issues.Arrived, rows[1].Result.Issues.Arrived);
        Assert.True(rows[1].Result.Responsibility.EffectiveCount > rows[0].Result.Responsibility.EffectiveCount,
            $"collective responsibility spreads the weights: {rows[1].Result.Responsibility.EffectiveCount} vs {rows[0].Result.Responsibility.EffectiveCount}");
    }

    [Fact]
    public void The_entry_in_model_md_builds_the_same_design_as_its_csharp_example()
    {
        var line = File.ReadLines(RepositoryFiles.PathOf("docs/model.md"))
            .Select(l => l.Trim())
            .Single(l => l.StartsWith("{ \"name\": \"task-force\", \"label\": \"task-force-half-collective\"", StringComparison.Ordinal));

        var spec = ExperimentSpec.Parse(Spec($"[{line}]"));

        var p = Parameters.Default with { ConsultInterval = 45 };
        Assert.Equal(BodyDesign.TaskForce(p) with { Collectivity = 0.5, CoversEmergencies = true }, ((BodyStructure)spec.Structures[0].Structure).DesignFor(p));
    }
}
