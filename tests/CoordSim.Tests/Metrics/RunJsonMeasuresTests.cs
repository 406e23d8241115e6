using System.Text.Json;
using System.Text.RegularExpressions;
using CoordSim.Metrics;
using CoordSim.Structures;
using CoordSim.Tests.Docs;

namespace CoordSim.Tests.Metrics;

/// <summary>
/// A run's JSON (written member by member from the result) and the measure catalog (one selector per measure) are two
/// independent readings of the same result: docs/cli.md's table pairs each JSON member with its measure, and the two
/// must give the same number for every pair, and the same number as the result's own property.
/// </summary>
public partial class RunJsonMeasuresTests
{
    private static readonly string[] Parts = ["queueing", "service", "meetingWait", "transmission", "consultation"];

    /// <summary>
    /// Runs whose measures are mostly defined and different from each other: a body structure with deputies, faults
    /// and failures, and a hierarchy with a revisit-free, small workload.
    /// </summary>
    public static TheoryData<string> Structures => new() { "leading-group", "hierarchy", "task-force" };

    [Theory]
    [MemberData(nameof(Structures))]
    public void Every_json_member_equals_the_measure_the_docs_pair_it_with(string structure)
    {
        var parameters = Parameters.Default with
        {
            HorizonDays = 90,
            WarmupDays = 10,
            FaultProbability = 0.2,
            FailureDistortion = 0.3,
        };
        var r = Simulation.Run(StructureCatalog.Find(structure)!, parameters, 11);
        using var document = JsonDocument.Parse(r.ToJson());
        var measures = r.Measures().ToDictionary(kv => kv.Key, kv => kv.Value);
        var pairs = Pairs(parameters.Levels).ToList();
        Assert.True(pairs.Count >= 50, $"only {pairs.Count} member–measure pairs were read from docs/cli.md");

        var finite = 0;
        foreach (var (member, measure) in pairs)
        {
            var json = Member(document.RootElement, member);
            Assert.True(measures.ContainsKey(measure), $"docs/cli.md pairs {member} with {measure}, which is not a measure");
            var expected = measures[measure];
            if (json.ValueKind == JsonValueKind.Null)
            {
                Assert.True(double.IsNaN(expected), $"{member} is null but {measure} is {expected}");
                continue;
            }

            var actual = json.ValueKind switch
            {
                JsonValueKind.True => 1.0,
                JsonValueKind.False => 0.0,
                _ => json.GetDouble(),
            };
            Assert.True(actual == expected, $"{member} is {actual} but {measure} is {expected}");
            finite++;
        }

        // Most pairs compare real numbers, not two undefined values.
        Assert.True(finite >= pairs.Count * 3 / 4, $"only {finite} of {pairs.Count} pairs were defined");
    }

    [Fact]
    public void Measures_and_json_read_the_properties_they_are_named_after()
    {
        var r = Simulation.Run(Structure.LeadingGroup(), Parameters.Default with { HorizonDays = 90, WarmupDays = 10, FaultProbability = 0.2 }, 5);
        var m = r.Measures().ToDictionary(kv => kv.Key, kv => kv.Value);

        Assert.Equal(r.Issues.Pending, m["issuesPending"]);
        Assert.Equal(r.Issues.Arrived - r.Issues.Resolved, r.Issues.Pending);
        Assert.Equal(r.Latency.AllArrivals.Median, m["latencyKmMedian"]);
        Assert.Equal(r.Latency.AllArrivals.P95, m["latencyKmP95"]);
        Assert.Equal(r.Latency.P90Resolved, m["latencyP90Resolved"]);
        Assert.Equal(r.Latency.MaxResolved, m["latencyMaxResolved"]);
        Assert.Equal(r.Distortion.Rms, m["distortionRms"]);
        Assert.Equal(r.Responsibility.Scapegoating, m["scapegoating"]);
        Assert.Equal(r.Utilisation.ByLevel[0].Mean, m["utilisationFrontline"]);
        Assert.Equal(r.Utilisation.ByLevel[^2].Mean, m["utilisationHeads"]);
        Assert.Equal(r.Utilisation.Busiest, m["utilisationBusiest"]);
        Assert.Equal(r.StaffDays, m["staffDays"]);
        Assert.Equal(r.SecondedDays, m["secondedDays"]);
        Assert.Equal(r.Meetings, m["meetings"]);
        Assert.Equal(r.Stability.Stable ? 1 : 0, m["stable"]);
        Assert.Equal(r.Stability.StoppedEarly ? 1 : 0, m["stoppedEarly"]);
    }

    [Theory]
    [InlineData("latencyMean", "latencyMeanResolved")]
    [InlineData("latencyMax", "latencyMaxResolved")]
    [InlineData("latencyTransmission", "latencyTransmissionResolved")]
    [InlineData("responsibilityTraceability", "responsibilityOnWorstHandover")]
    public void Renamed_measures_name_their_successor_which_exists(string old, string renamed)
    {
        Assert.Equal(renamed, MeasureCatalog.RenamedTo(old));
        Assert.NotNull(MeasureCatalog.Find(renamed));
        Assert.Null(MeasureCatalog.Find(old));
        Assert.Null(MeasureCatalog.RenamedTo(renamed));
    }

    /// <summary>
    /// (member path, measure name) for every row of docs/cli.md's JSON table that names a measure; the row of the
    /// department levels (level0 … level&lt;L−1&gt;) pairs the first and last with the frontline and heads measures.
    /// </summary>
    private static IEnumerable<(string Member, string Measure)> Pairs(int levels)
    {
        var document = File.ReadAllText(RepositoryFiles.PathOf("docs/cli.md")).Replace("\r\n", "\n");
        var start = document.IndexOf("### JSON members of a run", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/cli.md has no section 'JSON members of a run'");
        var end = document.IndexOf("\n## ", start, StringComparison.Ordinal);
        foreach (var line in document[start..end].Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Split('|');
            var members = Codes().Matches(cells[1]).Select(c => c.Groups[1].Value).ToList();
            var names = Codes().Matches(cells[2]).Select(c => c.Groups[1].Value).ToList();
            if (names.Count == 0)
            {
                continue;
            }

            if (members.Contains("utilisation.level<L−1>"))
            {
                Assert.Equal(["utilisationFrontline", "utilisationHeads"], names);
                yield return ("utilisation.level0", "utilisationFrontline");
                yield return ($"utilisation.level{levels - 1}", "utilisationHeads");
                continue;
            }

            Assert.Equal(members.Count, names.Count);
            for (var i = 0; i < members.Count; i++)
            {
                if (members[i].Contains("<part>", StringComparison.Ordinal))
                {
                    foreach (var part in Parts)
                    {
                        var upper = char.ToUpperInvariant(part[0]) + part[1..];
                        yield return (members[i].Replace("<part>", part, StringComparison.Ordinal), names[i].Replace("<Part>", upper, StringComparison.Ordinal));
                    }
                }
                else
                {
                    yield return (members[i], names[i]);
                }
            }
        }
    }

    private static JsonElement Member(JsonElement root, string path)
    {
        var element = root;
        foreach (var name in path.Split('.'))
        {
            Assert.True(element.TryGetProperty(name, out element), $"the run's JSON has no member {path}");
        }

        return element;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Codes();
}
