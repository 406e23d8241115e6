using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using CoordSim.Structures;

namespace CoordSim;

/// <summary>
/// What the catalog knows about one parameter: its camelCase name, type, default, range,
/// unit, meaning and rationale. Reads and writes the value on a <see cref="Parameters"/>.
/// </summary>
public sealed class ParameterInfo
{
    private readonly Func<Parameters, object>? _get;
    private readonly Action<Parameters, object>? _set;
    private readonly BodyDesignField? _bodyField;
    private string? _defaultText;

    internal ParameterInfo(PropertyInfo property, ParameterAttribute attribute)
    {
        // Compiled once: checking a design of many points reads and sets every parameter of every point.
        var target = Expression.Parameter(typeof(Parameters));
        var value = Expression.Parameter(typeof(object));
        _get = Expression.Lambda<Func<Parameters, object>>(
            Expression.Convert(Expression.Property(target, property), typeof(object)), target).Compile();
        _set = Expression.Lambda<Action<Parameters, object>>(
            Expression.Call(target, property.SetMethod!, Expression.Convert(value, property.PropertyType)), target, value).Compile();
        Name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
        Group = attribute.Group;
        Label = attribute.Label ?? ParameterLabel.Words(Name);
        Meaning = ParameterDescriptions.Of(property.Name);
        Unit = attribute.Unit;
        Rationale = attribute.Rationale;
        Type = property.PropertyType;
        Min = attribute.Min;
        Max = attribute.Max;
        MinExclusive = attribute.MinExclusive;
        MinPositive = attribute.MinPositive;
        AllowedValues = Type.IsEnum ? Enum.GetNames(Type).Select(ToKebab).ToArray() : [];
    }

    /// <summary>
    /// A field of the design of the structure's body at index <paramref name="body"/> addressed as a parameter,
    /// <c>bodies[0].NAME</c>: set in a spec's base, varied by a design or set with <c>--set</c>, it is kept in
    /// <see cref="Parameters.BodyFields"/>. Its default is the structure's own value (none of its own:
    /// <see cref="GetValue"/> is null until it is set).
    /// </summary>
    internal ParameterInfo(BodyDesignField field, int body)
    {
        _bodyField = field;
        Body = body;
        Name = BodyFieldName(body, field.Name);
        Group = "Body";
        Label = ParameterLabel.OfBodyField(body, field.Name);
        Meaning = field.Meaning;
        Unit = field.Unit;
        Rationale = "A field of the structure's coordination body design; left unset, each structure keeps its own value ('coordsim structures --json').";
        Type = field.Type;
        Min = field.Min;
        MinExclusive = field.MinExclusive;
        MinPositive = field.MinPositive;
        Max = field.Max;
        AllowedValues = field.AllowedValues;
    }

    /// <summary>The prefix of the names of the first body's design fields addressed as parameters: <c>bodies[0].</c>.</summary>
    public const string BodyFieldPrefix = "bodies[0].";

    /// <summary>For a body design field, the index of the body in the structure's bodies whose design it sets (0 for the first); 0 for a model parameter.</summary>
    public int Body { get; }

    /// <summary>The name of field <paramref name="field"/> of the body at index <paramref name="body"/> addressed as a parameter: <c>bodies[1].collectivity</c>.</summary>
    public static string BodyFieldName(int body, string field) => $"bodies[{body.ToString(System.Globalization.CultureInfo.InvariantCulture)}].{field}";

    /// <summary>The body design field this parameter addresses (<see cref="BodyFieldPrefix"/>), or null for a model parameter.</summary>
    public BodyDesignField? BodyField => _bodyField;

    /// <summary>The camelCase name used on the command line, in specs and in result columns.</summary>
    public string Name { get; }

    /// <summary>Short lower-case words for figure axes and legends, for example "cross department share" (<see cref="ParameterLabel"/>).</summary>
    public string Label { get; }

    /// <summary>The part of the model the parameter belongs to.</summary>
    public string Group { get; }

    /// <summary>What the parameter means: the summary of its property's doc comment, as one line of plain text.</summary>
    public string Meaning { get; }

