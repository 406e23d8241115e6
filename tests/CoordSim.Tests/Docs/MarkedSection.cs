namespace CoordSim.Tests.Docs;

/// <summary>
/// A generated section of a Markdown file, fenced by <c>&lt;!-- name:begin --&gt;</c> and
/// <c>&lt;!-- name:end --&gt;</c>. The text between the markers belongs to the generator; everything else is hand-written.
/// </summary>
internal sealed record MarkedSection(string Name)
{
    /// <summary>The opening marker.</summary>
    public string Begin => $"<!-- {Name}:begin -->";

    /// <summary>The closing marker.</summary>
    public string End => $"<!-- {Name}:end -->";

    /// <summary>The text between the markers with line endings normalised and surrounding blank lines trimmed, or null when the markers are missing.</summary>
    public string? Read(string document)
    {
        var text = Normalise(document);
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            return null;
        }

        var start = begin + Begin.Length;
        return text[start..end].Trim('\n', ' ');
    }

    /// <summary>The document with the text between the markers replaced by <paramref name="content"/> (markers must exist).</summary>
    public string Replace(string document, string content)
    {
        var text = Normalise(document);
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException($"The markers {Begin} and {End} are missing or out of order.");
        }

        return text[..(begin + Begin.Length)] + "\n" + content.Trim('\n', ' ') + "\n" + text[end..];
    }

    /// <summary>Line endings as \n.</summary>
    public static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
