namespace CoordSim.Plots.Results;

/// <summary>
/// Thrown when a results folder cannot be read: a file is missing, a column is missing, the
/// results are empty, or a value is malformed. The message names the file, and the column and
/// line when they are known, and says what was expected.
/// </summary>
public sealed class ResultsFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what was expected.</param>
    /// <param name="filePath">The file (or folder) that is missing or malformed.</param>
    /// <param name="column">The missing or malformed column, when one is to blame.</param>
    /// <param name="line">The 1-based line of the file (the header is line 1), when one is to blame.</param>
    public ResultsFormatException(string message, string filePath, string? column = null, int? line = null)
        : base(message)
    {
        FilePath = filePath;
        Column = column;
        Line = line;
    }

    /// <summary>The file (or folder) that is missing or malformed.</summary>
    public string FilePath { get; }

    /// <summary>The missing or malformed column, or null.</summary>
    public string? Column { get; }

    /// <summary>The 1-based line (the header is line 1), or null.</summary>
    public int? Line { get; }
}
