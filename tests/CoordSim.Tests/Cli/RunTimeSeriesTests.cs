using System.Text.Json;
using CoordSim.Metrics;
using CoordSim.Structures;

namespace CoordSim.Tests.Cli;

/// <summary><c>coordsim run --time-series DAYS</c>: the run's time series after its table, or as the JSON's <c>timeSeries</c> member.</summary>
public class RunTimeSeriesTests
{
    private static readonly string[] Small = ["--set", "departments=4", "levels=3", "span=3", "arrivalRate=15", "horizonDays=60", "warmupDays=0"];

    [Fact]
    public void The_json_is_the_runs_json_with_a_time_series_member_holding_the_librarys_series()
    {
        var plain = CliInvocation.Run(["run", "--json", "--structure", "leading-group", "--seed", "4", .. Small]);
        var sampled = CliInvocation.Run(["run", "--json", "--structure", "leading-group", "--seed", "4", "--time-series", "7", .. Small]);

        Assert.Equal((0, 0), (plain.ExitCode, sampled.ExitCode));
        Assert.Equal("", sampled.Stderr);
        var p = Parameters.Default with { Departments = 4, Levels = 3, Span = 3, ArrivalRate = 15, HorizonDays = 60, WarmupDays = 0 };
        var (result, series) = Simulation.RunWithTimeSeries(Structure.LeadingGroup(), p, 4, 7);
        Assert.Equal(TimeSeriesJson.WithRun(result, series) + Environment.NewLine, sampled.Stdout);
        using var doc = JsonDocument.Parse(sampled.Stdout);
        var samples = doc.RootElement.GetProperty("timeSeries").EnumerateArray().ToArray();
        Assert.Equal([7, 14, 21, 28, 35, 42, 49, 56, 60], samples.Select(s => s.GetProperty("day").GetDouble()));
        Assert.Equal(3 + 1, samples[0].GetProperty("utilisation").GetArrayLength());
        Assert.Equal(doc.RootElement.GetProperty("meetings").GetInt32(), samples.Sum(s => s.GetProperty("meetings").GetInt32()));

        // Everything before the series is the run's JSON as it is without the option.
        var members = doc.RootElement.EnumerateObject().Select(m => m.Name).ToArray();
        Assert.Equal("timeSeries", members[^1]);
        using var without = JsonDocument.Parse(plain.Stdout);
        Assert.Equal(without.RootElement.EnumerateObject().Select(m => m.Name), members[..^1]);
        Assert.Equal(plain.Stdout.TrimEnd()[..^1].TrimEnd(), sampled.Stdout[..sampled.Stdout.IndexOf(",\n  \"timeSeries\"", StringComparison.Ordinal)]);
    }

    [Fact]
    public void Without_the_option_the_output_is_the_plain_runs()
    {
        var run = CliInvocation.Run(["run", "--json", "--seed", "9", .. Small]);

        var p = Parameters.Default with { Departments = 4, Levels = 3, Span = 3, ArrivalRate = 15, HorizonDays = 60, WarmupDays = 0 };
        Assert.Equal(Simulation.Run(Structure.Hierarchy(), p, 9).ToJson() + Environment.NewLine, run.Stdout);
        Assert.DoesNotContain("timeSeries", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_is_followed_by_the_series_table_with_a_row_per_sample_and_a_column_per_level()
    {
        var plain = CliInvocation.Run(["run", "--structure", "task-force", .. Small]);
        var run = CliInvocation.Run(["run", "--structure", "task-force", "--time-series", "20", .. Small]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(plain.Stdout, run.Stdout, StringComparison.Ordinal);
        var series = run.Stdout[plain.Stdout.Length..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time series every 20.00 days: issues at the day (warm-up included); utilisation (%), meetings and person-days away over the interval ending then", series[0]);
        var header = series.Single(l => l.Contains("│   day │", StringComparison.Ordinal) || l.Contains("│ day ", StringComparison.Ordinal));
        foreach (var column in new[] { "arrived", "resolved", "backlog", "frontline", "division", "department head", "government leaders", "meetings", "meeting days", "brief days" })
        {
            Assert.Contains(column, header, StringComparison.Ordinal);
        }

        var days = series.Where(l => l.StartsWith("│ ", StringComparison.Ordinal) && !l.Contains("day", StringComparison.Ordinal))
            .Select(l => l.Split('│', StringSplitOptions.TrimEntries)[1]).ToArray();
        Assert.Equal(["20.00", "40.00", "60.00"], days);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("abc")]
    [InlineData("0,5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void A_bad_interval_exits_2_naming_the_option_the_value_and_what_is_allowed(string value)
    {
        var run = CliInvocation.Run("run", "--time-series", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal($"error: --time-series = \"{value}\" is not allowed: a number of days greater than 0 (the interval between samples), written with a decimal point.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void An_interval_too_short_for_the_horizon_exits_2_naming_the_option_as_written()
    {
        var run = CliInvocation.Run("run", "--json", "--time-series", "1e-7", "--set", "horizonDays=100");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal("error: --time-series = \"1e-7\" is not allowed: at least horizonDays / 1000000 = 0.0001 days for horizonDays = 100, so that a run has at most 1000000 samples.",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void A_bad_interval_is_reported_with_the_other_problems()
    {
        var run = CliInvocation.Run("run", "--time-series", "-1", "--seed", "x", "--set", "span=0");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(3, run.ErrorLines.Length);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("error: --time-series = \"-1\"", StringComparison.Ordinal));
    }
}
