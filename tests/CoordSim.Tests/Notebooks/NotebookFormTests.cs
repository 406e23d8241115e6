using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoordSim.Tests.Docs;

namespace CoordSim.Tests.Notebooks;

/// <summary>
/// Every notebook of <c>notebooks/</c> exists as a Polyglot .dib and a Jupyter .ipynb with the same cells, the .ipynb
/// with its outputs cleared, and references the CoordSim packages by name and the library's version. The .dib is the
/// source: <c>COORDSIM_UPDATE_DOCS=1</c> rewrites each .ipynb from it.
/// </summary>
public sealed partial class NotebookFormTests
{
    /// <summary>The packages a notebook loads, in order.</summary>
    public static readonly IReadOnlyList<string> Packages = ["CoordSim", "CoordSim.Plots", "CoordSim.Interactive"];

    public static TheoryData<string> Names => new(NotebookFiles.Names);

    /// <summary>The library's version (its assembly's informational version without the source revision).</summary>
    public static string LibraryVersion =>
        typeof(Simulation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    [Fact]
    public void There_is_a_tutorial_and_at_least_three_worked_questions()
    {
        var names = NotebookFiles.Names;
        Assert.Contains("tutorial", names);
        Assert.True(names.Count >= 4, $"notebooks: {string.Join(", ", names)}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_ipynb_holds_the_cells_of_the_dib_with_outputs_cleared(string name)
    {
        var dibPath = Path.Combine(NotebookFiles.Folder, name + ".dib");
        var ipynbPath = Path.Combine(NotebookFiles.Folder, name + ".ipynb");
        var cells = NotebookFiles.ReadDib(File.ReadAllText(dibPath));
        if (Environment.GetEnvironmentVariable(GeneratedDocSection.UpdateVariable) == "1")
        {
            File.WriteAllText(ipynbPath, NotebookFiles.WriteIpynb(cells));
        }

        Assert.True(File.Exists(ipynbPath), $"{ipynbPath} is missing. To write it: {GeneratedDocSection.UpdateVariable}=1 dotnet test Simulation.sln --filter \"FullyQualifiedName~NotebookFormTests\"");
        var notebook = JsonNode.Parse(File.ReadAllText(ipynbPath))!;
        Assert.Equal(cells, NotebookFiles.ReadIpynb(notebook));
        foreach (var cell in notebook["cells"]!.AsArray().Where(c => (string)c!["cell_type"]! == "code"))
        {
            Assert.Empty(cell!["outputs"]!.AsArray());
            Assert.Null(cell["execution_count"]);
        }

        Assert.Equal(4, (int)notebook["nbformat"]!);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_notebook_loads_the_packages_by_name_and_the_library_version(string name)
    {
        var cells = NotebookFiles.ReadDib(File.ReadAllText(Path.Combine(NotebookFiles.Folder, name + ".dib")));

        var references = cells.Where(c => c.IsCode).SelectMany(c => c.Source.Split('\n')).Where(l => l.StartsWith("#r ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Packages.Select(p => $"#r \"nuget: {p}, {LibraryVersion}\""), references);
        Assert.DoesNotContain(cells, c => c.Source.Contains("#i ", StringComparison.Ordinal));
        Assert.DoesNotContain(cells, c => c.Kernel is not ("csharp" or "markdown"));
    }

    [Fact]
    public void Reading_and_writing_a_dib_keeps_its_cells()
    {
        var cells = new[]
        {
            new NotebookCell("markdown", "# Title\n\nText with \"quotes\" and <tags>."),
            new NotebookCell("csharp", "var x = 1;\n\nx"),
        };

        Assert.Equal(cells, NotebookFiles.ReadDib(NotebookFiles.WriteDib(cells)));
        Assert.Equal(cells, NotebookFiles.ReadIpynb(JsonNode.Parse(NotebookFiles.WriteIpynb(cells))!));
        Assert.Contains("\"var x = 1;\\n\",", NotebookFiles.WriteIpynb(cells), StringComparison.Ordinal);
    }

    /// <summary>
    /// The .dib text the tests run: a first cell that adds <paramref name="feed"/> as a package source, then the notebook
    /// with its CoordSim packages' version replaced by <paramref name="version"/>.
    /// </summary>
    internal static string ForFeed(string dib, string feed, string version)
    {
        var cells = NotebookFiles.ReadDib(dib).Select(c => c with
        {
            Source = PackageReference().Replace(c.Source, m => $"#r \"nuget: {m.Groups["id"].Value}, {version}\""),
        });
        return NotebookFiles.WriteDib([new NotebookCell("csharp", $"#i \"nuget: {feed}\""), .. cells]);
    }

    [Fact]
    public void The_copy_run_by_the_tests_adds_the_feed_and_the_packed_version_only()
    {
        var dib = NotebookFiles.WriteDib([new NotebookCell("csharp", "#r \"nuget: CoordSim, 0.1.0\"\n#r \"nuget: CoordSim.Plots, 0.1.0\"\n#r \"nuget: MathNet.Numerics, 5.0.0\""), new NotebookCell("markdown", "text")]);

        var cells = NotebookFiles.ReadDib(ForFeed(dib, "/tmp/feed", "0.1.0-test.1"));

        Assert.Equal(
            [
                new NotebookCell("csharp", "#i \"nuget: /tmp/feed\""),
                new NotebookCell("csharp", "#r \"nuget: CoordSim, 0.1.0-test.1\"\n#r \"nuget: CoordSim.Plots, 0.1.0-test.1\"\n#r \"nuget: MathNet.Numerics, 5.0.0\""),
                new NotebookCell("markdown", "text"),
            ],
            cells);
    }

    [GeneratedRegex("""#r "nuget: (?<id>CoordSim(\.[A-Za-z]+)?), [^"]+"(?=\n|$)""")]
    private static partial Regex PackageReference();
}
