using System.Text;
using System.Text.RegularExpressions;

namespace CoordSim.Tests.Docs;

/// <summary>
/// Compares the output a document shows with the output a command printed. Both are normalised first, and only for
/// what legitimately differs between machines and runs:
/// <list type="bullet">
/// <item>the folder the command ran in is written <c>&lt;repo&gt;</c>;</item>
/// <item>a sweep's progress lines (<c>129/150 runs (86%), 25.6 runs/s, ETA 00:00</c>) are left out, as their number
/// and rates depend on the machine's speed; the <c>Done:</c> line's seconds and runs per second are written
/// <c>N</c>;</item>
/// <item>the time, threads and memory of <c>validate</c>'s estimate, which depend on the machine's processors,
/// memory and speed, are written <c>N</c>.</item>
/// </list>
/// A line of the shown output that is only <c>...</c> or <c>…</c> stands for any number of lines left out (in JSON,
/// for any members left out). Text is compared line by line, trailing spaces ignored; JSON token by token, whitespace
/// outside strings ignored.
/// </summary>
internal static partial class ShownOutput
{
    /// <summary><paramref name="text"/> normalised as the class summary says, <paramref name="workspace"/> being the folder the command ran in.</summary>
    public static string Normalise(string text, string workspace)
    {
        text = MarkedSection.Normalise(text).Replace(workspace, "<repo>", StringComparison.Ordinal);
        var lines = text.Split('\n')
            .Where(l => !Progress().IsMatch(l))
            .Select(l => Done().Replace(l, "in N s (N runs/s)"))
            .Select(l => l.TrimStart().StartsWith("estimate:", StringComparison.Ordinal) ? EstimateMemory().Replace(EstimateTime().Replace(l, "about N on N threads"), "up to N of memory") : l)
            .Select(l => l.TrimEnd());
        return string.Join('\n', lines).Trim('\n');
    }

    /// <summary>Null when <paramref name="actual"/> is what <paramref name="shown"/> shows, else a sentence saying where they part.</summary>
    public static string? Mismatch(string shown, string actual, ShownKind kind)
    {
        var chunks = new List<string>();
        var current = new List<string>();
        var openStart = false;
        var openEnd = false;
        var lines = shown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() is "..." or "…")
            {
                if (chunks.Count == 0 && current.Count == 0)
                {
                    openStart = true;
                }

                chunks.Add(string.Join('\n', current));
                current.Clear();
                openEnd = i == lines.Length - 1 || lines[(i + 1)..].All(l => l.Trim().Length == 0);
            }
            else
            {
                current.Add(lines[i]);
                openEnd = openEnd && lines[i].Trim().Length == 0;
            }
        }

        chunks.Add(string.Join('\n', current));
        chunks = chunks.Select(c => kind == ShownKind.Json ? Compact(c) : c.Trim('\n')).ToList();
        var text = kind == ShownKind.Json ? Compact(actual) : "\n" + actual + "\n";
        var position = 0;
        for (var k = 0; k < chunks.Count; k++)
        {
            var chunk = chunks[k];
            if (chunk.Length == 0)
            {
                continue;
            }

            var needle = kind == ShownKind.Json ? chunk : "\n" + chunk + "\n";
            var anchoredStart = k == 0 && !openStart;
            var anchoredEnd = k == chunks.Count - 1 && !openEnd;
            var found = anchoredEnd && !anchoredStart ? text.LastIndexOf(needle, StringComparison.Ordinal) : text.IndexOf(needle, position, StringComparison.Ordinal);
            if (found < position || (anchoredStart && found != 0) || (anchoredEnd && found + needle.Length != text.Length))
            {
                return $"the shown output's part {k + 1} of {chunks.Count} is not where it should be in the actual output; first shown line of it: " +
                    $"'{chunk.Split('\n').FirstOrDefault(l => l.Length > 0)}'; first line of the actual output that differs: '{FirstDifference(chunk, text[Math.Min(position, text.Length)..])}'";
            }

            position = found + needle.Length - (kind == ShownKind.Json ? 0 : 1);
        }

        return null;
    }

    /// <summary>JSON text without the whitespace outside its strings.</summary>
    public static string Compact(string json)
    {
        var result = new StringBuilder(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                result.Append(c);
                if (c == '\\' && i + 1 < json.Length)
                {
                    result.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                result.Append(c);
            }
            else if (!char.IsWhiteSpace(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static string FirstDifference(string shown, string actual)
    {
        var wanted = shown.Split('\n').Where(l => l.Length > 0).ToArray();
        var got = actual.Split('\n').Where(l => l.Length > 0).ToArray();
        for (var i = 0; i < got.Length; i++)
        {
            if (i >= wanted.Length || wanted[i] != got[i])
            {
                return got[i].Length > 300 ? got[i][..300] + "…" : got[i];
            }
        }

        return got.Length < wanted.Length ? "(the output ends there)" : "(none: the parts are in a different order)";
    }

    [GeneratedRegex(@"^\d+/\d+ runs \(\d+%\), [\d.]+ runs/s, ETA .+$")]
    private static partial Regex Progress();

    [GeneratedRegex(@"in [\d.]+ s \([\d.]+ runs/s\)")]
    private static partial Regex Done();

    [GeneratedRegex(@"about [\d.]+ (?:s|min|h|days) on \d+ threads")]
    private static partial Regex EstimateTime();

    [GeneratedRegex(@"up to [\d.]+ [kMGT]?B of memory")]
    private static partial Regex EstimateMemory();
}
