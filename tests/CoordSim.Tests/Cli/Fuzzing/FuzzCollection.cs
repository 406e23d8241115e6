namespace CoordSim.Tests.Cli.Fuzzing;

/// <summary>
/// The fuzz tests run alone, after the tests that run in parallel: each case sets the process's current directory to
/// its working folder (so that relative paths in fuzzed arguments land there), and timing a case is only fair on an
/// otherwise idle machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Fuzz";
}
