using System.Text;
using System.Text.RegularExpressions;

namespace CoordSim.Tests.Docs;

/// <summary>
/// Reads the <c>coordsim …</c> commands of a Markdown document and the outputs it shows for them. The conventions
/// (docs/cli.md, "Examples in these documents are tested"):
/// <list type="bullet">
/// <item>A fenced block with lines starting <c>$ </c> is a transcript: each <c>$ coordsim …</c> line is a command
/// and the lines up to the next <c>$ </c> line are its output (standard output and standard error as they came).</item>
/// <item><c>&lt;!-- example: coordsim … --&gt;</c> on the line before a fenced block says the block is that command's
/// output; <c>&lt;!-- example, stderr: coordsim … --&gt;</c> that it is its standard error only. A block fenced
/// <c>```json</c> is compared as JSON.</item>
/// <item><c>&lt;!-- example file NAME --&gt;</c> before a fenced block: the block is the file NAME the commands after
/// it read.</item>
/// <item>Any other <c>coordsim …</c> line of a fenced block, or <c>`coordsim …`</c> in the text, is a command
/// without shown output; one with a placeholder (<c>SPEC</c>, <c>[--json]</c>, <c>&lt;command&gt;</c>) is a usage line.</item>
/// </list>
/// <c>dotnet run --project src/CoordSim.Cli [-c Release] -- …</c> is read as <c>coordsim …</c>.
/// </summary>
internal static partial class DocumentedCommands
{
    /// <summary>Every command of the document at <paramref name="relative"/>, in document order, and the files its examples read.</summary>
    public static (IReadOnlyList<DocumentedCommand> Commands, IReadOnlyList<(string Name, string Content, int Line)> Files) In(string relative)
    {
        var lines = MarkedSection.Normalise(File.ReadAllText(RepositoryFiles.PathOf(relative))).Split('\n');
        var commands = new List<DocumentedCommand>();
        var files = new List<(string, string, int)>();
        var prose = new StringBuilder();
        var proseLines = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                prose.Append(lines[i]).Append('\n');
                proseLines.Add(i + 1);
                continue;
            }

            var info = fence.Groups["info"].Value.Trim();
            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].TrimEnd() != fence.Groups["fence"].Value)
            {
                end++;
            }

            var body = lines[start..Math.Min(end, lines.Length)];
            var marker = Previous(lines, i);
            var kind = info == "json" ? ShownKind.Json : ShownKind.Text;
            if (marker is not null && Marker().Match(marker) is { Success: true } m)
            {
                if (m.Groups["file"].Success)
                {
                    files.Add((m.Groups["file"].Value, string.Join('\n', body) + "\n", start));
                }
                else
                {
                    var arguments = Command(m.Groups["command"].Value)
                        ?? throw new InvalidOperationException($"{relative}:{i}: the example marker names no coordsim command: {marker}");
                    var stream = m.Groups["stderr"].Success ? ShownStream.Stderr : ShownStream.Both;
                    commands.Add(new DocumentedCommand(relative, i, arguments, string.Join('\n', body), kind, stream));
                }
            }
            else if (body.Any(l => l.StartsWith("$ ", StringComparison.Ordinal)))
            {
                for (var j = 0; j < body.Length; j++)
                {
                    if (!body[j].StartsWith("$ ", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var next = j + 1;
                    while (next < body.Length && !body[next].StartsWith("$ ", StringComparison.Ordinal))
                    {
                        next++;
                    }

                    if (Command(body[j][2..]) is { } arguments)
                    {
                        commands.Add(new DocumentedCommand(relative, start + j + 1, arguments, string.Join('\n', body[(j + 1)..next]), kind, ShownStream.Both));
                    }
                }
            }
            else
            {
                for (var j = 0; j < body.Length; j++)
                {
                    if (Command(body[j]) is { } arguments)
                    {
                        commands.Add(new DocumentedCommand(relative, start + j + 1, arguments, null, kind, ShownStream.Both));
                    }
                }
            }

            i = end;
        }

        var text = prose.ToString();
        foreach (Match span in InlineCommand().Matches(text))
        {
            if (Command(span.Groups["command"].Value.Replace('\n', ' ')) is { } arguments)
            {
                var line = proseLines[text[..span.Index].Count(c => c == '\n')];
                commands.Add(new DocumentedCommand(relative, line, arguments, null, ShownKind.Text, ShownStream.Both));
            }
        }

        return (commands, files);
    }

    /// <summary>
    /// The arguments of a command line if it is a coordsim command, else null: a leading <c>$ </c>, a trailing
    /// <c># comment</c> and a redirection (<c>&gt; file</c>, <c>| jq</c>) are left out.
    /// </summary>
    public static IReadOnlyList<string>? Command(string line)
    {
        var tokens = Tokens(line.Trim());
        if (tokens.Count > 0 && tokens[0] == "$")
        {
            tokens.RemoveAt(0);
        }

        var comment = tokens.FindIndex(t => t.StartsWith('#'));
        if (comment >= 0)
        {
            tokens.RemoveRange(comment, tokens.Count - comment);
        }

        List<string> arguments;
        if (tokens.Count > 0 && tokens[0] == "coordsim")
        {
            arguments = tokens[1..];
        }
        else if (tokens.Count >= 4 && tokens[0] == "dotnet" && tokens[1] == "run" && tokens[2] == "--project" && tokens[3].TrimEnd('/') == "src/CoordSim.Cli")
        {
            var separator = tokens.IndexOf("--");
            if (separator < 0)
            {
                return null;
            }

            arguments = tokens[(separator + 1)..];
        }
        else
        {
            return null;
        }

        if (!arguments.Any(a => a.Contains('[', StringComparison.Ordinal)))
        {
            var redirect = arguments.FindIndex(a => a is "|" or "2>&1" || a.StartsWith('>'));
            if (redirect >= 0)
            {
                arguments.RemoveRange(redirect, arguments.Count - redirect);
            }
        }

        return arguments;
    }

    private static List<string> Tokens(string line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inToken = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inToken = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inToken)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    inToken = false;
                }
            }
            else
            {
                current.Append(c);
                inToken = true;
            }
        }

        if (inToken)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static string? Previous(string[] lines, int index) => index > 0 && lines[index - 1].TrimStart().StartsWith("<!--", StringComparison.Ordinal) ? lines[index - 1].Trim() : null;

    [GeneratedRegex(@"^(?<fence>```+)(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^<!-- example(?:(?<stderr>, stderr)?: (?<command>.+)| file (?<file>\S+)) -->$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"`(?<command>(?:coordsim|dotnet run --project src/CoordSim\.Cli)\b[^`]*)`")]
    private static partial Regex InlineCommand();
}
