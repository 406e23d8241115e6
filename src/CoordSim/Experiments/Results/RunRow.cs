using CoordSim.Metrics;

namespace CoordSim.Experiments;

/// <summary>
/// One finished run of a sweep, as <see cref="Sweep.Rows(ExperimentSpec, int, CancellationToken)"/> yields it (and
/// <see cref="SweepOptions.OnRow"/> receives it): typed parameters and result. <see cref="ToRecord"/> gives its flat row
/// of runs.csv.
/// </summary>
/// <param name="Index">0-based position in result order (by point, replication, then structure).</param>
/// <param name="Structure">The structure's label (its name unless the spec labels it).</param>
/// <param name="PointId">0-based design point.</param>
/// <param name="Replication">0-based replication.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Parameters">Every parameter of the run.</param>
/// <param name="Result">What the run measured.</param>
public sealed record RunRow(int Index, string Structure, int PointId, int Replication, long Seed, Parameters Parameters, RunResult Result)
{
    /// <summary>The run's row of runs.csv as a flat record (column → text), for <paramref name="plan"/>, the plan the run belongs to.</summary>
    public RunRecord ToRecord(ExperimentPlan plan) => RunRecord.Of(plan, this);
}
