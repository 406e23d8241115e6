namespace CoordSim.Organisation;

/// <summary>
/// One of a person's assignments: the home unit or a membership of a coordination body. Each
/// desk is a queue with its own server(s) working at the person's rate times the attention
/// share the assignment gets, so a person split between assignments keeps their total capacity
/// (less switching overhead) but each assignment gets only its share (docs/model.md §2).
/// </summary>
/// <param name="Id">Desk id; a home desk has the id of its person.</param>
/// <param name="Person">The person at the desk.</param>
/// <param name="Body">The coordination body of a seconded desk, or null for the home unit.</param>
/// <param name="Share">Effective attention share in (0, 1] while every membership of the person is held, switching overhead included.</param>
/// <param name="Seconded">For a body desk, the share of the person's capacity given to the body before switching overhead; 0 for a home desk.</param>
public sealed record Desk(DeskId Id, PersonId Person, BodyId? Body, double Share, double Seconded);
