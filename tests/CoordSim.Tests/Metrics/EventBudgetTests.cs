using CoordSim.Mechanisms;
using CoordSim.Metrics;
using CoordSim.Structures;
using CoordSim.Tests.Cli;

namespace CoordSim.Tests.Metrics;

/// <summary>
/// The event budget (<c>maxEvents</c>) and the shortest period: issue 12 found allowed values that never finished
/// (<c>officeMeetingInterval=1e-300</c>) or filled memory (<c>supervisionInterval=1e-7</c>). A period is now 0 (off, where
/// 0 means that) or at least <see cref="Parameters.ShortestPeriodDays"/>, and a run that reaches maxEvents events stops
/// like one the overload guard stops: flagged, unstable, every measure reported.
/// </summary>
public class EventBudgetTests
{
    [Theory]
    [InlineData("hierarchy")]
    [InlineData("task-force")]
    [InlineData("leading-group")]
    public void A_run_stops_after_exactly_maxEvents_events_and_says_so(string structure)
    {
        var p = Parameters.Default with { MaxEvents = 5_000 };
        var (organisation, policy) = StructureCatalog.Find(structure)!.Build(p.EnsureValid());
        var r = new CoordinationModel(organisation, p, policy, seed: 3).Run(structure);

        Assert.Equal(5_000, r.Events);
        Assert.True(r.Stability.StoppedEarly);
        Assert.False(r.Stability.Stable);
        Assert.True(r.SimulatedDays < p.HorizonDays);
        Assert.Equal(r.Issues.Arrived, r.Issues.Resolved + r.Issues.Pending);
        Assert.All(r.Measures(), kv => Assert.False(double.IsInfinity(kv.Value), kv.Key));
    }

    [Fact]
    public void A_budget_the_run_does_not_reach_changes_nothing()
    {
        var full = Simulation.Run(Structure.TaskForce(), Parameters.Default, 11);
        var budgeted = Simulation.Run(Structure.TaskForce(), Parameters.Default with { MaxEvents = full.Events }, 11);
        var short1 = Simulation.Run(Structure.TaskForce(), Parameters.Default with { MaxEvents = full.Events - 1 }, 11);

        Assert.Equal(RunResultJson.Serialize(full), RunResultJson.Serialize(budgeted with { Parameters = full.Parameters }));
        Assert.False(full.Stability.StoppedEarly);
        Assert.True(short1.Stability.StoppedEarly);
        Assert.Equal(full.Events - 1, short1.Events);
    }

    [Theory]
    [InlineData("officeMeetingInterval", "1e-300", "a number >= 0.01")]
    [InlineData("plenaryInterval", "0", "a number >= 0.01")]
    [InlineData("consultInterval", "0.009", "a number >= 0.01")]
    [InlineData("supervisionInterval", "1e-7", "0 or a number >= 0.01")]
    [InlineData("dispatchInterval", "0.005", "0 or a number >= 0.01")]
    [InlineData("reportInterval", "5e-324", "0 or a number >= 0.01")]
    [InlineData("missionDays", "0.001", "0 or a number >= 0.01")]
    [InlineData("restartAfter", "0.001", "0 or a number >= 0.01")]
    [InlineData("bodies[0].meetingInterval", "1e-9", "0 or a number >= 0.01 and <= 3650")]
    [InlineData("bodies[1].supervisionInterval", "0.0099", "0 or a number >= 0.01 and <= 3650")]
    [InlineData("maxEvents", "0", "an integer >= 1 and <= 1000000000000")]
    public void A_period_shorter_than_the_shortest_is_refused_naming_the_bound(string name, string value, string allowed)
    {
        var run = CliInvocation.Run("run", "--structure", "group-task-forces", "--set", $"{name}={value}");

        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith($"is not allowed: {allowed}.", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.StartsWith($"error: {name} = ", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("supervisionInterval", 0.0)]
    [InlineData("supervisionInterval", 0.01)]
    [InlineData("dispatchInterval", 0.0)]
    [InlineData("officeMeetingInterval", 0.01)]
    public void Zero_where_it_switches_a_period_off_and_the_shortest_period_are_allowed(string name, double value)
    {
        Assert.Null(ParameterCatalog.Get(name).Check(ParameterCatalog.With(Parameters.Default, name, value.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.True(BodyDesignFields.Find("supervisionInterval")!.TryConvert(value, out _, out _));
    }
}
