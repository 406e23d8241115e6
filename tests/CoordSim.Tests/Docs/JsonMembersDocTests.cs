using System.Text.Json;
using CoordSim.Metrics;
using CoordSim.Structures;

namespace CoordSim.Tests.Docs;

/// <summary>docs/cli.md's table of a run's JSON members names every member a run writes and every measure they map to.</summary>
public class JsonMembersDocTests
{
    private static readonly string[] Parts = ["queueing", "service", "meetingWait", "transmission", "consultation"];

    private static string Table()
    {
        var document = File.ReadAllText(RepositoryFiles.PathOf("docs/cli.md")).Replace("\r\n", "\n");
        var start = document.IndexOf("### JSON members of a run", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/cli.md has no section 'JSON members of a run'");
        var end = document.IndexOf("\n## ", start, StringComparison.Ordinal);
        return document[start..end];
    }

    /// <summary>The table with its pattern rows written out: `&lt;part&gt;` and `&lt;Part&gt;` for each latency component.</summary>
    private static string Expanded()
    {
        var table = Table();
        foreach (var part in Parts)
        {
            table += "\n" + table.Replace("<part>", part, StringComparison.Ordinal).Replace("<Part>", char.ToUpperInvariant(part[0]) + part[1..], StringComparison.Ordinal);
        }

        return table;
    }

    [Fact]
    public void Every_measure_of_the_catalog_is_in_the_table()
    {
        var table = Expanded();
        var missing = MeasureCatalog.All.Select(m => m.Name).Where(n => !table.Contains($"`{n}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "docs/cli.md's JSON table lacks measures: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_member_of_a_runs_json_is_in_the_table()
    {
        var json = Simulation.Run(Structure.Hierarchy(), Parameters.Default with { HorizonDays = 60 }, 1).ToJson();
        using var document = JsonDocument.Parse(json);
        var table = Expanded();
        var missing = new List<string>();
        foreach (var (path, _) in Flatten(document.RootElement, ""))
        {
            var documented = path.StartsWith("parameters.", StringComparison.Ordinal) ? "parameters.<name>"
                : path.StartsWith("utilisation.level", StringComparison.Ordinal) ? "utilisation.level0"
                : path.StartsWith("utilisation.byLevel", StringComparison.Ordinal) ? "utilisation.byLevel[]"
                : path.StartsWith("latency.components.", StringComparison.Ordinal) ? "latency.components.<part>." + path[(path.LastIndexOf('.') + 1)..]
                : path;
            if (!table.Contains($"`{documented}`", StringComparison.Ordinal))
            {
                missing.Add(path);
            }
        }

        Assert.True(missing.Count == 0, "docs/cli.md's JSON table lacks members: " + string.Join(", ", missing));
    }

    private static IEnumerable<(string Path, JsonElement Value)> Flatten(JsonElement element, string prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield return (prefix, element);
            yield break;
        }

        foreach (var property in element.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                yield return (path, property.Value);
                continue;
            }

            foreach (var leaf in Flatten(property.Value, path))
            {
                yield return leaf;
            }
        }
    }
}
