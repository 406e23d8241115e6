using CoordSim.Metrics;
using CoordSim.Structures;
using CoordSim.Tests.Metrics;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace CoordSim.Tests.Validation;

/// <summary>
/// The run's RMS distortion √(Σ‖x̂ − x‖² / Σ‖x‖²) = σ√h, exactly in distribution, on a pure relay chain; the mean
/// of ratios against its own closed form σ√h·Γ((m+1)/2)Γ((m−1)/2)/Γ(m/2)²; and NaN for m &lt; 3
/// (docs/validation.md, check f4).
/// </summary>
/// <remarks>
/// Set-up as in <see cref="RelayNoiseTests"/>: single-department issues of the default hierarchy decided by the
/// department head (h = 2(L − 1) = 6 relay hops each, asserted per issue), relay noise σ, nothing else: no loss, no
/// shading, no decision error, emergencies climb like everything else. The true state x ~ N(0, I_m); each hop adds
/// independent N(0, σ²) to each fact, so the executor's error e ~ N(0, hσ² I_m), independent of x, and which issues
/// are resolved by the horizon does not depend on either (the hierarchy's routes ignore the state). Over the n
/// resolved issues, Σ‖e‖²/(hσ²) ~ χ²(nm) and Σ‖x‖² ~ χ²(nm), independent; hence
/// <c>RMS² / (hσ²) ~ F(nm, nm)</c> exactly: mean nm/(nm − 2) → 1, so RMS → σ√h, with relative sd ≈ 1/√(nm) (the
/// delta method on the ratio of two means: var(RMS²) ≈ (hσ²)²·4/(nm)). The check is the exact two-sided F test.
/// </remarks>
public class DistortionRmsTests(ITestOutputHelper output)
{
    private const double Sigma = 0.2;

    private static Parameters RelayChain(int m, double days) => Parameters.Default with
    {
        CrossDepartmentShare = 0,
        EmergencySkipLevels = 0,
        DecisionLevel = -1,
        HorizonDays = days,
        NoiseSigma = Sigma,
        DropProbability = 0,
        UpwardBias = 0,
        DecisionNoiseSigma = 0,
        StateDimensions = m,
        FaultProbability = 0,
    };

    [Theory]
    [InlineData(8, 60.0, 31L)]
    [InlineData(2, 60.0, 32L)]
    [InlineData(1, 60.0, 33L)]
    public void Rms_distortion_of_h_noisy_hops_is_sigma_root_h(int m, double days, long seed) => CheckRms(m, days, seed);

    [LongFact]
    [Trait("Category", "Long")]
    public void Long_rms_distortion_of_h_noisy_hops_is_sigma_root_h()
    {
        CheckRms(8, 1500, 34);
        CheckRms(1, 1500, 35);
    }

    private (RunResult Result, IReadOnlyList<IssueOutcome> Outcomes) CheckRms(int m, double days, long seed)
    {
        var p = RelayChain(m, days);
        var recorder = new OutcomeRecorder();
        var r = Simulation.Run(Structure.Hierarchy(), p, seed, recorder);
        var outcomes = recorder.Outcomes;
        var h = 2 * (p.Levels - 1);
        Assert.All(outcomes, o => Assert.Equal(h, o.Hops));
        Assert.All(outcomes, o => Assert.Equal(1, o.RequiredDepartments));

        // The run pools exactly the per-issue sums the outcomes carry.
        var squaredError = outcomes.Sum(o => o.SquaredError);
        var squaredNorm = outcomes.Sum(o => o.SquaredNorm);
        Assert.Equal(Math.Sqrt(squaredError / squaredNorm), r.Distortion.Rms, 1e-12);
        Assert.Equal(h, r.Distortion.MeanHops, 1e-12);

        var n = outcomes.Count;
        double df = n * m;
        var expected = Sigma * Math.Sqrt(h);
        var f = r.Distortion.Rms * r.Distortion.Rms / (h * Sigma * Sigma);
        var cdf = FisherSnedecor.CDF(df, df, f);
        var pValue = 2 * Math.Min(cdf, 1 - cdf);
        output.WriteLine($"m={m} h={h} sigma={Sigma} n={n}: RMS {r.Distortion.Rms:F5} vs sigma sqrt(h) = {expected:F5} (relative sd 1/sqrt(nm) = {1 / Math.Sqrt(df):F4}, " +
                         $"z ~ {(r.Distortion.Rms / expected - 1) * Math.Sqrt(df):F2}); RMS^2/(h sigma^2) = {f:F5} ~ F({df},{df}): p = {pValue:F3}");
        Significance.AssertNotRejected(pValue, Significance.ValidationAlpha, $"RMS distortion at m = {m}");

        if (m < 3)
        {
            // ‖e‖/‖x‖ has infinite mean at m = 1 (1/|Z| is not integrable) and infinite variance at m = 2 (E 1/χ²₂ = ∞).
            Assert.True(double.IsNaN(r.Distortion.Mean), $"distortionMean at m = {m} should be NaN, was {r.Distortion.Mean}");
        }

        return (r, outcomes);
    }

