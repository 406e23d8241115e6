namespace CoordSim.Experiments;

/// <summary>How <see cref="Sweep.Run(ExperimentSpec, string, SweepOptions?)"/> runs a sweep.</summary>
public sealed record SweepOptions
{
    /// <summary>Runs at once, each on its own thread (a run itself is single-threaded). Results do not depend on it. Defaults to the number of processors.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Continue the sweep whose results are in the folder (same spec, same library version); runs already finished are kept.</summary>
    public bool Resume { get; init; }

    /// <summary>Replace the results of an earlier sweep in the folder (only the files a sweep writes are deleted).</summary>
    public bool Force { get; init; }

    /// <summary>Write issues.csv (true) or not (false) whatever the spec's output options say; null follows the spec.</summary>
    public bool? Issues { get; init; }

    /// <summary>Write timeseries.csv sampled every this many days (greater than 0) whatever the spec's output options say; null follows the spec.</summary>
    public double? TimeSeriesInterval { get; init; }

    /// <summary>
    /// Runs only this slice of the sweep's runs (docs/cluster.md), to merge with the others afterwards
    /// (<see cref="Sweep.Merge"/>); null (or <see cref="Experiments.Shard.Whole"/>) runs them all. The folder's manifest
    /// records the shard, and a resume must give the same one.
    /// </summary>
    public Shard? Shard { get; init; }

    /// <summary>Called on the writing thread after every finished run; keep it quick. An exception from it stops the sweep (files stay consistent).</summary>
    public Action<SweepProgress>? Progress { get; init; }

    /// <summary>
    /// Called on the writing thread with every run done in this session, in result order, once its rows are on disk: the
    /// rows of <see cref="Sweep.Run"/> in memory, without running the sweep again (for <c>SummaryTable.FromRows</c> and the
    /// figures). Runs a resume keeps from an earlier session are not passed. Keep it quick; an exception from it stops
    /// the sweep (files stay consistent).
    /// </summary>
    public Action<RunRow>? OnRow { get; init; }

    /// <summary>
    /// Called once when every run is done and the files and manifest are complete (not when the sweep is cancelled or
    /// fails), while this process still holds the folder: the place to write more into it, such as the figures, with
    /// no other coordsim process writing there at the same time. An exception from it propagates from
    /// <see cref="Sweep.Run"/>; the results stay complete.
    /// </summary>
    public Action<SweepReport>? OnComplete { get; init; }

    /// <summary>
    /// A model run in place of <see cref="Simulation.Run"/> for every run of the sweep (null: the simulation). Internal, for
    /// tests that check the sweep's own path — design points, runs.csv, averaging, sensitivity.csv — against a function whose
    /// answer is known; it records no issues or time series, so a sweep with a model may ask for neither.
    /// </summary>
    internal Func<PlannedRun, Metrics.RunResult>? Model { get; init; }

    /// <summary>Stops the sweep cleanly: runs in progress finish and are written, no new run starts, and the files can be resumed.</summary>
    public CancellationToken CancellationToken { get; init; }
}
