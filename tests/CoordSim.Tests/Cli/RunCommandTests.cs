using System.Diagnostics;
using System.Text.Json;
using CoordSim.Metrics;
using CoordSim.Structures;
using Xunit.Abstractions;

namespace CoordSim.Tests.Cli;

public class RunCommandTests(ITestOutputHelper output)
{
    [Fact]
    public void Run_json_is_one_json_object_with_every_documented_member()
    {
        var run = CliInvocation.Run("run", "--json", "--set", "maxIssues=400", "warmupDays=0");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal("hierarchy", root.GetProperty("structure").GetString());
        Assert.Equal(1, root.GetProperty("seed").GetInt64());

        var parameters = root.GetProperty("parameters");
        foreach (var info in ParameterCatalog.All)
        {
            Assert.True(parameters.TryGetProperty(info.Name, out _), $"parameters.{info.Name} missing");
        }

        AssertMembers(root.GetProperty("issues"), "arrived", "resolved", "pending");
        AssertMembers(root.GetProperty("stability"), "stable", "midDay", "backlogMid", "backlogEnd", "growthPerDay", "arrivalsAfterMid", "tolerance", "stoppedEarly");
        AssertMembers(root.GetProperty("latency"), "allArrivals", "resolved", "components", "throughput", "deadlineMissed");
        AssertMembers(root.GetProperty("latency").GetProperty("allArrivals"), "kmMedian", "kmP90", "kmP95", "restrictedMean", "restrictedTo", "onTimeShare", "censored");
        AssertMembers(root.GetProperty("latency").GetProperty("resolved"), "mean", "median", "p90", "p95", "max");
        foreach (var component in new[] { "queueing", "service", "meetingWait", "transmission", "consultation" })
        {
            AssertMembers(root.GetProperty("latency").GetProperty("components").GetProperty(component), "resolved", "incurred", "incurredShare");
        }

        AssertMembers(root.GetProperty("distortion"), "rms", "mean", "severityBias", "factsLost", "meanHops");
        AssertMembers(root.GetProperty("responsibility"), "effectiveCount", "entropy", "onWorstHandover", "failedShare", "escalatedShare", "faultedShare", "blamePrecision", "unansweredFailures", "scapegoating");
        Assert.Equal(JsonValueKind.Object, root.GetProperty("utilisation").ValueKind);
        Assert.True(root.GetProperty("events").GetInt64() > 0);

        var issues = root.GetProperty("issues");
        Assert.Equal(400, issues.GetProperty("arrived").GetInt64());
        Assert.Equal(issues.GetProperty("arrived").GetInt64(),
            issues.GetProperty("resolved").GetInt64() + issues.GetProperty("pending").GetInt64());
    }

