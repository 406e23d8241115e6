using System.Globalization;
using System.Net;

namespace CoordSim.Interactive;

/// <summary>Text and numbers as the notebook tables write them: HTML-escaped text and culture-invariant numbers.</summary>
internal static class HtmlText
{
    /// <summary>The text with &lt;, &gt;, &amp; and quotes escaped, safe inside an element or an attribute.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// A measure value as the tables print it: culture-invariant, whole numbers and numbers of 1000 or more rounded to an
    /// integer, otherwise four significant digits; an undefined value (NaN or infinite, an empty field in runs.csv) as an
    /// em dash.
    /// </summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            return "—";
        }

        if (value == Math.Round(value) || Math.Abs(value) >= 1000)
        {
            return value.ToString("0", CultureInfo.InvariantCulture);
        }

        return value.ToString("G4", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes one table cell.</summary>
    public static void Cell(TextWriter writer, string text, string tag = "td", string? title = null)
    {
        writer.Write('<');
        writer.Write(tag);
        if (title is not null)
        {
            writer.Write(" title=\"");
            writer.Write(Escape(title));
            writer.Write('"');
        }

        writer.Write('>');
        writer.Write(Escape(text));
        writer.Write("</");
        writer.Write(tag);
        writer.Write('>');
    }
}
