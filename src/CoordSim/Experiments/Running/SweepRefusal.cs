namespace CoordSim.Experiments;

/// <summary>Why a sweep would not start or continue in its results folder (<see cref="SweepException.Reason"/>), for a caller to word its own advice.</summary>
public enum SweepRefusal
{
    /// <summary><see cref="SweepOptions.Resume"/> and <see cref="SweepOptions.Force"/> were both set; they exclude each other.</summary>
    ResumeAndForce,

    /// <summary>The folder holds results and neither <see cref="SweepOptions.Resume"/> nor <see cref="SweepOptions.Force"/> was set.</summary>
    FolderNotEmpty,

    /// <summary>The folder holds files a sweep does not write, which <see cref="SweepOptions.Force"/> does not delete.</summary>
    ForeignFiles,

    /// <summary><see cref="SweepOptions.Resume"/> was set but the folder holds files and no manifest.json: it is not a sweep's folder.</summary>
    NotASweepFolder,

    /// <summary>The sweep to resume ran another spec, or other issues or time-series options.</summary>
    SpecChanged,

    /// <summary>The sweep to resume was started by another library version.</summary>
    LibraryChanged,

    /// <summary>The folder's manifest.json cannot be read as a sweep's manifest.</summary>
    UnreadableManifest,

    /// <summary>Another process holds the folder (a sweep writing there, or a plot drawing from it).</summary>
    FolderInUse,

    /// <summary>The sweep to resume ran another shard (<see cref="SweepOptions.Shard"/>) of the runs, or all of them.</summary>
    ShardChanged,

    /// <summary><see cref="SweepOptions.Shard"/> cuts the runs into more shards than there are runs.</summary>
    TooManyShards,

    /// <summary>The folders to merge do not hold the shards of one sweep: another spec or library, a shard missing, given twice or unfinished.</summary>
    ShardsDoNotMerge,
}
