using CoordSim.Engine;

namespace CoordSim.Tests.Engine;

/// <summary>
/// Which bits of the generator each System.Random override uses: xoshiro256**'s upper bits, taken from the pinned
/// outputs of seed 42 (0x15780B2E0C2EC716, 0x6104D9866D113A7E, 0xAE17533239E499A1) by shifting, as the
/// generator's authors advise; and the ranges and guards of the bounded overrides.
/// </summary>
public class RandomStreamBitsTests
{
    private static readonly ulong[] Pinned = [0x15780B2E0C2EC716UL, 0x6104D9866D113A7EUL, 0xAE17533239E499A1UL];

    [Fact]
    public void Next_is_the_top_31_bits()
    {
        var r = new RandomStream(42);
        Assert.Equal(Pinned.Select(u => (int)(u >> 33)), Enumerable.Range(0, 3).Select(_ => r.Next()));
    }

    [Fact]
    public void NextInt64_is_the_top_63_bits()
    {
        var r = new RandomStream(42);
        Assert.Equal(Pinned.Select(u => (long)(u >> 1)), Enumerable.Range(0, 3).Select(_ => r.NextInt64()));
    }

    [Fact]
    public void NextSingle_is_the_top_24_bits_over_two_to_the_24()
    {
        var r = new RandomStream(42);
        Assert.Equal([0x15780B / 16777216f, 0x6104D9 / 16777216f, 0xAE1753 / 16777216f], Enumerable.Range(0, 3).Select(_ => r.NextSingle()));
    }

    [Fact]
    public void NextOpenDouble_is_NextDouble_moved_up_by_half_a_step()
    {
        // The top 53 bits k give k / 2^53 in [0, 1) and (k + ½) / 2^53 in (0, 1): the open value is never below the
        // closed one of the same bits, and above it wherever half a step 2^-54 is representable (below ½).
        var closed = new RandomStream(42);
        var open = new RandomStream(42);
        Assert.Equal((0x15780B2E0C2EC716UL >> 11) / 9007199254740992.0, closed.NextDouble());
        Assert.Equal(((0x15780B2E0C2EC716UL >> 11) + 0.5) / 9007199254740992.0, open.NextOpenDouble());
        for (var i = 0; i < 10_000; i++)
        {
            var c = closed.NextDouble();
            var o = open.NextOpenDouble();
            Assert.True(o >= c, $"open {o} below closed {c}");
            if (c < 0.5)
            {
                Assert.Equal(c + Math.Pow(2, -54), o);
            }
        }
    }

    [Fact]
    public void NextInt64_with_bounds_stays_in_a_range_away_from_zero_and_covers_it()
    {
        var r = new RandomStream(3);
        var seen = new HashSet<long>();
        for (var i = 0; i < 2000; i++)
        {
            var x = r.NextInt64(10, 20);
            Assert.InRange(x, 10L, 19L);
            seen.Add(x);
        }

        Assert.Equal(10, seen.Count);
        Assert.Equal(7L, r.NextInt64(7, 7));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => r.NextInt64(20, 10));
        Assert.Equal("minValue", error.ParamName);
    }

    [Fact]
    public void A_zero_bound_gives_zero_without_drawing_from_the_stream()
    {
        // A range with one value needs no randomness: the stream goes on where it was, so later draws are unchanged.
        var r = new RandomStream(42);
        Assert.Equal(0UL, r.NextBounded(0));
        Assert.Equal(0, r.Next(0));
        Assert.Equal(Pinned[0], r.NextUInt64());
    }
}
