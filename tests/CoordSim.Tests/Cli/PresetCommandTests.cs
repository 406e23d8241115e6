using System.Text.Json;
using CoordSim.Experiments;
using CoordSim.Tests.Docs;

namespace CoordSim.Tests.Cli;

/// <summary><c>--preset</c>: the first model stays reachable from the command line and from specs.</summary>
public class PresetCommandTests
{
    [Fact]
    public void Params_preset_json_is_the_committed_spec_fragment_and_reads_back_as_the_preset()
    {
        var invocation = CliInvocation.Run("params", "--preset", "v1", "--json");
        Assert.Equal(0, invocation.ExitCode);
        var committed = File.ReadAllText(RepositoryFiles.PathOf("experiments/presets/v1.json"));
        Assert.Equal(committed.ReplaceLineEndings("\n").Trim(), invocation.Stdout.ReplaceLineEndings("\n").Trim());

        // As the base of a spec, the fragment gives exactly the preset's parameters.
        using var fragment = JsonDocument.Parse(committed);
        var spec = $$"""
            {"name": "v1", "structures": ["hierarchy"], "base": {{fragment.RootElement.GetProperty("base").GetRawText()}},
             "design": {"kind": "points", "points": [{}]}, "replications": 1, "seed": 1}
            """;
        var read = SpecReader.Read(System.Text.Encoding.UTF8.GetBytes(spec), "v1.json", out var errors);
        Assert.Empty(errors);
        var run = Assert.Single(read!.Plan().Runs());
        Assert.Equal(ParameterPresets.V1.Parameters, run.Parameters);
    }

    [Fact]
    public void Compare_with_the_v1_preset_gives_the_first_models_default_comparison()
    {
        // The first model's default comparison (docs/model.md §8 of the first model, seed 1): mean latency in days.
        var invocation = CliInvocation.Run("compare", "--preset", "v1", "--seed", "1", "--json");
        Assert.Equal(0, invocation.ExitCode);
        using var json = JsonDocument.Parse(invocation.Stdout);
        var latency = json.RootElement.EnumerateArray().ToDictionary(
            r => r.GetProperty("structure").GetString()!,
            r => r.GetProperty("latency").GetProperty("resolved").GetProperty("mean").GetDouble());
        Assert.Equal(4.17, latency["hierarchy"], 2);
        Assert.Equal(10.35, latency["leading-group"], 2);
        Assert.Equal(5.26, latency["task-force"], 2);
        Assert.Equal(3.91, latency["command-hq"], 2);
        Assert.Equal(5.58, latency["office"], 2);

        var table = CliInvocation.Run("compare", "--preset", "v1", "--set", "crossDepartmentShare=0.4", "--structures", "hierarchy");
        Assert.Contains("preset v1, parameters crossDepartmentShare=0.4", table.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("compare")]
    [InlineData("params")]
    public void An_unknown_preset_exits_2_naming_the_presets(string command)
    {
        var invocation = CliInvocation.Run(command, "--preset", "v0");
        Assert.Equal(2, invocation.ExitCode);
        Assert.Contains("--preset", invocation.Stderr, StringComparison.Ordinal);
        Assert.Contains("v1", invocation.Stderr, StringComparison.Ordinal);
        Assert.Equal("", invocation.Stdout);
    }

    [Fact]
    public void Params_preset_table_lists_each_value_beside_its_default()
    {
        var invocation = CliInvocation.Run("params", "--preset", "v1");
        Assert.Equal(0, invocation.ExitCode);
        foreach (var (name, value) in ParameterPresets.V1.Values)
        {
            Assert.Contains(name, invocation.Stdout, StringComparison.Ordinal);
            Assert.Contains(value, invocation.Stdout, StringComparison.Ordinal);
        }
    }
}
