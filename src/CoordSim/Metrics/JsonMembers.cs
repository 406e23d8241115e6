using System.Text.Json;

namespace CoordSim.Metrics;

/// <summary>
/// Writes JSON members the way CoordSim writes them everywhere: a number that is not finite (NaN, a measure with
/// nothing to measure) as <c>null</c>; a typed value of a parameter or a body design field as a number, true/false,
/// or a string (kebab-case enum words). The one place run JSON, time series, spec JSON and the console agree on it.
/// </summary>
internal static class JsonMembers
{
    /// <summary>Writes member <paramref name="name"/> as a number, or <c>null</c> when <paramref name="value"/> is not finite.</summary>
    public static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Writes member <paramref name="name"/> with the typed value <paramref name="value"/>.</summary>
    public static void Write(Utf8JsonWriter w, string name, object value)
    {
        switch (value)
        {
            case int i:
                w.WriteNumber(name, i);
                break;
            case long l:
                w.WriteNumber(name, l);
                break;
            case double d:
                Number(w, name, d);
                break;
            case bool b:
                w.WriteBoolean(name, b);
                break;
            default:
                w.WriteString(name, ParameterInfo.FormatValue(value));
                break;
        }
    }
}
