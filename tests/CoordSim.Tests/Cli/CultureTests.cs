using System.Globalization;

namespace CoordSim.Tests.Cli;

public class CultureTests
{
    /// <summary>
    /// A culture that writes numbers the German way (decimal comma, dot grouping). The build runs with
    /// InvariantGlobalization, where "de-DE" cannot be created, so its number format is set by hand.
    /// </summary>
    private static CultureInfo GermanNumbers()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.CurrencyDecimalSeparator = ",";
        return culture;
    }

    [Theory]
    [InlineData("run", "--json", "--set", "maxIssues=300", "warmupDays=0", "crossDepartmentShare=0.35")]
    [InlineData("run", "--set", "maxIssues=300", "warmupDays=0", "crossDepartmentShare=0.35")]
    [InlineData("compare", "--set", "maxIssues=200", "warmupDays=0", "noiseSigma=0.15")]
    [InlineData("compare", "--json", "--set", "maxIssues=200", "warmupDays=0")]
    [InlineData("params")]
    [InlineData("params", "--json")]
    [InlineData("run", "--set", "noiseSigma=1.5")]
    public void Output_is_identical_under_a_decimal_comma_culture(params string[] args)
    {
        var invariant = CliInvocation.Run(args);
        var saved = CultureInfo.CurrentCulture;
        CliInvocation german;
        try
        {
            CultureInfo.CurrentCulture = GermanNumbers();
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture)); // the culture really is in force
            german = CliInvocation.Run(args);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.Equal(invariant.ExitCode, german.ExitCode);
        Assert.Equal(invariant.Stdout, german.Stdout);
        Assert.Equal(invariant.Stderr, german.Stderr);
    }
}
