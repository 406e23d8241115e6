using System.Globalization;

namespace CoordSim.Cli;

/// <summary>Culture-invariant display of measures in tables: digits chosen by unit, shares as percentages, "n/a" for undefined values.</summary>
internal static class DisplayFormat
{
    /// <summary>What an undefined value (NaN, for example blame precision when nothing failed) shows as.</summary>
    public const string NotAvailable = "n/a";

    /// <summary><paramref name="value"/> formatted for a measure in <paramref name="unit"/> (a <see cref="Metrics.MeasureCatalog"/> unit).</summary>
    public static string Value(double value, string unit) => unit switch
    {
        "share" => Percent(value),
        "issues" or "meetings" or "events" => Number(value, 0),
        "days" or "issues/day" => Number(value, 2),
        "person-days" => Number(value, 1),
        _ => Number(value, 3),
    };

    /// <summary>The unit column of a table for <paramref name="unit"/>: shares are shown as percentages.</summary>
    public static string Unit(string unit) => unit == "share" ? "%" : unit;

    /// <summary><paramref name="value"/> with <paramref name="decimals"/> decimals, invariant, no digit grouping.</summary>
    public static string Number(double value, int decimals) =>
        double.IsFinite(value) ? value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : NotAvailable;

    /// <summary>A share as a percentage with one decimal, for example <c>61.8%</c>.</summary>
    public static string Percent(double share) =>
        double.IsFinite(share) ? (share * 100).ToString("F1", CultureInfo.InvariantCulture) + "%" : NotAvailable;

    /// <summary>An integer, invariant.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}
