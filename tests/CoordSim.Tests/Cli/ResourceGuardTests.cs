using CoordSim.Cli;
using CoordSim.Experiments;
using CoordSim.Tests.Docs;
using CoordSim.Tests.Experiments;

namespace CoordSim.Tests.Cli;

/// <summary>
/// Resource guards (issue 12): a run or sweep whose estimate goes beyond the memory, disk or time budget is refused with
/// exit code 2 before it starts, nothing written, unless --allow-large is given; beyond the soft budget it is warned
/// about. The estimates are rough by design; what is checked here is that they scale as they must and that the budget
/// is applied.
/// </summary>
public class ResourceGuardTests
{
    private static readonly long Gigabyte = 1L << 30;

    [Fact]
    public void A_run_whose_open_issues_would_fill_memory_is_refused_before_it_starts_naming_the_memory()
    {
        // Issue 12: arrivalRate=30000 with the overload guard raised ran into gigabytes. Here 100,000 issues a day for a
        // year may all stay open (maxPending 10^8): 36.5 million open issues at 4.2 kB each, about 143 GB.
        var p = Parameters.Default with { ArrivalRate = 100_000, MaxPending = 100_000_000 };
        if (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * ResourceEstimate.MemoryRefused > ResourceEstimate.RunMemory(p))
        {
            return; // A machine with more than 180 GB would start it: nothing to refuse here.
        }

        var run = CliInvocation.Run("run", "--set", "arrivalRate=100000", "maxPending=100000000", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: the run is refused before it starts: it would need about 142.8 GB of memory", line, StringComparison.Ordinal);
        Assert.EndsWith("(or pass --allow-large to start anyway).", line, StringComparison.Ordinal);
        Assert.Equal(2, CliInvocation.Run("compare", "--set", "arrivalRate=100000", "maxPending=100000000").ExitCode);
    }

    [Fact]
    public void Memory_grows_with_the_people_and_the_open_issues_up_to_maxPending()
    {
        var p = Parameters.Default with { HorizonDays = 100, WarmupDays = 0 };
        var bigger = p with { Levels = p.Levels + 1 };
        var people = ParameterCatalog.OrganisationSize(bigger) - ParameterCatalog.OrganisationSize(p);
        Assert.Equal(people * ResourceEstimate.BytesPerPerson, ResourceEstimate.RunMemory(bigger) - ResourceEstimate.RunMemory(p), 0);

        // Every arrival may be open at once, but never more than maxPending + 1.
        var twice = p with { ArrivalRate = 2 * p.ArrivalRate };
        Assert.Equal(p.ArrivalRate * p.HorizonDays * ResourceEstimate.BytesPerOpenIssue, ResourceEstimate.RunMemory(twice) - ResourceEstimate.RunMemory(p), 1);
        var flood = p with { ArrivalRate = 1e6, MaxPending = 1000 };
        var flood2 = flood with { ArrivalRate = 2e6 };
        Assert.Equal(ResourceEstimate.RunMemory(flood), ResourceEstimate.RunMemory(flood2));
        Assert.Equal(ResourceEstimate.BytesPerIssueRow * p.ArrivalRate * p.HorizonDays, ResourceEstimate.RunMemory(p, recordIssues: true) - ResourceEstimate.RunMemory(p), 1);
    }

    [Fact]
    public void The_memory_of_a_design_too_large_to_look_at_every_point_counts_its_first_and_last_points()
    {
        // 2,501 points, more than the estimate looks at: memory grows with arrivalRate, so the most a run needs is at
        // the last point, which the evenly spread points looked at must include (as they include the first).
        var plan = SweepFixture.Small("many-points").Vary(Factor.Range("arrivalRate", 1, 2501, 1)).Build().Plan();
        Assert.True(plan.Points.Count > ResourceEstimate.MaxPointsLooked, $"{plan.Points.Count} points");
        long Memory(int point) => ResourceEstimate.RunMemory(plan.ParametersOf(plan.Points[point], 0));
        Assert.True(Memory(plan.Points.Count - 1) > Memory(plan.Points.Count - 2));

        var estimate = ResourceEstimate.Of(plan, 1, null, calibrate: false);

        Assert.Equal(Enumerable.Range(0, plan.Points.Count).Max(Memory), estimate.RunMemoryBytes);
    }

    [Theory]
    [InlineData(10, 4, 400)]
    [InlineData(2, 4, 200)]
    [InlineData(0, 4, 100)]
    [InlineData(10, 1, 100)]
    public void A_sweeps_memory_is_a_runs_times_the_runs_held_at_once(int runs, int threads, long expected)
    {
        // At most one run per thread, and never more runs than the sweep has (at least one: the estimate's floor).
        var estimate = new ResourceEstimate(runs, threads, 100, Gigabyte, double.NaN, 0, null);

        Assert.Equal(expected, estimate.MemoryBytes);
    }

    [Fact]
    public void A_plan_with_runs_is_timed_when_asked_and_not_otherwise()
    {
        // Calibration runs some of the plan's runs, cut short, and scales their time: a plan with runs takes some
        // time (a zero would let any sweep past the time budget); without calibration the time is not known.
        var plan = SweepFixture.TwoStructures().Plan();
        Assert.True(plan.RunCount > 0);
        var timed = ResourceEstimate.Of(plan, 1, null);
        Assert.True(timed.SecondsPerRun > 0, $"{timed.SecondsPerRun} s a run");
        Assert.True(double.IsNaN(ResourceEstimate.Of(plan, 1, null, calibrate: false).SecondsPerRun));
    }

    [Fact]
    public void Each_budget_refuses_beyond_its_hard_limit_and_warns_beyond_its_soft_one()
    {
        var fits = new ResourceEstimate(100, 2, Gigabyte, 16 * Gigabyte, 1.0, Gigabyte, 100 * Gigabyte);
        Assert.Empty(fits.Refusals);
        Assert.Empty(fits.Warnings);
        Assert.Equal(2 * Gigabyte, fits.MemoryBytes);
        Assert.Equal(TimeSpan.FromSeconds(50), fits.Wall);

        Assert.Contains("of memory", Assert.Single((fits with { Threads = 8 }).Warnings), StringComparison.Ordinal);        // 8 GB of 16: > 40%
        Assert.Contains("of memory", Assert.Single((fits with { Threads = 13 }).Refusals), StringComparison.Ordinal);       // 13 GB: > 80%
        Assert.Contains("free on the results folder's disk", Assert.Single((fits with { FreeDiskBytes = (long)(1.5 * Gigabyte) }).Warnings), StringComparison.Ordinal);
        Assert.Contains("free on the results folder's disk", Assert.Single((fits with { FreeDiskBytes = Gigabyte }).Refusals), StringComparison.Ordinal);
        Assert.Contains("it would take about", Assert.Single((fits with { SecondsPerRun = 100 }).Warnings), StringComparison.Ordinal);   // 83 min
        Assert.Contains("it would take about", Assert.Single((fits with { Runs = 20_000_000 }).Refusals), StringComparison.Ordinal);     // 116 days
        Assert.Empty((fits with { SecondsPerRun = double.NaN, Runs = 20_000_000 }).Refusals);                                            // not calibrated: no time budget
    }

    [Fact]
    public void Allow_large_starts_what_the_budget_refuses_with_a_warning()
    {
        var refused = new ResourceEstimate(100, 2, 20 * Gigabyte, 16 * Gigabyte, 1.0, 0, null);
        using var stderr = new StringWriter();

        Assert.Equal(2, ResourceGuard.Check(refused, allowed: false, "the sweep", stderr));
        Assert.Null(ResourceGuard.Check(refused, allowed: true, "the sweep", stderr));

        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("error: the sweep is refused before it starts: it would need about 40.0 GB of memory", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("warning: the sweep: it would need about 40.0 GB of memory", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_of_a_hundred_million_runs_is_refused_for_its_time_and_writes_nothing()
    {
        var specPath = Path.Combine(SweepFixture.TempFolder("guard-spec"), "spec.json");
        File.WriteAllText(specPath, """
            { "name": "huge", "structures": ["hierarchy"], "base": { "horizonDays": 100 },
              "design": { "kind": "factorial", "factors": { "crossDepartmentShare": { "from": 0.01, "to": 0.99, "count": 100 } } },
              "replications": 1000000, "seed": 1 }
            """);
        var folder = Path.Combine(SweepFixture.TempFolder("guard"), "out");

        var run = CliInvocation.Run("sweep", specPath, "--out", folder, "--threads", "2");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines, l => l.Contains("it would take about", StringComparison.Ordinal));
        Assert.StartsWith("error: the sweep is refused before it starts: it would take about ", line, StringComparison.Ordinal);
        Assert.All(run.ErrorLines, l => Assert.StartsWith("error: the sweep is refused before it starts: ", l, StringComparison.Ordinal));
        Assert.Contains("(100000000 runs of about ", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder), "a refused sweep made its folder");
    }

    [Fact]
    public void Validate_prints_the_estimate()
    {
        var run = CliInvocation.Run("validate", RepositoryFiles.PathOf("experiments/quickstart/spec.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"\n  estimate:     150 runs: about \d+ (s|min) on \d+ threads, up to \d+ MB of memory, \d+ kB on disk", run.Stdout);
    }
}
