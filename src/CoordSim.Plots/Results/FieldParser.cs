using System.Globalization;

namespace CoordSim.Plots.Results;

/// <summary>Parses the fields of a results file as the contract writes them, with errors that name the file, line, column and value.</summary>
internal static class FieldParser
{
    /// <summary>An invariant number; an empty field (or NaN) is NaN.</summary>
    public static double Number(string text, string file, string column, int line)
    {
        if (text.Length == 0)
        {
            return double.NaN;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw Bad(text, file, column, line, "a number written with a decimal point, or an empty field for a missing value");
    }

    /// <summary>An invariant integer.</summary>
    public static long Integer(string text, string file, string column, int line)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw Bad(text, file, column, line, "an integer");
    }

    /// <summary>A non-negative invariant integer that fits an int.</summary>
    public static int Index(string text, string file, string column, int line)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        throw Bad(text, file, column, line, "a non-negative integer");
    }

    /// <summary>A boolean: true/false in any case, or 1/0.</summary>
    public static bool Boolean(string text, string file, string column, int line)
    {
        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        return text switch
        {
            "1" => true,
            "0" => false,
            _ => throw Bad(text, file, column, line, "true or false"),
        };
    }

    /// <summary>One of the values of enum <typeparamref name="T"/>, written in kebab-case as the core writes it (for example "government-head").</summary>
    public static T Choice<T>(string text, string file, string column, int line)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(CoordSim.ParameterInfo.FormatValue(value), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw Bad(text, file, column, line, "one of " + string.Join(", ", Enum.GetValues<T>().Select(v => CoordSim.ParameterInfo.FormatValue(v))));
    }

    /// <summary>A non-empty text field.</summary>
    public static string Name(string text, string file, string column, int line) =>
        text.Length > 0 ? text : throw Bad(text, file, column, line, "a non-empty name");

    private static ResultsFormatException Bad(string text, string file, string column, int line, string allowed) =>
        new($"{Path.GetFileName(file)} ('{file}') line {line}, column '{column}': \"{text}\" is not allowed; expected {allowed}.", file, column, line);
}
