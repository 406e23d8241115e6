namespace CoordSim.Cli;

/// <summary>Reports bad input on stderr, one <c>error: ...</c> line per problem, and gives the exit code for it.</summary>
internal static class InputErrors
{
    /// <summary>The most characters of a message written on one error line; the rest is cut and counted.</summary>
    public const int MaxMessageLength = 2000;

    /// <summary>The most characters of a value shown back to the user (a command word, a path).</summary>
    public const int MaxShownValue = 200;

    /// <summary>
    /// Writes every problem as one line <c>error: &lt;message&gt;</c> — control characters escaped (so no value can
    /// start a forged line of its own) and a message beyond <see cref="MaxMessageLength"/> characters cut — and
    /// returns <see cref="ExitCodes.BadInput"/>.
    /// </summary>
    public static int Report(TextWriter stderr, IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            stderr.WriteLine("error: " + OneLine(message, MaxMessageLength));
        }

        return ExitCodes.BadInput;
    }

    /// <summary>A value as shown back in a message: control characters escaped, at most <see cref="MaxShownValue"/> characters.</summary>
    public static string Shown(string value) => OneLine(value, MaxShownValue);

    private static string OneLine(string text, int max)
    {
        var builder = new System.Text.StringBuilder(Math.Min(text.Length, max) + 32);
        foreach (var c in text.Length > max ? text[..max] : text)
        {
            if (char.IsControl(c))
            {
                builder.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => $"\\u{(int)c:x4}" });
            }
            else
            {
                builder.Append(c);
            }
        }

        if (text.Length > max)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"… ({text.Length - max} more characters)");
        }

        return builder.ToString();
    }

    /// <summary>Writes every parameter problem (name, value, what is allowed) and returns <see cref="ExitCodes.BadInput"/>.</summary>
    public static int Report(TextWriter stderr, IEnumerable<ParameterError> errors) =>
        Report(stderr, errors.Select(e => e.Message));
}
