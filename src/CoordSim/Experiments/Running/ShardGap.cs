namespace CoordSim.Experiments;

/// <summary>
/// A shard that merging found short of its runs (<see cref="SweepException.Gaps"/>): missing from the folders given,
/// or in a folder that holds only some of its runs (a task that was stopped, failed or has not finished).
/// </summary>
/// <param name="Shard">The shard.</param>
/// <param name="Directory">The folder that holds it, or null when no folder given holds it.</param>
/// <param name="Done">Its runs found finished and intact.</param>
/// <param name="Runs">Its runs in all.</param>
public sealed record ShardGap(Shard Shard, string? Directory, int Done, int Runs);
