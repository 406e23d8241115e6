using System.Text.Json;
using CoordSim.Mechanisms;
using CoordSim.Metrics;
using CoordSim.Structures;
using CoordSim.Tests.Cli;
using Xunit.Abstractions;

namespace CoordSim.Tests.Metrics;

/// <summary>
/// The overload guard (<c>maxPending</c>): a run with more than maxPending issues open stops after the arrival that
/// crossed the line, is judged unstable, and still reports every measure; the CLI warns and exits 0
/// (docs/validation.md, check f5).
/// </summary>
public class OverloadGuardTests(ITestOutputHelper output)
{
    /// <summary>Ten times the default inflow into the default hierarchy (capacity for about 60 a day), no warm-up.</summary>
    private static readonly Parameters Overloaded = Parameters.Default with { ArrivalRate = 400, MaxPending = 500, WarmupDays = 0 };

    [Fact]
    public void An_overloaded_run_stops_at_the_arrival_that_opens_issue_maxPending_plus_one()
    {
        // Only an arrival raises the count of open issues, by one, and the guard is checked right after it
        // (_active > maxPending), so the run ends with exactly maxPending + 1 open: the arrival that tripped it is
        // open (discovered) and counts, censored at age 0. That is the count the rule's wording asks for: "stopped
        // because more than maxPending issues were open".
        var (organisation, policy) = Structure.Hierarchy().Build(Overloaded.EnsureValid());
        var model = new CoordinationModel(organisation, Overloaded, policy, seed: 41);
        var r = model.Run("hierarchy");
        var s = r.Stability;

        Assert.True(s.StoppedEarly);
        Assert.False(s.Stable);
        Assert.True(r.SimulatedDays < Overloaded.HorizonDays);
        Assert.Equal(Overloaded.MaxPending + 1, s.BacklogEnd);
        Assert.Equal(s.BacklogEnd, r.Issues.Pending);
        Assert.Equal(r.Issues.Arrived, r.Issues.Resolved + r.Issues.Pending);
        Assert.Equal(r.Issues.Pending, r.Latency.AllArrivals.Censored);

        // The last event was that arrival: the newest open issue arrived at the end of the run.
        var open = Enumerable.Range(0, model.IssueSlots).Select(i => new IssueId(i)).Where(model.IsInFlight).ToArray();
        Assert.Equal(s.BacklogEnd, open.Length);
        Assert.Equal(r.SimulatedDays, open.Max(model.ArrivalOf));

        // Stopped long before the middle of the window: the middle backlog is the final state, taken at the end, and nothing grew after it.
        Assert.True(r.SimulatedDays < Overloaded.HorizonDays / 2);
        Assert.Equal(r.SimulatedDays, s.MidDay);
        Assert.Equal(s.BacklogEnd, s.BacklogMid);
        Assert.Equal(0, s.ArrivalsAfterMid);
        Assert.Equal(0.0, s.GrowthPerDay);

        // Every measure is defined or NaN, and the JSON carries the verdict.
        Assert.All(r.Measures(), kv => Assert.False(double.IsInfinity(kv.Value), kv.Key));
        using var json = JsonDocument.Parse(RunResultJson.Serialize(r));
        Assert.True(json.RootElement.GetProperty("stability").GetProperty("stoppedEarly").GetBoolean());
        Assert.False(json.RootElement.GetProperty("stability").GetProperty("stable").GetBoolean());
        output.WriteLine($"stopped at day {r.SimulatedDays:F4} with {s.BacklogEnd} open (maxPending {Overloaded.MaxPending}); arrived {r.Issues.Arrived}, " +
                         $"resolved {r.Issues.Resolved}; KM median {r.Latency.AllArrivals.Median}, restricted mean {r.Latency.AllArrivals.RestrictedMean:F4} over {r.Latency.AllArrivals.RestrictedTo:F4} days");
    }

    [Fact]
    public void A_guarded_run_after_the_warm_up_measures_what_arrived_until_it_stopped()
    {
        // Stops after the warm-up (one day): the open warm-up issues count in the backlog but not as pending.
        var p = Overloaded with { WarmupDays = 1, MaxPending = 2000 };
        var r = Simulation.Run(Structure.Hierarchy(), p, 42);
        Assert.True(r.Stability.StoppedEarly);
        Assert.True(r.SimulatedDays > p.WarmupDays);
        Assert.Equal(p.MaxPending + 1, r.Stability.BacklogEnd);
        Assert.True(r.Issues.Pending < r.Stability.BacklogEnd);
        Assert.Equal(r.Issues.Arrived, r.Issues.Resolved + r.Issues.Pending);
        Assert.Equal(r.SimulatedDays - p.WarmupDays, r.Latency.AllArrivals.RestrictedTo);
        Assert.InRange(r.Latency.AllArrivals.RestrictedMean, 0, r.Latency.AllArrivals.RestrictedTo);
    }

    [Fact]
    public void The_cli_warns_on_stderr_that_the_run_stopped_early_and_exits_0()
    {
        foreach (var json in new[] { false, true })
        {
            string[] args = ["run", .. json ? new[] { "--json" } : [], "--seed", "41", "--set", "arrivalRate=400", "maxPending=500", "warmupDays=0"];
            var run = CliInvocation.Run(args);
            Assert.Equal(0, run.ExitCode);
            var line = Assert.Single(run.ErrorLines);
            Assert.StartsWith("warning: hierarchy (seed 41) did not reach a steady state: it stopped early at day ", line);
            Assert.Contains("with more than maxPending = 500 issues open", line);
            Assert.Contains("501 measured issues are pending", line);
            Assert.NotEmpty(run.Stdout);
            output.WriteLine(line);
        }
    }

    [Fact]
    public void A_run_stopped_inside_the_warm_up_is_told_it_stopped_not_to_shorten_the_warm_up()
    {
        // The default warm-up of 30 days with the same overload: the guard stops the run at day 1.3, before anything is measured.
        var run = CliInvocation.Run(["run", "--seed", "41", "--set", "arrivalRate=400", "maxPending=500"]);

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("warning: hierarchy (seed 41) measured nothing: it stopped early at day 1.3, inside the warm-up (warmupDays = 30", line);
        Assert.Contains("more than maxPending = 500 issues open", line);
        Assert.DoesNotContain("set warmupDays lower", line);
        output.WriteLine(line);
    }

    [Fact]
    public void A_run_whose_warm_up_outlasts_it_is_told_to_shorten_the_warm_up()
    {
        // Half a day measured at 0.2 issues a day: with this seed nothing arrives in it.
        var run = CliInvocation.Run(["run", "--seed", "1", "--set", "horizonDays=30.5", "warmupDays=30", "arrivalRate=0.2"]);

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("warning: hierarchy (seed 1) measured nothing: no issue was discovered after the warm-up (warmupDays = 30", line);
        Assert.Contains("set warmupDays lower", line);
    }
}
