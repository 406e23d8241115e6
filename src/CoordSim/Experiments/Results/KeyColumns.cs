namespace CoordSim.Experiments;

/// <summary>
/// The key columns of the result files, which say which run, or which point and structure, a row
/// belongs to: runs.csv and issues.csv start with <see cref="PointId"/>, <see cref="Structure"/> and
/// <see cref="Replication"/> (runs.csv then <see cref="Seed"/>), summary.csv with the first two.
/// </summary>
internal static class KeyColumns
{
    /// <summary><c>pointId</c>: the 0-based design point.</summary>
    public static ResultColumn PointId { get; } = new(ResultsFormat.PointId, ColumnRole.Key, ColumnType.Integer, "",
        "0-based design point, in the design's order (manifest.json holds the spec and its design).");

    /// <summary><c>structure</c>: the compared structure's label.</summary>
    public static ResultColumn Structure { get; } = new(ResultsFormat.Structure, ColumnRole.Key, ColumnType.Text, "",
        "The structure's label: its name, or the label the spec gave it.");

    /// <summary><c>replication</c>: the 0-based replication.</summary>
    public static ResultColumn Replication { get; } = new(ResultsFormat.Replication, ColumnRole.Key, ColumnType.Integer, "",
        "0-based replication of the point and structure.");

    /// <summary><c>seed</c>: the run's seed.</summary>
    public static ResultColumn Seed { get; } = new(ResultsFormat.Seed, ColumnRole.Key, ColumnType.Integer, "",
        "The run's seed (an integer ≤ 2^53 − 1), shared by every structure at the same point and replication (common random numbers).");
}
