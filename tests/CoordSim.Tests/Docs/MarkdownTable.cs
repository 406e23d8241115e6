using System.Text;

namespace CoordSim.Tests.Docs;

/// <summary>Renders a GitHub-flavoured Markdown table, escaping the characters that would break a cell.</summary>
internal static class MarkdownTable
{
    /// <summary>The table with <paramref name="headers"/> and one line per row, rows in the given order.</summary>
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        Line(text, headers);
        Line(text, headers.Select(_ => "---").ToArray());
        foreach (var row in rows)
        {
            if (row.Count != headers.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells but the table has {headers.Count} columns.", nameof(rows));
            }

            Line(text, row);
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>A cell's text: pipes escaped, line breaks flattened, an em dash for an empty cell.</summary>
    public static string Cell(string text)
    {
        var flat = text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Trim();
        return flat.Length == 0 ? "—" : flat;
    }

    /// <summary>Inline code, for names.</summary>
    public static string Code(string text) => $"`{text}`";

    private static void Line(StringBuilder text, IReadOnlyList<string> cells)
    {
        text.Append('|');
        foreach (var cell in cells)
        {
            text.Append(' ').Append(cell).Append(" |");
        }

        text.Append('\n');
    }
}
