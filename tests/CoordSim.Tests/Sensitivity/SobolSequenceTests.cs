using CoordSim.Experiments;

namespace CoordSim.Tests.Sensitivity;

public class SobolSequenceTests
{
    /// <summary>
    /// The first eight points of the unscrambled sequence in dimensions 1 to 3, derived by hand.
    /// Point n is x_{n−1} ⊕ v_c, where c is the position of the lowest zero bit of n − 1 and v_k = m_k / 2^k.
    /// Dimension 1: m_k = 1, so v = .1, .01, .001 (binary). Dimension 2 (Joe–Kuo line "2 1 0 1": s = 1, a = 0, m_1 = 1):
    /// m_k = 2m_{k−1} ⊕ m_{k−1}, so m = 1, 3, 5 and v = .1, .11, .101. Dimension 3 ("3 2 1 1 3": s = 2, a = 1, m = 1, 3):
    /// m_3 = 2·1·m_2 ⊕ 4m_1 ⊕ m_1 = 6 ⊕ 4 ⊕ 1 = 3, so v = .1, .11, .011.
    /// Dimension 2: .1 → .1⊕.11 = .01 → .01⊕.1 = .11 → .11⊕.101 = .011 → .111 → .111⊕.11 = .001 → .101.
    /// Dimension 3: .1 → .01 → .11 → .110⊕.011 = .101 → .001 → .001⊕.11 = .111 → .011.
    /// </summary>
    [Fact]
    public void The_first_points_of_the_unscrambled_sequence_are_the_published_ones()
    {
        double[][] expected =
        [
            [0, 0, 0],
            [0.5, 0.5, 0.5],
            [0.75, 0.25, 0.25],
            [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625],
            [0.875, 0.875, 0.125],
            [0.625, 0.125, 0.875],
            [0.125, 0.625, 0.375],
        ];

        Assert.Equal(expected, new SobolSequence(3).Points(8));
    }

    /// <summary>
    /// The last dimension held (line "250 11 502 1 3 5 …": m_1 = 1, m_2 = 3, m_3 = 5): point 1 is v_1 = .1,
    /// point 2 is .1 ⊕ .11 = .01, point 3 is .01 ⊕ .1 = .11, point 4 is .11 ⊕ .101 = .011.
    /// </summary>
    [Fact]
    public void The_last_dimension_is_read_from_its_line_of_the_table()
    {
        var sequence = new SobolSequence(SobolSequence.MaxDimensions);
        Assert.Equal([0, 0.5, 0.25, 0.75, 0.375], Enumerable.Range(0, 5).Select(i => sequence.Point(i)[^1]));
        Assert.Equal(250, SobolSequence.MaxDimensions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(7L)]
    [InlineData(2026L)]
    public void Every_coordinate_of_the_first_2_to_the_m_points_holds_one_point_in_each_interval_of_width_2_to_the_minus_m(long? seed)
    {
        var sequence = new SobolSequence(SobolSequence.MaxDimensions, seed);
        var points = sequence.Points(1 << 10);
        for (var m = 1; m <= 10; m++)
        {
            var n = 1 << m;
            for (var j = 0; j < sequence.Dimensions; j++)
            {
                var strata = points.Take(n).Select(p => (int)Math.Floor(p[j] * n)).Order().ToArray();
                Assert.True(strata.SequenceEqual(Enumerable.Range(0, n)), $"dimension {j + 1}, m = {m}: strata {string.Join(",", strata.Take(12))}…");
            }
        }
    }

    [Fact]
    public void Scrambling_is_deterministic_in_the_seed_and_differs_between_seeds()
    {
        Assert.Equal(new SobolSequence(5, 11).Points(16), new SobolSequence(5, 11).Points(16));
        Assert.NotEqual(new SobolSequence(5, 11).Points(16), new SobolSequence(5, 12).Points(16));
        Assert.NotEqual(new SobolSequence(5).Points(16), new SobolSequence(5, 11).Points(16));
        Assert.All(new SobolSequence(5, 11).Points(64).SelectMany(p => p), x => Assert.InRange(x, 0, 1 - 1e-12));
    }

    /// <summary>
    /// The integral of f(x) = ∏_{j=1}^{5} (1 + (x_j − ½)/2 + (x_j − ½)²) over the unit cube is (1 + 1/12)^5, since
    /// ∫(x − ½)dx = 0 and ∫(x − ½)²dx = 1/12. Plain Monte Carlo's root-mean-square error falls as n^−½, so from
    /// n = 2^6 to n = 2^14 (256 times the points) it would shrink 16-fold; randomised Sobol' points on a smooth
    /// function do much better (n^−1 up to logarithms, n^−3/2 for this scrambling). The test asks for more
    /// than a 64-fold fall (a rate steeper than n^−3/4), averaged over 16 scramblings.
    /// </summary>
    [Fact]
    public void A_quasi_Monte_Carlo_integral_of_a_smooth_function_converges_faster_than_one_over_root_n()
    {
        const int d = 5;
        var exact = Math.Pow(1 + (1.0 / 12), d);
        static double F(double[] x) => x.Aggregate(1.0, (p, xj) => p * (1 + ((xj - 0.5) / 2) + ((xj - 0.5) * (xj - 0.5))));

        double Rmse(int n) => Math.Sqrt(Enumerable.Range(1, 16).Average(seed =>
        {
            var estimate = new SobolSequence(d, seed).Points(n).Average(F);
            return (estimate - exact) * (estimate - exact);
        }));

        var small = Rmse(1 << 6);
        var large = Rmse(1 << 14);
        Assert.True(small / large > 64, $"RMSE {small:G3} at n = 64, {large:G3} at n = 16384: ratio {small / large:G3}, Monte Carlo's would be 16");
    }
}
