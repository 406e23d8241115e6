using CoordSim.Metrics;

namespace CoordSim.Experiments;

/// <summary>
/// One column of a result file: its name in the header, and what <c>codebook.csv</c> says about it
/// (role, type, unit, meaning). The tables build their headers from these, so a column cannot be
/// written without its description.
/// </summary>
/// <param name="Name">The column's name in the header row.</param>
/// <param name="Role">What the column holds: a key, a parameter, a measure, a statistic, an issue field or a time-series value.</param>
/// <param name="Type">How its values are written.</param>
/// <param name="Unit">Unit of its values; empty when dimensionless or not a quantity.</param>
/// <param name="Meaning">What a value means, in one or two sentences.</param>
internal sealed record ResultColumn(string Name, ColumnRole Role, ColumnType Type, string Unit, string Meaning)
{
    /// <summary>The words an <see cref="ColumnType.Enum"/> column may hold, in their declared order; empty for other types.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>The meaning as <c>codebook.csv</c> writes it: <see cref="Meaning"/>, followed for an enum column by "One of: a, b, c."</summary>
    public string Description => Values.Count == 0 ? Meaning : $"{Meaning} One of: {string.Join(", ", Values)}.";

    /// <summary>The column of a parameter of <see cref="ParameterCatalog"/>: its name, type, unit and meaning from the catalog.</summary>
    public static ResultColumn Parameter(ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var meaning = parameter.BodyField is null
            ? parameter.Meaning
            : "Field of the structure's coordination body design, set by the spec (empty where the point and structure leave the structure's own value): " + parameter.Meaning;
        return new ResultColumn(parameter.Name, ColumnRole.Parameter, TypeOf(parameter), parameter.Unit, meaning)
        {
            Values = parameter.AllowedValues,
        };
    }

    /// <summary>The column of a measure of <see cref="MeasureCatalog"/>: a number with the measure's name, unit and meaning.</summary>
    public static ResultColumn Measured(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return new ResultColumn(measure.Name, ColumnRole.Measure, ColumnType.Number, measure.Unit, measure.Meaning);
    }

    /// <summary>The column type of a parameter: integer (int, long), number (double), boolean or enum.</summary>
    public static ColumnType TypeOf(ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.IsInteger ? ColumnType.Integer
            : parameter.IsNumeric ? ColumnType.Number
            : parameter.Type == typeof(bool) ? ColumnType.Boolean
            : parameter.Type.IsEnum ? ColumnType.Enum
            : throw new InvalidOperationException($"Parameter {parameter.Name} has a type no result column can hold: {parameter.Type}.");
    }

    /// <summary>The word <c>codebook.csv</c> writes for <paramref name="role"/>: key, parameter, measure, statistic, issue or series.</summary>
    public static string Word(ColumnRole role) => role switch
    {
        ColumnRole.Key => "key",
        ColumnRole.Parameter => "parameter",
        ColumnRole.Measure => "measure",
        ColumnRole.Statistic => "statistic",
        ColumnRole.Issue => "issue",
        ColumnRole.Series => "series",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown column role."),
    };

    /// <summary>The word <c>codebook.csv</c> writes for <paramref name="type"/>: integer, number, text, boolean or enum.</summary>
    public static string Word(ColumnType type) => type switch
    {
        ColumnType.Integer => "integer",
        ColumnType.Number => "number",
        ColumnType.Text => "text",
        ColumnType.Boolean => "boolean",
        ColumnType.Enum => "enum",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };
}
