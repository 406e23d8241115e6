namespace CoordSim.Tests.Cli.Fuzzing;

/// <summary>
/// A known-good command line of <c>coordsim</c>, split into the command word, a budget that keeps a valid run cheap
/// (<c>--set maxIssues=150 warmupDays=0</c> for run and compare; later assignments may override it) and the tokens the
/// fuzzer edits. Paths name files of the case's <see cref="FuzzWorkspace"/>.
/// </summary>
public sealed record GoodCommandLine(string Command, string[] Budget, string[] Tokens, int Weight)
{
    /// <summary>The command line as typed.</summary>
    public override string ToString() => string.Join(' ', new[] { Command }.Concat(Budget).Concat(Tokens));
}

/// <summary>
/// One fuzz case of the command line: a <see cref="GoodCommandLine"/>, possibly another command word, and the
/// mutations applied to its tokens in order. Printed as the mutations and the resulting arguments, so that a
/// counterexample can be run by hand.
/// </summary>
public sealed record CliCase(GoodCommandLine Good, HostileValue? Command, IReadOnlyList<ArgMutation> Mutations)
{
    /// <summary>The arguments given to <c>coordsim</c>.</summary>
    public string[] Args
    {
        get
        {
            var tokens = Good.Tokens.ToList();
            foreach (var mutation in Mutations)
            {
                mutation.Apply(tokens);
            }

            return [Command?.Text ?? Good.Command, .. Good.Budget, .. tokens];
        }
    }

    /// <summary>True when an argument names the results folder, which the workspace then copies in.</summary>
    public bool UsesResults => Args.Any(a => a.Contains(FuzzWorkspace.ResultsFolder, StringComparison.Ordinal));

    /// <summary>The smaller cases FsCheck tries when this one fails: without the other command word, or without one mutation.</summary>
    public IEnumerable<CliCase> Shrink()
    {
        if (Command is not null)
        {
            yield return this with { Command = null };
        }

        for (var i = 0; i < Mutations.Count; i++)
        {
            yield return this with { Mutations = Mutations.Where((_, j) => j != i).ToArray() };
        }
    }

    /// <summary>The good command line, the mutations and the arguments they give.</summary>
    public override string ToString() =>
        $"from: coordsim {Good}{Environment.NewLine}" +
        $"mutations: {(Command is null ? "" : $"command {Command}; ")}{string.Join("; ", Mutations)}{Environment.NewLine}" +
        $"args: {FuzzRunner.Show(Args)}";
}
