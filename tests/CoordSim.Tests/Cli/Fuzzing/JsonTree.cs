using System.Text;
using System.Text.Json;

namespace CoordSim.Tests.Cli.Fuzzing;

/// <summary>
/// A JSON document as the fuzzer edits it: objects keep their members as a list, so that a key can appear twice, and
/// scalars keep their raw text, so that a number can be written as JSON cannot hold it exactly (<c>1e309</c>,
/// <c>-0</c>, 30 digits) or as no JSON at all (<c>NaN</c>).
/// </summary>
public abstract record JsonTree
{
    /// <summary>Reads a valid JSON text.</summary>
    public static JsonTree Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return From(document.RootElement);
    }

    private static JsonTree From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new JsonObjectTree(element.EnumerateObject().Select(p => new JsonMember(p.Name, From(p.Value))).ToList()),
        JsonValueKind.Array => new JsonArrayTree(element.EnumerateArray().Select(From).ToList()),
        _ => new JsonScalar(element.GetRawText()),
    };

    /// <summary>A deep copy (the mutations edit in place).</summary>
    public abstract JsonTree Copy();

    /// <summary>Every node of the tree in document order, the root first.</summary>
    public IEnumerable<JsonTree> Nodes()
    {
        yield return this;
        var children = this switch
        {
            JsonObjectTree o => o.Members.Select(m => m.Value),
            JsonArrayTree a => a.Items,
            _ => [],
        };
        foreach (var node in children.SelectMany(c => c.Nodes()))
        {
            yield return node;
        }
    }

    /// <summary>The text, indented two spaces per level as a person writes a spec (nothing deeper than 64 levels is indented).</summary>
    public string Write()
    {
        var builder = new StringBuilder();
        Write(builder, 0);
        return builder.ToString();
    }

    private protected abstract void Write(StringBuilder builder, int depth);

    private protected static void Indent(StringBuilder builder, int depth) => builder.Append('\n').Append(' ', 2 * Math.Min(depth, 64));

    /// <summary>Writes a child node (for the subclasses).</summary>
    private protected static void WriteChild(JsonTree child, StringBuilder builder, int depth) => child.Write(builder, depth);

    /// <summary>A JSON string literal of <paramref name="text"/>.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

/// <summary>A member of an object.</summary>
public sealed record JsonMember(string Key, JsonTree Value);

/// <summary>An object: its members in order, duplicates allowed.</summary>
public sealed record JsonObjectTree(List<JsonMember> Members) : JsonTree
{
    /// <inheritdoc/>
    public override JsonTree Copy() => new JsonObjectTree(Members.Select(m => m with { Value = m.Value.Copy() }).ToList());

    private protected override void Write(StringBuilder builder, int depth)
    {
        if (Members.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        builder.Append('{');
        for (var i = 0; i < Members.Count; i++)
        {
            Indent(builder, depth + 1);
            builder.Append(Quote(Members[i].Key)).Append(": ");
            WriteChild(Members[i].Value, builder, depth + 1);
            if (i < Members.Count - 1)
            {
                builder.Append(',');
            }
        }

        Indent(builder, depth);
        builder.Append('}');
    }
}

/// <summary>An array.</summary>
public sealed record JsonArrayTree(List<JsonTree> Items) : JsonTree
{
    /// <inheritdoc/>
    public override JsonTree Copy() => new JsonArrayTree(Items.Select(i => i.Copy()).ToList());

    private protected override void Write(StringBuilder builder, int depth)
    {
        builder.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            WriteChild(Items[i], builder, depth + 1);
        }

        builder.Append(']');
    }
}

/// <summary>A number, string, boolean or null, as raw JSON text (which may be no valid JSON).</summary>
public sealed record JsonScalar(string Raw) : JsonTree
{
    /// <inheritdoc/>
    public override JsonTree Copy() => this;

    private protected override void Write(StringBuilder builder, int depth) => builder.Append(Raw);
}
