namespace CoordSim.Tests.Notebooks;

/// <summary>One cell of a notebook: its kernel (<c>csharp</c> or <c>markdown</c>) and its text, without trailing blank lines.</summary>
/// <param name="Kernel">"csharp" for code, "markdown" for text.</param>
/// <param name="Source">The cell's text, lines separated by "\n".</param>
internal sealed record NotebookCell(string Kernel, string Source)
{
    /// <summary>True for a code cell.</summary>
    public bool IsCode => Kernel != "markdown";
}
