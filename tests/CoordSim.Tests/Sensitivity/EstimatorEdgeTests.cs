using CoordSim.Experiments;
using CoordSim.Sensitivity;
using MathNet.Numerics.Statistics;

namespace CoordSim.Tests.Sensitivity;

/// <summary>
/// The estimators' exact arithmetic and their refusals, on hand-made points and outputs whose every figure is worked
/// out by hand below: Morris's σ with its n − 1, trajectories left out for a missing output, the bootstrap's level and
/// its undefined cases, the Sobol' variance of outputs that do not average zero, and the messages for inputs that are
/// not whole trajectories or base rows. <see cref="EstimatorValidationTests"/> checks the same estimators against
/// analytic indices, within their intervals; these checks are exact.
/// </summary>
public class EstimatorEdgeTests
{
    /// <summary>One factor, a trajectory per pair of points: (x, y₀) then (x', y₁), elementary effect (y₁ − y₀)/(x' − x).</summary>
    private static (double[][] Points, double[] Outputs) OneFactor(params (double From, double To, double Y0, double Y1)[] steps) =>
        (steps.SelectMany(s => new[] { new[] { s.From }, new[] { s.To } }).ToArray(),
         steps.SelectMany(s => new[] { s.Y0, s.Y1 }).ToArray());

    /// <summary>
    /// Effects 1, −4 and 2: μ = −1/3, μ* = 7/3, σ = √(((4/3)² + (11/3)² + (7/3)²)/2) = √(186/18) = √(31/3) (the sample
    /// standard deviation, n − 1 = 2).
    /// </summary>
    [Fact]
    public void Morris_mu_mu_star_and_sigma_are_the_effects_mean_absolute_mean_and_sample_deviation()
    {
        var (points, outputs) = OneFactor((0, 0.5, 0, 0.5), (0.5, 0, 0, 2), (0, 0.5, 1, 2));
        var index = Assert.Single(MorrisIndices.Compute(points, outputs, resamples: 50, seed: 3));

        Assert.Equal(0, index.Factor);
        Assert.Equal(3, index.Effects);
        Assert.Equal(-1.0 / 3, index.Mu.Value, 12);
        Assert.Equal(7.0 / 3, index.MuStar.Value, 12);
        Assert.Equal(Math.Sqrt(31.0 / 3), index.Sigma.Value, 12);
    }

    /// <summary>Effects 1 and 3: σ = √((1² + 1²)/1) = √2; from one trajectory σ is undefined.</summary>
    [Fact]
    public void Morris_sigma_needs_two_trajectories_and_is_defined_from_two()
    {
        var (two, twoOutputs) = OneFactor((0, 0.5, 0, 0.5), (0, 0.5, 0, 1.5));
        Assert.Equal(Math.Sqrt(2), MorrisIndices.Compute(two, twoOutputs, resamples: 20)[0].Sigma.Value, 12);

        var (one, oneOutputs) = OneFactor((0, 0.5, 0, 0.5));
        var single = MorrisIndices.Compute(one, oneOutputs, resamples: 20)[0];
        Assert.Equal(1, single.Effects);
        Assert.Equal(1, single.Mu.Value, 12);
        Assert.True(double.IsNaN(single.Sigma.Value));
        Assert.True(double.IsNaN(single.Mu.Low) && double.IsNaN(single.Mu.High), "one trajectory has no bootstrap interval");
    }

    /// <summary>
    /// Two factors, two trajectories of three points. The second's last output is missing, so only the first counts:
    /// its effects are (2 − 1)/0.5 = 2 for x₀ and (5 − 2)/(−0.5) = −6 for x₁.
    /// </summary>
    [Fact]
    public void Morris_leaves_out_a_trajectory_with_a_missing_output_at_its_last_point()
    {
        double[][] points = [[0, 0.5], [0.5, 0.5], [0.5, 0], [0.5, 0], [0, 0], [0, 0.5]];
        double[] outputs = [1, 2, 5, 7, 8, double.NaN];
        var indices = MorrisIndices.Compute(points, outputs, resamples: 20);

        Assert.All(indices, i => Assert.Equal(1, i.Effects));
        Assert.Equal(2, indices[0].Mu.Value, 12);
        Assert.Equal(-6, indices[1].Mu.Value, 12);
        Assert.Equal(6, indices[1].MuStar.Value, 12);
    }

