using System.Text.Json;
using CoordSim.Metrics;
using CoordSim.Structures;

namespace CoordSim.Tests.Metrics;

/// <summary>The time series of a run (Simulation.RunWithTimeSeries): it reads the run without changing it, and adds up to the run's own measures.</summary>
public class TimeSeriesTests
{
    private static readonly Parameters Small = Parameters.Default with
    {
        Departments = 4, Levels = 3, Span = 3, ArrivalRate = 15, HorizonDays = 60, WarmupDays = 0,
    };

    /// <summary>Runs that exercise every mechanism the series reads: meetings, briefs, bodies formed and dissolved (re-rated services), a crisis, parallel servers, runs that end early.</summary>
    public static TheoryData<string, string, double> Scenarios() => new()
    {
        { "hierarchy", "", 7 },
        { "hierarchy", "serversPerPerson=2", 0.37 },
        { "leading-group", "", 7 },
        { "leading-group", "", 10 },
        { "task-force", "", 7 },
        { "task-force", "missionDays=20 restartAfter=10 formationDelay=3", 2.5 },
        { "command-hq", "crisisStart=20 crisisDays=15", 4 },
        { "office", "formOn=crisis crisisStart=20 crisisDays=15", 3 },
        { "office", "", 100 },
        { "hierarchy", "maxIssues=300", 5 },
        { "hierarchy", "maxPending=300 arrivalRate=40", 1 },
        { "task-force", "warmupDays=30", 6 },
    };

    private static Parameters With(string settings)
    {
        var p = Small;
        foreach (var assignment in settings.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = assignment.Split('=');
            var info = ParameterCatalog.Get(parts[0]);
            Assert.True(info.TryParse(parts[1], out var value, out _), assignment);
            p = info.With(p, value!);
        }

        return p;
    }