    /// <summary>Unit of the value; empty when dimensionless.</summary>
    public string Unit { get; }

    /// <summary>Why the default is what it is.</summary>
    public string Rationale { get; }

    /// <summary>The CLR type: <see cref="int"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or an enum.</summary>
    public Type Type { get; }

    /// <summary>Smallest allowed value (numeric parameters).</summary>
    public double Min { get; }

    /// <summary>Largest allowed value (numeric parameters).</summary>
    public double Max { get; }

    /// <summary>True when <see cref="Min"/> itself is excluded.</summary>
    public bool MinExclusive { get; }

    /// <summary>Smallest allowed value other than 0 (a period that 0 switches off), or 0 when there is no such bound.</summary>
    public double MinPositive { get; }

    /// <summary>The allowed words for an enum parameter (kebab-case); empty otherwise.</summary>
    public IReadOnlyList<string> AllowedValues { get; }

    /// <summary>True for int, long and double parameters.</summary>
    public bool IsNumeric => Type == typeof(int) || Type == typeof(long) || Type == typeof(double);

    /// <summary>True for int and long parameters.</summary>
    public bool IsInteger => Type == typeof(int) || Type == typeof(long);

    /// <summary>The default value, formatted invariantly.</summary>
    public string DefaultText => _defaultText ??= Format(Parameters.Default);

    /// <summary>The allowed range or set of values, in words.</summary>
    public string AllowedText => DescribeAllowed(Type, AllowedValues, Min, Max, MinExclusive, MinPositive, IsInteger ? "an integer" : "a number");

    /// <summary>
    /// A range or set of values in words: "one of a, b", "true or false", "a non-empty text", or
    /// <paramref name="kind"/> with its bounds ("a number &gt;= 0 and &lt;= 1").
    /// </summary>
    internal static string DescribeAllowed(Type type, IReadOnlyList<string> values, double min, double max, bool minExclusive, double minPositive, string kind)
    {
        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", values);
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(string))
        {
            return "a non-empty text";
        }

        if (minPositive > 0 && min <= 0)
        {
            // A period that 0 switches off: 0, or at least the shortest period.
            kind = "0 or " + kind;
            (min, minExclusive) = (minPositive, false);
        }

