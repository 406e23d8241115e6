namespace CoordSim.Organisation;

/// <summary>
/// A person of an organisation, by index: 0 is the government head, then each department's people from its
/// head down, then the deputies in charge and any office staff a structure adds. A typed wrapper so that a desk,
/// a body or a department index can never be passed where a person is meant.
/// </summary>
/// <param name="Value">The index into the organisation's people.</param>
public readonly record struct PersonId(int Value) : IComparable<PersonId>
{
    /// <summary>Orders by index.</summary>
    public int CompareTo(PersonId other) => Value.CompareTo(other.Value);

    /// <summary>The government head, the lowest common superior of every department.</summary>
    public static PersonId GovernmentHead => new(0);

    /// <summary>"person N".</summary>
    public override string ToString() => $"person {Value}";
}
