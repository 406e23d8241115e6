using CoordSim.Organisation;
using CoordSim.Mechanisms;
using FsCheck.Xunit;

namespace CoordSim.Tests.Properties;

public class AccountabilityWeightsProperties
{
    [Property(MaxTest = 200, Arbitrary = [typeof(SmallScenarios)])]
    public void Normalised_weights_form_a_distribution_with_consistent_diffusion_measures(double[] raw)
    {
        var w = new AccountabilityWeights();
        for (var i = 0; i < raw.Length; i++)
        {
            w.Add(new(i % 37), raw[i]);
        }

        w.Normalise();
        var n = w.Count;
        Assert.Equal(Math.Min(raw.Length, 37), n);
        Assert.Equal(1.0, w.Total(), 12);

        // Proportions are kept: each person's weight is their raw total over the grand total.
        var total = raw.Sum();
        for (var person = 0; person < n; person++)
        {
            var own = raw.Where((_, i) => i % 37 == person).Sum();
            Assert.Equal(own / total, w.WeightOf(new(person)), 12);
        }

        var effective = w.EffectiveCount();
        var entropy = w.Entropy();
        Assert.InRange(effective, 1 - 1e-12, n + 1e-9);
        Assert.InRange(entropy, -1e-12, Math.Log(n) + 1e-12);
        Assert.True(Math.Log(effective) <= entropy + 1e-12, $"ln N_eff = {Math.Log(effective)} > H = {entropy}");
    }

    [Property(MaxTest = 200)]
    public void A_reused_instance_after_Clear_holds_exactly_what_a_fresh_one_would(int[][] issues)
    {
        // The model reuses one instance from issue to issue: nobody from an earlier issue may keep weight, and people
        // keep the order they were first added in (the measures sum over that order).
        var reused = new AccountabilityWeights();
        foreach (var issue in issues.Where(i => i is not null))
        {
            reused.Clear();
            var fresh = new AccountabilityWeights();
            foreach (var raw in issue)
            {
                var person = new PersonId(Math.Abs(raw % 500));
                var weight = 1 + Math.Abs(raw % 7);
                reused.Add(person, weight);
                fresh.Add(person, weight);
            }

            Assert.Equal(fresh.Count, reused.Count);
            for (var i = 0; i < fresh.Count; i++)
            {
                Assert.Equal(fresh.PersonAt(i), reused.PersonAt(i));
                Assert.Equal(fresh.WeightAt(i), reused.WeightAt(i));
                Assert.True(reused.Contains(fresh.PersonAt(i)));
                Assert.Equal(fresh.WeightAt(i), reused.WeightOf(fresh.PersonAt(i)));
            }

            Assert.False(reused.Contains(new PersonId(500)));
            Assert.Equal(issue.Select(r => Math.Abs(r % 500)).Distinct().Count(), reused.Count);
        }
    }
}
