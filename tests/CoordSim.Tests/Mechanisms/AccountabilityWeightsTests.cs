using CoordSim.Organisation;
using CoordSim.Mechanisms;

namespace CoordSim.Tests.Mechanisms;

public class AccountabilityWeightsTests
{
    [Fact]
    public void Normalise_scales_weights_to_sum_one_and_keeps_proportions()
    {
        var w = new AccountabilityWeights();
        w.Add(new(3), 2);
        w.Add(new(5), 6);
        w.Add(new(3), 2);
        w.Normalise();
        Assert.Equal(2, w.Count);
        Assert.Equal(1.0, w.Total(), 15);
        Assert.Equal(0.4, w.WeightOf(new(3)), 15);
        Assert.Equal(0.6, w.WeightOf(new(5)), 15);
        Assert.Equal(0, w.WeightOf(new(4)));
        Assert.True(w.Contains(new(5)));
        Assert.False(w.Contains(new(4)));
        Assert.Equal(new PersonId(3), w.PersonAt(0));
        Assert.Equal(0.6, w.WeightAt(1), 15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1000)]
    public void Equal_weights_give_n_effective_people_and_entropy_ln_n(int n)
    {
        var w = new AccountabilityWeights();
        for (var i = 0; i < n; i++)
        {
            w.Add(new(i * 3), 1.0);
        }

        w.Normalise();
        Assert.Equal(n, w.Count);
        Assert.Equal(n, w.EffectiveCount(), 9);
        Assert.Equal(Math.Log(n), w.Entropy(), 12);
    }

    [Fact]
    public void Empty_and_zero_weights_are_left_alone()
    {
        var w = new AccountabilityWeights();
        w.Normalise();
        Assert.Equal(0, w.Count);
        Assert.Equal(0, w.EffectiveCount());
        Assert.Equal(0, w.Entropy());
        w.Add(new(1), 0);
        w.Normalise();
        Assert.Equal(0, w.Total());
    }

    [Fact]
    public void Clear_starts_a_new_issue()
    {
        var w = new AccountabilityWeights();
        w.Add(new(1), 1);
        w.Add(new(2), 1);
        w.Clear();
        w.Add(new(9), 3);
        w.Normalise();
        Assert.Equal(1, w.Count);
        Assert.Equal(1, w.WeightOf(new(9)));
        Assert.Equal(0, w.WeightOf(new(1)));
        Assert.Equal(1, w.EffectiveCount());
        Assert.Equal(0, w.Entropy());
    }

    [Fact]
    public void Adding_and_normalising_allocate_nothing_once_grown()
    {
        var w = new AccountabilityWeights();
        Fill(w);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Fill(w);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Fill(AccountabilityWeights w)
    {
        w.Clear();
        for (var p = 0; p < 100; p++)
        {
            w.Add(new(p), p + 1);
        }

        w.Normalise();
        _ = w.EffectiveCount() + w.Entropy();
    }
}
