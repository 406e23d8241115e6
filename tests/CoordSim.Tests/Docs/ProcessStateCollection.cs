namespace CoordSim.Tests.Docs;

/// <summary>Tests that change process-wide state (current directory, Console.Out) run alone, never beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessStateCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Process-wide state";
}
