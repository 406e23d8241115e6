namespace CoordSim.Sensitivity;

/// <summary>Sobol' indices of every factor of a Saltelli sample, with bootstrap intervals (<see cref="SobolIndices"/>).</summary>
/// <param name="FirstOrder">S1_i, the share of the output's variance factor i explains alone, by factor.</param>
/// <param name="Total">ST_i, the share of the variance that involves factor i (alone or with others), by factor.</param>
/// <param name="SecondOrder">S2_ij for i &lt; j (the share of the pair's interaction alone), or null without the B_A rows; [i, j] with i &lt; j is set, the rest are null.</param>
/// <param name="Rows">The base rows used (rows whose every point had a value).</param>
/// <param name="Variance">V(Y), the output's variance over the A and B points of those rows (n, not n − 1).</param>
public sealed record SobolEstimates(IReadOnlyList<IndexEstimate> FirstOrder, IReadOnlyList<IndexEstimate> Total, IndexEstimate?[,]? SecondOrder, int Rows, double Variance);
