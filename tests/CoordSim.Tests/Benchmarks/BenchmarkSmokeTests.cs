using CoordSim.Benchmarks;
using CoordSim.Organisation;
using CoordSim.Structures;

namespace CoordSim.Tests.Benchmarks;

/// <summary>
/// Runs every benchmark method once, in process and at tiny sizes (not through BenchmarkDotNet),
/// so the suites keep compiling and running in CI. No timing is asserted; what is asserted is
/// that each benchmark simulates what it claims to.
/// </summary>
public class BenchmarkSmokeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Hold_keeps_the_queue_size_and_moves_the_clock(int pending)
    {
        var benchmark = new EventQueueBenchmarks { Pending = pending };
        benchmark.Setup();
        var first = benchmark.Hold();
        var second = benchmark.Hold();
        Assert.True(first > 0 && second > first, $"the clock should advance: {first}, {second}");
    }

    [Fact]
    public void Every_structure_runs_at_the_small_size()
    {
        Assert.Equal(StructureCatalog.All.Select(s => s.Name), RunBenchmarks.Structures);
        foreach (var structure in RunBenchmarks.Structures)
        {
            var benchmark = new RunBenchmarks { Structure = structure, Size = "small" };
            benchmark.Setup();
            var result = benchmark.Run();
            Assert.Equal(structure, result.Structure);
            Assert.True(result.Issues.Arrived > 0, $"{structure}: no issue arrived");
            Assert.Equal(result.Issues.Arrived, result.Issues.Resolved + result.Issues.Pending);
            Assert.Equal(result.Events, EventsPerSecondColumn.EventsOf(structure, "small"));
        }
    }

    [Fact]
    public void Sizes_are_the_documented_organisations()
    {
        Assert.Equal(["small", "default", "default-v1", "large"], Scenarios.Sizes);
        Assert.Equal(ParameterPresets.V1.Parameters, Scenarios.Sized("default-v1"));
        Assert.Equal(Parameters.Default, Scenarios.Sized("default"));
        var small = OrganisationBuilder.Hierarchy(Scenarios.Sized("small")).Build();
        Assert.Equal(1 + (4 * (1 + 3 + 9)) + Parameters.Default.Deputies, small.PersonCount);
        var large = OrganisationBuilder.Hierarchy(Scenarios.Sized("large")).Build();
        Assert.Equal(1 + (8 * (1 + 6 + 36 + 216 + 1296)) + Parameters.Default.Deputies, large.PersonCount);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Scenarios.Sized("huge"));
        Assert.Contains("huge", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1000)]
    [InlineData(10_000)]
    public void Scaling_organisations_have_exactly_the_stated_number_of_people(long people)
    {
        var organisation = OrganisationBuilder.Hierarchy(Scenarios.Organisation(people, 100)).Build();
        Assert.Equal(people, organisation.PersonCount);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(99)]
    public void Scaling_organisations_reject_sizes_that_are_not_powers_of_ten(long people) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Scenarios.Organisation(people, 100));

    [Theory]
    [InlineData("people", 10, 200)]
    [InlineData("issues", 0, 200)]
    public void Scaling_points_run_every_issue_to_resolution(string series, long people, long issues)
    {
        var benchmark = new ScalingBenchmarks { Point = new ScalingPoint(series, people, issues) };
        benchmark.Setup();
        var result = benchmark.Run();
        Assert.Equal(issues, result.Issues.Arrived);
        Assert.Equal(issues, result.Issues.Resolved);
    }

    [Fact]
    public void The_scaling_series_grow_by_factors_of_ten()
    {
        var points = ScalingPoint.BothSeries(maxPeopleExponent: 6, maxIssuesExponent: 7);
        Assert.Equal([1_000L, 10_000, 100_000, 1_000_000], points.Where(p => p.Series == "people").Select(p => p.People));
        Assert.Equal([10_000L, 100_000, 1_000_000, 10_000_000], points.Where(p => p.Series == "issues").Select(p => p.Issues));
        Assert.Equal(points, ScalingBenchmarks.Points);
    }

    [Fact]
    public void A_backlog_point_leaves_most_issues_in_flight()
    {
        // Memory per person and per issue is only meaningful in a process of its own (the
        // --scaling mode); other tests allocate in parallel here, so only the counts are checked.
        var measurement = ScalingMeasurement.Measure(new ScalingPoint("backlog", 0, 20_000));
        Assert.Equal(20_000, measurement.Arrived);
        Assert.True(measurement.Pending > 10_000, $"only {measurement.Pending} in flight");
        Assert.False(double.IsNaN(measurement.BytesPerInFlightIssue));
        Assert.True(measurement.PeakWorkingSetBytes > 0);
    }

    [Fact]
    public void A_measurement_survives_the_trip_between_processes()
    {
        var measurement = ScalingMeasurement.Measure(new ScalingPoint("people", 100, 300));
        Assert.Equal(100, measurement.People);
        Assert.Equal(300, measurement.Arrived);
        Assert.Equal(measurement, ScalingMeasurement.Parse(measurement.Serialize()));
        var table = ScalingTable.Format([measurement]);
        Assert.Contains("B/in-flight", table, StringComparison.Ordinal);
        Assert.Equal(2, table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Throws<FormatException>(() => ScalingMeasurement.Parse("people;1"));
    }

    [Fact]
    public void The_profile_loop_runs_and_rejects_bad_input()
    {
        Assert.Equal(0, ProfileLoop.Run(["hierarchy", "small", "1"]));
        Assert.Equal(2, ProfileLoop.Run(["no-such-structure", "small", "1"]));
        Assert.Equal(2, ProfileLoop.Run(["hierarchy", "medium", "1"]));
        Assert.Equal(2, ProfileLoop.Run(["hierarchy", "small", "0"]));
        Assert.Equal(2, ProfileLoop.Run(["hierarchy"]));
        Assert.Equal(0, ProfileLoop.Run(["task-force", "small", "1", "noiseSigma=0", "dropProbability=0"]));
        Assert.Equal(2, ProfileLoop.Run(["hierarchy", "small", "1", "noiseSigma=-1"]));
        Assert.Equal(2, ProfileLoop.Run(["hierarchy", "small", "1", "noSuchParameter=1"]));
        Assert.Equal(2, ProfileLoop.Run(["hierarchy", "small", "1", "noiseSigma"]));
    }

    [Fact]
    public void The_quick_configuration_names_one_short_job_over_the_headline_suites()
    {
        var config = QuickConfig.Create();
        var job = Assert.Single(config.GetJobs());
        Assert.Equal("Quick", job.Id);
        Assert.Equal([typeof(EventQueueBenchmarks), typeof(RunBenchmarks)], QuickConfig.Suites);
    }
}
