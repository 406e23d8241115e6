using CoordSim.Structures;

namespace CoordSim.Tests.Metrics;

/// <summary>
/// A run without maxIssues lasts to the horizon even when its last issue is resolved before it, so its measured window
/// (throughput, utilisation, the restricted mean's reach, the backlog's growth) is warm-up to horizon whatever the
/// last issue did (docs/validation.md, check f3's finding). Before this was fixed, a light run ended at its last
/// completion: the default hierarchy at λ = 0.5 over 100 days (seed 1) simulated 97.60 days.
/// </summary>
public class RunWindowTests
{
    [Theory]
    [InlineData("hierarchy", 1L, true)]
    [InlineData("command-hq", 1L, true)]
    [InlineData("leading-group", 2L, false)]
    [InlineData("task-force", 3L, false)]
    [InlineData("office", 4L, false)]
    public void A_light_run_still_ends_at_the_horizon(string structureName, long seed, bool drains)
    {
        var p = Parameters.Default with { ArrivalRate = 0.5, HorizonDays = 100, WarmupDays = 10 };

        var r = Simulation.Run(StructureCatalog.Find(structureName)!, p, seed);

        // The hierarchies resolve everything before the horizon (the case that ended early); the bodies keep a few
        // items for their next meeting.
        Assert.Equal(drains, r.Stability.BacklogEnd == 0);
        Assert.Equal(r.Issues.Arrived, r.Issues.Resolved + r.Issues.Pending);

        // Either way the run lasted to the horizon, and every rate is over the measured 90 days.
        Assert.Equal(100, r.SimulatedDays);
        Assert.Equal(90, r.Latency.AllArrivals.RestrictedTo);
        Assert.Equal(r.Issues.Resolved / 90.0, r.Latency.Throughput, 12);
        Assert.True(r.Stability.Stable);
    }

    [Fact]
    public void A_run_with_max_issues_still_ends_when_it_drains()
    {
        var p = Parameters.Default with { MaxIssues = 200, HorizonDays = 1e7, WarmupDays = 0 };

        var r = Simulation.Run(Structure.Hierarchy(), p, 5);

        Assert.Equal(200, r.Issues.Arrived);
        Assert.Equal(200, r.Issues.Resolved);
        Assert.True(r.SimulatedDays < 100, $"a run of 200 issues at the default rate takes days, not the horizon: {r.SimulatedDays}");
    }
}
