using CoordSim.Experiments;
using CoordSim.Structures;

namespace CoordSim.Tests.Experiments;

public class SensitivityDesignTests
{
    private static readonly Factor[] ThreeFactors =
    [
        Factor.Interval("crossDepartmentShare", 0, 1),
        Factor.Interval("noiseSigma", 0.01, 1, RangeScale.Log),
        Factor.Interval("arrivalRate", 2, 12),
    ];

    private static ExperimentPlan Plan(Design design, long seed = 5) => new ExperimentSpec
    {
        Name = "gsa",
        Structures = [ComparedStructure.Of(Structure.Hierarchy()), ComparedStructure.Of(Structure.TaskForce())],
        Base = [ParameterSetting.Create("horizonDays", 20), ParameterSetting.Create("warmupDays", 0)],
        Design = design,
        Seed = seed,
    }.Plan();

    private static double Value(ExperimentPlan plan, DesignPoint point, string name) =>
        ParameterCatalog.Get(name).GetNumber(ParameterSetting.ApplyAll(plan.BaseParameters, point.Settings));

    /// <summary>A Morris design's trajectories: its unit points, k + 1 to a trajectory.</summary>
    private static double[][][] Trajectories(MorrisDesign design) => design.UnitPoints(0).Chunk(design.Factors.Count + 1).ToArray();

    private static IReadOnlyList<SpecError> Errors(Design design) => Assert.Throws<SpecException>(() => Plan(design)).Errors;

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void Each_Morris_trajectory_moves_every_factor_once_by_delta_on_the_grid(int levels)
    {
        var design = new MorrisDesign(7, levels, ThreeFactors);
        var unit = design.UnitPoints(5);
        var plan = Plan(design);

        Assert.Equal(7 * 4, plan.Points.Count);
        Assert.Equal(7 * 4 * 2, plan.RunCount);
        Assert.Equal(levels / (2.0 * (levels - 1)), design.Delta);
        Assert.All(unit.SelectMany(u => u), x =>
        {
            var level = x * (levels - 1);
            Assert.Equal(Math.Round(level), level, 9);
            Assert.InRange(x, 0, 1);
        });
        for (var t = 0; t < 7; t++)
        {
            var moved = new List<int>();
            for (var s = 1; s <= 3; s++)
            {
                var (before, after) = (unit[(t * 4) + s - 1], unit[(t * 4) + s]);
                var changed = Enumerable.Range(0, 3).Where(f => before[f] != after[f]).ToArray();
                var f = Assert.Single(changed);
                Assert.Equal(design.Delta, Math.Abs(after[f] - before[f]), 12);
                moved.Add(f);
            }

            Assert.Equal([0, 1, 2], moved.Order());
        }

        // The points set the parameters at those coordinates of their ranges, linear or log.
        for (var i = 0; i < unit.Length; i++)
        {
            Assert.Equal(unit[i][0], Value(plan, plan.Points[i], "crossDepartmentShare"), 12);
            Assert.Equal(Math.Exp(Math.Log(0.01) + (unit[i][1] * (Math.Log(1) - Math.Log(0.01)))), Value(plan, plan.Points[i], "noiseSigma"), 12);
            Assert.Equal(2 + (unit[i][2] * 10), Value(plan, plan.Points[i], "arrivalRate"), 12);
        }
    }

    [Fact]
    public void Optimised_Morris_trajectories_lie_further_apart_than_the_first_ones_drawn()
    {
        static double Spread(double[][] points, int k)
        {
            var trajectories = points.Chunk(k + 1).ToArray();
            var sum = 0.0;
            for (var a = 0; a < trajectories.Length; a++)
            {
                for (var b = a + 1; b < trajectories.Length; b++)
                {
                    sum += MorrisDesign.Distance(trajectories[a], trajectories[b]);
                }
            }

            return sum;
        }

        var plain = new MorrisDesign(4, 4, ThreeFactors, Seed: 3).UnitPoints(0);
        var optimised = new MorrisDesign(4, 4, ThreeFactors, Candidates: 40, Seed: 3).UnitPoints(0);

        // Without candidates the design keeps the first 4 of the draws the optimised one chooses from.
        Assert.True(Spread(optimised, 3) > Spread(plain, 3) * 1.1, $"optimised {Spread(optimised, 3):G4}, first drawn {Spread(plain, 3):G4}");
    }

