using CoordSim.Mechanisms;
using CoordSim.Structures;
using Xunit.Abstractions;

namespace CoordSim.Tests.Metrics;

/// <summary>
/// The warm-up changes what is measured, never what is simulated (docs/validation.md, check f6): the same seed with
/// warmupDays 0 and w runs the same events, and the run with warm-up reports exactly the issues of the other that
/// were discovered at or after day w.
/// </summary>
public class WarmupTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("hierarchy", 51L)]
    [InlineData("leading-group", 52L)]
    [InlineData("task-force", 53L)]
    public void Issues_discovered_in_the_warm_up_are_simulated_but_not_measured(string structureName, long seed)
    {
        const double w = 25;
        var structure = StructureCatalog.Find(structureName)!;
        var p = Parameters.Default with { HorizonDays = 80, WarmupDays = 0 };
        var (all, allRecorder, allModel) = Run(structure, p, seed);
        var (measured, measuredRecorder, _) = Run(structure, p with { WarmupDays = w }, seed);

        // The same simulation: events, end, backlog at the end (which counts warm-up issues too), meetings.
        Assert.Equal(all.Events, measured.Events);
        Assert.Equal(all.SimulatedDays, measured.SimulatedDays);
        Assert.Equal(all.Stability.BacklogEnd, measured.Stability.BacklogEnd);
        Assert.Equal(all.Meetings, measured.Meetings);

        // The measured issues are exactly those of the full run discovered at or after w, with the same outcomes.
        var expected = allRecorder.Outcomes.Where(o => o.Arrival >= w).ToArray();
        Assert.Equal(expected, measuredRecorder.Outcomes);
        Assert.All(measuredRecorder.Outcomes, o => Assert.True(o.Arrival >= w));

        // Arrived counts only issues discovered at or after w: the full run's arrivals minus those discovered
        // before w (resolved ones from the outcomes, still-open ones from the ledger).
        var openEarly = Enumerable.Range(0, allModel.IssueSlots).Select(i => new IssueId(i))
            .Count(i => allModel.IsInFlight(i) && allModel.ArrivalOf(i) < w);
        var discoveredEarly = allRecorder.Outcomes.Count(o => o.Arrival < w) + openEarly;
        Assert.True(discoveredEarly > 0);
        Assert.Equal(all.Issues.Arrived - discoveredEarly, measured.Issues.Arrived);
        Assert.Equal(all.Issues.Pending - openEarly, measured.Issues.Pending);
        Assert.Equal(measured.Issues.Arrived, measured.Issues.Resolved + measured.Issues.Pending);
        Assert.Equal(all.SimulatedDays - w, measured.Latency.AllArrivals.RestrictedTo);
        Assert.Equal(measured.Issues.Resolved / (measured.SimulatedDays - w), measured.Latency.Throughput, 1e-12);
        output.WriteLine($"{structureName}: {all.Events} events either way; arrived {all.Issues.Arrived} without warm-up, {measured.Issues.Arrived} with w = {w} " +
                         $"({discoveredEarly} discovered before w, {openEarly} of them still open at the end)");
    }

    private static (CoordSim.Metrics.RunResult Result, OutcomeRecorder Recorder, CoordinationModel Model) Run(Structure structure, Parameters p, long seed)
    {
        var (organisation, policy) = structure.Build(p.EnsureValid());
        var recorder = new OutcomeRecorder();
        var model = new CoordinationModel(organisation, p, policy, seed, recorder);
        return (model.Run(structure.Name), recorder, model);
    }
}
