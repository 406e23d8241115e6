namespace CoordSim.Organisation;

/// <summary>
/// A desk (one assignment of one person, where work queues) by index: home desks first, with the id of their
/// person, then the desks of coordination bodies.
/// </summary>
/// <param name="Value">The index into the organisation's desks.</param>
public readonly record struct DeskId(int Value) : IComparable<DeskId>
{
    /// <summary>Orders by index.</summary>
    public int CompareTo(DeskId other) => Value.CompareTo(other.Value);

    /// <summary>"desk N".</summary>
    public override string ToString() => $"desk {Value}";
}
