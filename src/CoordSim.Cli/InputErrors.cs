namespace CoordSim.Cli;

/// <summary>Reports bad input on stderr, one <c>error: ...</c> line per problem, and gives the exit code for it.</summary>
internal static class InputErrors
{
    /// <summary>Writes every problem as <c>error: &lt;message&gt;</c> and returns <see cref="ExitCodes.BadInput"/>.</summary>
    public static int Report(TextWriter stderr, IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            stderr.WriteLine("error: " + message);
        }

        return ExitCodes.BadInput;
    }

    /// <summary>Writes every parameter problem (name, value, what is allowed) and returns <see cref="ExitCodes.BadInput"/>.</summary>
    public static int Report(TextWriter stderr, IEnumerable<ParameterError> errors) =>
        Report(stderr, errors.Select(e => e.Message));
}
