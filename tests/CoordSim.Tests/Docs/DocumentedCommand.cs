namespace CoordSim.Tests.Docs;

/// <summary>
/// One <c>coordsim …</c> command a Markdown document shows, with the output it shows for it when it shows one.
/// </summary>
/// <param name="Source">The document, relative to the repository root (for messages).</param>
/// <param name="Line">The 1-based line of the command in the document.</param>
/// <param name="Arguments">The command's arguments after <c>coordsim</c> (or after <c>dotnet run --project src/CoordSim.Cli … --</c>).</param>
/// <param name="Shown">The output the document shows, or null when it shows none.</param>
/// <param name="Kind">Whether <paramref name="Shown"/> is text compared line by line or JSON compared token by token.</param>
/// <param name="Stream">Which of the command's streams <paramref name="Shown"/> holds.</param>
internal sealed record DocumentedCommand(
    string Source,
    int Line,
    IReadOnlyList<string> Arguments,
    string? Shown,
    ShownKind Kind,
    ShownStream Stream)
{
    /// <summary>The command as a reader would type it, for messages.</summary>
    public string Text => "coordsim " + string.Join(' ', Arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));

    /// <summary>Where the command is, for messages: <c>docs/cli.md:123</c>.</summary>
    public string Place => $"{Source}:{Line}";

    /// <summary>
    /// A usage line rather than an example: it holds a placeholder (a word in capitals such as <c>SPEC</c> or
    /// <c>DIR</c>, or <c>[</c>, <c>&lt;</c>, <c>...</c>, <c>|</c> between alternatives).
    /// </summary>
    public bool IsSynopsis => Arguments.Any(a =>
        a.Contains('[', StringComparison.Ordinal) || a.Contains('<', StringComparison.Ordinal) || a.Contains("...", StringComparison.Ordinal)
        || a == "|" || (a.Length > 0 && a.All(c => char.IsUpper(c) || c == '_' || char.IsDigit(c)) && a.Any(char.IsLetter)));

    /// <summary>The exit code the example promises: 2 when its shown output has a line starting <c>error:</c>, else 0.</summary>
    public int ExpectedExitCode => Shown is not null && Shown.Split('\n').Any(l => l.StartsWith("error:", StringComparison.Ordinal)) ? 2 : 0;
}
