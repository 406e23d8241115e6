using CoordSim.Structures;
using CoordSim.Tests.Metrics;
using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace CoordSim.Tests.Validation;

/// <summary>
/// Information distortion against its closed forms (docs/validation.md, check c): relay noise adds
/// up to N(0, hσ²I) over h hops, facts survive h hops with probability (1 − r)^h, and upward
/// shading scales severity by (1 − δ)^u over u upward hops.
/// </summary>
public class RelayNoiseTests(ITestOutputHelper output)
{
    /// <summary>
    /// Quiet channels, and the routes the closed forms describe: emergencies climb like everything else, and every
    /// cross-department issue is escalated at once to the government head (no consultation, no deputies), so a
    /// single-department issue passes 2(L − 1) relay hops and every branch of a cross-department one 2L.
    /// </summary>
    private static Parameters Quiet(double days) => Parameters.Default with
    {
        EmergencySkipLevels = 0,
        ContestedShare = 1,
        Deputies = 0,
        HorizonDays = days,
        NoiseSigma = 0,
        DropProbability = 0,
        UpwardBias = 0,
        DecisionNoiseSigma = 0,
        FaultProbability = 0,
    };

    private static IReadOnlyList<CoordSim.Metrics.IssueOutcome> Run(Parameters p, long seed)
    {
        var recorder = new OutcomeRecorder();
        Simulation.Run(Structure.Hierarchy(), p, seed, recorder);
        return recorder.Outcomes;
    }

    [Theory]
    [InlineData(-1, 0.2, 0.0, 60.0)]
    [InlineData(1, 0.1, 0.15, 60.0)]
    public void Relay_noise_adds_up_over_hops(int decisionLevel, double sigma, double decisionSigma, double days) =>
        CheckNoise(decisionLevel, sigma, decisionSigma, days, seed: 7);

    [LongFact]
    [Trait("Category", "Long")]
    public void Long_relay_noise_adds_up_over_hops()
    {
        CheckNoise(-1, 0.2, 0.0, 1500, seed: 8);
        CheckNoise(0, 0.3, 0.2, 1500, seed: 9);
    }

    private void CheckNoise(int decisionLevel, double sigma, double decisionSigma, double days, long seed)
    {
        // Single-department issues decided at level d pass h = 2d relay hops and one decision, so the executor's
        // error is N(0, (hσ² + σ_d²) I_m), independent of the true state x ~ N(0, I_m). The relative error
        // D = ‖e‖/‖x‖ therefore has D² / (hσ² + σ_d²) ~ F(m, m): mean m/(m − 2), variance 2m²(2m − 2)/(m(m − 2)²(m − 4)).
        var p = Quiet(days) with { CrossDepartmentShare = 0, DecisionLevel = decisionLevel, NoiseSigma = sigma, DecisionNoiseSigma = decisionSigma };
        var outcomes = Run(p, seed);
        var h = 2 * p.EffectiveDecisionLevel;
        var variance = (h * sigma * sigma) + (decisionSigma * decisionSigma);
        double m = p.StateDimensions;
        Assert.All(outcomes, o => Assert.Equal(h, o.Hops));
        var scaled = outcomes.Select(o => o.Distortion * o.Distortion / variance).ToArray();
        var n = scaled.Length;
        var expectedMean = m / (m - 2);
        var fVariance = 2 * m * m * ((2 * m) - 2) / (m * (m - 2) * (m - 2) * (m - 4));
        var mean = scaled.Average();
        var se = Math.Sqrt(fVariance / n);
        var z = Significance.NormalCritical(Significance.ValidationAlpha);
        output.WriteLine($"noise: h={h} sigma={sigma} decision sigma={decisionSigma} m={m} n={n}: mean D^2 {mean * variance:F5} vs " +
                         $"(h sigma^2 + sigma_d^2) m/(m-2) = {expectedMean * variance:F5}, z = {(mean - expectedMean) / se:F2}");
        Significance.AssertWithin(mean, expectedMean, se, z, "scaled squared distortion");
        var fit = Significance.ChiSquareFit(scaled, q => FisherSnedecor.InvCDF(m, m, q), 20);
        output.WriteLine($"  chi-square fit of D^2/(h sigma^2 + sigma_d^2) to F({m},{m}) in 20 cells: p = {fit:F4}");
        Significance.AssertNotRejected(fit, Significance.ValidationAlpha, "distribution of scaled squared distortion");
    }

