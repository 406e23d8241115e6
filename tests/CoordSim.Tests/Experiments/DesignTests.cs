using CoordSim.Mechanisms;
using CoordSim.Experiments;
using CoordSim.Structures;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CoordSim.Tests.Experiments;

public class DesignTests
{
    private static ExperimentPlan Plan(Design design, params (string Name, object Value)[] baseSettings) => new ExperimentSpec
    {
        Name = "design",
        Structures = [ComparedStructure.Of(Structure.Hierarchy())],
        Base = baseSettings.Select(b => ParameterSetting.Create(b.Name, b.Value)).ToArray(),
        Design = design,
    }.Plan();

    private static double[] Values(ExperimentPlan plan, string name) =>
        plan.Points.Select(p => ParameterCatalog.Get(name).GetNumber(ParameterSetting.ApplyAll(plan.BaseParameters, p.Settings))).ToArray();

    [Fact]
    public void Factorial_design_has_every_combination_with_the_last_factor_fastest()
    {
        var plan = Plan(new FactorialDesign([
            Factor.Values("departments", 3, 4),
            Factor.Values("crossDepartmentShare", 0.1, 0.3, 0.5),
        ]));

        Assert.Equal(6, plan.Points.Count);
        Assert.Equal([3, 3, 3, 4, 4, 4], Values(plan, "departments"));
        Assert.Equal([0.1, 0.3, 0.5, 0.1, 0.3, 0.5], Values(plan, "crossDepartmentShare"));
        Assert.Equal([0, 1, 2, 3, 4, 5], plan.Points.Select(p => p.Id));
        Assert.Equal(["departments", "crossDepartmentShare"], plan.Varied);
    }

    [Fact]
    public void A_step_range_includes_both_ends_and_prints_decimal_steps_as_written()
    {
        var plan = Plan(new FactorialDesign([Factor.Range("crossDepartmentShare", 0.1, 0.7, 0.2)]));

        Assert.Equal([0.1, 0.3, 0.5, 0.7], Values(plan, "crossDepartmentShare"));
        Assert.Equal(["0.1", "0.3", "0.5", "0.7"], plan.Points.Select(p => p.Settings[0].Text));
    }

    [Fact]
    public void A_step_that_does_not_reach_the_end_stops_below_it()
    {
        var plan = Plan(new FactorialDesign([Factor.Range("arrivalRate", 10, 45, 10)]));

        Assert.Equal([10, 20, 30, 40], Values(plan, "arrivalRate"));
    }

    [Fact]
    public void A_counted_linear_range_has_count_evenly_spaced_values_from_end_to_end()
    {
        var plan = Plan(new FactorialDesign([Factor.Spaced("noiseSigma", 0, 1, 5)]));

        Assert.Equal([0, 0.25, 0.5, 0.75, 1], Values(plan, "noiseSigma"));
    }

    [Fact]
    public void A_counted_log_range_has_a_constant_ratio()
    {
        var plan = Plan(new FactorialDesign([Factor.Spaced("arrivalRate", 1, 1000, 4, RangeScale.Log)]));

        Assert.Equal([1, 10, 100, 1000], Values(plan, "arrivalRate"));
    }

    [Property(MaxTest = 200)]
    public Property Log_ranges_are_geometric_with_exact_ends()
    {
        var ranges = (from low in Gen.Choose(1, 1000)
                      from factor in Gen.Choose(2, 1000)
                      from count in Gen.Choose(2, 30)
                      select (From: low / 100.0, To: low / 100.0 * factor, Count: count)).ToArbitrary();
        return Prop.ForAll(ranges, r =>
        {
            var values = Values(Plan(new FactorialDesign([Factor.Spaced("arrivalRate", r.From, r.To, r.Count, RangeScale.Log)])), "arrivalRate");
            var ratio = Math.Pow(r.To / r.From, 1.0 / (r.Count - 1));
            var geometric = values.Zip(values.Skip(1)).All(p => Math.Abs((p.Second / p.First) - ratio) <= 1e-9 * ratio);
            return (values.Length == r.Count && values[0] == r.From && values[^1] == r.To && geometric).Label($"{r}: {string.Join(", ", values)}");
        });
    }

