namespace CoordSim.Plots.Results;

/// <summary>One row of <c>runs.csv</c>: one run's point, structure, replication, seed, parameter values (as written) and measures.</summary>
/// <param name="PointId">The 0-based design point.</param>
/// <param name="Structure">The structure's name.</param>
/// <param name="Replication">The 0-based replication.</param>
/// <param name="Seed">The run seed.</param>
/// <param name="Parameters">Every parameter column's text, by parameter name.</param>
/// <param name="Measures">Every measure's value (NaN when the file has an empty field), by measure name.</param>
public sealed record RunRow(
    int PointId,
    string Structure,
    int Replication,
    long Seed,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, double> Measures);