    [Fact]
    public void Facts_are_lost_at_one_minus_survival_over_hops() => CheckLoss(0.05, 60, seed: 10);

    [LongFact]
    [Trait("Category", "Long")]
    public void Long_facts_are_lost_at_one_minus_survival_over_hops() => CheckLoss(0.02, 1500, seed: 11);

    private void CheckLoss(double drop, double days, long seed)
    {
        // Each fact survives each of h hops independently with probability 1 − r, and decisions lose nothing.
        // Single-department issues (one executor, h = 2(levels − 1)): the number of lost facts over n issues of
        // m facts is Binomial(n·m, 1 − (1 − r)^h), tested exactly. Cross-department issues (h = 2·levels on every
        // branch, branches sharing the way up): the per-issue mean lost fraction has expectation 1 − (1 − r)^h;
        // tested with the normal interval from the sample's standard deviation (issues are independent).
        var p = Quiet(days) with { DropProbability = drop, NoiseSigma = 0.1, UpwardBias = 0.05, DecisionNoiseSigma = 0.05 };
        var outcomes = Run(p, seed);
        var m = p.StateDimensions;

        var single = outcomes.Where(o => o.RequiredDepartments == 1).ToArray();
        var h = 2 * (p.Levels - 1);
        Assert.All(single, o => Assert.Equal(h, o.Hops));
        var lost = single.Sum(o => (long)Math.Round(o.FactsLost * m));
        var expected = 1 - Math.Pow(1 - drop, h);
        var trials = (long)single.Length * m;
        var pValue = Significance.BinomialTwoSided(lost, trials, expected);
        output.WriteLine($"loss: r={drop} h={h} single-department issues={single.Length}: lost fraction {(double)lost / trials:F5} vs 1-(1-r)^h = {expected:F5}, p = {pValue:F4}");
        Significance.AssertNotRejected(pValue, Significance.ValidationAlpha, $"facts lost over {h} hops");

        var cross = outcomes.Where(o => o.RequiredDepartments > 1).Select(o => o.FactsLost).ToArray();
        var hCross = 2 * p.Levels;
        var expectedCross = 1 - Math.Pow(1 - drop, hCross);
        var mean = cross.Average();
        var sd = Math.Sqrt(cross.Sum(x => (x - mean) * (x - mean)) / (cross.Length - 1));
        var se = sd / Math.Sqrt(cross.Length);
        output.WriteLine($"loss: r={drop} h={hCross} cross-department issues={cross.Length}: mean lost fraction {mean:F5} vs {expectedCross:F5}, z = {(mean - expectedCross) / se:F2}");
        Significance.AssertWithin(mean, expectedCross, se, Significance.NormalCritical(Significance.ValidationAlpha), $"facts lost over {hCross} hops");
    }

    [Fact]
    public void Upward_hops_shade_severity_geometrically() => CheckShading(0.1, 60, seed: 12);

    [LongFact]
    [Trait("Category", "Long")]
    public void Long_upward_hops_shade_severity_geometrically() => CheckShading(0.05, 1500, seed: 13);

    private void CheckShading(double delta, double days, long seed)
    {
        // Without noise or loss, the severity reaching the executor is x₀(1 − δ)^u after u upward hops, so the
        // signed bias is −|x₀|(1 − (1 − δ)^u): mean −c·√(2/π), standard deviation c·√(1 − 2/π), c = 1 − (1 − δ)^u.
        // Single-department issues climb u = levels − 1 hops, cross-department ones u = levels.
        var p = Quiet(days) with { UpwardBias = delta };
        var outcomes = Run(p, seed);
        var z = Significance.NormalCritical(Significance.ValidationAlpha);
        foreach (var (cross, u) in new[] { (false, p.Levels - 1), (true, p.Levels) })
        {
            var biases = outcomes.Where(o => (o.RequiredDepartments > 1) == cross).Select(o => o.SeverityBias).ToArray();
            var c = 1 - Math.Pow(1 - delta, u);
            var expected = -c * Math.Sqrt(2 / Math.PI);
            var se = c * Math.Sqrt(1 - (2 / Math.PI)) / Math.Sqrt(biases.Length);
            output.WriteLine($"shading: delta={delta} u={u} issues={biases.Length}: mean bias {biases.Average():F5} vs {expected:F5}, z = {(biases.Average() - expected) / se:F2}");
            Assert.All(biases, b => Assert.True(b <= 0));
            Significance.AssertWithin(biases.Average(), expected, se, z, $"severity bias over {u} upward hops");
        }
    }
}
