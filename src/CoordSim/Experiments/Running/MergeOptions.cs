namespace CoordSim.Experiments;

/// <summary>How <see cref="Sweep.Merge"/> merges the shards of a sweep.</summary>
public sealed record MergeOptions
{
    /// <summary>Replace the results of an earlier sweep or merge in the output folder (only the files a sweep writes are deleted).</summary>
    public bool Force { get; init; }

    /// <summary>
    /// Called once the merged files and manifest are complete, while this process still holds the output folder: the
    /// place to write more into it, such as the figures. An exception from it propagates; the merged results stay complete.
    /// </summary>
    public Action<SweepReport>? OnComplete { get; init; }
}