    [Property(MaxTest = 200)]
    public Property Linear_ranges_with_a_count_stay_within_their_ends_and_increase()
    {
        var ranges = (from low in Gen.Choose(0, 100)
                      from width in Gen.Choose(1, 100)
                      from count in Gen.Choose(2, 50)
                      select (From: low / 100.0, To: Math.Min(1, (low + width) / 100.0), Count: count)).ToArbitrary();
        return Prop.ForAll(ranges, r =>
        {
            if (r.To <= r.From)
            {
                return true.Label("empty");
            }

            var values = Values(Plan(new FactorialDesign([Factor.Spaced("crossDepartmentShare", r.From, r.To, r.Count)])), "crossDepartmentShare");
            var increasing = values.Zip(values.Skip(1)).All(p => p.Second > p.First);
            return (values[0] == r.From && values[^1] == r.To && increasing && values.Length <= r.Count).Label($"{r}");
        });
    }

    [Fact]
    public void Integer_ranges_round_to_the_nearest_integer_and_drop_duplicates()
    {
        var plan = Plan(new FactorialDesign([Factor.Spaced("span", 2, 4, 5)]));

        Assert.Equal([2, 3, 4], Values(plan, "span"));
        Assert.All(plan.Points, p => Assert.IsType<int>(p.Settings[0].Value));
    }

    [Fact]
    public void Enum_factors_take_their_kebab_case_names()
    {
        var plan = Plan(new FactorialDesign([Factor.Values("queueDiscipline", "fifo", "urgent-first")]));

        Assert.Equal(["fifo", "urgent-first"], plan.Points.Select(p => p.Settings[0].Text));
        Assert.Equal(QueueDiscipline.UrgentFirst, ParameterSetting.ApplyAll(Parameters.Default, plan.Points[1].Settings).QueueDiscipline);
    }

    [Fact]
    public void One_factor_at_a_time_starts_at_the_base_point_and_moves_one_factor_per_point()
    {
        var plan = Plan(new OneFactorAtATimeDesign([
            Factor.Values("crossDepartmentShare", 0.1, 0.3, 0.5),
            Factor.Values("arrivalRate", 20, 40, 60),
        ]), ("arrivalRate", 40));

        // Base point (0.3 is the default share, 40 the base rate), then two other shares and two other rates.
        Assert.Equal(5, plan.Points.Count);
        Assert.Equal([0.3, 0.1, 0.5, 0.3, 0.3], Values(plan, "crossDepartmentShare"));
        Assert.Equal([40, 40, 40, 20, 60], Values(plan, "arrivalRate"));
    }

    [Fact]
    public void One_factor_at_a_time_counts_one_plus_every_value_off_the_base()
    {
        var plan = Plan(new OneFactorAtATimeDesign([
            Factor.Values("crossDepartmentShare", 0.05, 0.15),
            Factor.Range("span", 2, 6, 1),
        ]));

        // Neither share is the default 0.3, so both count; span 4 is the default, so 4 of its 5 values count.
        Assert.Equal(1 + 2 + 4, plan.Points.Count);
    }

    [Fact]
    public void An_explicit_point_list_runs_its_points_in_order_and_varies_every_name_it_sets()
    {
        var plan = Plan(new PointListDesign([
            [ParameterSetting.Create("span", 3)],
            [ParameterSetting.Create("span", 5), ParameterSetting.Create("levels", 3)],
            [],
        ]));

        Assert.Equal(3, plan.Points.Count);
        Assert.Equal([3, 5, 4], Values(plan, "span"));
        Assert.Equal([4, 3, 4], Values(plan, "levels"));
        Assert.Equal(["span", "levels"], plan.Varied);
    }

    [Fact]
    public void A_spec_without_design_runs_the_base_point_only()
    {
        var plan = Plan(Design.BasePoint, ("span", 3));

        Assert.Single(plan.Points);
        Assert.Empty(plan.Points[0].Settings);
        Assert.Empty(plan.Varied);
        Assert.Equal(3, plan.BaseParameters.Span);
    }

    [Fact]
    public void Latin_hypercube_has_n_points_within_the_ranges_with_integers_for_integer_parameters()
    {
        var plan = Plan(new LatinHypercubeDesign(40, [
            Factor.Interval("crossDepartmentShare", 0.1, 0.6),
            Factor.Interval("span", 2, 6),
            Factor.Interval("arrivalRate", 5, 500, RangeScale.Log),
            Factor.Values("queueDiscipline", "fifo", "urgent-first"),
        ], Seed: 3));

        Assert.Equal(40, plan.Points.Count);
        Assert.All(Values(plan, "crossDepartmentShare"), v => Assert.InRange(v, 0.1, 0.6));
        Assert.All(Values(plan, "arrivalRate"), v => Assert.InRange(v, 5, 500));
        Assert.All(plan.Points, p => Assert.IsType<int>(p.Settings[1].Value));
        Assert.Equal([2, 3, 4, 5, 6], Values(plan, "span").Distinct().Order());
        Assert.Equal(20, plan.Points.Count(p => p.Settings[3].Text == "fifo"));
    }

