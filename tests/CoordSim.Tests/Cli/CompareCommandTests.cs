using System.Text.Json;
using CoordSim.Metrics;
using CoordSim.Structures;

namespace CoordSim.Tests.Cli;

public class CompareCommandTests
{
    [Fact]
    public void Compare_json_has_one_entry_per_structure_all_on_the_same_issue_stream()
    {
        var run = CliInvocation.Run("compare", "--json", "--seed", "5", "--set", "maxIssues=300", "warmupDays=0", "crossDepartmentShare=0.4");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var entries = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(StructureCatalog.All.Select(s => s.Name), entries.Select(e => e.GetProperty("structure").GetString()));
        Assert.Single(entries.Select(e => e.GetProperty("issues").GetProperty("arrived").GetInt64()).Distinct());
        Assert.All(entries, e => Assert.Equal(5, e.GetProperty("seed").GetInt64()));
        Assert.All(entries, e => Assert.Equal(0.4, e.GetProperty("parameters").GetProperty("crossDepartmentShare").GetDouble()));

        var p = Parameters.Default with { MaxIssues = 300, WarmupDays = 0, CrossDepartmentShare = 0.4 };
        Assert.Equal(RunResultJson.Serialize(Simulation.Compare(StructureCatalog.All, p, 5)) + Environment.NewLine, run.Stdout);
    }

    [Fact]
    public void Compare_with_a_list_runs_only_the_listed_structures_once_each()
    {
        var run = CliInvocation.Run("compare", "--json", "--structures", "hierarchy,Hierarchy", "--set", "maxIssues=100", "warmupDays=0");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["hierarchy"], doc.RootElement.EnumerateArray().Select(e => e.GetProperty("structure").GetString()));
    }

    [Fact]
    public void Compare_table_has_a_column_per_structure_the_key_rows_and_the_common_stream_note()
    {
        var run = CliInvocation.Run("compare", "--set", "maxIssues=200", "warmupDays=0", "--seed", "2");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToArray();
        Assert.StartsWith("structures ", lines[0], StringComparison.Ordinal);
        Assert.Contains("seed 2", lines[0], StringComparison.Ordinal);
        Assert.Equal("same seed and issue stream for every structure", lines[^1]);
        var header = lines.First(l => l.Contains("Measure", StringComparison.Ordinal));
        Assert.All(StructureCatalog.All, s => Assert.Contains(s.Name, header, StringComparison.Ordinal));
        foreach (var row in new[]
                 {
                     "issues pending", "steady state", "backlog growth", "latency median, all (KM)", "latency p90, all (KM)",
                     "latency restricted mean", "on time", "latency mean, resolved", "latency p95, resolved",
                     "queueing", "service", "meeting wait", "transmission", "consultation",
                     "distortion (rms)", "distortion (mean of ratios)", "severity bias", "facts lost", "hops", "effective accountable", "responsibility entropy",
                     "weight on worst hand-over", "blame precision", "unanswered failures", "scapegoating", "failed share", "escalated share", "busiest utilisation", "meetings", "staff days",
                 })
        {
            Assert.Contains(lines, l => l.Contains(row, StringComparison.Ordinal));
        }
    }
}
