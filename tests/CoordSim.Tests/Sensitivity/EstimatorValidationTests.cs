using CoordSim.Experiments;
using CoordSim.Sensitivity;

namespace CoordSim.Tests.Sensitivity;

/// <summary>
/// The estimators against functions whose indices are known analytically, evaluated at the designs' own unit points
/// (the same points, in the same order, that a sweep runs). A test passes when the analytic value lies inside the
/// estimate's 95% bootstrap interval: the tolerance is the interval the code reports, nothing chosen by hand.
/// </summary>
public class EstimatorValidationTests
{
    private static Factor[] Unit(int count) => Enumerable.Range(0, count).Select(i => Factor.Interval($"x{i}", 0, 1)).ToArray();

    /// <summary>The Ishigami function on [−π, π]³ from unit coordinates.</summary>
    internal static double Ishigami(double[] u)
    {
        const double a = 7, b = 0.1;
        var x = u.Select(v => -Math.PI + (2 * Math.PI * v)).ToArray();
        return Math.Sin(x[0]) + (a * Math.Pow(Math.Sin(x[1]), 2)) + (b * Math.Pow(x[2], 4) * Math.Sin(x[0]));
    }

    /// <summary>Sobol's g-function g(x) = ∏ (|4x_i − 2| + a_i) / (1 + a_i) on [0, 1]^d.</summary>
    internal static double G(double[] x, double[] a) => x.Select((xi, i) => (Math.Abs((4 * xi) - 2) + a[i]) / (1 + a[i])).Aggregate(1.0, (p, v) => p * v);

    private static void Inside(double expected, IndexEstimate estimate, string what) =>
        Assert.True(estimate.Low <= expected && expected <= estimate.High,
            $"{what}: analytic {expected:F4}, estimate {estimate.Value:F4}, 95% interval [{estimate.Low:F4}, {estimate.High:F4}]");

    /// <summary>
    /// Ishigami, a = 7, b = 0.1 (Ishigami and Homma 1990; Saltelli et al. 2008, §4.8): V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½ = 13.8446,
    /// V1 = ½(1 + bπ⁴/5)² = 4.3459, V2 = a²/8 = 6.125, V3 = 0, V13 = b²π⁸(1/18 − 1/50) = 3.3737, no other interaction, so
    /// S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437), S2_12 = 0, S2_13 = 0.2437, S2_23 = 0.
    /// </summary>
    [Fact]
    public void Ishigami_indices_are_reproduced_within_their_bootstrap_intervals()
    {
        const double a = 7, b = 0.1;
        var v = (a * a / 8) + (b * Math.Pow(Math.PI, 4) / 5) + (b * b * Math.Pow(Math.PI, 8) / 18) + 0.5;
        var v1 = 0.5 * Math.Pow(1 + (b * Math.Pow(Math.PI, 4) / 5), 2);
        var v2 = a * a / 8;
        var v13 = b * b * Math.Pow(Math.PI, 8) * ((1.0 / 18) - (1.0 / 50));
        Assert.Equal(13.8446, v, 3);
        double[] s1 = [v1 / v, v2 / v, 0];
        double[] st = [(v1 + v13) / v, v2 / v, v13 / v];
        Assert.Equal([0.3139, 0.4424, 0], s1.Select(x => Math.Round(x, 4)));
        Assert.Equal([0.5576, 0.4424, 0.2437], st.Select(x => Math.Round(x, 4)));

        var design = new SobolDesign(1 << 12, Unit(3), SecondOrder: true, Seed: 1);
        var outputs = design.UnitPoints(0).Select(Ishigami).ToArray();
        var estimates = SobolIndices.Compute(3, secondOrder: true, outputs, seed: 1);

        Assert.Equal(1 << 12, estimates.Rows);
        for (var i = 0; i < 3; i++)
        {
            Inside(s1[i], estimates.FirstOrder[i], $"S1 of x{i + 1}");
            Inside(st[i], estimates.Total[i], $"ST of x{i + 1}");
        }

        Inside(0, estimates.SecondOrder![0, 1]!, "S2 of x1, x2");
        Inside(v13 / v, estimates.SecondOrder[0, 2]!, "S2 of x1, x3");
        Inside(0, estimates.SecondOrder[1, 2]!, "S2 of x2, x3");
        Assert.Null(estimates.SecondOrder[1, 0]);
    }

