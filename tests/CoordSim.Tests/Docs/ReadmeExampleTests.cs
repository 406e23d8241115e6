using CoordSim.Experiments;
using CoordSim.Plots;
using CoordSim.Structures;
using ResultsFolder = CoordSim.Plots.Results.ResultsFolder;

namespace CoordSim.Tests.Docs;

/// <summary>
/// The README's C# examples are the code between the <c>readme:</c> markers below: each test runs it,
/// and <see cref="The_readme_shows_exactly_the_code_these_tests_run"/> checks that README.md contains it
/// verbatim (after removing the method's indentation), so the README cannot drift from code that compiles and runs.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public class ReadmeExampleTests
{
    [Fact]
    public void The_one_run_example_runs_and_both_structures_face_the_same_issues()
    {
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            // readme:run:begin
            var p = Parameters.Default with { Departments = 8, Levels = 4, CrossDepartmentShare = 0.4 };
            var h = Simulation.Run(Structure.Hierarchy(), p, seed: 1);
            var t = Simulation.Run(Structure.TaskForce(), p, seed: 1);   // same issue stream
            Console.WriteLine($"{h.Latency.AllArrivals.RestrictedMean:F1} vs {t.Latency.AllArrivals.RestrictedMean:F1} days, " +
                $"{h.Issues.Pending} vs {t.Issues.Pending} pending, steady state: {h.Stability.Stable} vs {t.Stability.Stable}");
            // readme:run:end
            Assert.Equal(h.Issues.Arrived, t.Issues.Arrived);
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.Matches(@"^\d+\.\d vs \d+\.\d days, \d+ vs \d+ pending, steady state: (True|False) vs (True|False)", output.ToString());
    }

    [Fact]
    public void The_sweep_example_writes_results_once_keeps_the_rows_and_draws_figures_from_them_in_memory()
    {
        // A folder that holds an earlier sweep's results, as after running the example before: it runs again.
        var folder = Path.Combine(AppContext.BaseDirectory, "results", "share");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "runs.csv"), "an earlier sweep's runs\n");

        var output = new StringWriter();
        var console = Console.Out;
        var cwd = Environment.CurrentDirectory;
        Console.SetOut(output);
        try
        {
            Environment.CurrentDirectory = AppContext.BaseDirectory;
            // readme:sweep:begin
            var spec = ExperimentSpec.Create("share")
                .Compare(Structure.Hierarchy(), Structure.TaskForce())
                .Vary("crossDepartmentShare", 0.1, 0.3, 0.5)
                .Replications(5)
                .Seed(1)
                .Build();
            var rows = new List<RunRow>();
            Sweep.Run(spec, "results/share", new SweepOptions { Threads = 2, Force = true, OnRow = rows.Add });
            // wrote runs.csv, summary.csv, timeseries.csv, checksums.csv, codebook.csv, manifest.json; kept each run in rows
            foreach (var row in rows)                                              // Sweep.Rows(spec): rows only, nothing written
            {
                var r = row.Result;
                Console.WriteLine($"{row.PointId} {row.Structure} {row.Replication} {r.Latency.AllArrivals.RestrictedMean:F2} days, {r.Issues.Pending} pending, stable {r.Stability.Stable}");
            }

            var results = ResultsFolder.FromRows(spec.Plan(), rows);              // summary.csv's numbers, in memory
            var figures = FigureSet.Defaults(results);                             // ScottPlot plots, nothing written
            byte[] png = FigureSet.Render(figures[0]);                             // or adjust figures[0].Plot first
            // readme:sweep:end
            Assert.Equal(File.ReadAllLines(Path.Combine(folder, "summary.csv")).Length - 1, results.Summary.Rows.Count);
            Assert.NotEmpty(figures);
            Assert.Equal((byte)'P', png[1]);
        }
        finally
        {
            Console.SetOut(console);
            Environment.CurrentDirectory = cwd;
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3 * 2 * 5, lines.Length);
        var csvRows = File.ReadAllLines(Path.Combine(folder, "runs.csv")).Length - 1;
        Assert.Equal(lines.Length, csvRows);
        foreach (var file in new[] { "summary.csv", "timeseries.csv", "codebook.csv", "manifest.json" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), $"the README says the sweep writes {file}");
        }

        Assert.False(Directory.Exists(Path.Combine(folder, "figures")), "the figures are drawn in memory");
    }

    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    public void The_readme_shows_exactly_the_code_these_tests_run(string example)
    {
        var source = File.ReadAllLines(RepositoryFiles.PathOf("tests/CoordSim.Tests/Docs/ReadmeExampleTests.cs"));
        var begin = Array.FindIndex(source, l => l.Trim() == $"// readme:{example}:begin");
        var end = Array.FindIndex(source, l => l.Trim() == $"// readme:{example}:end");
        Assert.True(begin >= 0 && end > begin, $"markers of '{example}' not found");
        var body = source[(begin + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var code = string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.Trim()));
        var readme = File.ReadAllText(RepositoryFiles.PathOf("README.md")).Replace("\r\n", "\n");
        Assert.True(readme.Contains(code, StringComparison.Ordinal), $"README.md does not contain this example verbatim:\n{code}");
    }
}
