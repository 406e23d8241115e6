namespace CoordSim.Organisation;

/// <summary>
/// A read-only view of one person, for inspection. The simulation itself keeps people in
/// arrays indexed by <see cref="Id"/>; this record is made on request.
/// </summary>
/// <param name="Id">Index of the person (0 is the government head).</param>
/// <param name="Department">Department index, or −1 for the government head.</param>
/// <param name="Level">0 = frontline … levels−1 = department head; levels = government head.</param>
/// <param name="Superior">Id of the person this one reports to, or −1 for the government head.</param>
/// <param name="ServiceRate">Items per day when fully attending one assignment.</param>
/// <param name="Title">Rank in words, for example "division" or "department head".</param>
public sealed record Person(int Id, int Department, int Level, int Superior, double ServiceRate, string Title);