    [Fact]
    public void Morris_refuses_points_and_outputs_that_are_not_whole_trajectories_naming_what_is_wrong()
    {
        Assert.Throws<ArgumentNullException>(() => MorrisIndices.Compute(null!, [1.0]));
        Assert.Throws<ArgumentNullException>(() => MorrisIndices.Compute([[0.0]], null!));

        var counts = Assert.Throws<ArgumentException>(() => MorrisIndices.Compute([[0.0], [0.5], [0.0]], [1.0, 2.0]));
        Assert.Equal("outputs", counts.ParamName);
        Assert.StartsWith("2 outputs for 3 points: one output per point.", counts.Message);
        Assert.Equal("outputs", Assert.Throws<ArgumentException>(() => MorrisIndices.Compute([], [])).ParamName);

        var whole = Assert.Throws<ArgumentException>(() =>
            MorrisIndices.Compute([[0.0, 0], [0.5, 0], [0.5, 0.5], [0, 0]], [1.0, 2, 3, 4]));
        Assert.Equal("unitPoints", whole.ParamName);
        Assert.StartsWith("4 points are not whole trajectories of 3 points.", whole.Message);

        var still = Assert.Throws<ArgumentException>(() => MorrisIndices.Compute([[0.0, 0], [0.0, 0], [0.5, 0]], [1.0, 2, 3]));
        Assert.StartsWith("Step 1 of trajectory 1 moves 0 factors: a Morris step moves exactly one.", still.Message);
        var diagonal = Assert.Throws<ArgumentException>(() => MorrisIndices.Compute([[0.0, 0], [0.5, 0], [0.0, 0.5]], [1.0, 2, 3]));
        Assert.StartsWith("Step 2 of trajectory 1 moves 2 factors", diagonal.Message);
    }

    /// <summary>
    /// The interval is the percentile interval (MathNet's R-8 quantile) of the estimates from the resamples that
    /// <see cref="Bootstrap.Resample"/> draws: at level 0.9, the 5% and 95% quantiles of the resampled means.
    /// </summary>
    [Fact]
    public void Bootstrap_interval_is_the_levels_percentile_interval_of_the_resampled_estimates()
    {
        double[] values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];
        double Mean(int[] rows) => rows.Average(r => values[r]);
        const int resamples = 200;
        const long seed = 17;

        var interval = Bootstrap.Interval(values.Length, resamples, seed, 0.9, Mean);

