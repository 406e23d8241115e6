using System.Globalization;
using System.Text;

namespace CoordSim.Tests.Cli.Fuzzing;

/// <summary>
/// One edit of a JSON file's bytes, after the tree is written: the text cut short, a byte-order mark, a comment, a
/// trailing comma, invalid UTF-8, a NUL, or the whole file in UTF-16. Positions are per-mille of the length, so that
/// an edit applies to any text.
/// </summary>
public abstract record TextMutation
{
    /// <summary>The edited bytes.</summary>
    public abstract byte[] Apply(byte[] bytes);

    private protected static int Position(int perMille, int length) => (int)((long)Math.Clamp(perMille, 0, 1000) * length / 1000);

    private protected static byte[] Insert(byte[] bytes, int at, byte[] inserted) => [.. bytes.AsSpan(0, at), .. inserted, .. bytes.AsSpan(at)];

    private protected static string P(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Cuts the text at a position (0 leaves an empty file).</summary>
public sealed record Truncate(int PerMille) : TextMutation
{
    /// <inheritdoc/>
    public override byte[] Apply(byte[] bytes) => bytes[..Position(PerMille, bytes.Length)];

    /// <inheritdoc/>
    public override string ToString() => $"cut at {P(PerMille)}‰";
}

/// <summary>Inserts bytes at a position: a byte-order mark, invalid UTF-8 (a lone continuation byte, a cut sequence, an encoded surrogate, an overlong NUL), a NUL.</summary>
public sealed record InsertBytes(int PerMille, byte[] Bytes) : TextMutation
{
    /// <inheritdoc/>
    public override byte[] Apply(byte[] bytes) => Insert(bytes, Position(PerMille, bytes.Length), Bytes);

    /// <inheritdoc/>
    public override string ToString() => $"insert bytes {Convert.ToHexString(Bytes)} at {P(PerMille)}‰";
}

/// <summary>Inserts text at the start of the line holding a position: a comment, a stray comma or bracket.</summary>
public sealed record InsertText(int PerMille, string Text) : TextMutation
{
    /// <inheritdoc/>
    public override byte[] Apply(byte[] bytes)
    {
        var at = Position(PerMille, bytes.Length);
        while (at > 0 && bytes[at - 1] != (byte)'\n')
        {
            at--;
        }

        return Insert(bytes, at, Encoding.UTF8.GetBytes(Text));
    }

    /// <inheritdoc/>
    public override string ToString() => $"insert {HostileValue.Escape(Text)} at the line of {P(PerMille)}‰";
}

/// <summary>Puts a comma before a closing bracket or brace: a trailing comma.</summary>
public sealed record TrailingComma(int Index) : TextMutation
{
    /// <inheritdoc/>
    public override byte[] Apply(byte[] bytes)
    {
        var closers = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] is (byte)'}' or (byte)']').ToArray();
        return closers.Length == 0 ? bytes : Insert(bytes, closers[(int)((uint)Index % (uint)closers.Length)], [(byte)',']);
    }

    /// <inheritdoc/>
    public override string ToString() => $"trailing comma before closer {P(Index)}";
}

/// <summary>Writes the whole text in UTF-16 (with its byte-order mark), as some editors save it.</summary>
public sealed record Utf16 : TextMutation
{
    /// <inheritdoc/>
    public override byte[] Apply(byte[] bytes) => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(bytes))];

    /// <inheritdoc/>
    public override string ToString() => "written in UTF-16";
}