    /// <summary>
    /// The g-function with a = (0, 1, 4.5, 9, 99, 99, 99, 99) (Saltelli et al. 2010): V_i = 1/(3(1 + a_i)²) =
    /// 0.3333, 0.08333, 0.01102, 0.003333, 3.333e−5 (×4); V = ∏(1 + V_j) − 1 = 0.4654; S_i = V_i / V = 0.7162, 0.1790,
    /// 0.02368, 0.007162, 7.16e−5; ST_i = V_i ∏_{j≠i}(1 + V_j) / V = 0.7871, 0.2422, 0.03432, 0.01046, 1.05e−4.
    /// </summary>
    [Fact]
    public void G_function_indices_are_reproduced_within_their_bootstrap_intervals()
    {
        double[] a = [0, 1, 4.5, 9, 99, 99, 99, 99];
        var vi = a.Select(ai => 1 / (3 * (1 + ai) * (1 + ai))).ToArray();
        var product = vi.Aggregate(1.0, (p, x) => p * (1 + x));
        var v = product - 1;
        var s1 = vi.Select(x => x / v).ToArray();
        var st = vi.Select(x => x * (product / (1 + x)) / v).ToArray();
        Assert.Equal(0.4654, v, 4);
        Assert.Equal([0.7162, 0.1790, 0.0237, 0.0072], s1.Take(4).Select(x => Math.Round(x, 4)));
        Assert.Equal([0.7871, 0.2422, 0.0343, 0.0105], st.Take(4).Select(x => Math.Round(x, 4)));

        var design = new SobolDesign(1 << 13, Unit(8), Seed: 2);
        var outputs = design.UnitPoints(0).Select(x => G(x, a)).ToArray();
        var estimates = SobolIndices.Compute(8, secondOrder: false, outputs, seed: 2);

        Assert.Null(estimates.SecondOrder);
        for (var i = 0; i < 8; i++)
        {
            Inside(s1[i], estimates.FirstOrder[i], $"S1 of x{i + 1}");
            Inside(st[i], estimates.Total[i], $"ST of x{i + 1}");
        }
    }

    [Fact]
    public void Base_rows_with_a_missing_output_are_left_out()
    {
        var design = new SobolDesign(64, Unit(3), Seed: 3);
        var outputs = design.UnitPoints(0).Select(Ishigami).ToArray();
        var full = SobolIndices.Compute(3, false, outputs, resamples: 0);
        outputs[(5 * 5) + 2] = double.NaN; // row 5, A_B^(2)

        var gap = SobolIndices.Compute(3, false, outputs, resamples: 0);

        Assert.Equal(64, full.Rows);
        Assert.Equal(63, gap.Rows);
        Assert.NotEqual(full.FirstOrder[0].Value, gap.FirstOrder[0].Value);
        Assert.True(double.IsFinite(gap.FirstOrder[0].Value));
        Assert.True(double.IsNaN(gap.FirstOrder[0].Low));
    }

    /// <summary>For y = Σ c_i x_i every elementary effect of x_i is c_i: μ = c_i, μ* = |c_i|, σ = 0.</summary>
    [Fact]
    public void Morris_effects_of_a_linear_function_are_its_coefficients()
    {
        double[] c = [3, -2, 0.5, 0, 0];
        var design = new MorrisDesign(10, 4, Unit(5), Seed: 4);
        var points = design.UnitPoints(0);
        var outputs = points.Select(x => x.Select((xi, i) => c[i] * xi).Sum()).ToArray();

        var indices = MorrisIndices.Compute(points, outputs, seed: 4);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(c[i], indices[i].Mu.Value, 10);
            Assert.Equal(Math.Abs(c[i]), indices[i].MuStar.Value, 10);
            Assert.Equal(0, indices[i].Sigma.Value, 10);
            Assert.Equal(10, indices[i].Effects);
        }
    }

    /// <summary>
    /// The g-function with a = (0, 1, 4.5, 9, 99, 99): the larger a_i, the less x_i matters, and the a = 99 factors are nearly
    /// inert (S_i ≈ 7e−5), so Morris's μ* must rank them last; y = x1 + 2x2² + 3x1x3 ignores x4 and x5 entirely, so their μ* is 0
    /// and x3, which acts only through its interaction with x1, has σ > 0.
    /// </summary>
    [Fact]
    public void Morris_ranks_inert_factors_last()
    {
        double[] a = [0, 1, 4.5, 9, 99, 99];
        var design = new MorrisDesign(20, 4, Unit(6), Candidates: 60, Seed: 5);
        var points = design.UnitPoints(0);
        var g = MorrisIndices.Compute(points, points.Select(x => G(x, a)).ToArray(), seed: 5);
        var ranking = g.OrderByDescending(m => m.MuStar.Value).Select(m => m.Factor).ToArray();
        Assert.Equal([4, 5], ranking[^2..].Order());
        Assert.True(g[3].MuStar.Value > 2 * Math.Max(g[4].MuStar.Value, g[5].MuStar.Value));

        var design5 = new MorrisDesign(12, 6, Unit(5), Seed: 6);
        var points5 = design5.UnitPoints(0);
        var y = MorrisIndices.Compute(points5, points5.Select(x => x[0] + (2 * x[1] * x[1]) + (3 * x[0] * x[2])).ToArray(), seed: 6);
        Assert.Equal(0, y[3].MuStar.Value);
        Assert.Equal(0, y[4].MuStar.Value);
        Assert.All(y.Take(3), m => Assert.True(m.MuStar.Value > 0.5, $"factor {m.Factor}: μ* {m.MuStar.Value}"));
        Assert.True(y[2].Sigma.Value > 0.5, $"σ of x3 {y[2].Sigma.Value}");
    }
}
