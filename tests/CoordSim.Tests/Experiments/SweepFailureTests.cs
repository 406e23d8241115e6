using CoordSim.Experiments;
using CoordSim.Metrics;
using CoordSim.Tests.Sensitivity;

namespace CoordSim.Tests.Experiments;

/// <summary>
/// What a sweep that fails leaves in its folder: the manifest says failed, whatever the exception, and no file of an
/// earlier session that the failed one would have rewritten is left to be read as this session's.
/// </summary>
public class SweepFailureTests
{
    /// <summary>A Morris design of 4 trajectories (12 runs) whose model is cheap and linear, as in the sensitivity tests.</summary>
    private static ExperimentSpec Screening() => LinearScreening.Spec("screening", 4).Build();

    private static RunResult Linear(PlannedRun run) => LinearScreening.Output(run, 3, -2);

    private static string Status(string folder) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, ResultsFormat.ManifestFile))).RootElement.GetProperty("status").GetString()!;

    /// <summary>
    /// A cancelled session writes sensitivity.csv from the runs it finished. The session that resumes it and then fails
    /// must not leave that file behind beside a runs.csv that has moved on: it deletes it when it starts, and a failed
    /// sweep writes none.
    /// </summary>
    [Fact]
    public void A_resumed_sweep_that_fails_leaves_no_sensitivity_file_of_the_session_before()
    {
        var spec = Screening();
        var folder = SweepFixture.TempFolder("failure-sensitivity");
        using (var stop = new CancellationTokenSource())
        {
            var first = Sweep.Run(spec, folder, new SweepOptions
            {
                Threads = 1,
                Model = Linear,
                CancellationToken = stop.Token,
                Progress = p => { if (p.Done == 6) stop.Cancel(); },
            });
            Assert.True(first.Cancelled);
        }

        Assert.Equal("cancelled", Status(folder));
        Assert.True(File.Exists(Path.Combine(folder, ResultsFormat.SensitivityFile)));
        Assert.True(File.Exists(Path.Combine(folder, ResultsFormat.SensitivityConvergenceFile)));

        var e = Assert.Throws<RunFailedException>(() => Sweep.Run(spec, folder, new SweepOptions
        {
            Threads = 1,
            Resume = true,
            Model = run => run.Index == 9 ? throw new InvalidOperationException("injected failure") : Linear(run),
        }));

        Assert.Equal(9, e.Index);
        Assert.Equal("failed", Status(folder));
        Assert.False(File.Exists(Path.Combine(folder, ResultsFormat.SensitivityFile)));
        Assert.False(File.Exists(Path.Combine(folder, ResultsFormat.SensitivityConvergenceFile)));
        Assert.False(File.Exists(Path.Combine(folder, ResultsFormat.SummaryFile)));
        Assert.Equal(1 + 9, File.ReadAllLines(Path.Combine(folder, ResultsFormat.RunsFile)).Length);
    }

    /// <summary>
    /// An exception that is not a run's own (here the refusal of a model that cannot record the issues the spec asks
    /// for, raised before any run) still marks the manifest failed, never leaving it running or calling it complete.
    /// </summary>
    [Fact]
    public void A_sweep_that_throws_outside_any_run_is_marked_failed()
    {
        var spec = SweepFixture.TwoStructures(replications: 1, issues: true, timeSeries: null);
        var folder = SweepFixture.TempFolder("failure-not-a-run");

        var e = Assert.Throws<InvalidOperationException>(() => Sweep.Run(spec, folder, new SweepOptions { Model = Linear }));

        Assert.Equal("A model run in place of the simulation records no issues or time series: turn both off.", e.Message);
        Assert.Equal("failed", Status(folder));
        Assert.Single(File.ReadAllLines(Path.Combine(folder, ResultsFormat.RunsFile)));
        Assert.False(File.Exists(Path.Combine(folder, ResultsFormat.SummaryFile)));
    }
}
