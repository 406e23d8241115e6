using System.Text.Json.Nodes;
using CoordSim.Tests.Validation;

namespace CoordSim.Tests.Notebooks;

/// <summary>
/// The notebooks run headless with dotnet-repl against the packages packed from this build (<see cref="PackedFeed"/>):
/// each is copied with a first cell <c>#i "nuget: FEED"</c> and its CoordSim packages' version set to the packed one
/// (<see cref="NotebookFormTests.ForFeed"/>), run with <c>dotnet-repl --run COPY --exit-after-run</c>, and its output
/// notebook must hold no error and at least one figure (an inline PNG). Every notebook runs in every test run (8 to 20 s
/// each); only <c>notebooks/run.sh</c>, which packs in Release first, is a long check.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class NotebookRunTests(PackedFeed feed)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);

    public static TheoryData<string> WorkedQuestions => new(NotebookFiles.Names.Where(n => n != "tutorial"));

    [Fact]
    public void The_tutorial_runs_without_errors_and_draws_figures() => RunsCleanly("tutorial");

    [Theory]
    [MemberData(nameof(WorkedQuestions))]
    public void A_worked_question_runs_without_errors_and_draws_figures(string name) => RunsCleanly(name);

    [Fact]
    public void A_notebook_with_an_error_fails_the_check()
    {
        var outputs = Run("broken", NotebookFiles.WriteDib(
        [
            new NotebookCell("csharp", "var fine = 1;"),
            new NotebookCell("csharp", "throw new ArgumentNullException(\"structure\");"),
        ]));

        Assert.NotEqual(0, outputs.Run.ExitCode);
        var error = Assert.Single(Problems(outputs.Notebook));
        Assert.Contains("ArgumentNullException", error, StringComparison.Ordinal);
        Assert.Equal(0, Images(outputs.Notebook));
    }

    [LongFact]
    [Trait("Category", "Long")]
    public void The_run_script_writes_a_notebook_with_its_outputs()
    {
        var root = CoordSim.Tests.Docs.RepositoryFiles.Root;
        var output = Path.Combine(root, "out", "notebooks", "tutorial.ipynb");
        if (File.Exists(output))
            File.Delete(output);

        var run = ProcessRun.Start("bash", [Path.Combine(root, "notebooks", "run.sh"), "tutorial"], root, TimeSpan.FromMinutes(12));

        Assert.True(run.ExitCode == 0, $"notebooks/run.sh tutorial: {run.Transcript}");
        Assert.Contains($"wrote {output}", run.Output, StringComparison.Ordinal);
        var notebook = JsonNode.Parse(File.ReadAllText(output))!;
        Assert.Empty(Problems(notebook));
        Assert.True(Images(notebook) >= 1, "notebooks/run.sh tutorial: the notebook written holds no figure");
    }

    [Fact]
    public void The_run_script_names_the_notebooks_when_asked_for_one_that_does_not_exist()
    {
        var root = CoordSim.Tests.Docs.RepositoryFiles.Root;

        var run = ProcessRun.Start("bash", [Path.Combine(root, "notebooks", "run.sh"), "no-such-notebook"], root, TimeSpan.FromMinutes(1));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no notebook 'no-such-notebook'", run.Error, StringComparison.Ordinal);
        Assert.Contains("tutorial", run.Error, StringComparison.Ordinal);
    }

    private void RunsCleanly(string name)
    {
        var (run, notebook) = Run(name, File.ReadAllText(Path.Combine(NotebookFiles.Folder, name + ".dib")));

        Assert.True(run.ExitCode == 0, $"{name}.dib: {run.Transcript}");
        var problems = Problems(notebook);
        Assert.True(problems.Count == 0, $"{name}.dib:\n{string.Join("\n", problems)}");
        Assert.True(Images(notebook) >= 1, $"{name}.dib drew no figure");
    }

    private (ProcessRun Run, JsonNode Notebook) Run(string name, string dib)
    {
        var work = feed.NewWorkFolder(name);
        var input = Path.Combine(work, name + ".dib");
        var output = Path.Combine(work, name + ".ipynb");
        File.WriteAllText(input, NotebookFormTests.ForFeed(dib, feed.Path, feed.Version));
        var run = ProcessRun.Start(feed.Repl, ["--run", input, "--exit-after-run", "--output-path", output, "--output-format", "ipynb"], work, Limit, feed.RestoreEnvironment);
        Assert.True(File.Exists(output), $"{name}: dotnet-repl wrote no output notebook.\n{run.Transcript}");
        return (run, JsonNode.Parse(File.ReadAllText(output))!);
    }

    /// <summary>Every error output and every output on the error stream, with the cell it came from.</summary>
    private static List<string> Problems(JsonNode notebook)
    {
        var problems = new List<string>();
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            foreach (var output in cell!["outputs"]?.AsArray() ?? [])
            {
                var kind = (string?)output!["output_type"];
                if (kind == "error" || (kind == "stream" && (string?)output["name"] == "stderr"))
                {
                    var source = string.Concat(cell["source"]!.AsArray().Select(s => (string)s!));
                    problems.Add($"cell \"{source[..Math.Min(80, source.Length)]}\": {output.ToJsonString()}");
                }
            }
        }

        return problems;
    }

    /// <summary>The outputs that hold a PNG image: an image/png output, or an HTML &lt;img&gt; whose source is PNG data.</summary>
    private static int Images(JsonNode notebook) =>
        notebook["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"]?.AsArray() ?? [])
            .Count(o => o!["data"] is JsonObject data &&
                (data.ContainsKey("image/png") || Text(data["text/html"]).Contains("src=\"data:image/png;base64,iVBORw0KGgo", StringComparison.Ordinal)));

    /// <summary>A notebook text field: one string or an array of lines.</summary>
    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string)l!)),
        _ => (string)node!,
    };
}
