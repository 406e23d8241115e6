using System.Text.Json;
using CoordSim.Experiments;
using CoordSim.Structures;

namespace CoordSim.Tests.Experiments;

public class SpecJsonTests
{
    /// <summary>The repository root (the folder holding Simulation.sln), found from the test's output folder.</summary>
    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Simulation.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Simulation.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void The_json_form_and_the_builder_form_are_the_same_experiment()
    {
        var json = ExperimentSpec.Parse(SweepFixture.TwoStructuresJson);
        var built = SweepFixture.TwoStructures();

        Assert.Equal(built.Hash, json.Hash);
        Assert.Equal(built.ToJson(), json.ToJson());
    }

    public static TheoryData<string> Designs() => new()
    {
        """{ "kind": "factorial", "factors": { "crossDepartmentShare": { "from": 0.1, "to": 0.5, "step": 0.2 }, "queueDiscipline": ["fifo", "urgent-first"] } }""",
        """{ "kind": "one-at-a-time", "factors": { "span": { "from": 2, "to": 6, "count": 3 }, "arrivalRate": { "from": 5, "to": 500, "count": 3, "scale": "log" } } }""",
        """{ "kind": "latin-hypercube", "samples": 7, "seed": 4, "factors": { "noiseSigma": { "from": 0.01, "to": 1, "scale": "log" }, "span": { "from": 2, "to": 5 } } }""",
        """{ "kind": "points", "points": [{ "span": 3 }, {}, { "noiseSigma": 0.2, "serviceDistribution": "log-normal" }] }""",
        """{ "kind": "morris", "trajectories": 3, "levels": 4, "candidates": 8, "seed": 2, "factors": { "noiseSigma": { "from": 0.01, "to": 1, "scale": "log" }, "span": { "from": 2, "to": 5 } } }""",
        """{ "kind": "morris", "trajectories": 2, "levels": 6, "factors": { "noiseSigma": { "from": 0.01, "to": 1 } } }""",
        """{ "kind": "sobol", "samples": 4, "secondOrder": true, "seed": 3, "factors": { "noiseSigma": { "from": 0.01, "to": 1, "scale": "log" }, "queueDiscipline": ["fifo", "urgent-first"] } }""",
        """{ "kind": "sobol", "samples": 8, "factors": { "span": { "from": 2, "to": 5 } } }""",
    };

    [Theory]
    [MemberData(nameof(Designs))]
    public void The_canonical_json_reads_back_to_the_same_runs(string design)
    {
        var text = SweepFixture.TwoStructuresJson.Replace(
            """{ "kind": "factorial", "factors": { "crossDepartmentShare": [0.2, 0.6] } }""", design, StringComparison.Ordinal);
        var spec = ExperimentSpec.Parse(text);

        var again = ExperimentSpec.Parse(spec.ToJson());

        Assert.Equal(spec.ToJson(), again.ToJson());
        Assert.Equal(spec.Hash, again.Hash);
        var (a, b) = (spec.Plan(), again.Plan());
        Assert.Equal(a.Runs().Select(r => (r.Seed, ParameterCatalog.Describe(r.Parameters).Aggregate("", (s, kv) => s + kv.Value + ","))),
            b.Runs().Select(r => (r.Seed, ParameterCatalog.Describe(r.Parameters).Aggregate("", (s, kv) => s + kv.Value + ","))));
    }

    /// <summary>
    /// A spec made in code is written as it is, before the plan checks it: a factor's values that no parameter takes (an
    /// unknown name's, a value out of range, a value of the wrong type) are written as given, so the reader refuses the
    /// text at the same places the plan refuses the spec, with the same values.
    /// </summary>
    [Fact]
    public void Factor_values_no_parameter_takes_are_written_as_given_and_read_back_to_the_same_errors()
    {
        // Made as a record, not with the builder, whose Build() checks the spec.
        var spec = SweepFixture.TwoStructures() with
        {
            Design = new FactorialDesign([Factor.Values("noSuchParameter", 1, "two"), Factor.Values("span", 3, 0)]),
        };

        var json = spec.ToJson();

        Assert.Contains("\"noSuchParameter\": [\n        1,\n        \"two\"\n      ]", json, StringComparison.Ordinal);
        Assert.Contains("\"span\": [\n        3,\n        0\n      ]", json, StringComparison.Ordinal);
        var planned = Assert.Throws<SpecException>(() => spec.Plan()).Errors;
        var read = Assert.Throws<SpecException>(() => ExperimentSpec.Parse(json)).Errors;
        Assert.Equal(["$.design.factors.noSuchParameter", "$.design.factors.span[1]"], planned.Select(e => e.Path));
        Assert.Equal(planned.Select(e => (e.Path, e.Value, e.Allowed)), read.Select(e => (e.Path, e.Value, e.Allowed)));

        var wrongType = (spec with { Design = new FactorialDesign([Factor.Values("span", 3, "wide")]) }).ToJson();
        Assert.Contains("\"span\": [\n        3,\n        \"wide\"\n      ]", wrongType, StringComparison.Ordinal);
        Assert.Equal("$.design.factors.span[1]", Assert.Single(Assert.Throws<SpecException>(() => ExperimentSpec.Parse(wrongType)).Errors).Path);
    }

