using System.Globalization;

namespace CoordSim.Tests.Cli.Fuzzing;

/// <summary>
/// One edit of a command line's tokens (after the command word and the cheap budget, see <see cref="CliCase"/>). Each
/// picks its token by an index taken modulo the number of tokens there are when it applies, so that every list of
/// mutations applies to every command line and removing one (FsCheck's shrinking) leaves a case that still applies.
/// </summary>
public abstract record ArgMutation
{
    /// <summary>Applies the edit to <paramref name="tokens"/> in place.</summary>
    public abstract void Apply(List<string> tokens);

    private protected static int At(int index, int count) => count == 0 ? 0 : (int)((uint)index % (uint)count);

    private protected static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Drops a token.</summary>
public sealed record DropToken(int Index) : ArgMutation
{
    /// <inheritdoc/>
    public override void Apply(List<string> tokens)
    {
        if (tokens.Count > 0)
        {
            tokens.RemoveAt(At(Index, tokens.Count));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"drop token {I(Index)}";
}

/// <summary>Repeats a token right after itself.</summary>
public sealed record DuplicateToken(int Index) : ArgMutation
{
    /// <inheritdoc/>
    public override void Apply(List<string> tokens)
    {
        if (tokens.Count > 0)
        {
            var at = At(Index, tokens.Count);
            tokens.Insert(at, tokens[at]);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"duplicate token {I(Index)}";
}

/// <summary>Swaps two tokens.</summary>
public sealed record SwapTokens(int First, int Second) : ArgMutation
{
    /// <inheritdoc/>
    public override void Apply(List<string> tokens)
    {
        if (tokens.Count > 1)
        {
            var (a, b) = (At(First, tokens.Count), At(Second, tokens.Count));
            (tokens[a], tokens[b]) = (tokens[b], tokens[a]);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"swap tokens {I(First)} and {I(Second)}";
}

/// <summary>Replaces a token (an option, a value, a path) by a hostile value.</summary>
public sealed record ReplaceToken(int Index, HostileValue Value) : ArgMutation
{
    /// <inheritdoc/>
    public override void Apply(List<string> tokens)
    {
        if (tokens.Count > 0)
        {
            tokens[At(Index, tokens.Count)] = Value.Text;
        }
        else
        {
            tokens.Add(Value.Text);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"replace token {I(Index)} by {Value}";
}

/// <summary>Inserts a token: a hostile value, or an option (known or not) where it may not belong.</summary>
public sealed record InsertToken(int Index, HostileValue Value) : ArgMutation
{
    /// <inheritdoc/>
    public override void Apply(List<string> tokens) => tokens.Insert(At(Index, tokens.Count + 1), Value.Text);

    /// <inheritdoc/>
    public override string ToString() => $"insert {Value} at {I(Index)}";
}

/// <summary>Joins an option and the token after it into <c>--option=value</c> (or <c>--option:value</c>).</summary>
public sealed record JoinWithEquals(int Index, char Separator) : ArgMutation
{
    /// <inheritdoc/>
    public override void Apply(List<string> tokens)
    {
        var options = Enumerable.Range(0, Math.Max(0, tokens.Count - 1)).Where(i => tokens[i].StartsWith('-')).ToArray();
        if (options.Length > 0)
        {
            var at = options[At(Index, options.Length)];
            tokens[at] = tokens[at] + Separator + tokens[at + 1];
            tokens.RemoveAt(at + 1);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"join option {I(Index)} and its value with '{Separator}'";
}

/// <summary>Replaces the value of a <c>name=value</c> assignment by a hostile value.</summary>
public sealed record ReplaceAssignedValue(int Index, HostileValue Value) : ArgMutation
{
    /// <inheritdoc/>
    public override void Apply(List<string> tokens)
    {
        var assignments = Enumerable.Range(0, tokens.Count).Where(i => tokens[i].IndexOf('=', StringComparison.Ordinal) > 0).ToArray();
        if (assignments.Length > 0)
        {
            var at = assignments[At(Index, assignments.Length)];
            tokens[at] = tokens[at][..(tokens[at].IndexOf('=', StringComparison.Ordinal) + 1)] + Value.Text;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"assignment {I(Index)} gets value {Value}";
}

/// <summary>Renames the parameter of a <c>name=value</c> assignment (to a near miss of a real name, or another real one).</summary>
public sealed record RenameAssignment(int Index, string Name) : ArgMutation
{
    /// <inheritdoc/>
    public override void Apply(List<string> tokens)
    {
        var assignments = Enumerable.Range(0, tokens.Count).Where(i => tokens[i].IndexOf('=', StringComparison.Ordinal) > 0).ToArray();
        if (assignments.Length > 0)
        {
            var at = assignments[At(Index, assignments.Length)];
            tokens[at] = Name + tokens[at][tokens[at].IndexOf('=', StringComparison.Ordinal)..];
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"assignment {I(Index)} renamed {HostileValue.Escape(Name)}";
}

/// <summary>Adds <c>--set name=value</c> at the end: a real or near-miss name with a hostile value.</summary>
public sealed record AddAssignment(string Name, HostileValue Value) : ArgMutation
{
    /// <inheritdoc/>
    public override void Apply(List<string> tokens)
    {
        tokens.Add("--set");
        tokens.Add(Name + "=" + Value.Text);
    }

    /// <inheritdoc/>
    public override string ToString() => $"add --set {HostileValue.Escape(Name)}={Value}";
}
