using Spectre.Console;

namespace CoordSim.Cli;

/// <summary>
/// Spectre consoles over the writers a command was given. On a terminal Spectre detects colours and the width;
/// anywhere else (a pipe, a file, a test's <see cref="StringWriter"/>) output is plain text without ANSI codes,
/// laid out for a fixed width so tables never break.
/// </summary>
internal static class Terminal
{
    /// <summary>The width tables are laid out for when the output is not a terminal.</summary>
    public const int RedirectedWidth = 240;

    /// <summary>A Spectre console that writes to <paramref name="writer"/>.</summary>
    public static IAnsiConsole Over(TextWriter writer)
    {
        var output = new AnsiConsoleOutput(writer);
        var terminal = output.IsTerminal;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = output,
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
