using CoordSim.Experiments;

namespace CoordSim.Tests.Experiments;

/// <summary>A run's rows copied from a shard's journal into the merged one (<see cref="RowSpan.Copy"/>).</summary>
public class RowSpanTests
{
    private static string Journal(int bytes)
    {
        var path = Path.Combine(SweepFixture.TempFolder("row-span"), "runs.csv");
        File.WriteAllBytes(path, Enumerable.Range(0, bytes).Select(i => (byte)('a' + (i % 26))).ToArray());
        return path;
    }

    [Fact]
    public void A_span_longer_than_the_buffer_is_copied_whole_and_alone()
    {
        var path = Journal(100);
        using var source = new FileStream(path, FileMode.Open, FileAccess.Read);
        using var target = new MemoryStream();

        new RowSpan(17, 90, "").Copy(source, target, new byte[8]);

        Assert.Equal(File.ReadAllBytes(path)[17..90], target.ToArray());
    }

    /// <summary>
    /// A shard's journal cut after its checksums were checked (by another process: the merge holds the folder's lock, a
    /// careless user does not need it) ends before the span does. The merge must stop with the file's name, not loop
    /// forever on reads of nothing nor write a short row.
    /// </summary>
    [Fact]
    public async Task A_journal_that_ends_before_the_span_is_named_not_waited_on()
    {
        var path = Journal(50);
        using var source = new FileStream(path, FileMode.Open, FileAccess.Read);
        using var target = new MemoryStream();

        var copy = Task.Run(() => new RowSpan(10, 80, "").Copy(source, target, new byte[16]));

        Assert.Same(copy, await Task.WhenAny(copy, Task.Delay(TimeSpan.FromSeconds(30))));
        var e = Assert.IsType<InvalidDataException>(copy.Exception!.InnerException);
        Assert.Equal($"{path} ended while it was merged.", e.Message);
        Assert.Equal(40, target.Length);
    }
}
