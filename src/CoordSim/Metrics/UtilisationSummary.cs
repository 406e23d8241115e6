using CoordSim.Organisation;

namespace CoordSim.Metrics;

/// <summary>Utilisation by level and of the busiest person (is the top overloaded?).</summary>
/// <param name="ByLevel">One entry per level, frontline first, the government leaders (head and deputies) last.</param>
/// <param name="Busiest">Utilisation of the busiest person.</param>
/// <param name="BusiestPerson">The busiest person.</param>
/// <param name="BusiestLevel">Level of the busiest person.</param>
/// <param name="GovernmentHead">Utilisation of the government head, of the capacity left for coordination.</param>
/// <param name="Deputies">Mean utilisation of the deputies in charge, of the capacity left for coordination; NaN when there are none.</param>
public sealed record UtilisationSummary(IReadOnlyList<LevelUtilisation> ByLevel, double Busiest, PersonId BusiestPerson, int BusiestLevel, double GovernmentHead, double Deputies);
