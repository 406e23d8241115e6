namespace CoordSim.Experiments;

/// <summary>
/// One per-issue column of issues.csv, defined in one place: its name, type, unit and meaning
/// (for codebook.csv) beside how its value is written, so that a column cannot be added without
/// its description.
/// </summary>
/// <param name="Name">The column's name in the header (the <see cref="Metrics.IssueOutcome"/> field in camelCase).</param>
/// <param name="Type">How its values are written.</param>
/// <param name="Unit">Unit of its values; empty when dimensionless or not a quantity.</param>
/// <param name="Meaning">What a value means.</param>
/// <param name="Value">Writes the value of one resolved issue.</param>
internal sealed record IssueField(string Name, ColumnType Type, string Unit, string Meaning, IssueValue Value)
{
    /// <summary>The words an <see cref="ColumnType.Enum"/> field may hold; empty for other types.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>The field as a column of issues.csv.</summary>
    public ResultColumn Column => new(Name, ColumnRole.Issue, Type, Unit, Meaning) { Values = Values };
}
