namespace CoordSim.Tests.Cli;

/// <summary>
/// A NUL character in an argument (only an in-process caller can pass one) is refused before any command runs: the
/// fuzzer found <c>sweep spec.json -o 'a\0b' --resume</c> ending in .NET's "Null character in path" with a stack trace.
/// </summary>
public class NulArgumentTests
{
    [Theory]
    [InlineData(new[] { "sweep", "spec.json", "-o", "a\0b", "--resume" }, 4)]
    [InlineData(new[] { "plot", "results\0" }, 2)]
    [InlineData(new[] { "run", "--structure-file", "s\0.json" }, 3)]
    [InlineData(new[] { "merge", "one", "two", "--out", "\0" }, 5)]
    public void An_argument_with_a_nul_exits_2_naming_it_without_a_stack_trace(string[] args, int position)
    {
        var before = Directory.GetFileSystemEntries(Directory.GetCurrentDirectory()).Length;

        var run = CliInvocation.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"error: argument {position} = \"", line);
        Assert.Contains("\\u0000", line);
        Assert.EndsWith("is not allowed: command-line values cannot hold a NUL character.", line);
        Assert.Equal(before, Directory.GetFileSystemEntries(Directory.GetCurrentDirectory()).Length);
    }
}
