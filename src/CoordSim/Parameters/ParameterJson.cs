using System.Text.Json;

namespace CoordSim;

/// <summary>
/// Writes a typed value of a parameter or a body design field as a JSON member: integers and finite numbers as
/// numbers (a number that is not finite as <c>null</c>), booleans as true/false, enum values and text as strings
/// (kebab-case words). The one place run JSON, spec JSON and the console agree on how a value is written.
/// </summary>
internal static class ParameterJson
{
    /// <summary>Writes member <paramref name="name"/> with <paramref name="value"/>.</summary>
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
            case double d when double.IsFinite(d):
                w.WriteNumber(name, d);
                break;
            case double:
                w.WriteNull(name);
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