    [Fact]
    public void Latin_hypercube_log_ranges_put_each_decade_in_the_same_number_of_strata()
    {
        var plan = Plan(new LatinHypercubeDesign(30, [Factor.Interval("arrivalRate", 1, 1000, RangeScale.Log)], Seed: 1));

        var decades = Values(plan, "arrivalRate").GroupBy(v => (int)Math.Floor(Math.Log10(v))).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, decades[0]);
        Assert.Equal(10, decades[1]);
        Assert.Equal(10, decades[2]);
    }

    [Fact]
    public void Latin_hypercube_samples_are_fixed_by_their_seed()
    {
        Design Lhs(long? seed) => new LatinHypercubeDesign(10, [Factor.Interval("noiseSigma", 0, 1)], seed);

        var a = Values(Plan(Lhs(5)), "noiseSigma");
        var b = Values(Plan(Lhs(5)), "noiseSigma");
        var c = Values(Plan(Lhs(6)), "noiseSigma");

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void A_plan_has_a_run_at_every_index_from_0_below_its_run_count_and_refuses_any_other()
    {
        var plan = SweepFixture.TwoStructures(replications: 2).Plan();
        Assert.Equal(Enumerable.Range(0, plan.RunCount), plan.Runs().Select(r => r.Index));
        foreach (var index in new[] { -1, -plan.RunCount, int.MinValue, plan.RunCount, int.MaxValue })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => plan.Run(index));
            Assert.Equal(("index", (object)index), (e.ParamName, e.ActualValue));
        }
    }

    [Fact]
    public void A_latin_hypercube_of_no_samples_or_of_negative_dimensions_is_refused_naming_the_argument()
    {
        // No samples would be an empty design that runs nothing; both are refused before anything is drawn.
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => LatinHypercube.Sample(0, 2, 1)).ParamName);
        Assert.Equal("dimensions", Assert.Throws<ArgumentOutOfRangeException>(() => LatinHypercube.Sample(3, -1, 1)).ParamName);
        Assert.Empty(Assert.Single(LatinHypercube.Sample(1, 0, 1)));
    }

    [Property(MaxTest = 100)]
    public Property Every_stratum_of_every_dimension_holds_exactly_one_sample()
    {
        var cases = (from n in Gen.Choose(1, 200)
                     from d in Gen.Choose(1, 6)
                     from seed in Gen.Choose(0, int.MaxValue)
                     select (N: n, D: d, Seed: (long)seed)).ToArbitrary();
        return Prop.ForAll(cases, c =>
        {
            var sample = LatinHypercube.Sample(c.N, c.D, c.Seed);
            var ok = sample.Length == c.N && Enumerable.Range(0, c.D).All(j =>
            {
                var strata = sample.Select(row => (int)Math.Floor(row[j] * c.N)).Order().ToArray();
                return strata.SequenceEqual(Enumerable.Range(0, c.N)) && sample.All(row => row[j] >= 0 && row[j] < 1);
            });
            return ok.Label($"n={c.N} d={c.D} seed={c.Seed}");
        });
    }

    [Property(MaxTest = 50)]
    public Property An_integer_factor_with_as_many_values_as_samples_takes_each_value_once()
    {
        var cases = (from low in Gen.Choose(1, 30)
                     from n in Gen.Choose(1, 30)
                     from seed in Gen.Choose(0, 1_000_000)
                     select (Low: low, N: n, Seed: seed)).ToArbitrary();
        return Prop.ForAll(cases, c =>
        {
            var to = c.Low + c.N - 1;
            if (to > 64)
            {
                return true.Label("out of range");
            }

            var plan = Plan(new LatinHypercubeDesign(c.N, [Factor.Interval("span", c.Low, to == c.Low ? c.Low + 1 : to)], c.Seed));
            var spans = Values(plan, "span").Order().ToArray();
            var expected = to == c.Low
                ? spans.All(s => s == c.Low || s == c.Low + 1)
                : spans.SequenceEqual(Enumerable.Range(c.Low, c.N).Select(v => (double)v));
            return expected.Label($"{c}: {string.Join(",", spans)}");
        });
    }
}
