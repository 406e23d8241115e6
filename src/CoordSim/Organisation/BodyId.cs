namespace CoordSim.Organisation;

/// <summary>A coordination body by index into <see cref="Organisation.Bodies"/>.</summary>
/// <param name="Value">The index of the body.</param>
public readonly record struct BodyId(int Value) : IComparable<BodyId>
{
    /// <summary>Orders by index.</summary>
    public int CompareTo(BodyId other) => Value.CompareTo(other.Value);

    /// <summary>"body N".</summary>
    public override string ToString() => $"body {Value}";
}