    private static (RunResult Plain, RunResult Sampled, TimeSeries Series) Run(string structure, string settings, double interval, long seed = 3)
    {
        var s = StructureCatalog.Find(structure)!;
        var p = With(settings);
        var plain = Simulation.Run(s, p, seed);
        var (sampled, series) = Simulation.RunWithTimeSeries(s, p, seed, interval);
        return (plain, sampled, series);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Sampling_does_not_change_the_run(string structure, string settings, double interval)
    {
        var (plain, sampled, series) = Run(structure, settings, interval);

        Assert.Equal(plain.ToJson(), sampled.ToJson());
        Assert.Equal(plain.Events, sampled.Events);
        Assert.NotEmpty(series.Samples);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Samples_fall_on_multiples_of_the_interval_before_the_end_and_the_last_at_the_end(string structure, string settings, double interval)
    {
        var (_, result, series) = Run(structure, settings, interval);

        var days = series.Samples.Select(s => s.Day).ToArray();
        var regular = Enumerable.Range(1, days.Length - 1).Select(k => k * interval).ToArray();
        Assert.Equal(regular, days[..^1]);
        Assert.All(regular, day => Assert.True(day < result.SimulatedDays));
        Assert.Equal(result.SimulatedDays, days[^1]);
        Assert.True(days[^1] - (days.Length > 1 ? days[^2] : 0) <= interval);
        Assert.Equal(interval, series.IntervalDays);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Backlog_is_arrived_minus_resolved_and_the_counts_never_go_down(string structure, string settings, double interval)
    {
        var (_, _, series) = Run(structure, settings, interval);

        Assert.All(series.Samples, s => Assert.Equal(s.Arrived - s.Resolved, s.Backlog));
        foreach (var (before, after) in series.Samples.Zip(series.Samples.Skip(1)))
        {
            Assert.True(after.Arrived >= before.Arrived, $"arrived fell at day {after.Day}");
            Assert.True(after.Resolved >= before.Resolved, $"resolved fell at day {after.Day}");
        }

        Assert.True(series.Samples[^1].Resolved > 0);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_last_sample_holds_the_runs_counts(string structure, string settings, double interval)
    {
        var (_, result, series) = Run(structure, settings, interval);
        var last = series.Samples[^1];

        Assert.Equal(result.Stability.BacklogEnd, last.Backlog);
        if (result.Parameters.WarmupDays == 0)
        {
            // Every issue is measured: the series' counts are the run's.
            Assert.Equal(result.Issues.Arrived, last.Arrived);
            Assert.Equal(result.Issues.Resolved, last.Resolved);
            Assert.Equal(result.Issues.Pending, last.Backlog);
        }
        else
        {
            // The run counts the issues discovered after the warm-up: the series' arrivals since the warm-up's last day.
            var atWarmup = series.Samples.Single(s => s.Day == result.Parameters.WarmupDays);
            Assert.Equal(result.Issues.Arrived, last.Arrived - atWarmup.Arrived);
            Assert.True(last.Resolved > result.Issues.Resolved);
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_time_weighted_mean_of_each_levels_utilisation_is_the_runs_utilisation(string structure, string settings, double interval)
    {
        var (_, result, series) = Run(structure, settings, interval);

        Assert.Equal(result.Utilisation.ByLevel.Count, series.Levels.Count);
        Assert.Equal(result.Utilisation.ByLevel.Select(l => l.Title), series.Levels);
        for (var level = 0; level < series.Levels.Count; level++)
        {
            var previous = 0.0;
            var area = 0.0;
            foreach (var s in series.Samples)
            {
                Assert.InRange(s.Utilisation[level], 0, 1 + 1e-9);
                area += s.Utilisation[level] * (s.Day - previous);
                previous = s.Day;
            }

            Assert.Equal(result.Utilisation.ByLevel[level].Mean, area / result.SimulatedDays, 9);
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Meetings_and_days_away_over_the_intervals_add_up_to_the_runs(string structure, string settings, double interval)
    {
        var (_, result, series) = Run(structure, settings, interval);

        Assert.Equal(result.Meetings, series.Samples.Sum(s => s.Meetings));
        Assert.Equal(result.Attendance.MeetingDays, series.Samples.Sum(s => s.MeetingDays), 9);
        Assert.Equal(result.Attendance.ReportDays, series.Samples.Sum(s => s.ReportDays), 9);
        Assert.All(series.Samples, s => Assert.True(s.Meetings >= 0 && s.MeetingDays >= -1e-12 && s.ReportDays >= -1e-12));
    }

    [Fact]
    public void The_scenarios_exercise_meetings_briefs_and_early_ends()
    {
        var runs = Scenarios().Select(row => Run((string)row[0], (string)row[1], (double)row[2])).ToArray();

        Assert.True(runs.Any(r => r.Sampled.Structure == "leading-group" && r.Series.Samples.Count(s => s.Meetings > 0) > 1), "no leading group met in several intervals");
        Assert.True(runs.Any(r => r.Sampled.Structure == "task-force" && r.Series.Samples.Count(s => s.ReportDays > 0) > 1), "no task force briefed in several intervals");
        Assert.True(runs.Any(r => r.Sampled.Stability.StoppedEarly && r.Series.Samples.Count > 3), "no run stopped early after a few samples");
        Assert.True(runs.Any(r => !r.Sampled.Stability.StoppedEarly && r.Sampled.SimulatedDays < r.Sampled.Parameters.HorizonDays), "no run drained before the horizon");
        Assert.True(runs.Any(r => r.Sampled.Parameters.ServersPerPerson > 1), "no run with parallel servers");
    }

    [Fact]
    public void Utilisation_follows_the_load_within_the_run()
    {
        // A crisis triples the arrivals from day 20 to day 35: the frontline is busier then than before.
        var (_, _, series) = Run("hierarchy", "crisisStart=20 crisisDays=15", 5);

        var before = series.Samples.Where(s => s.Day <= 20).Average(s => s.Utilisation[0]);
        var during = series.Samples.Where(s => s.Day > 25 && s.Day <= 35).Average(s => s.Utilisation[0]);
        Assert.True(during > 1.5 * before, $"frontline {during:P1} during the crisis, {before:P1} before");
    }

    [Fact]
    public void An_interval_longer_than_the_run_gives_one_sample_at_the_end_with_the_runs_utilisation()
    {
        var (_, result, series) = Run("leading-group", "", 1000);

        var only = Assert.Single(series.Samples);
        Assert.Equal(60, only.Day);
        foreach (var level in result.Utilisation.ByLevel)
        {
            Assert.Equal(level.Mean, only.Utilisation[level.Level], 12);
        }

        Assert.Equal(result.Meetings, only.Meetings);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e-6)]
    public void A_bad_interval_names_intervalDays_the_value_and_what_is_allowed(double interval)
    {
        var e = Assert.Throws<ParameterException>(() => Simulation.RunWithTimeSeries(Structure.Hierarchy(), Small, 1, interval));

        var error = Assert.Single(e.Errors);
        Assert.Equal("intervalDays", error.Name);
        Assert.Contains(interval > 0 && double.IsFinite(interval) ? "at most 1000000 samples" : "greater than 0", error.Allowed, StringComparison.Ordinal);
        Assert.StartsWith("intervalDays = ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_has_one_object_per_sample_with_utilisation_by_level()
    {
        var (_, _, series) = Run("task-force", "", 20);

        using var doc = JsonDocument.Parse(series.ToJson());
        var samples = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(series.Samples.Count, samples.Length);
        Assert.Equal(["day", "arrived", "resolved", "backlog", "utilisation", "meetings", "meetingDays", "reportDays"], samples[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(series.Samples[1].Backlog, samples[1].GetProperty("backlog").GetInt64());
        Assert.Equal(series.Samples[1].Utilisation, samples[1].GetProperty("utilisation").EnumerateArray().Select(u => u.GetDouble()));
        Assert.Equal(series.Samples[^1].ReportDays, samples[^1].GetProperty("reportDays").GetDouble());
    }

    [Fact]
    public void The_run_json_with_a_series_is_the_runs_json_with_one_more_member()
    {
        var (_, result, series) = Run("leading-group", "", 15);

        var json = TimeSeriesJson.WithRun(result, series);

        var withoutSeries = WithoutSeries(json);
        Assert.Equal(result.ToJson(), withoutSeries);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(series.Samples.Count, doc.RootElement.GetProperty("timeSeries").GetArrayLength());
    }

    /// <summary>
    /// At most <see cref="TimeSeries.MaxSamples"/> samples: over 10⁶ days an interval of 1 day gives exactly 10⁶ samples
    /// (a ratio exact in binary) and is allowed; one a little shorter is refused with the least interval, 10⁶ / 10⁶ = 1 day.
    /// </summary>
    [Fact]
    public void An_interval_giving_exactly_the_most_samples_is_allowed_and_a_shorter_one_names_the_least()
    {
        Assert.Null(TimeSeries.IntervalProblem(1, 1_000_000));
        Assert.Equal(
            "at least horizonDays / 1000000 = 1 days for horizonDays = 1000000, so that a run has at most 1000000 samples",
            TimeSeries.IntervalProblem(0.999, 1_000_000));
        Assert.Equal(TimeSeries.AllowedText, TimeSeries.IntervalProblem(0, 100));
        Assert.Equal(TimeSeries.AllowedText, TimeSeries.IntervalProblem(double.NaN, 100));
    }

    [Fact]
    public void A_run_with_its_series_needs_both()
    {
        var r = Simulation.RunWithTimeSeries(Structure.Hierarchy(), Small, 1, 10);
        Assert.Throws<ArgumentNullException>(() => TimeSeriesJson.WithRun(null!, r.Series));
        Assert.Throws<ArgumentNullException>(() => TimeSeriesJson.WithRun(r.Result, null!));
    }

    /// <summary>
    /// Undefined figures stay null: a run whose top-level figure is undefined (staff days NaN, set by hand) keeps its
    /// null member when the series is appended, and a level's utilisation that is undefined in a sample is null.
    /// </summary>
    [Fact]
    public void Undefined_figures_are_null_in_the_run_with_its_series()
    {
        var (_, result, series) = Run("hierarchy", "", 15);
        var run = result with { StaffDays = double.NaN };
        var sample = series.Samples[0] with { Utilisation = [double.NaN, .. series.Samples[0].Utilisation.Skip(1)] };
        var json = TimeSeriesJson.WithRun(run, series with { Samples = [sample, .. series.Samples.Skip(1)] });

        var withoutSeries = WithoutSeries(json);
        Assert.Equal(run.ToJson(), withoutSeries);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("staffDays").ValueKind);
        var first = doc.RootElement.GetProperty("timeSeries")[0].GetProperty("utilisation");
        Assert.Equal(JsonValueKind.Null, first[0].ValueKind);
        Assert.Equal(JsonValueKind.Number, first[1].ValueKind);
    }

    /// <summary>The run's JSON from a run-with-series JSON: everything before the last member, <c>timeSeries</c>.</summary>
    private static string WithoutSeries(string json) =>
        json[..json.LastIndexOf(",\n  \"timeSeries\"", StringComparison.Ordinal)] + "\n}";
}