        var drawn = new int[values.Length];
        var means = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            Bootstrap.Resample(values.Length, seed, b, drawn);
            means[b] = Mean(drawn);
        }

        Assert.Equal(values.Average(), interval.Value, 12);
        Assert.Equal(Statistics.Quantile(means, 0.05), interval.Low, 12);
        Assert.Equal(Statistics.Quantile(means, 0.95), interval.High, 12);
        Assert.True(interval.Low < interval.High);
    }

    [Fact]
    public void Bootstrap_interval_is_undefined_below_two_rows_or_two_resamples_and_defined_at_two()
    {
        static double Sum(int[] rows) => rows.Sum(r => r + 1.0);

        var oneRow = Bootstrap.Interval(1, 100, 1, 0.95, Sum);
        Assert.Equal(1, oneRow.Value);
        Assert.True(double.IsNaN(oneRow.Low) && double.IsNaN(oneRow.High));

        var oneResample = Bootstrap.Interval(10, 1, 1, 0.95, Sum);
        Assert.Equal(55, oneResample.Value);
        Assert.True(double.IsNaN(oneResample.Low) && double.IsNaN(oneResample.High));

        var twoRows = Bootstrap.Interval(2, 50, 1, 0.95, Sum);
        Assert.True(double.IsFinite(twoRows.Low) && double.IsFinite(twoRows.High), "two rows and 50 resamples give an interval");
        var twoResamples = Bootstrap.Interval(10, 2, 1, 0.95, Sum);
        Assert.True(double.IsFinite(twoResamples.Low) && double.IsFinite(twoResamples.High), "two resamples give an interval");

        Assert.Throws<ArgumentNullException>(() => Bootstrap.Interval(3, 10, 1, 0.95, null!));
        Assert.Throws<ArgumentNullException>(() => Bootstrap.Intervals(3, 10, 1, 0.95, 1, null!));
    }

    /// <summary>
    /// An estimate that is finite from every row and from the first resample only: one finite resampled estimate is
    /// not an interval, so Low and High are NaN rather than that one value twice.
    /// </summary>
    [Fact]
    public void Bootstrap_interval_is_undefined_when_fewer_than_two_resampled_estimates_are_finite()
    {
        var calls = 0;
        var interval = Bootstrap.Interval(5, 20, 1, 0.95, _ => calls++ < 2 ? 7.0 : double.NaN);

        Assert.Equal(21, calls);
        Assert.Equal(7, interval.Value);
        Assert.True(double.IsNaN(interval.Low) && double.IsNaN(interval.High), $"[{interval.Low}, {interval.High}]");
    }

    /// <summary>
    /// Y = 100 + x₀ + 2x₁ on the unit square: V(Y) = (1 + 4)/12, S1 = ST = (1/5, 4/5). The offset of 100 makes the mean
    /// of the outputs far from zero, so the reported variance must be taken about that mean: it equals the population
    /// variance of the A and B outputs together.
    /// </summary>
    [Fact]
    public void Sobol_variance_is_taken_about_the_outputs_mean()
    {
        var factors = new[] { Factor.Interval("x0", 0, 1), Factor.Interval("x1", 0, 1) };
        var design = new SobolDesign(1 << 10, factors, SecondOrder: false, Seed: 2);
        var outputs = design.UnitPoints(0).Select(u => 100 + u[0] + (2 * u[1])).ToArray();
        var estimates = SobolIndices.Compute(2, secondOrder: false, outputs, resamples: 200, seed: 2);

        var length = 2 + 2;
        var ends = Enumerable.Range(0, outputs.Length / length)
            .SelectMany(j => new[] { outputs[j * length], outputs[(j * length) + length - 1] });
        Assert.Equal(Statistics.PopulationVariance(ends), estimates.Variance, 9);
        Assert.Equal(5.0 / 12, estimates.Variance, 2);
        Assert.InRange(estimates.FirstOrder[1].Value, 0.75, 0.85);
        Assert.InRange(estimates.Total[0].Value, 0.15, 0.25);

        // A Sobol' design balances A and B so well that their means agree to many digits, and a variance taken about
        // either mean then looks right. Three base rows by hand (A, A_B, B) whose A and B means differ (101 and 107.33):
        // V is the population variance of 100, 102, 101, 104, 110, 108 about their mean 104.17.
        var byHand = SobolIndices.Compute(1, secondOrder: false, [100.0, 100, 104, 102, 101, 110, 101, 103, 108], resamples: 10);
        Assert.Equal(Statistics.PopulationVariance(new[] { 100.0, 102, 101, 104, 110, 108 }), byHand.Variance, 12);
    }

    [Fact]
    public void Sobol_refuses_outputs_that_are_not_whole_base_rows_naming_the_row_length()
    {
        var first = Assert.Throws<ArgumentException>(() => SobolIndices.Compute(2, secondOrder: false, new double[7]));
        Assert.Equal("outputs", first.ParamName);
        Assert.StartsWith("7 outputs are not whole base rows of 4 points (2 factors).", first.Message);

        Assert.Throws<ArgumentOutOfRangeException>(() => SobolIndices.Compute(0, secondOrder: false, new double[2]));
        Assert.Throws<ArgumentNullException>(() => SobolIndices.Compute(2, secondOrder: false, null!));
        Assert.Throws<ArgumentNullException>(() => Bootstrap.Resample(3, 1, 0, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Resample(-1, 1, 0, new int[3]));

        var second = Assert.Throws<ArgumentException>(() => SobolIndices.Compute(2, secondOrder: true, new double[8]));
        Assert.StartsWith("8 outputs are not whole base rows of 6 points (2 factors, second order).", second.Message);
    }
}
