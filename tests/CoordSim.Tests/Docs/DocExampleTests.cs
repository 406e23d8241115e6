using CoordSim.Structures;

namespace CoordSim.Tests.Docs;

/// <summary>
/// The C# example of docs/model.md §4.4 is the code between the <c>docs:model-design</c> markers below: the first
/// test runs it, the second checks that docs/model.md shows it verbatim (markers included), so the document cannot
/// drift from code that compiles and runs.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public class DocExampleTests
{
    [Fact]
    public void The_design_example_runs_and_collectivity_changes_only_who_answers()
    {
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            // docs:model-design:begin
            // A task force whose accountability is half collective, that also takes every emergency.
            var hybrid = new BodyStructure(
                "task-force-half-collective",
                "Task force with half-collective accountability that also covers emergencies.",
                p => BodyDesign.TaskForce(p) with { Collectivity = 0.5, CoversEmergencies = true });
            var result = Simulation.Run(hybrid, Parameters.Default, seed: 1);

            // A leading group whose office has no authority over the member departments and which never meets specially.
            var weakGroup = new BodyStructure(
                "leading-group-weak-office",
                "Leading group whose office consults without authority and whose leader calls no special meetings.",
                p => BodyDesign.LeadingGroup(p) with { Authority = 0, AgendaTrigger = 0 });
            var weak = Simulation.Run(weakGroup, Parameters.Default, seed: 1);

            // Sweep continuously from named (0) to collective (1) responsibility.
            foreach (var c in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
            {
                var s = new BodyStructure($"tf-c{c}", "sweep", p => BodyDesign.TaskForce(p) with { Collectivity = c });
                var r = Simulation.Run(s, Parameters.Default with { HorizonDays = 90 }, seed: 1);
                Console.WriteLine($"collectivity {c}: {r.Responsibility.EffectiveCount:F2} accountable, {r.Latency.AllArrivals.RestrictedMean:F2} days, {r.Issues.Pending} pending");
            }
            // docs:model-design:end

            Assert.True(result.Decisions.InBodies > 0);
            Assert.True(weak.Decisions.ByConcurrence > 0);
        }
        finally
        {
            Console.SetOut(console);
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        var latencies = lines.Select(l => l[(l.LastIndexOf(',') + 2)..]).Distinct().ToArray();
        Assert.Single(latencies);
        var accountable = lines.Select(l => double.Parse(l.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(accountable.Order(), accountable);
    }

    [Fact]
    public void The_model_document_shows_exactly_the_code_this_test_runs()
    {
        var source = File.ReadAllLines(RepositoryFiles.PathOf("tests/CoordSim.Tests/Docs/DocExampleTests.cs"));
        var begin = Array.FindIndex(source, l => l.Trim() == "// docs:model-design:begin");
        var end = Array.FindIndex(source, l => l.Trim() == "// docs:model-design:end");
        Assert.True(begin >= 0 && end > begin, "markers not found");
        var body = source[begin..(end + 1)];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var code = string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.Trim()));
        var document = File.ReadAllText(RepositoryFiles.PathOf("docs/model.md")).Replace("\r\n", "\n");
        Assert.True(document.Contains(code, StringComparison.Ordinal), $"docs/model.md does not contain this example verbatim:\n{code}");
    }
}