    [Fact]
    public void Run_json_is_exactly_the_library_serialisation_of_the_same_run()
    {
        var run = CliInvocation.Run("run", "--json", "--seed", "42", "--set", "maxIssues=300", "warmupDays=0", "span=3");

        var p = Parameters.Default with { MaxIssues = 300, WarmupDays = 0, Span = 3 };
        var expected = RunResultJson.Serialize(Simulation.Run(StructureCatalog.Find("hierarchy")!, p, 42));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected + Environment.NewLine, run.Stdout);
    }

    [Fact]
    public void Set_changes_the_parameter_reported_in_the_json()
    {
        var run = CliInvocation.Run("run", "--json", "--set", "crossDepartmentShare=0.45", "--set", "span=3", "maxIssues=200", "warmupDays=0");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var parameters = doc.RootElement.GetProperty("parameters");
        Assert.Equal(0.45, parameters.GetProperty("crossDepartmentShare").GetDouble());
        Assert.Equal(3, parameters.GetProperty("span").GetInt32());
        Assert.Equal(200, parameters.GetProperty("maxIssues").GetInt64());
        Assert.Equal(Parameters.Default.Levels, parameters.GetProperty("levels").GetInt32());
    }

    [Fact]
    public void Several_assignments_after_one_set_equal_repeated_set_options()
    {
        var together = CliInvocation.Run("run", "--json", "--set", "maxIssues=150", "warmupDays=0", "span=2", "queueDiscipline=urgent-first");
        var repeated = CliInvocation.Run("run", "--json", "--set", "maxIssues=150", "warmupDays=0", "--set", "span=2", "--set", "queueDiscipline=urgent-first");

        Assert.Equal(0, together.ExitCode);
        Assert.Equal(together.Stdout, repeated.Stdout);
        using var doc = JsonDocument.Parse(together.Stdout);
        Assert.Equal("urgent-first", doc.RootElement.GetProperty("parameters").GetProperty("queueDiscipline").GetString());
    }

    [Fact]
    public void The_seed_selects_the_issue_stream_and_the_same_seed_gives_the_same_bytes()
    {
        var a = CliInvocation.Run("run", "--json", "--seed", "7", "--set", "maxIssues=300", "warmupDays=0");
        var b = CliInvocation.Run("run", "--json", "--seed", "7", "--set", "maxIssues=300", "warmupDays=0");
        var c = CliInvocation.Run("run", "--json", "--seed", "8", "--set", "maxIssues=300", "warmupDays=0");

        Assert.Equal(a.Stdout, b.Stdout);
        Assert.NotEqual(a.Stdout, c.Stdout);
        using var doc = JsonDocument.Parse(c.Stdout);
        Assert.Equal(8, doc.RootElement.GetProperty("seed").GetInt64());
    }

    [Fact]
    public void The_largest_public_seed_is_accepted()
    {
        var run = CliInvocation.Run("run", "--json", "--seed", "9007199254740991", "--set", "maxIssues=50", "warmupDays=0");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(9007199254740991, doc.RootElement.GetProperty("seed").GetInt64());
    }

    [Fact]
    public void Run_table_has_a_header_every_section_and_no_ansi_codes_when_redirected()
    {
        var run = CliInvocation.Run("run", "--set", "maxIssues=300", "warmupDays=0", "crossDepartmentShare=0.4", "--seed", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        var lines = run.Stdout.Split('\n');
        Assert.Equal("structure hierarchy, seed 3, parameters crossDepartmentShare=0.4, maxIssues=300, warmupDays=0 (others default)", lines[0].TrimEnd());
        foreach (var text in new[]
                 {
                     "Issues", "arrived", "Latency", "p95", "queueing", "meeting wait", "transmission", "throughput", "deadline missed",
                     "Distortion", "severity bias", "facts lost", "hops", "Responsibility", "effective accountable", "entropy",
                     "on the worst hand-over", "failed share", "escalated share", "Utilisation", "frontline", "government head", "busiest",
                     "Run", "events", "meetings", "staff days",
                 })
        {
            Assert.Contains(text, run.Stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain('\u001b', run.Stdout);
        Assert.All(lines, line => Assert.True(line.Length <= CoordSim.Cli.Terminal.RedirectedWidth, $"line longer than the fallback width: {line}"));
    }

    [Fact]
    public void A_default_run_with_json_takes_well_under_a_second()
    {
        CliInvocation.Run("run", "--json"); // JIT and first-use costs are not part of a run
        var fastest = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var run = CliInvocation.Run("run", "--json");
            watch.Stop();
            Assert.Equal(0, run.ExitCode);
            fastest = watch.Elapsed < fastest ? watch.Elapsed : fastest;
        }

        output.WriteLine($"default run --json, fastest of 3 in-process: {fastest.TotalMilliseconds:F0} ms");
        Assert.True(fastest < TimeSpan.FromSeconds(1), $"a default run --json took {fastest.TotalMilliseconds:F0} ms");
    }

    private static void AssertMembers(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(element.TryGetProperty(name, out _), $"member {name} missing");
        }
    }
}
