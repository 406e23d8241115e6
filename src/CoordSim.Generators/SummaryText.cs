using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace CoordSim.Generators;

/// <summary>Turns the <c>&lt;summary&gt;</c> of a documentation comment into one line of plain text.</summary>
internal static class SummaryText
{
    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.CultureInvariant);

    /// <summary>
    /// The summary of <paramref name="documentationXml"/> (what <c>GetDocumentationCommentXml</c> returns) as plain
    /// text with whitespace collapsed; empty when there is no summary or the comment is not well-formed.
    /// </summary>
    public static string FromDocumentationXml(string? documentationXml)
    {
        if (string.IsNullOrWhiteSpace(documentationXml))
        {
            return "";
        }

        XElement member;
        try
        {
            member = XElement.Parse(documentationXml, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return "";
        }

        var summary = member.Element("summary");
        if (summary is null)
        {
            return "";
        }

        var text = new StringBuilder();
        AppendNodes(summary, text);
        return Whitespace.Replace(text.ToString(), " ").Trim();
    }

    private static void AppendNodes(XContainer container, StringBuilder text)
    {
        foreach (var node in container.Nodes())
        {
            switch (node)
            {
                case XText plain:
                    text.Append(plain.Value);
                    break;
                case XElement element:
                    AppendElement(element, text);
                    break;
            }
        }
    }

    private static void AppendElement(XElement element, StringBuilder text)
    {
        switch (element.Name.LocalName)
        {
            case "see" or "seealso" when !element.IsEmpty:
                AppendNodes(element, text);
                break;
            case "see" or "seealso":
                text.Append(ReferenceName(element));
                break;
            case "paramref" or "typeparamref":
                text.Append((string?)element.Attribute("name") ?? "");
                break;
            case "para" or "br":
                text.Append(' ');
                AppendNodes(element, text);
                text.Append(' ');
                break;
            default:
                // <c>, <i>, <b>, <em>, <code> and the like: their text.
                AppendNodes(element, text);
                break;
        }
    }

    /// <summary>The short name a <c>&lt;see/&gt;</c> stands for: <c>T:CoordSim.Foo</c> gives Foo, <c>M:A.B.C(System.Int32)</c> gives C.</summary>
    private static string ReferenceName(XElement see)
    {
        if ((string?)see.Attribute("langword") is { } word)
        {
            return word;
        }

        if ((string?)see.Attribute("href") is { } href)
        {
            return href;
        }

        var cref = (string?)see.Attribute("cref") ?? "";
        var colon = cref.IndexOf(':');
        if (colon is >= 0 and < 2)
        {
            cref = cref.Substring(colon + 1);
        }

        var parameters = cref.IndexOf('(');
        if (parameters >= 0)
        {
            cref = cref.Substring(0, parameters);
        }

        var name = cref.Substring(cref.LastIndexOf('.') + 1);
        var arity = name.IndexOfAny(['`', '{']);
        return arity >= 0 ? name.Substring(0, arity) : name;
    }
}
