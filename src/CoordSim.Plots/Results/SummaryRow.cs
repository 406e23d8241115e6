namespace CoordSim.Plots.Results;

/// <summary>One row of <c>summary.csv</c>: a design point and structure, its parameter values (as written) and each measure's summary.</summary>
/// <param name="PointId">The 0-based design point.</param>
/// <param name="Structure">The structure's name.</param>
/// <param name="Parameters">Every parameter column's text, by parameter name.</param>
/// <param name="N">Replications summarised.</param>
/// <param name="Measures">Each measure's mean, sd and CI, by measure name.</param>
public sealed record SummaryRow(
    int PointId,
    string Structure,
    IReadOnlyDictionary<string, string> Parameters,
    int N,
    IReadOnlyDictionary<string, MeasureStats> Measures)
{
    /// <summary>Runs of the row that did not reach a steady state (summary.csv's <c>unstableRuns</c>; 0 for results written before it existed). Figures mark such points.</summary>
    public int UnstableRuns { get; init; }
}
