using CoordSim.Engine;
using CoordSim.Experiments;
using CoordSim.Structures;

namespace CoordSim.Tests.Experiments;

public class SeedTests
{
    private static ExperimentPlan Plan(int replications, params object[] shares) =>
        SweepFixture.Small().Compare(Structure.Hierarchy(), "flat", ("levels", 1))
            .Vary("crossDepartmentShare", shares).Replications(replications).Seed(11).Build().Plan();

    private static Dictionary<(string Share, string Structure, int Replication), long> Seeds(ExperimentPlan plan) =>
        plan.Runs().ToDictionary(r => (r.Point.Settings[0].Text, r.Structure.Label, r.Replication), r => r.Seed);

    [Fact]
    public void Adding_replications_keeps_the_seeds_of_existing_runs()
    {
        var before = Seeds(Plan(3, 0.1, 0.3));
        var after = Seeds(Plan(5, 0.1, 0.3));

        Assert.Equal(before.Count * 5 / 3, after.Count);
        Assert.All(before, kv => Assert.Equal(kv.Value, after[kv.Key]));
    }

    [Fact]
    public void Adding_values_anywhere_in_a_factor_keeps_the_seeds_of_existing_points()
    {
        var before = Seeds(Plan(2, 0.1, 0.3));
        var after = Seeds(Plan(2, 0.05, 0.1, 0.2, 0.3));

        // The points were renumbered (0.1 was point 0, is point 1) but keep their runs.
        Assert.All(before, kv => Assert.Equal(kv.Value, after[kv.Key]));
    }

    [Fact]
    public void Structures_at_a_point_and_replication_share_the_seed_and_nothing_else_does()
    {
        var plan = Plan(4, 0.1, 0.3, 0.5);
        var byRun = plan.Runs().GroupBy(r => (r.Point.Id, r.Replication)).ToArray();

        Assert.All(byRun, g => Assert.Single(g.Select(r => r.Seed).Distinct()));
        Assert.Equal(byRun.Length, byRun.Select(g => g.First().Seed).Distinct().Count());
    }

    [Fact]
    public void A_runs_seed_is_derived_from_the_experiment_seed_the_points_key_and_the_replication()
    {
        var plan = Plan(3, 0.1, 0.3);

        Assert.All(plan.Runs(), r => Assert.Equal(SeedDerivation.DerivePublic(11, r.Point.SeedKey, r.Replication), r.Seed));
        Assert.All(plan.Runs(), r => Assert.InRange(r.Seed, 0, SeedDerivation.MaxPublicSeed));
    }

    [Fact]
    public void The_point_key_depends_on_the_parameter_values_not_on_how_the_spec_sets_them()
    {
        // Point (share 0.1) of a factorial design with base span 3, and the same values as an explicit point.
        var factorial = SweepFixture.Small().Set("span", 3).Vary("crossDepartmentShare", 0.1).Build().Plan();
        var listed = SweepFixture.Small().Design(new PointListDesign([[ParameterSetting.Create("crossDepartmentShare", 0.1), ParameterSetting.Create("span", 3)]]))
            .Build().Plan();

        Assert.Equal(factorial.Points[0].SeedKey, listed.Points[0].SeedKey);
        Assert.Equal(ExperimentPlan.SeedKeyOf(ParameterSetting.ApplyAll(factorial.BaseParameters, factorial.Points[0].Settings)), factorial.Points[0].SeedKey);
    }

    [Fact]
    public void Repeated_points_get_independent_seeds()
    {
        var point = new[] { ParameterSetting.Create("span", 3) };
        var plan = SweepFixture.Small().Design(new PointListDesign([point, point, point])).Build().Plan();

        Assert.Equal(3, plan.Points.Select(p => p.SeedKey).Distinct().Count());
        Assert.Equal(ExperimentPlan.SeedKeyOf(ParameterSetting.ApplyAll(plan.BaseParameters, point), occurrence: 2), plan.Points[2].SeedKey);
    }

    [Fact]
    public void A_different_experiment_seed_changes_every_run_seed()
    {
        var a = SweepFixture.Small().Vary("crossDepartmentShare", 0.1, 0.3).Replications(3).Seed(1).Build().Plan();
        var b = SweepFixture.Small().Vary("crossDepartmentShare", 0.1, 0.3).Replications(3).Seed(2).Build().Plan();

        Assert.Empty(a.Runs().Select(r => r.Seed).Intersect(b.Runs().Select(r => r.Seed)));
    }

    /// <summary>
    /// A spec made in code (with the builder, or as a record and then planned) is checked by the plan, as one read from
    /// JSON is by the reader: a seed outside what a CSV cell and a double hold exactly, [0, 2⁵³ − 1], is refused with its
    /// path, its value and the range.
    /// </summary>
    [Theory]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    [InlineData(SeedDerivation.MaxPublicSeed + 1)]
    public void A_seed_set_in_code_outside_the_public_range_is_refused_by_the_plan(long seed)
    {
        var built = Assert.Single(Assert.Throws<SpecException>(() => SweepFixture.Small().Seed(seed).Build()).Errors);
        var e = Assert.Single(Assert.Throws<SpecException>(() => (SweepFixture.TwoStructures() with { Seed = seed }).Plan()).Errors);

        Assert.Equal(built, e);

        Assert.Equal(("$.seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "an integer from 0 to 9007199254740991"), (e.Path, e.Value, e.Allowed));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(SeedDerivation.MaxPublicSeed)]
    public void The_ends_of_the_public_seed_range_are_accepted_in_code(long seed) =>
        Assert.Equal(seed, SweepFixture.Small().Seed(seed).Build().Plan().Spec.Seed);
}
