using CoordSim.Metrics;

namespace CoordSim.Tests.Metrics;

/// <summary>The pooled latency sample: it keeps every value past its first array, sorts a copy, and gives R-7 quantiles.</summary>
public class QuantilesTests
{
    [Fact]
    public void Keeps_every_value_beyond_the_first_array_and_sorts_a_copy()
    {
        var q = new Quantiles();
        for (var i = 2500; i > 0; i--)
        {
            q.Add(i);
        }

        var sorted = q.Sorted();

        Assert.Equal(2500, q.Count);
        Assert.Equal(Enumerable.Range(1, 2500).Select(i => (double)i), sorted);
        q.Add(0.5);
        Assert.Equal(2500, sorted.Length);   // the copy does not see later values
        Assert.Equal(0.5, q.Sorted()[0]);
    }

    [Fact]
    public void Clear_forgets_the_values()
    {
        var q = new Quantiles();
        q.Add(3);
        q.Add(1);
        q.Clear();
        q.Add(2);

        Assert.Equal(1, q.Count);
        Assert.Equal([2.0], q.Sorted());
    }

    [Theory]
    [InlineData(0.0, 10)]
    [InlineData(0.5, 25)]     // h = 1.5: halfway between 20 and 30
    [InlineData(0.9, 37)]     // h = 2.7: 30 + 0.7·10
    [InlineData(1.0, 40)]
    public void Quantiles_interpolate_between_order_statistics_as_R_type_7(double tau, double expected)
    {
        Assert.Equal(expected, Quantiles.At([10, 20, 30, 40], tau), 12);
    }

    [Fact]
    public void The_quantile_of_an_empty_sample_is_undefined()
    {
        Assert.True(double.IsNaN(Quantiles.At([], 0.5)));
    }
}
