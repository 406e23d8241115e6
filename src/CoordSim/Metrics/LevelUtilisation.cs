namespace CoordSim.Metrics;

/// <summary>How busy the people of one level were: busy time over available time.</summary>
/// <param name="Level">0 = frontline … levels−1 = department head; levels = government head.</param>
/// <param name="Title">The level in words.</param>
/// <param name="People">Number of people at the level.</param>
/// <param name="Mean">Mean utilisation over the level's people.</param>
/// <param name="Max">Utilisation of the level's busiest person.</param>
public sealed record LevelUtilisation(int Level, string Title, int People, double Mean, double Max);
