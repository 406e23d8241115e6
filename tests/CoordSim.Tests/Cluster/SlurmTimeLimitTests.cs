using CoordSim.Cli.Cluster;
using FsCheck.Xunit;

namespace CoordSim.Tests.Cluster;

/// <summary>Slurm time limits are read and written as sbatch's <c>--time</c> takes them.</summary>
public sealed class SlurmTimeLimitTests
{
    [Theory]
    [InlineData("00:10:00", 600, "00:10:00")]
    [InlineData("1:30:05", 5405, "01:30:05")]
    [InlineData("48:00:00", 172800, "2-00:00:00")]
    [InlineData("2-03:04:05", 183845, "2-03:04:05")]
    [InlineData("0-00:00:01", 1, "00:00:01")]
    public void Both_forms_are_read_and_the_limit_is_written_as_sbatch_takes_it(string text, long seconds, string written)
    {
        var limit = SlurmTimeLimit.TryParse(text);
        Assert.NotNull(limit);
        Assert.Equal(seconds, limit.Seconds);
        Assert.Equal(written, limit.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("10:00")]
    [InlineData("00:60:00")]
    [InlineData("00:00:60")]
    [InlineData("1-24:00:00")]
    [InlineData("00:00:00")]
    [InlineData("-1:00:00")]
    [InlineData("1:00:00 ")]
    [InlineData("١:00:00")]
    public void Anything_else_is_refused(string text) => Assert.Null(SlurmTimeLimit.TryParse(text));

    [Property]
    public bool What_is_written_reads_back_as_the_same_limit(FsCheck.PositiveInt seconds)
    {
        var limit = new SlurmTimeLimit(seconds.Get);
        return SlurmTimeLimit.TryParse(limit.ToString()) == limit;
    }
}
