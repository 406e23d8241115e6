namespace CoordSim.Metrics;

/// <summary>Utilisation by level and of the busiest person (is the top overloaded?).</summary>
/// <param name="ByLevel">One entry per level, frontline first, government head last.</param>
/// <param name="Busiest">Utilisation of the busiest person.</param>
/// <param name="BusiestPerson">Id of the busiest person.</param>
/// <param name="BusiestLevel">Level of the busiest person.</param>
public sealed record UtilisationSummary(IReadOnlyList<LevelUtilisation> ByLevel, double Busiest, int BusiestPerson, int BusiestLevel);