        var low = double.IsNegativeInfinity(min) ? null : (minExclusive ? "> " : ">= ") + FormatNumber(min);
        var high = double.IsPositiveInfinity(max) ? null : "<= " + FormatNumber(max);
        return (low, high) switch
        {
            (null, null) => kind,
            (not null, null) => $"{kind} {low}",
            (null, not null) => $"{kind} {high}",
            _ => $"{kind} {low} and {high}",
        };
    }

    /// <summary>The value on <paramref name="parameters"/> as a boxed CLR value (null for a body design field that is not set).</summary>
    public object GetValue(Parameters parameters) => _bodyField is null
        ? _get!(parameters)
        : parameters.BodyFields.LastOrDefault(s => s.Field == _bodyField && s.Body == Body)?.Value!;

    /// <summary>The value on <paramref name="parameters"/> as a double (enums by ordinal, booleans as 0/1).</summary>
    public double GetNumber(Parameters parameters) => GetValue(parameters) switch
    {
        int i => i,
        long l => l,
        double d => d,
        bool b => b ? 1 : 0,
        Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
        null => double.NaN,
        var other => throw new InvalidOperationException($"Parameter {Name} has unexpected type {other.GetType()}."),
    };

    /// <summary>The value on <paramref name="parameters"/> formatted invariantly (round-trip for doubles, kebab-case for enums).</summary>
    public string Format(Parameters parameters) => FormatValue(GetValue(parameters));

    /// <summary>Formats a value of this parameter's type invariantly.</summary>
    public static string FormatValue(object value) => value switch
    {
        double d => FormatNumber(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => ToKebab(e.ToString()),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Parses <paramref name="text"/> as a value of this parameter, or returns the error saying what is allowed.</summary>
    public bool TryParse(string text, out object? value, out ParameterError? error)
    {
        value = null;
        error = null;
        var trimmed = text.Trim();
        if (Type.IsEnum)
        {
            var index = Array.FindIndex(AllowedValues.ToArray(), v => string.Equals(v, trimmed, StringComparison.OrdinalIgnoreCase) ||
                                                                   string.Equals(v.Replace("-", ""), trimmed, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                error = new ParameterError(Name, Quote(text), AllowedText);
                return false;
            }

            value = Enum.GetValues(Type).GetValue(index);
            return true;
        }

        if (Type == typeof(bool))
        {
            if (bool.TryParse(trimmed, out var b))
            {
                value = b;
                return true;
            }

            error = new ParameterError(Name, Quote(text), AllowedText);
            return false;
        }

        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            error = new ParameterError(Name, Quote(text), AllowedText + " (written with a decimal point)");
            return false;
        }

        return TryConvertNumber(number, out value, out error);
    }

    /// <summary>Converts a number to this parameter's type, or returns the error saying what is allowed.</summary>
    public bool TryConvertNumber(double number, out object? value, out ParameterError? error)
    {
        value = null;
        error = null;
        if (!IsNumeric)
        {
            if (Type == typeof(bool) && (number == 0 || number == 1))
            {
                value = number == 1;
                return true;
            }

            if (Type.IsEnum && number >= 0 && number < AllowedValues.Count && number == Math.Floor(number))
            {
                value = Enum.GetValues(Type).GetValue((int)number);
                return true;
            }

            error = new ParameterError(Name, FormatNumber(number), AllowedText);
            return false;
        }

        if (IsInteger && number != Math.Floor(number))
        {
            error = new ParameterError(Name, FormatNumber(number), AllowedText);
            return false;
        }

        if (!InRange(number))
        {
            error = new ParameterError(Name, FormatNumber(number), AllowedText);
            return false;
        }

        // −0 is 0: written as "0" and given the same seed, so common random numbers hold between them.
        number += 0.0;
        value = Type == typeof(int) ? (object)(int)number : Type == typeof(long) ? (object)(long)number : number;
        return true;
    }

    /// <summary>A copy of <paramref name="parameters"/> with this parameter set to <paramref name="value"/> (already of the right type).</summary>
    public Parameters With(Parameters parameters, object value)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (_bodyField is not null)
        {
            // The field once, with its latest value, after the other fields set.
            return BodySetting.TryCreate(_bodyField, value, out var setting, out var allowed)
                ? parameters with { BodyFields = [.. parameters.BodyFields.Where(f => f.Field != _bodyField || f.Body != Body), setting!.ForBody(Body)] }
                : throw new ParameterException(new ParameterError(Name, FormatValue(value), allowed!));
        }

        var copy = parameters with { };
        _set!(copy, value);
        return copy;
    }

    /// <summary>Checks the value on <paramref name="parameters"/> against the range; null when it is allowed.</summary>
    public ParameterError? Check(Parameters parameters)
    {
        if (!IsNumeric)
        {
            return null;
        }

        var number = GetNumber(parameters);
        if (_bodyField is not null && GetValue(parameters) is null)
        {
            return null;
        }

        if (!InRange(number))
        {
            return new ParameterError(Name, Format(parameters), AllowedText);
        }

        return null;
    }

    /// <summary>True when <paramref name="number"/> is within the bounds (NaN is not).</summary>
    private bool InRange(double number) => InRange(number, Min, MinExclusive, MinPositive, Max);

    /// <summary>True when <paramref name="number"/> is within the bounds: at least <paramref name="min"/> (above it when <paramref name="minExclusive"/>), at most <paramref name="max"/>, and not between 0 and <paramref name="minPositive"/> (both excluded); NaN is not.</summary>
    internal static bool InRange(double number, double min, bool minExclusive, double minPositive, double max) =>
        (number > min || (number == min && !minExclusive)) && number <= max && !(number > 0 && number < minPositive);

    internal static string FormatNumber(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    internal static string ToKebab(string pascal)
    {
        var chars = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                chars.Append('-');
            }

            chars.Append(char.ToLowerInvariant(c));
        }

        return chars.ToString();
    }

    private static string Quote(string text) => $"\"{text}\"";
}
