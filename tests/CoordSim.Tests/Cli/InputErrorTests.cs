using System.Globalization;
using CoordSim.Engine;
using CoordSim.Structures;

namespace CoordSim.Tests.Cli;

public class InputErrorTests
{
    public static TheoryData<string[], string[]> BadInputs()
    {
        var share = ParameterCatalog.Get("crossDepartmentShare").AllowedText;
        var span = ParameterCatalog.Get("span").AllowedText;
        var discipline = ParameterCatalog.Get("queueDiscipline").AllowedText;
        var maxSeed = SeedDerivation.MaxPublicSeed.ToString(CultureInfo.InvariantCulture);
        return new TheoryData<string[], string[]>
        {
            { ["run", "--set", "crossDepartmentShar=0.4"], ["crossDepartmentShar", "did you mean crossDepartmentShare?", "coordsim params"] },
            { ["run", "--set", "crossDepartmentShare=abc"], ["crossDepartmentShare", "\"abc\"", share] },
            { ["run", "--set", "crossDepartmentShare=0,4"], ["crossDepartmentShare", "\"0,4\"", share, "decimal point"] },
            { ["run", "--set", "crossDepartmentShare=1.5"], ["crossDepartmentShare", "1.5", share] },
            { ["run", "--set", "span=0"], ["span", "0", span] },
            { ["run", "--set", "span=2.5"], ["span", "2.5", span] },
            { ["run", "--set", "queueDiscipline=lifo"], ["queueDiscipline", "\"lifo\"", discipline] },
            { ["run", "--set", "span"], ["--set", "\"span\"", "name=value"] },
            { ["run", "--set", "=3"], ["--set", "\"=3\"", "name=value"] },
            { ["run", "--set", "warmupDays=400"], ["warmupDays", "400", "less than horizonDays"] },
            { ["run", "--structure", "nonesuch"], ["structure", "\"nonesuch\"", "one of " + StructureCatalog.Names] },
            { ["run", "--seed", "-1"], ["seed", "\"-1\"", maxSeed] },
            { ["run", "--seed", "9007199254740992"], ["seed", "\"9007199254740992\"", maxSeed] },
            { ["run", "--seed", "1.5"], ["seed", "\"1.5\"", maxSeed] },
            { ["run", "--seed", "1e3"], ["seed", "\"1e3\"", maxSeed] },
            { ["run", "--seed", "abc"], ["seed", "\"abc\"", maxSeed] },
            { ["run", "--json", "--seed", "99999999999999999999"], ["seed", "\"99999999999999999999\"", maxSeed] },
            { ["compare", "--structures", "hierarchy,nonesuch"], ["structures", "\"nonesuch\"", "one of " + StructureCatalog.Names] },
            { ["compare", "--structures", "hierarchy,,"], ["structures", "\"hierarchy,,\"", "comma-separated"] },
            { ["compare", "--json", "--set", "levels=11"], ["levels", "11", ParameterCatalog.Get("levels").AllowedText] },
            { ["compare", "--seed", "-3"], ["seed", "\"-3\"", maxSeed] },
        };
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_with_2_names_field_value_and_allowed_text_and_writes_nothing_on_stdout(string[] args, string[] expected)
    {
        var run = CliInvocation.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.NotEmpty(run.ErrorLines);
        Assert.All(run.ErrorLines, line => Assert.StartsWith("error: ", line, StringComparison.Ordinal));
        foreach (var text in expected)
        {
            Assert.Contains(text, run.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var run = CliInvocation.Run("run", "--structure", "nonesuch", "--seed", "-1", "--set", "span=0", "levels=x", "oops");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(5, run.ErrorLines.Length);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("error: structure = ", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("error: seed = ", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("error: span = ", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("error: levels = ", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("error: --set = \"oops\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("run", "--bogus")]
    [InlineData("nonesuch")]
    [InlineData("run", "--seed")]
    [InlineData("run", "--set")]
    [InlineData("params", "extra")]
    [InlineData]
    public void Command_line_syntax_errors_exit_with_2_and_nothing_on_stdout(params string[] args)
    {
        var run = CliInvocation.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith("error: ", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("--help", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    [InlineData("compare", "-h")]
    public void Help_succeeds_on_stdout(params string[] args)
    {
        var run = CliInvocation.Run(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
    }
}
