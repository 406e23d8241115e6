using CoordSim.Organisation;

namespace CoordSim.Metrics;

/// <summary>Utilisation by level and of the busiest person (is the top overloaded?).</summary>
/// <param name="ByLevel">One entry per level, frontline first, the government leaders (head and deputies) last.</param>
/// <param name="Busiest">Utilisation of the busiest person.</param>
/// <param name="BusiestPerson">The busiest person.</param>
/// <param name="BusiestLevel">Level of the busiest person.</param>
/// <param name="GovernmentHead">Utilisation of the government head, of the capacity left for coordination.</param>
/// <param name="Deputies">Mean utilisation of the deputies in charge, of the capacity left for coordination; NaN when there are none.</param>
public sealed record UtilisationSummary(IReadOnlyList<LevelUtilisation> ByLevel, double Busiest, PersonId BusiestPerson, int BusiestLevel, double GovernmentHead, double Deputies)
{
    /// <summary>
    /// Mean, over the officials who sit on a coordination body (members, chairs, seconded people), of the share of their
    /// capacity left for home duties: their home desk's time-averaged share times the share of the run they were not
    /// away in meetings and briefs. NaN when no one sits on a body.
    /// </summary>
    public double HomeCapacityMean { get; init; } = double.NaN;

    /// <summary>The least capacity for home duties any official who sits on a body kept (see <see cref="HomeCapacityMean"/>); NaN when no one does.</summary>
    public double HomeCapacityMin { get; init; } = double.NaN;
}
