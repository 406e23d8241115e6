using System.Globalization;

namespace CoordSim.Plots.Results;

/// <summary>Compares and orders parameter values as written in results files (invariant numbers, kebab-case enums, true/false).</summary>
internal static class ParameterValues
{
    /// <summary>The value as a number when it is one.</summary>
    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>True when two texts are the same value (numerically equal numbers, or equal words ignoring case).</summary>
    public static bool Same(string a, string b)
    {
        if (TryNumber(a, out var x) && TryNumber(b, out var y))
        {
            return x == y;
        }

        return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The distinct values, numerically ascending when all are numbers, else in the parameter's allowed order (enums, booleans), else in order of appearance.</summary>
    public static IReadOnlyList<string> Order(string parameter, IEnumerable<string> values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.All(v => TryNumber(v, out _)))
        {
            return distinct.OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        }

        var info = ParameterCatalog.Find(parameter);
        IReadOnlyList<string> allowed = info?.Type == typeof(bool) ? ["false", "true"] : info?.AllowedValues ?? [];
        if (allowed.Count > 0 && distinct.All(v => allowed.Contains(v, StringComparer.OrdinalIgnoreCase)))
        {
            return distinct.OrderBy(v => allowed.ToList().FindIndex(a => string.Equals(a, v, StringComparison.OrdinalIgnoreCase))).ToArray();
        }

        return distinct.ToArray();
    }
}
