namespace CoordSim.Structures;

/// <summary>
/// One field of a body design set to one value, converted to the field's type and checked against its range: what
/// a spec's <c>"bodies": [{"collectivity": 0.5}]</c> holds. Applied after the design is built from the run's
/// parameters, so a field set here is fixed and every other field still follows the parameters.
/// </summary>
/// <example>
/// <code>
/// var halfCollective = ((BodyStructure)Structure.TaskForce()).WithBody(BodySetting.Create("collectivity", 0.5));
/// </code>
/// </example>
public sealed record BodySetting
{
    private BodySetting(BodyDesignField field, object value)
    {
        Field = field;
        Value = value;
    }

    /// <summary>The field.</summary>
    public BodyDesignField Field { get; }

    /// <summary>The index, in the structure's <see cref="BodyStructure.Bodies"/>, of the body whose design the setting changes (0 for the first).</summary>
    public int Body { get; private init; }

    /// <summary>The field's camelCase name.</summary>
    public string Name => Field.Name;

    /// <summary>The value, of the field's CLR type.</summary>
    public object Value { get; }

    /// <summary>The value formatted invariantly (round-trip numbers, true/false, kebab-case enum words).</summary>
    public string Text => BodyDesignField.FormatValue(Value);

    /// <summary>Sets field <paramref name="name"/> to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The name is unknown or the value is not allowed; the message says what is.</exception>
    public static BodySetting Create(string name, object value)
    {
        ArgumentNullException.ThrowIfNull(name);
        var field = BodyDesignFields.Find(name) ?? throw new ArgumentException($"{name} is not a field of a body design: {BodyDesignFields.UnknownText(name)}.", nameof(name));
        return field.TryConvert(value, out var converted, out var allowed)
            ? new BodySetting(field, converted!)
            : throw new ArgumentException($"{name} = {value} is not allowed: {allowed}.", nameof(value));
    }

    /// <summary>Converts <paramref name="value"/> to a setting of <paramref name="field"/>, or says what is allowed.</summary>
    public static bool TryCreate(BodyDesignField field, object? value, out BodySetting? setting, out string? allowed)
    {
        ArgumentNullException.ThrowIfNull(field);
        setting = field.TryConvert(value, out var converted, out allowed) ? new BodySetting(field, converted!) : null;
        return setting is not null;
    }

    /// <summary>The same setting for the body at index <paramref name="body"/> of the structure's bodies.</summary>
    public BodySetting ForBody(int body)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(body);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(body, BodyStructure.MaxBodies);
        return this with { Body = body };
    }

    /// <summary>A copy of <paramref name="design"/> with this field set.</summary>
    public BodyDesign ApplyTo(BodyDesign design) => Field.With(design, Value);
}