    /// <summary>
    /// Campolongo et al.'s greedy choice, step by step: the candidates are the first M trajectories drawn (a design
    /// without candidates draws the same ones from the same seed); the two furthest apart are kept first, then each
    /// next one is the candidate whose summed distance to those kept is largest; the kept ones keep their drawing order.
    /// </summary>
    [Fact]
    public void Optimised_Morris_trajectories_are_the_pair_furthest_apart_then_the_greedy_choice_in_drawing_order()
    {
        const int m = 12, r = 4;
        var candidates = Trajectories(new MorrisDesign(m, 4, ThreeFactors, Seed: 7));
        var kept = Trajectories(new MorrisDesign(r, 4, ThreeFactors, Candidates: m, Seed: 7));

        var chosen = kept.Select(t => Array.FindIndex(candidates, c => c.Zip(t).All(p => p.First.SequenceEqual(p.Second)))).ToList();
        Assert.DoesNotContain(-1, chosen);
        Assert.Equal(chosen.Order(), chosen);

        double D(int a, int b) => MorrisDesign.Distance(candidates[a], candidates[b]);
        var pairs = from a in Enumerable.Range(0, m) from b in Enumerable.Range(a + 1, m - a - 1) select (a, b);
        var furthest = pairs.MaxBy(p => D(p.a, p.b));
        var expected = new List<int> { furthest.a, furthest.b };
        while (expected.Count < r)
        {
            expected.Add(Enumerable.Range(0, m).Where(c => !expected.Contains(c)).MaxBy(c => expected.Sum(e => D(c, e))));
        }

        Assert.Equal(expected.Order(), chosen);
        // The chosen set differs from a greedy walk that starts from the first candidate instead of the furthest pair.
        var fromFirst = new List<int> { 0 };
        while (fromFirst.Count < r)
        {
            fromFirst.Add(Enumerable.Range(0, m).Where(c => !fromFirst.Contains(c)).MaxBy(c => fromFirst.Sum(e => D(c, e))));
        }

        Assert.NotEqual(fromFirst.Order(), chosen);
    }

    /// <summary>
    /// When nearly every candidate is kept, the candidates left near the end are those close to the others, and a
    /// trajectory already kept can have the larger summed distance to the rest: the greedy choice must still take each
    /// candidate at most once, or the design would repeat a trajectory and hold fewer than r distinct ones.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void An_optimised_Morris_design_keeps_each_candidate_at_most_once_when_nearly_all_are_kept(long seed)
    {
        const int m = 12, r = 11;
        var candidates = Trajectories(new MorrisDesign(m, 4, ThreeFactors, Seed: seed));
        var kept = Trajectories(new MorrisDesign(r, 4, ThreeFactors, Candidates: m, Seed: seed));

        static string Key(double[][] t) => string.Join(";", t.Select(p => string.Join(",", p)));
        Assert.Equal(m, candidates.Select(Key).Distinct().Count());
        Assert.Equal(r, kept.Length);
        Assert.Equal(r, kept.Select(Key).Distinct().Count());
        Assert.Subset(candidates.Select(Key).ToHashSet(), kept.Select(Key).ToHashSet());
    }

    /// <summary>
    /// A period that 0 switches off (dispatchInterval: 0, or at least 0.01 days) has a gap between 0 and its shortest
    /// period. A sampled range from 0 would draw values in the gap, which once stopped the sweep with a stack trace; it
    /// is a spec error at the range's from, for every sampling design, and a range that starts at the shortest period is not.
    /// </summary>
    [Fact]
    public void A_sampled_range_across_the_gap_of_a_period_that_zero_switches_off_is_a_spec_error_at_its_from()
    {
        Factor[] across = [Factor.Interval("dispatchInterval", 0, 1)];
        foreach (var design in new Design[] { new LatinHypercubeDesign(200, across, Seed: 1), new SobolDesign(64, across, Seed: 1), new MorrisDesign(4, 4, across, Seed: 1) })
        {
            var e = Assert.Single(Errors(design));
            Assert.Equal(("$.design.factors.dispatchInterval.from", "0"), (e.Path, e.Value));
            Assert.StartsWith($"a number >= 0.01: dispatchInterval is 0 or at least 0.01, and a {design.Kind} design samples", e.Allowed, StringComparison.Ordinal);
        }

        var above = Plan(new LatinHypercubeDesign(200, [Factor.Interval("dispatchInterval", 0.01, 1)], Seed: 1));
        Assert.All(above.Points, p => Assert.InRange(Value(above, p, "dispatchInterval"), 0.01, 1));
    }

