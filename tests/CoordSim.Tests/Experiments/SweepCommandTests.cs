using System.CommandLine;
using CoordSim.Cli.Commands;
using CoordSim.Experiments;

namespace CoordSim.Tests.Experiments;

/// <summary>The sweep and validate commands, invoked in-process on their own root (independent of Program's registration).</summary>
public class SweepCommandTests
{
    private static (int Code, string Stdout, string Stderr) Invoke(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var root = new RootCommand { SweepCommand.Create(), ValidateCommand.Create() };
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string SpecFile(string json)
    {
        var path = Path.Combine(SweepFixture.TempFolder("spec"), "spec.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Validate_prints_points_structures_replications_and_runs()
    {
        var spec = SpecFile(SweepFixture.TwoStructuresJson);

        var (code, stdout, stderr) = Invoke("validate", spec);

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.Contains("is valid", stdout);
        Assert.Contains("points:       2", stdout);
        Assert.Contains("structures:   2 (hierarchy, flat)", stdout);
        Assert.Contains("replications: 3", stdout);
        Assert.Contains("runs:         12 = 2 points x 2 structures x 3 replications", stdout);
    }

    [Fact]
    public void Validate_of_a_bad_spec_exits_2_naming_path_line_value_and_what_is_allowed()
    {
        var spec = SpecFile(SweepFixture.TwoStructuresJson.Replace("\"replications\": 3", "\"replications\": 0").Replace("[0.2, 0.6]", "[0.2, 1.6]"));

        var (code, stdout, stderr) = Invoke("validate", spec);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {spec}: line 6, column 3: $.replications = 0 is not allowed: an integer from 1 to 1000000.", line);
    }

    [Fact]
    public void Validate_of_a_missing_file_exits_2()
    {
        var (code, _, stderr) = Invoke("validate", "/nonexistent/spec.json");

        Assert.Equal(2, code);
        Assert.Contains("no such file", stderr);
    }

    [Fact]
    public void Sweep_writes_the_results_and_says_where()
    {
        var spec = SpecFile(SweepFixture.TwoStructuresJson);
        var folder = Path.Combine(SweepFixture.TempFolder("cli"), "out");

        var (code, stdout, stderr) = Invoke("sweep", spec, "--out", folder, "--threads", "2", "--issues");

        Assert.Equal(0, code);
        Assert.Contains("12/12 runs (100%)", stdout);
        Assert.Contains("Done: 12 runs", stdout);
        Assert.All(new[] { "runs.csv", "summary.csv", "issues.csv", "manifest.json" }, f => Assert.True(File.Exists(Path.Combine(folder, f)), f));

        // Twenty days from empty queues: a run whose backlog is still growing gets one warning line, counted as in summary.csv.
        var unstable = File.ReadLines(Path.Combine(folder, "summary.csv")).Skip(1).Sum(l => int.Parse(l.Split(',')[3 + ParameterCatalog.All.Count], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(unstable == 0 ? "" : $"warning: {unstable} of 12 runs did not reach a steady state", unstable == 0 ? stderr : stderr[..stderr.IndexOf(" (", StringComparison.Ordinal)]);
    }

    [Fact]
    public void Sweep_into_a_used_folder_needs_resume_or_force()
    {
        var spec = SpecFile(SweepFixture.TwoStructuresJson);
        var folder = SweepFixture.TempFolder("cli-used");
        Assert.Equal(0, Invoke("sweep", spec, "--out", folder).Code);

        var again = Invoke("sweep", spec, "--out", folder);
        var resumed = Invoke("sweep", spec, "--out", folder, "--resume");
        var forced = Invoke("sweep", spec, "--out", folder, "--force");

        Assert.Equal(2, again.Code);
        Assert.Contains("is not empty", again.Stderr);
        Assert.Contains("Use --resume to continue the sweep there, --force to replace its results", again.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SweepOptions", again.Stderr, StringComparison.Ordinal);
        Assert.Empty(again.Stdout);
        Assert.Equal(0, resumed.Code);
        Assert.Contains("12 found done, 0 run now", resumed.Stdout);
        Assert.Equal(0, forced.Code);
        Assert.DoesNotContain("found done", forced.Stdout);
    }

    [Fact]
    public void Every_refusal_is_worded_with_the_commands_options_not_the_librarys()
    {
        foreach (var reason in Enum.GetValues<SweepRefusal>())
        {
            var e = new SweepException(reason, "Found this.", "Set SweepOptions.Force.");

            var worded = SweepCommand.Worded(e);

            Assert.StartsWith("Found this. ", worded, StringComparison.Ordinal);
            Assert.DoesNotContain("SweepOptions", worded, StringComparison.Ordinal);
            // Every advice but "choose another folder" names an option of the command.
            Assert.Equal(reason != SweepRefusal.NotASweepFolder, worded.Contains("--", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("--threads", "0")]
    [InlineData("--threads", "-3")]
    public void Sweep_with_no_threads_exits_2(string option, string value)
    {
        var folder = Path.Combine(SweepFixture.TempFolder("cli-threads"), "out");

        var (code, _, stderr) = Invoke("sweep", SpecFile(SweepFixture.TwoStructuresJson), "--out", folder, option, value);

        Assert.Equal(2, code);
        Assert.Contains("--threads", stderr);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Sweep_refuses_resume_with_force()
    {
        var (code, _, stderr) = Invoke("sweep", SpecFile(SweepFixture.TwoStructuresJson), "--out", SweepFixture.TempFolder("both"), "--resume", "--force");

        Assert.Equal(2, code);
        Assert.Contains("--resume and --force", stderr);
    }

    [Fact]
    public void Sweep_of_a_bad_spec_exits_2_and_creates_nothing()
    {
        var spec = SpecFile(SweepFixture.TwoStructuresJson.Replace("[\"hierarchy\",", "[\"hierarchy\", \"matrix\","));
        var folder = Path.Combine(SweepFixture.TempFolder("cli-bad"), "out");

        var (code, stdout, stderr) = Invoke("sweep", spec, "--out", folder);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("$.structures[1] = \"matrix\" is not allowed: one of hierarchy", stderr);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Resuming_with_a_changed_spec_exits_2()
    {
        var folder = SweepFixture.TempFolder("cli-changed");
        Assert.Equal(0, Invoke("sweep", SpecFile(SweepFixture.TwoStructuresJson), "--out", folder).Code);

        var (code, _, stderr) = Invoke("sweep", SpecFile(SweepFixture.TwoStructuresJson.Replace("\"seed\": 7", "\"seed\": 8")), "--out", folder, "--resume");

        Assert.Equal(2, code);
        Assert.Contains("has changed", stderr);
    }

    [Fact]
    public void Sweep_of_a_spec_whose_measures_leave_out_the_latency_quantiles_draws_the_other_figures()
    {
        // Found by the fuzzer (issue 12): the default figures needed latencyMedianResolved and the other quantiles for the
        // latency distribution, so a spec keeping only some measures (and no issues.csv) wrote its results and exited 1.
        var spec = SpecFile(SweepFixture.TwoStructuresJson.Replace("\"seed\": 7", "\"seed\": 7, \"measures\": [\"latencyRestrictedMean\", \"staffDays\"]"));
        var folder = Path.Combine(SweepFixture.TempFolder("cli-measures"), "out");

        var (code, stdout, stderr) = Invoke("sweep", spec, "--out", folder, "--threads", "2");

        Assert.Equal(0, code);
        Assert.DoesNotContain("error", stderr, StringComparison.Ordinal);
        var figures = Directory.GetFiles(Path.Combine(folder, "figures")).Select(Path.GetFileName).ToArray();
        Assert.Contains(figures, f => f!.StartsWith("latencyRestrictedMean-vs-crossDepartmentShare", StringComparison.Ordinal));
        Assert.DoesNotContain(figures, f => f!.StartsWith("latency-ecdf", StringComparison.Ordinal) || f.StartsWith("latency-histogram", StringComparison.Ordinal));
        Assert.Contains("Figures: ", stdout, StringComparison.Ordinal);
    }
}
