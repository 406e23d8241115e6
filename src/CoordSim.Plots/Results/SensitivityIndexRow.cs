namespace CoordSim.Plots.Results;

/// <summary>
/// One row of <c>sensitivity.csv</c> or <c>sensitivity-convergence.csv</c>: a sensitivity index of one factor (or pair of
/// factors) for one measure and one structure, or for the difference of a structure from the first structure, with its
/// 95% bootstrap interval (docs/experiments.md, "sensitivity.csv").
/// </summary>
/// <param name="Measure">The measure (a column of runs.csv), averaged over each design point's replications.</param>
/// <param name="Structure">The structure's label.</param>
/// <param name="Baseline">Null for the structure's own measure; the first structure's label when the row is about the difference structure − baseline at each point.</param>
/// <param name="Factor">The factor (a parameter the design varies).</param>
/// <param name="Factor2">The second factor of a second-order index (<see cref="S2"/>); null otherwise.</param>
/// <param name="Index">The index: <see cref="Mu"/>, <see cref="MuStar"/>, <see cref="Sigma"/> (morris) or <see cref="S1"/>, <see cref="ST"/>, <see cref="S2"/> (sobol).</param>
/// <param name="Estimate">The estimate; NaN when undefined.</param>
/// <param name="Low">Lower end of the 95% bootstrap interval; NaN when there is none.</param>
/// <param name="High">Upper end of the 95% bootstrap interval; NaN when there is none.</param>
/// <param name="N">The base rows (sobol) or trajectories (morris) the estimate used.</param>
public sealed record SensitivityIndexRow(
    string Measure,
    string Structure,
    string? Baseline,
    string Factor,
    string? Factor2,
    string Index,
    double Estimate,
    double Low,
    double High,
    int N)
{
    /// <summary>Morris: the mean of a factor's elementary effects.</summary>
    public const string Mu = "mu";

    /// <summary>Morris: the mean of the absolute values of a factor's elementary effects (its influence; rank factors by it).</summary>
    public const string MuStar = "muStar";

    /// <summary>Morris: the standard deviation of a factor's elementary effects (non-linearity or interaction).</summary>
    public const string Sigma = "sigma";

    /// <summary>Sobol: the first-order index, the share of the variance the factor explains alone.</summary>
    public const string S1 = "S1";

    /// <summary>Sobol: the total index, the share the factor explains with all its interactions.</summary>
    public const string ST = "ST";

    /// <summary>Sobol: the second-order index of a pair of factors.</summary>
    public const string S2 = "S2";

    /// <summary>
    /// For a row of sensitivity-convergence.csv: the first base rows (sobol) or trajectories (morris) the estimator was
    /// run on; null for a row of sensitivity.csv, which uses them all.
    /// </summary>
    public int? Samples { get; init; }

    /// <summary>True when the row is about the difference <see cref="Structure"/> − <see cref="Baseline"/>.</summary>
    public bool IsDifference => Baseline is not null;

    /// <summary>True when the row has a finite estimate.</summary>
    public bool HasEstimate => double.IsFinite(Estimate);

    /// <summary>True when the row has a finite 95% interval.</summary>
    public bool HasInterval => double.IsFinite(Low) && double.IsFinite(High);
}
