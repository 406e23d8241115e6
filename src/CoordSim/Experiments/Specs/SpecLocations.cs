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

        var positions = new Positions(lineStarts);

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
                    at.TryAdd(property, positions.Of(utf8, offset));
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    frames.Push((ValuePath(frames, ref property, at, utf8, positions, offset), reader.TokenType == JsonTokenType.StartArray, 0));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                default:
                    ValuePath(frames, ref property, at, utf8, positions, offset);
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
        Dictionary<string, (int, int)> at, ReadOnlySpan<byte> utf8, Positions positions, int offset)
    {
        if (frames.Count == 0)
        {
            at.TryAdd("$", positions.Of(utf8, offset));
            return "$";
        }

        var top = frames.Peek();
        if (top.IsArray)
        {
            frames.Pop();
            frames.Push((top.Path, true, top.Next + 1));
            var path = $"{top.Path}[{top.Next}]";
            at.TryAdd(path, positions.Of(utf8, offset));
            return path;
        }

        var value = property ?? top.Path;
        property = null;
        return value;
    }

    /// <summary>
    /// Line and column (in characters) of byte offsets given in increasing order, as the reader meets tokens: the column
    /// is counted on from the previous token when it is on the same line, so that a spec written on one long line (a
    /// list of 100,000 values) is indexed in linear time, not in time growing with the square of the line's length.
    /// </summary>
    private sealed class Positions(List<int> lineStarts)
    {
        private int _line = -1;
        private int _offset;
        private int _column;

        public (int Line, int Column) Of(ReadOnlySpan<byte> utf8, int offset)
        {
            var line = lineStarts.BinarySearch(offset);
            if (line < 0)
            {
                line = ~line - 1;
            }

            if (line != _line || offset < _offset)
            {
                (_line, _offset, _column) = (line, lineStarts[line], 1);
            }

            for (var i = _offset; i < offset; i++)
            {
                if ((utf8[i] & 0xC0) != 0x80)
                {
                    _column++;
                }
            }

            _offset = offset;
            return (line + 1, _column);
        }
    }
}
