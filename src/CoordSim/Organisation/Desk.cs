namespace CoordSim.Organisation;

/// <summary>
/// One of a person's assignments: the home unit or a membership of a coordination body. Each
/// desk is a queue with its own server(s) working at the person's rate times the attention
/// share the assignment gets, so a person split between assignments keeps their total capacity
/// (less switching overhead) but each assignment gets only its share (model.md §5).
/// </summary>
/// <param name="Id">Desk index; for home desks it equals the person id.</param>
/// <param name="Person">The person at the desk.</param>
/// <param name="Body">Coordination body index, or −1 for the home unit.</param>
/// <param name="Share">Effective attention share in (0, 1], switching overhead included.</param>
public sealed record Desk(int Id, int Person, int Body, double Share);
