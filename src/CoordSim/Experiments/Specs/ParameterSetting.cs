using System.Globalization;

namespace CoordSim.Experiments;

/// <summary>
/// One model parameter set to one value, already converted to the parameter's type (int, long,
/// double, bool or its enum) and checked against its allowed range. Two settings are equal when
/// they name the same parameter and format to the same text.
/// </summary>
/// <example>
/// <code>
/// var share = ParameterSetting.Create("crossDepartmentShare", 0.4);
/// var p = share.ApplyTo(Parameters.Default);
/// </code>
/// </example>
public sealed class ParameterSetting : IEquatable<ParameterSetting>
{
    private ParameterSetting(ParameterInfo parameter, object value)
    {
        Parameter = parameter;
        Value = value;
        Text = ParameterInfo.FormatValue(value);
    }

    /// <summary>What the catalog knows about the parameter.</summary>
    public ParameterInfo Parameter { get; }

    /// <summary>The parameter's camelCase name.</summary>
    public string Name => Parameter.Name;

    /// <summary>The value, of the parameter's CLR type.</summary>
    public object Value { get; }

    /// <summary>The value formatted invariantly, as in result files (round-trip doubles, kebab-case enums).</summary>
    public string Text { get; }

    /// <summary>
    /// Sets parameter <paramref name="name"/> to <paramref name="value"/>: a number (any numeric type), a
    /// bool, the parameter's enum, or text that parses as the parameter's value.
    /// </summary>
    /// <exception cref="ParameterException">The name is unknown or the value is not allowed; the message says what is.</exception>
    public static ParameterSetting Create(string name, object value)
    {
        ArgumentNullException.ThrowIfNull(name);
        var info = ParameterCatalog.Find(name) ?? throw new ParameterException(ParameterCatalog.UnknownName(name));
        return TryCreate(info, value, out var setting, out var error) ? setting! : throw new ParameterException(error!);
    }

    /// <summary>Converts <paramref name="value"/> to a setting of <paramref name="parameter"/>, or says what is allowed.</summary>
    public static bool TryCreate(ParameterInfo parameter, object? value, out ParameterSetting? setting, out ParameterError? error)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        setting = null;
        object? converted;
        switch (value)
        {
            case null:
                error = new ParameterError(parameter.Name, "null", parameter.AllowedText);
                return false;
            case string text:
                if (!parameter.TryParse(text, out converted, out error))
                {
                    return false;
                }

                break;
            case bool b when parameter.Type == typeof(bool):
                converted = b;
                error = null;
                break;
            case bool b:
                error = new ParameterError(parameter.Name, b ? "true" : "false", parameter.AllowedText);
                return false;
            case Enum e when e.GetType() == parameter.Type:
                converted = e;
                error = null;
                break;
            case Enum e:
                error = new ParameterError(parameter.Name, e.ToString(), parameter.AllowedText);
                return false;
            case IConvertible number when IsNumber(number):
                if (parameter.Type.IsEnum || parameter.Type == typeof(bool))
                {
                    error = new ParameterError(parameter.Name, ParameterInfo.FormatValue(number), parameter.AllowedText);
                    return false;
                }

                if (!parameter.TryConvertNumber(number.ToDouble(CultureInfo.InvariantCulture), out converted, out error))
                {
                    return false;
                }

                break;
            default:
                error = new ParameterError(parameter.Name, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?", parameter.AllowedText);
                return false;
        }

        setting = new ParameterSetting(parameter, converted!);
        return true;
    }

    /// <summary>A copy of <paramref name="parameters"/> with this parameter set.</summary>
    public Parameters ApplyTo(Parameters parameters) => Parameter.With(parameters, Value);

    /// <summary>Applies <paramref name="settings"/> in order to <paramref name="parameters"/>.</summary>
    public static Parameters ApplyAll(Parameters parameters, IEnumerable<ParameterSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var s in settings)
        {
            parameters = s.ApplyTo(parameters);
        }

        return parameters;
    }

    /// <inheritdoc />
    public bool Equals(ParameterSetting? other) =>
        other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal) && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ParameterSetting);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Text);

    /// <summary><c>name=value</c>.</summary>
    public override string ToString() => $"{Name}={Text}";

    private static bool IsNumber(IConvertible value) => value.GetTypeCode() is TypeCode.Byte or TypeCode.SByte or TypeCode.Int16
        or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64
        or TypeCode.Single or TypeCode.Double or TypeCode.Decimal;
}