    [Fact]
    public void The_mean_of_ratios_constant_at_m_8_is_1_0738()
    {
        // E[‖e‖/‖x‖] = σ√h·E[χ_m]·E[1/χ_m] for independent chi variables, with E[χ_m] = √2Γ((m+1)/2)/Γ(m/2) and
        // E[1/χ_m] = Γ((m−1)/2)/(√2Γ(m/2)); their product c_m = Γ((m+1)/2)Γ((m−1)/2)/Γ(m/2)². At m = 8:
        // Γ(4.5)Γ(3.5)/Γ(4)² = (105√π/16)(15√π/8)/36 = 175π/512 = 1.073786. Checked also against E[√F(m, m)] (the
        // same expectation, since ‖e‖²/‖x‖² / (hσ²) ~ F(m, m)), integrated numerically.
        var c = MeanOfRatiosConstant(8);
        var chi = Math.Sqrt(2) * SpecialFunctions.Gamma(4.5) / SpecialFunctions.Gamma(4);
        var inverseChi = SpecialFunctions.Gamma(3.5) / (Math.Sqrt(2) * SpecialFunctions.Gamma(4));
        Assert.Equal(chi * inverseChi, c, 12);
        Assert.Equal(1.0738, c, 4);
        Assert.Equal(175 * Math.PI / 512, c, 12);
        var integral = Integrate.OnClosedInterval(v => Math.Sqrt(v) * FisherSnedecor.PDF(8, 8, v), 0, 1e4);
        output.WriteLine($"c_8 = {c:F6}; E[chi_8] = {chi:F6}, E[1/chi_8] = {inverseChi:F6}; integral of sqrt(v) f_F(8,8)(v) = {integral:F6}");
        Assert.Equal(c, integral, 4);
    }

    [Fact]
    public void Mean_distortion_at_m_8_is_sigma_root_h_times_1_0738()
    {
        // D = ‖e‖/‖x‖ per issue (one executor): mean σ√h·c_8, variance hσ²(m/(m − 2) − c_8²) = hσ²(4/3 − 1.15302), from
        // E[D²] = hσ²·E[F(m, m)] = hσ² m/(m − 2). Normal interval on the mean of n independent issues, α = 10⁻³.
        var (r, outcomes) = CheckRms(8, 60, 36);
        const int m = 8;
        var h = 2 * (Parameters.Default.Levels - 1);
        var c = MeanOfRatiosConstant(m);
        var expected = Sigma * Math.Sqrt(h) * c;
        var sd = Sigma * Math.Sqrt(h) * Math.Sqrt(((double)m / (m - 2)) - (c * c));
        var se = sd / Math.Sqrt(outcomes.Count);
        Assert.Equal(outcomes.Average(o => o.Distortion), r.Distortion.Mean, 1e-12);
        output.WriteLine($"distortionMean {r.Distortion.Mean:F5} vs sigma sqrt(h) c_8 = {expected:F5}, SE {se:F5}, z = {(r.Distortion.Mean - expected) / se:F2}; " +
                         $"ratio mean/RMS {r.Distortion.Mean / r.Distortion.Rms:F4} vs {c:F4}");
        Significance.AssertWithin(r.Distortion.Mean, expected, se, Significance.NormalCritical(Significance.ValidationAlpha), "mean of ratios at m = 8");
    }

    /// <summary>c_m = E[χ_m]·E[1/χ_m] = Γ((m+1)/2)Γ((m−1)/2)/Γ(m/2)², for m ≥ 2.</summary>
    private static double MeanOfRatiosConstant(int m) =>
        SpecialFunctions.Gamma((m + 1) / 2.0) * SpecialFunctions.Gamma((m - 1) / 2.0) / Math.Pow(SpecialFunctions.Gamma(m / 2.0), 2);
}