    /// <summary>Every numeric parameter of the catalogue and every numeric field of the first body, by name.</summary>
    public static TheoryData<string> NumericParameters => new(ParameterCatalog.All.Concat(ParameterCatalog.BodyFields).Where(p => p.IsNumeric).Select(p => p.Name));

    /// <summary>
    /// For every numeric parameter, a range from its lowest allowed value (the edge where gaps and exclusive bounds
    /// sit) is planned or refused with spec errors by every design that reads ranges, and never stops with another
    /// exception: what a sampled range across <c>dispatchInterval</c>'s gap did before it was refused.
    /// </summary>
    [Theory]
    [MemberData(nameof(NumericParameters))]
    public void A_range_from_a_parameters_lowest_allowed_value_is_planned_or_refused_with_spec_errors_by_every_design(string name)
    {
        var p = ParameterCatalog.Get(name);
        var from = !p.MinExclusive ? p.Min : p.IsInteger ? Math.Floor(p.Min) + 1 : Math.BitIncrement(p.Min);
        var to = Math.Min(p.Max, from + (p.IsInteger ? 3 : 1));
        Assert.True(to > from, $"{name}: {from}..{to}");
        Factor[] interval = [Factor.Interval(name, from, to)];
        Design[] designs =
        [
            new LatinHypercubeDesign(300, interval, Seed: 1),
            new SobolDesign(64, interval, Seed: 1),
            new MorrisDesign(6, 6, interval, Seed: 1),
            new FactorialDesign([Factor.Spaced(name, from, to, 9)]),
        ];
        foreach (var design in designs)
        {
            try
            {
                var plan = Plan(design);
                Assert.All(plan.Points, point => Assert.InRange(Value(plan, point, name), from, to));
            }
            catch (SpecException e)
            {
                Assert.NotEmpty(e.Errors);
            }
        }
    }

