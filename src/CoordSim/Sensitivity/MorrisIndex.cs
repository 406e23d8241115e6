namespace CoordSim.Sensitivity;

/// <summary>
/// Morris's screening statistics of one factor from its elementary effects EE = (y(x + Δe_i) − y(x)) / Δ, Δ on
/// the [0, 1] scale of the factor's range: μ, their mean (signed, so effects of both signs cancel), μ* = the mean
/// of |EE| (Campolongo, Cariboni and Saltelli 2007: the measure to rank factors by) and σ, their standard deviation
/// (n − 1; large when the effect depends on where the other factors are: interactions or non-linearity).
/// </summary>
/// <param name="Factor">The factor's position in the design.</param>
/// <param name="Mu">μ with its interval.</param>
/// <param name="MuStar">μ* with its interval.</param>
/// <param name="Sigma">σ with its interval.</param>
/// <param name="Effects">The elementary effects used: one per trajectory with a value at each of its points.</param>
public sealed record MorrisIndex(int Factor, IndexEstimate Mu, IndexEstimate MuStar, IndexEstimate Sigma, int Effects);
