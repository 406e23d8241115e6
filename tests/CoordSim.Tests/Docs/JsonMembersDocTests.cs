using System.Text.Json;
using System.Text.RegularExpressions;
using CoordSim.Metrics;
using CoordSim.Structures;

namespace CoordSim.Tests.Docs;

/// <summary>
/// docs/cli.md's table of a run's JSON members names every member a run writes and every measure they map to, and
/// names nothing else; its table of a time-series sample names exactly the members of a sample.
/// </summary>
public partial class JsonMembersDocTests
{
    private static readonly string[] Parts = ["queueing", "service", "meetingWait", "transmission", "consultation"];

    private static string Table()
    {
        var document = File.ReadAllText(RepositoryFiles.PathOf("docs/cli.md")).Replace("\r\n", "\n");
        var start = document.IndexOf("### JSON members of a run", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/cli.md has no section 'JSON members of a run'");
        var end = document.IndexOf("\n#", start + 1, StringComparison.Ordinal);
        return end < 0 ? document[start..] : document[start..end];
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

    [Fact]
    public void Every_member_the_table_names_is_in_a_runs_json()
    {
        var parameters = Parameters.Default with { HorizonDays = 60 };
        var paths = new HashSet<string>(StringComparer.Ordinal);
        JsonElement byLevel = default;
        foreach (var structure in new[] { Structure.Hierarchy(), Structure.TaskForce() })
        {
            using var document = JsonDocument.Parse(Simulation.Run(structure, parameters, 1).ToJson());
            foreach (var (path, value) in Flatten(document.RootElement, ""))
            {
                paths.Add(path);
                if (path == "utilisation.byLevel")
                {
                    byLevel = value.Clone();
                }
            }
        }

        var missing = new List<string>();
        var rows = Rows(Table()).ToList();
        Assert.True(rows.Count >= 60, $"only {rows.Count} rows read from docs/cli.md's JSON table");
        foreach (var (members, meaning) in rows)
        {
            foreach (var member in members.SelectMany(Expand))
            {
                if (member == "parameters.<name>")
                {
                    missing.AddRange(ParameterCatalog.All.Select(p => "parameters." + p.Name).Where(p => !paths.Contains(p)));
                }
                else if (member == "utilisation.byLevel[]")
                {
                    var documented = Code().Matches(meaning).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
                    foreach (var level in byLevel.EnumerateArray())
                    {
                        var actual = level.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                        Assert.True(documented.SetEquals(actual), $"docs/cli.md says a utilisation.byLevel object has {string.Join(", ", documented)}; it has {string.Join(", ", actual)}");
                    }
                }
                else if (!paths.Contains(member))
                {
                    missing.Add(member);
                }
            }
        }

        Assert.True(missing.Count == 0, "docs/cli.md's JSON table names members a run's JSON does not have: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_measure_the_table_names_is_a_measure()
    {
        var names = MeasureCatalog.All.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var table = Table();
        var unknown = new List<string>();
        foreach (var line in table.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var measureCell = line.Split('|')[2];
            foreach (Match m in Code().Matches(measureCell))
            {
                var name = m.Groups[1].Value;
                var expanded = name.Contains("<Part>", StringComparison.Ordinal)
                    ? Parts.Select(p => name.Replace("<Part>", char.ToUpperInvariant(p[0]) + p[1..], StringComparison.Ordinal))
                    : [name];
                unknown.AddRange(expanded.Where(n => !names.Contains(n)));
            }
        }

        Assert.True(unknown.Count == 0, "docs/cli.md's JSON table pairs members with names that are not measures: " + string.Join(", ", unknown));
    }

    [Fact]
    public void The_time_series_table_names_exactly_the_members_of_a_sample()
    {
        var document = File.ReadAllText(RepositoryFiles.PathOf("docs/cli.md")).Replace("\r\n", "\n");
        var start = document.IndexOf("| Member of a sample |", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/cli.md has no table 'Member of a sample'");
        var end = document.IndexOf("\n\n", start, StringComparison.Ordinal);
        var documented = Rows(document[start..end]).SelectMany(r => r.Members).ToHashSet(StringComparer.Ordinal);

        var (_, series) = Simulation.RunWithTimeSeries(Structure.Hierarchy(), Parameters.Default with { HorizonDays = 60 }, 1, 10);
        using var json = JsonDocument.Parse(series.ToJson());
        var actual = json.RootElement.EnumerateArray().SelectMany(e => e.EnumerateObject().Select(p => p.Name)).ToHashSet(StringComparer.Ordinal);
        Assert.True(documented.SetEquals(actual), $"docs/cli.md documents {string.Join(", ", documented.Order())}; a sample has {string.Join(", ", actual.Order())}");
    }

    /// <summary>The member names of each row of a table (its first cell's code spans) and the row's last cell.</summary>
    private static IEnumerable<(IReadOnlyList<string> Members, string Meaning)> Rows(string table)
    {
        foreach (var line in table.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Split('|');
            yield return (Code().Matches(cells[1]).Select(m => m.Groups[1].Value).ToList(), cells[^2]);
        }
    }

    /// <summary>A documented member with its patterns written out: the five latency parts, and level0 … level&lt;L−1&gt; as the default's first and last level.</summary>
    private static IEnumerable<string> Expand(string member)
    {
        if (member.Contains("<part>", StringComparison.Ordinal))
        {
            return Parts.Select(p => member.Replace("<part>", p, StringComparison.Ordinal));
        }

        return member == "utilisation.level<L−1>" ? [$"utilisation.level{Parameters.Default.Levels - 1}"] : [member];
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

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