    [Fact]
    public void Formatting_and_comments_do_not_change_the_hash()
    {
        var spaced = ExperimentSpec.Parse(SweepFixture.TwoStructuresJson);
        var compact = ExperimentSpec.Parse("// compact\n" + JsonSerializer.Serialize(JsonDocument.Parse(SweepFixture.TwoStructuresJson).RootElement));

        Assert.Equal(spaced.Hash, compact.Hash);
        Assert.NotEqual(spaced.Hash, (spaced with { Seed = 8 }).Hash);
    }

    [Fact]
    public void The_quickstart_spec_compares_every_catalog_structure_and_is_valid()
    {
        var path = Path.Combine(RepositoryRoot(), "experiments", "quickstart", "spec.json");

        var spec = ExperimentSpec.Load(path);
        var plan = spec.Plan();

        Assert.Equal(StructureCatalog.All.Select(s => s.Name), spec.Structures.Select(s => s.Label));
        Assert.Equal(["crossDepartmentShare"], plan.Varied);
        Assert.Equal(365, plan.BaseParameters.HorizonDays);
        Assert.Equal(path, spec.SourcePath);
    }

    [Fact]
    public void The_schema_lists_the_fields_and_design_kinds_the_reader_accepts()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "schemas", "experiment.schema.json")));
        var root = schema.RootElement;
        var definitions = root.GetProperty("$defs");

        Assert.Equal(SpecReader.SpecFields.Order(), root.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["name", "replications", "seed", "structures"], root.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
        var kinds = definitions.GetProperty("design").GetProperty("oneOf").EnumerateArray()
            .Select(d => definitions.GetProperty(d.GetProperty("$ref").GetString()!.Split('/')[^1]).GetProperty("properties").GetProperty("kind").GetProperty("const").GetString());
        Assert.Equal(SpecReader.DesignFields.Keys.Order(), kinds.Order());
        foreach (var (kind, fields) in SpecReader.DesignFields)
        {
            var definition = definitions.EnumerateObject().Single(d =>
                d.Value.TryGetProperty("properties", out var p) && p.TryGetProperty("kind", out var k) && k.TryGetProperty("const", out var c) && c.GetString() == kind);
            Assert.Equal(fields.Order(), definition.Value.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        }
    }

    [Fact]
    public void The_examples_in_the_docs_are_valid()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "experiments.md"));
        var start = docs.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var spec = ExperimentSpec.Parse(docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)]);
        var designs = docs.Split('\n').Where(l => l.StartsWith("\"design\": ", StringComparison.Ordinal)).ToArray();

        Assert.Equal(3 * 3 * 5 * 3, spec.Plan().RunCount);
        Assert.Equal(6, designs.Length);
        foreach (var design in designs)
        {
            var text = SweepFixture.TwoStructuresJson.Replace(
                "\"design\": { \"kind\": \"factorial\", \"factors\": { \"crossDepartmentShare\": [0.2, 0.6] } }", design, StringComparison.Ordinal);
            Assert.NotEqual(SweepFixture.TwoStructuresJson, text);
            ExperimentSpec.Parse(text.Replace("{ \"levels\": 1 }", "{ \"emergencyShare\": 0.2 }", StringComparison.Ordinal)).Plan();
        }
    }

    [Fact]
    public void A_spec_that_names_its_schema_reads()
    {
        var spec = ExperimentSpec.Parse(SweepFixture.TwoStructuresJson.Replace("{\n", "{\n  \"$schema\": \"../../schemas/experiment.schema.json\",\n", StringComparison.Ordinal));

        Assert.Equal(SweepFixture.TwoStructures().Hash, spec.Hash);
    }
}
