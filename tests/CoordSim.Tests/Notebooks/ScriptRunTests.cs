namespace CoordSim.Tests.Notebooks;

/// <summary>
/// The walkthroughs of <c>notebooks/scripts/</c> run as .NET 10 file-based apps (<c>dotnet run FILE.cs -- OUTPUT</c>,
/// referencing the repository's projects with <c>#:project</c>): each exits with 0, prints what its notebook shows and
/// writes its figures as PNG files into the output folder. Every script runs in every test run (9 to 12 s each). They share the packed-feed collection only so that they never
/// compile at the same time as a notebook runs.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class ScriptRunTests(PackedFeed feed)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);

    public static TheoryData<string> WorkedQuestions => new(NotebookFiles.Names.Where(n => n != "tutorial"));

    [Fact]
    public void Every_notebook_has_its_script_and_every_script_its_notebook()
    {
        var scripts = Directory.GetFiles(Path.Combine(NotebookFiles.Folder, "scripts"), "*.cs").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal);

        Assert.Equal(NotebookFiles.Names, scripts);
    }

    [Fact]
    public void The_tutorial_script_prints_each_step_and_writes_its_figures()
    {
        var (run, output) = Run("tutorial");

        Assert.Contains("1. hierarchy, seed 1: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("2. the same issues, seed 1", run.Output, StringComparison.Ordinal);
        Assert.Contains("3. sweep: 30 of 30 runs;", run.Output, StringComparison.Ordinal);
        Assert.Contains("DataFrame: 10 runs × ", run.Output, StringComparison.Ordinal);
        Assert.Contains("5. wrote ", run.Output, StringComparison.Ordinal);
        AssertPngs(output, ["latency-vs-share.png", "responsibility-vs-share.png", "latency-distortion-tradeoff.png", "latency-quantiles-one-point.png"]);
    }

    [Theory]
    [MemberData(nameof(WorkedQuestions))]
    public void A_worked_question_script_runs_its_sweep_and_writes_its_figures(string name)
    {
        var (run, output) = Run(name);

        Assert.Contains("sweep: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("mean [95% CI] per point and structure:", run.Output, StringComparison.Ordinal);
        var written = run.Output.Split('\n').Where(l => l.StartsWith("wrote ", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(written);
        AssertPngs(output, written.Select(l => Path.GetFileName(l["wrote ".Length..l.IndexOf(": ", StringComparison.Ordinal)])).ToArray());
    }

    private (ProcessRun Run, string Output) Run(string name)
    {
        var output = feed.NewWorkFolder("script-" + name);
        var script = Path.Combine(NotebookFiles.Folder, "scripts", name + ".cs");
        var run = ProcessRun.Start("dotnet", ["run", script, "--", output], NotebookFiles.Folder, Limit);
        Assert.True(run.ExitCode == 0, $"dotnet run {name}.cs: {run.Transcript}");
        return (run, output);
    }

    private static void AssertPngs(string folder, IReadOnlyList<string> files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file);
            Assert.True(File.Exists(path), $"{path} was not written");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(path)[..4]);
        }
    }
}
