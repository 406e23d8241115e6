using CoordSim.Cli.Cluster;

namespace CoordSim.Tests.Cluster;

/// <summary>The memory and time a task asks for follow from the run estimate, with their safety factors and floors.</summary>
public sealed class ShardEstimateTests
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public void The_time_limit_grows_with_the_runs_per_shard_beyond_the_floor()
    {
        var limits = new[] { 10, 100, 200, 400 }.Select(runs => new ShardEstimate(runs, 1, 100 * Megabyte, 10).TimeLimit.Seconds).ToArray();

        // 10 runs of 10 s: 100 s, three times that is 5 min, below the 10-minute floor.
        Assert.Equal(ShardEstimate.TimeFloorMinutes * 60, limits[0]);

        // 100 runs of 10 s on one core: 1000 s, three times that is 50 min; 200 runs 100 min; 400 runs 200 min.
        Assert.Equal([50 * 60, 100 * 60, 200 * 60], limits[1..]);
    }

    [Fact]
    public void More_cores_share_the_runs_and_the_limit_is_rounded_up_to_whole_minutes()
    {
        // 100 runs of 10 s on 4 cores: 250 s, three times that is 750 s = 12.5 min, asked as 13 min.
        Assert.Equal(13 * 60, new ShardEstimate(100, 4, 100 * Megabyte, 10).TimeLimit.Seconds);
    }

    [Fact]
    public void Memory_is_twice_the_largest_run_times_the_runs_at_once_and_at_least_the_floor()
    {
        Assert.Equal(ShardEstimate.MemoryFloorMegabytes, new ShardEstimate(10, 1, 100 * Megabyte, 1).MemoryMegabytes);
        Assert.Equal(2 * 300 * 4, new ShardEstimate(10, 4, 300 * Megabyte, 1).MemoryMegabytes);

        // A shard of 2 runs holds at most 2 at once, whatever its cores.
        Assert.Equal(2 * 300 * 2, new ShardEstimate(2, 8, 300 * Megabyte, 1).MemoryMegabytes);
    }

    [Fact]
    public void Runs_that_were_not_timed_have_no_time_limit()
    {
        var estimate = new ShardEstimate(10, 1, 100 * Megabyte, double.NaN);
        Assert.False(estimate.Timed);
        Assert.Throws<InvalidOperationException>(() => estimate.TimeLimit);
    }
}
