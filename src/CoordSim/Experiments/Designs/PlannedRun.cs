namespace CoordSim.Experiments;

/// <summary>One run of an experiment: which point, structure and replication, with its seed and parameters.</summary>
/// <param name="Index">0-based position in result order: (pointId × replications + replication) × structures + structure.</param>
/// <param name="Point">The design point.</param>
/// <param name="StructureIndex">Position of the structure in the spec's list.</param>
/// <param name="Structure">The compared structure.</param>
/// <param name="Replication">0-based replication.</param>
/// <param name="Seed">The run's seed, shared by every structure at the same point and replication (common random numbers).</param>
/// <param name="Parameters">Every parameter of the run: defaults, the spec's base, the point's settings and the structure's overrides.</param>
public sealed record PlannedRun(int Index, DesignPoint Point, int StructureIndex, ComparedStructure Structure, int Replication, long Seed, Parameters Parameters);
