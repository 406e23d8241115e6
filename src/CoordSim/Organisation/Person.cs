namespace CoordSim.Organisation;

/// <summary>
/// A read-only view of one person, for inspection. The simulation itself keeps people in
/// arrays indexed by <see cref="Id"/>; this record is made on request.
/// </summary>
/// <param name="Id">The person (0 is the government head).</param>
/// <param name="Department">Department index, or −1 for the government head and the deputies in charge.</param>
/// <param name="Level">0 = frontline … levels−1 = department head; levels = the government head and the deputies.</param>
/// <param name="Superior">The person this one reports to, or null for the government head.</param>
/// <param name="ServiceRate">Items per day at full attention (for principals: the capacity left for coordination, topServiceRate × topAttention).</param>
/// <param name="Title">Rank in words, for example "division" or "deputy in charge".</param>
public sealed record Person(PersonId Id, int Department, int Level, PersonId? Superior, double ServiceRate, string Title);
