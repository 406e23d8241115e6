using CoordSim.Experiments;

namespace CoordSim.Tests.Experiments;

/// <summary>The studies in <c>experiments/</c>: every spec there reads and plans, so that a study's README commands start.</summary>
public class ExperimentFolderTests
{
    /// <summary>Every spec of every study (the JSON files in experiments/*/ with a "name", leaving out presets, which are base fragments).</summary>
    public static TheoryData<string> Specs => new(SpecPaths());

    /// <summary>The specs' paths relative to experiments/, with '/' between folder and file.</summary>
    private static IEnumerable<string> SpecPaths()
    {
        var root = Path.Combine(CoordSim.Tests.Docs.RepositoryFiles.Root, "experiments");
        return Directory.EnumerateDirectories(root)
            .Where(d => Path.GetFileName(d) != "presets")
            .SelectMany(d => Directory.EnumerateFiles(d, "*.json"))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void A_studys_spec_reads_and_plans(string relative)
    {
        var spec = ExperimentSpec.Load(Path.Combine(CoordSim.Tests.Docs.RepositoryFiles.Root, "experiments", relative));

        var plan = spec.Plan();

        Assert.True(plan.RunCount > 0, $"{relative} plans no run");
    }

    [Fact]
    public void The_studies_include_the_sensitivity_screening_and_its_sobol_follow_up()
    {
        var specs = SpecPaths().ToArray();
        Assert.Contains("sensitivity/morris.json", specs);
        Assert.Contains("sensitivity/sobol.json", specs);
    }
}