    [Fact]
    public void A_Morris_design_checks_its_levels_trajectories_candidates_and_factors()
    {
        Assert.Contains(Errors(new MorrisDesign(5, 5, ThreeFactors)), e => e.Path == "$.design.levels" && e.Value == "5" && e.Allowed.Contains("even", StringComparison.Ordinal));
        Assert.Contains(Errors(new MorrisDesign(1, 4, ThreeFactors)), e => e.Path == "$.design.trajectories" && e.Value == "1");
        Assert.Contains(Errors(new MorrisDesign(5, 4, ThreeFactors, Candidates: 5)), e => e.Path == "$.design.candidates" && e.Allowed.StartsWith("an integer from 6", StringComparison.Ordinal));
        Assert.Contains(Errors(new MorrisDesign(5, 4, [Factor.Values("span", 2, 3)])), e => e.Path == "$.design.factors.span" && e.Allowed.Contains("a range", StringComparison.Ordinal));
        Assert.Contains(Errors(new MorrisDesign(5, 4, [Factor.Spaced("span", 2, 4, 3)])), e => e.Path == "$.design.factors.span.count" && e.Allowed.Contains("morris design", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_Sobol_design_is_Saltellis_A_B_and_mixed_matrices_row_by_row(bool secondOrder)
    {
        const int n = 16;
        var design = new SobolDesign(n, ThreeFactors, secondOrder);
        var unit = design.UnitPoints(5);
        var plan = Plan(design);
        var row = secondOrder ? 8 : 5;

        Assert.Equal(row, design.RowLength);
        Assert.Equal(n * row, plan.Points.Count);
        var sequence = new SobolSequence(6, design.SampleSeed(5));
        for (var j = 0; j < n; j++)
        {
            var ab = sequence.Point(j);
            var (a, b) = (ab[..3], ab[3..]);
            Assert.Equal(a, unit[j * row]);
            Assert.Equal(b, unit[(j * row) + row - 1]);
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(a.Select((x, f) => f == i ? b[f] : x), unit[(j * row) + 1 + i]);
                if (secondOrder)
                {
                    Assert.Equal(b.Select((x, f) => f == i ? a[f] : x), unit[(j * row) + 4 + i]);
                }
            }
        }

        // A's and B's columns are stratified: 16 Sobol' points, one in each sixteenth of every range.
        foreach (var matrix in new[] { 0, row - 1 })
        {
            for (var f = 0; f < 3; f++)
            {
                Assert.Equal(Enumerable.Range(0, n), Enumerable.Range(0, n).Select(j => (int)(unit[(j * row) + matrix][f] * n)).Order());
            }
        }

        Assert.Equal(unit[0][0], Value(plan, plan.Points[0], "crossDepartmentShare"), 12);
    }

    [Fact]
    public void Sampling_designs_take_their_seed_from_the_experiment_unless_given_one_and_structures_share_each_points_seeds()
    {
        Design Sobol(long? seed) => new SobolDesign(8, ThreeFactors, Seed: seed);
        Design Morris(long? seed) => new MorrisDesign(3, 4, ThreeFactors, Seed: seed);
        foreach (var make in new Func<long?, Design>[] { Sobol, Morris })
        {
            string Points(ExperimentPlan plan) => string.Join(";", plan.Points.Select(p => string.Join(",", p.Settings)));
            Assert.Equal(Points(Plan(make(null), seed: 5)), Points(Plan(make(null), seed: 5)));
            Assert.NotEqual(Points(Plan(make(null), seed: 5)), Points(Plan(make(null), seed: 6)));
            Assert.Equal(Points(Plan(make(9), seed: 5)), Points(Plan(make(9), seed: 6)));

            var plan = Plan(make(null));
            Assert.All(plan.Runs().GroupBy(r => (r.Point.Id, r.Replication)), g => Assert.Single(g.Select(r => r.Seed).Distinct()));
        }
    }

    [Fact]
    public void A_Sobol_design_checks_its_samples_and_factors()
    {
        Assert.Contains(Errors(new SobolDesign(1, ThreeFactors)), e => e.Path == "$.design.samples" && e.Value == "1" && e.Allowed.Contains("power of two", StringComparison.Ordinal));
        Assert.Contains(Errors(new SobolDesign(8, [])), e => e.Path == "$.design.factors");
        Assert.Contains(Errors(new SobolDesign(8, [Factor.Range("span", 2, 4, 1)])), e => e.Path == "$.design.factors.span.step" && e.Allowed.Contains("sobol design", StringComparison.Ordinal));
        Assert.Contains(Errors(new SobolDesign(8, ThreeFactors, Seed: -1)), e => e.Path == "$.design.seed");
    }

    [Theory]
    [InlineData(false, 5)]
    [InlineData(true, 8)]
    public void A_Sobol_designs_samples_are_bounded_by_its_points_per_sample(bool secondOrder, int rowLength)
    {
        // Each sample is a row of k + 2 points (2k + 2 with second order), and a design holds at most MaxPoints.
        var most = Design.MaxPoints / rowLength;
        Assert.Equal(rowLength, new SobolDesign(most, ThreeFactors, secondOrder).RowLength);

        var e = Assert.Single(Errors(new SobolDesign(most + 1, ThreeFactors, secondOrder)));

        Assert.Equal(("$.design.samples", (most + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), (e.Path, e.Value));
        Assert.Equal($"an integer from 2 to {most} (samples × {rowLength} points, at most {Design.MaxPoints}), best a power of two", e.Allowed);
    }

    [Fact]
    public void The_builder_makes_the_designs_a_spec_file_reads()
    {
        var built = ExperimentSpec.Create("b").Compare(Structure.Hierarchy())
            .Vary(Factor.Interval("crossDepartmentShare", 0, 1)).Vary(Factor.Interval("span", 2, 5))
            .Morris(6, levels: 4, candidates: 20, seed: 2).Build();
        Assert.Equal(new MorrisDesign(6, 4, [Factor.Interval("crossDepartmentShare", 0, 1), Factor.Interval("span", 2, 5)], 20, 2).Kind, built.Design.Kind);
        var morris = Assert.IsType<MorrisDesign>(built.Design);
        Assert.Equal((6, 4, 20, 2L), (morris.Trajectories, morris.Levels, morris.Candidates!.Value, morris.Seed!.Value));

        var sobol = Assert.IsType<SobolDesign>(ExperimentSpec.Create("b").Compare(Structure.Hierarchy())
            .Vary(Factor.Interval("crossDepartmentShare", 0, 1)).Sobol(32, secondOrder: true).Build().Design);
        Assert.Equal((32, true, (long?)null), (sobol.Samples, sobol.SecondOrder, sobol.Seed));
        Assert.Equal(built.ToJson(), ExperimentSpec.Parse(built.ToJson()).ToJson());
    }
}
