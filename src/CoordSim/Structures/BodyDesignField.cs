using System.Globalization;
using System.Reflection;

namespace CoordSim.Structures;

/// <summary>
/// One field of a <see cref="BodyDesign"/> that a spec may set by its camelCase name
/// (<c>"bodies": [{"collectivity": 0.5}]</c>): its type, allowed range, unit and meaning (the summary of the
/// property's doc comment). Reads the field from a design and makes a copy of a design with the field set.
/// </summary>
public sealed class BodyDesignField
{
    private readonly PropertyInfo _property;

    internal BodyDesignField(PropertyInfo property, BodyFieldAttribute attribute)
    {
        _property = property;
        Name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
        Meaning = BodyFieldDescriptions.Of(property.Name);
        Unit = attribute.Unit;
        Type = property.PropertyType;
        Min = attribute.Min;
        MinExclusive = attribute.MinExclusive;
        MinPositive = attribute.MinPositive;
        Max = attribute.Max;
        AllowedValues = Type.IsEnum ? Enum.GetNames(Type).Select(ParameterInfo.ToKebab).ToArray() : [];
        List = attribute.List;
    }

    /// <summary>What a scope list (<see cref="BodyScopeList"/>) names; <see cref="BodyScopeKind.None"/> for other fields.</summary>
    public BodyScopeKind List { get; }

    /// <summary>The camelCase name a spec uses.</summary>
    public string Name { get; }

    /// <summary>What the field means: the summary of its property's doc comment, as one line of plain text.</summary>
    public string Meaning { get; }

    /// <summary>Unit of the value; empty when dimensionless or not a quantity.</summary>
    public string Unit { get; }

    /// <summary>The CLR type: <see cref="int"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="string"/> or an enum.</summary>
    public Type Type { get; }

    /// <summary>Smallest allowed value (numeric fields).</summary>
    public double Min { get; }

    /// <summary>True when <see cref="Min"/> itself is not allowed.</summary>
    public bool MinExclusive { get; }

    /// <summary>Smallest allowed value other than 0 (a period that 0 switches off), or 0 when there is no such bound.</summary>
    public double MinPositive { get; }

    /// <summary>Largest allowed value (numeric fields).</summary>
    public double Max { get; }

    /// <summary>The allowed words of an enum field (kebab-case); empty otherwise.</summary>
    public IReadOnlyList<string> AllowedValues { get; }

    /// <summary>True for int and double fields.</summary>
    public bool IsNumeric => Type == typeof(int) || Type == typeof(double);

    /// <summary>The allowed values in words, for error messages.</summary>
    public string AllowedText => List != BodyScopeKind.None
        ? BodyScopeList.Allowed(List)
        : ParameterInfo.DescribeAllowed(Type, AllowedValues, Min, Max, MinExclusive, MinPositive, Type == typeof(int) ? "an integer" : "a finite number");

    /// <summary>The field's value on <paramref name="design"/>.</summary>
    public object Get(BodyDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        return _property.GetValue(design)!;
    }

    /// <summary>A copy of <paramref name="design"/> with this field set to <paramref name="value"/> (already of the field's type, see <see cref="TryConvert"/>).</summary>
    public BodyDesign With(BodyDesign design, object value)
    {
        ArgumentNullException.ThrowIfNull(design);
        var copy = design with { };
        _property.SetValue(copy, value);
        return copy;
    }

    /// <summary>The value formatted invariantly: round-trip numbers, true/false, kebab-case enum words.</summary>
    public static string FormatValue(object value) => ParameterInfo.FormatValue(value);

    /// <summary>
    /// Converts <paramref name="value"/> (a number of any numeric type, a bool, the field's enum, or text: an enum
    /// word or the body's name) to the field's type; otherwise returns false with <paramref name="allowed"/> saying
    /// what the field takes.
    /// </summary>
    public bool TryConvert(object? value, out object? converted, out string? allowed)
    {
        converted = null;
        allowed = null;
        switch (value)
        {
            case string text when Type == typeof(string):
                var canonical = List != BodyScopeKind.None ? BodyScopeList.Normalise(List, text) : text.Trim().Length > 0 ? text : null;
                if (canonical is not null)
                {
                    converted = canonical;
                    return true;
                }

                break;
            case string text when Type.IsEnum:
                var index = Array.FindIndex(AllowedValues.ToArray(), v => string.Equals(v, text.Trim(), StringComparison.OrdinalIgnoreCase));
                if (index >= 0)
                {
                    converted = Enum.GetValues(Type).GetValue(index);
                    return true;
                }

                break;
            case bool b when Type == typeof(bool):
                converted = b;
                return true;
            case Enum e when e.GetType() == Type:
                converted = e;
                return true;
            case sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal when IsNumeric:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsFinite(number) && ParameterInfo.InRange(number, Min, MinExclusive, MinPositive, Max) && (Type == typeof(double) || number == Math.Floor(number)))
                {
                    converted = Type == typeof(int) ? (object)(int)number : number + 0.0; // −0 is 0
                    return true;
                }

                break;
        }

        allowed = AllowedText;
        return false;
    }
}
