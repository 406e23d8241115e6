using System.Text.Json;

namespace CoordSim.Experiments;

/// <summary>
/// Where each field and array element of a JSON spec starts (1-based line and column), by JSON
/// path, so that errors found after parsing can point into the file.
/// </summary>
internal sealed class SpecLocations
{
    private readonly Dictionary<string, (int Line, int Column)> _at;

    private SpecLocations(Dictionary<string, (int Line, int Column)> at)
    {
        _at = at;
    }

    /// <summary>Indexes the fields of valid JSON in <paramref name="utf8"/>.</summary>
    public static SpecLocations Index(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var at = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var frames = new Stack<(string Path, bool IsArray, int Next)>();
        string? property = null;
        var reader = new Utf8JsonReader(utf8, options);
        while (reader.Read())
        {
            var offset = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = frames.Peek().Path + "." + reader.GetString();
                    at.TryAdd(property, Position(utf8, lineStarts, offset));
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    frames.Push((ValuePath(frames, ref property, at, utf8, lineStarts, offset), reader.TokenType == JsonTokenType.StartArray, 0));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                default:
                    ValuePath(frames, ref property, at, utf8, lineStarts, offset);
                    break;
            }
        }

        return new SpecLocations(at);
    }

    /// <summary>The error with the line and column of its path, or of the nearest enclosing field that is in the file.</summary>
    public SpecError Locate(SpecError error)
    {
        if (error.Line is not null)
        {
            return error;
        }

        var path = error.Path;
        while (true)
        {
            if (_at.TryGetValue(path, out var position))
            {
                return error with { Line = position.Line, Column = position.Column };
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return error;
            }

            path = path[..cut];
        }
    }

    private static string ValuePath(Stack<(string Path, bool IsArray, int Next)> frames, ref string? property,
        Dictionary<string, (int, int)> at, ReadOnlySpan<byte> utf8, List<int> lineStarts, int offset)
    {
        if (frames.Count == 0)
        {
            at.TryAdd("$", Position(utf8, lineStarts, offset));
            return "$";
        }

        var top = frames.Peek();
        if (top.IsArray)
        {
            frames.Pop();
            frames.Push((top.Path, true, top.Next + 1));
            var path = $"{top.Path}[{top.Next}]";
            at.TryAdd(path, Position(utf8, lineStarts, offset));
            return path;
        }

        var value = property ?? top.Path;
        property = null;
        return value;
    }

    private static (int Line, int Column) Position(ReadOnlySpan<byte> utf8, List<int> lineStarts, int offset)
    {
        var line = lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var column = 1;
        for (var i = lineStarts[line]; i < offset; i++)
        {
            if ((utf8[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line + 1, column);
    }
}
