using CoordSim.Experiments;
using CoordSim.Metrics;
using CoordSim.Structures;
using CoordSim.Tests.Experiments;
using static CoordSim.Tests.Sensitivity.UnitCubeModel;

namespace CoordSim.Tests.Sensitivity;

/// <summary>sensitivity.csv as a sweep writes it: the design's points run, averaged and analysed along the sweep's own path.</summary>
public class SensitivitySweepTests
{
    /// <summary>Row → column values of sensitivity.csv (no field there holds a comma).</summary>
    private static List<Dictionary<string, string>> Read(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, ResultsFormat.SensitivityFile));
        var header = lines[0].Split(',');
        Assert.Equal(ResultsFormat.SensitivityColumns, header);
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The Ishigami function plugged in as the model of every run (<see cref="SweepOptions.Model"/>): the runs' parameters,
    /// mapped from their ranges to [−π, π], give staffDays; the second structure reports twice the first's, so the difference
    /// of the two is the Ishigami function again. The analytic indices (S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437,
    /// derived in <see cref="EstimatorValidationTests"/>) must lie in the intervals sensitivity.csv reports, for the first
    /// structure and for the difference; the second structure's indices are the first's (a factor of 2 leaves shares alone).
    /// </summary>
    [Fact]
    public void Ishigami_run_as_the_sweeps_model_gives_its_analytic_indices_in_sensitivity_csv()
    {
        var spec = UnitCubeModel.Vary(SweepFixture.Small("ishigami").Compare(Structure.Hierarchy(), "twice", ("levels", 1)), IshigamiFactors)
            .Sobol(512, seed: 11)
            .Measures("staffDays")
            .TimeSeries(null)
            .Seed(3)
            .Build();
        static RunResult Model(PlannedRun run) =>
            UnitCubeModel.WithStaffDays((run.StructureIndex + 1) * EstimatorValidationTests.Ishigami(UnitCubeModel.Unit(run, IshigamiFactors)));

        var folder = SweepFixture.TempFolder("ishigami");
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2, Model = Model });

        var rows = Read(folder).Where(r => r["measure"] == "staffDays").ToList();
        double[] s1 = [0.3139, 0.4424, 0], st = [0.5576, 0.4424, 0.2437];
        foreach (var (structure, baseline) in new[] { ("hierarchy", ""), ("twice", "hierarchy") })
        {
            for (var i = 0; i < 3; i++)
            {
                foreach (var (index, expected) in new[] { ("S1", s1[i]), ("ST", st[i]) })
                {
                    var row = Assert.Single(rows, r => r["structure"] == structure && r["baseline"] == baseline && r["factor"] == IshigamiFactors[i].Name && r["index"] == index);
                    Assert.Equal("512", row["n"]);
                    Assert.True(Number(row["ciLow"]) <= expected && expected <= Number(row["ciHigh"]),
                        $"{structure} − '{baseline}', {index} of {IshigamiFactors[i].Name}: analytic {expected}, estimate {row["estimate"]} [{row["ciLow"]}, {row["ciHigh"]}]");
                }
            }
        }

        string Estimate(string structure, string baseline, string factor) =>
            rows.Single(r => r["structure"] == structure && r["baseline"] == baseline && r["factor"] == factor && r["index"] == "S1")["estimate"];
        Assert.All(IshigamiFactors, f => Assert.Equal(Number(Estimate("hierarchy", "", f.Name)), Number(Estimate("twice", "", f.Name)), 12));
        Assert.All(IshigamiFactors, f => Assert.Equal(Number(Estimate("hierarchy", "", f.Name)), Number(Estimate("twice", "hierarchy", f.Name)), 12));
    }

    /// <summary>
    /// A second-order Sobol' sweep writes S2 for each pair of factors i &lt; j, the pair in factor and factor2. For y = u₁u₂
    /// with u uniform on [0, 1] and a third factor that does nothing (derived by hand): Var y = 1/9 − 1/16 = 7/144,
    /// Var E[y | u₁] = Var(u₁/2) = 1/48 = 3/144, so S1 = 3/7 for u₁ and u₂ and 0 for u₃; S2 = (7 − 3 − 3)/144 ÷ 7/144 = 1/7
    /// for (u₁, u₂) and 0 for the pairs with u₃; ST = 4/7, 4/7, 0. Each must lie in the interval sensitivity.csv reports.
    /// </summary>
    [Fact]
    public void A_second_order_sobol_sweep_writes_S2_of_every_pair_of_factors()
    {
        var spec = UnitCubeModel.Vary(SweepFixture.Small("interaction"), IshigamiFactors)
            .Sobol(512, secondOrder: true, seed: 13).Measures("staffDays").TimeSeries(null).Seed(3).Build();
        static RunResult Model(PlannedRun run)
        {
            var u = UnitCubeModel.Unit(run, IshigamiFactors);
            return UnitCubeModel.WithStaffDays(u[0] * u[1]);
        }

        var folder = SweepFixture.TempFolder("interaction");
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2, Model = Model });

        var rows = Read(folder).Where(r => r["measure"] == "staffDays").ToList();
        Assert.All(rows.Where(r => r["index"] != "S2"), r => Assert.Equal("", r["factor2"]));
        var names = IshigamiFactors.Select(f => f.Name).ToArray();
        Assert.Equal([(names[0], names[1]), (names[0], names[2]), (names[1], names[2])], rows.Where(r => r["index"] == "S2").Select(r => (r["factor"], r["factor2"])));
        var expected = new (string Index, string Factor, string Factor2, double Value)[]
        {
            ("S1", names[0], "", 3.0 / 7), ("S1", names[1], "", 3.0 / 7), ("S1", names[2], "", 0),
            ("ST", names[0], "", 4.0 / 7), ("ST", names[1], "", 4.0 / 7), ("ST", names[2], "", 0),
            ("S2", names[0], names[1], 1.0 / 7), ("S2", names[0], names[2], 0), ("S2", names[1], names[2], 0),
        };
        foreach (var (index, factor, factor2, value) in expected)
        {
            var row = Assert.Single(rows, r => r["index"] == index && r["factor"] == factor && r["factor2"] == factor2);
            Assert.Equal("512", row["n"]);
            Assert.True(Number(row["ciLow"]) <= value && value <= Number(row["ciHigh"]),
                $"{index} of {factor} {factor2}: analytic {value}, estimate {row["estimate"]} [{row["ciLow"]}, {row["ciHigh"]}]");
        }
    }

    private static ExperimentSpec SmallMorris() => SweepFixture.Small("morris")
        .Compare(Structure.Hierarchy(), "flat", ("levels", 1))
        .Vary(Factor.Interval("crossDepartmentShare", 0.1, 0.6))
        .Vary(Factor.Interval("arrivalRate", 4, 8))
        .Morris(3, levels: 4)
        .Replications(2)
        .TimeSeries(null)
        .Seed(9)
        .Build();

    /// <summary>
    /// A difference row analyses the structure's output minus the baseline's. With y₀ = 3u₁ − 2u₂ for the baseline and
    /// y₁ = y₀ + 5u₂ for the other structure, the difference is 5u₂: μ = 0 for u₁ and 5 for u₂, exactly, where the other
    /// structure's own output gives μ = 3 and 3, and the sum 6 and 1. (Ishigami's second structure is twice the first,
    /// so its own output, the difference and the sum have the same indices and cannot tell these apart.)
    /// </summary>
    [Fact]
    public void A_difference_row_analyses_the_structures_output_minus_the_baselines()
    {
        var spec = LinearScreening.Spec("difference", 4).Compare(Structure.Hierarchy(), "other", ("levels", 1)).Build();
        static RunResult Model(PlannedRun run) => LinearScreening.Output(run, 3, -2 + (run.StructureIndex * 5));

        var folder = SweepFixture.TempFolder("difference");
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2, Model = Model });

        var rows = Read(folder).Where(r => r["measure"] == "staffDays" && r["index"] == "mu").ToList();
        double Mu(string structure, string baseline, string factor) =>
            Number(Assert.Single(rows, r => r["structure"] == structure && r["baseline"] == baseline && r["factor"] == factor)["estimate"]);
        Assert.Equal(0, Mu("other", "hierarchy", "crossDepartmentShare"), 9);
        Assert.Equal(5, Mu("other", "hierarchy", "noiseSigma"), 9);
        Assert.Equal(3, Mu("other", "", "crossDepartmentShare"), 9);
        Assert.Equal(3, Mu("other", "", "noiseSigma"), 9);
        Assert.Equal(3, Mu("hierarchy", "", "crossDepartmentShare"), 9);
        Assert.Equal(-2, Mu("hierarchy", "", "noiseSigma"), 9);
    }

    [Fact]
    public void A_morris_sweep_writes_every_index_of_every_measure_and_documents_the_file()
    {
        var spec = SmallMorris();
        var plan = spec.Plan();
        var folder = SweepFixture.TempFolder("morris-sweep");
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2 });

        var rows = Read(folder);
        // Each measure: hierarchy, flat, and flat − hierarchy; each factor: mu, muStar, sigma.
        Assert.Equal(plan.Measures.Count * 3 * 2 * 3, rows.Count);
        Assert.Equal(["hierarchy|", "flat|", "flat|hierarchy"], rows.Select(r => r["structure"] + "|" + r["baseline"]).Distinct());
        Assert.Equal(["mu", "muStar", "sigma"], rows.Select(r => r["index"]).Distinct());
        Assert.All(rows.Where(r => r["measure"] == "staffDays"), r => Assert.Equal("3", r["n"]));

        var codebook = File.ReadAllLines(Path.Combine(folder, ResultsFormat.CodebookFile)).Where(l => l.StartsWith(ResultsFormat.SensitivityFile + ",", StringComparison.Ordinal));
        Assert.Equal(ResultsFormat.SensitivityColumns, codebook.Select(l => l.Split(',')[1]));
        Assert.Contains(ResultsFormat.SensitivityFile, File.ReadAllText(Path.Combine(folder, ResultsFormat.ManifestFile)));
        var convergenceCodebook = File.ReadAllLines(Path.Combine(folder, ResultsFormat.CodebookFile)).Where(l => l.StartsWith(ResultsFormat.SensitivityConvergenceFile + ",", StringComparison.Ordinal));
        Assert.Equal(ResultsFormat.SensitivityConvergenceColumns, convergenceCodebook.Select(l => l.Split(',')[1]));
        Assert.Contains(ResultsFormat.SensitivityConvergenceFile, File.ReadAllText(Path.Combine(folder, ResultsFormat.ManifestFile)));

        // The file is computed from runs.csv, not from the order the runs finished in.
        var again = SweepFixture.TempFolder("morris-sweep-1");
        Sweep.Run(spec, again, new SweepOptions { Threads = 1 });
        Assert.Equal(SweepFixture.Bytes(folder, ResultsFormat.SensitivityFile), SweepFixture.Bytes(again, ResultsFormat.SensitivityFile));
        Assert.Equal(SweepFixture.Bytes(folder, ResultsFormat.SensitivityConvergenceFile), SweepFixture.Bytes(again, ResultsFormat.SensitivityConvergenceFile));
    }

    [Fact]
    public void Shards_write_no_sensitivity_csv_and_their_merge_writes_the_whole_sweeps_bytes()
    {
        var spec = SmallMorris();
        var whole = SweepFixture.TempFolder("sens-whole");
        Sweep.Run(spec, whole, new SweepOptions { Threads = 2 });
        var shards = new[] { 1, 2 }.Select(n =>
        {
            var folder = SweepFixture.TempFolder($"sens-shard-{n}");
            Sweep.Run(spec, folder, new SweepOptions { Threads = 1, Shard = new Shard(n, 2) });
            Assert.False(File.Exists(Path.Combine(folder, ResultsFormat.SensitivityFile)));
            Assert.False(File.Exists(Path.Combine(folder, ResultsFormat.SensitivityConvergenceFile)));
            Assert.DoesNotContain(ResultsFormat.SensitivityFile, File.ReadAllText(Path.Combine(folder, ResultsFormat.CodebookFile)));
            return folder;
        }).ToArray();

        var merged = Path.Combine(SweepFixture.TempFolder("sens-merged"), "out");
        Sweep.Merge(shards, merged);

        Assert.Equal(SweepFixture.Bytes(whole, ResultsFormat.SensitivityFile), SweepFixture.Bytes(merged, ResultsFormat.SensitivityFile));
        Assert.Equal(SweepFixture.Bytes(whole, ResultsFormat.SensitivityConvergenceFile), SweepFixture.Bytes(merged, ResultsFormat.SensitivityConvergenceFile));
        Assert.Equal(SweepFixture.Bytes(whole, ResultsFormat.CodebookFile), SweepFixture.Bytes(merged, ResultsFormat.CodebookFile));
    }

    [Fact]
    public void A_sweep_with_another_design_writes_no_sensitivity_csv_and_force_replaces_one()
    {
        var folder = SweepFixture.TempFolder("sens-none");
        Sweep.Run(SmallMorris(), folder, new SweepOptions { Threads = 2 });
        Assert.True(File.Exists(Path.Combine(folder, ResultsFormat.SensitivityFile)));
        Assert.True(File.Exists(Path.Combine(folder, ResultsFormat.SensitivityConvergenceFile)));

        Sweep.Run(SweepFixture.TwoStructures(replications: 1, timeSeries: null), folder, new SweepOptions { Threads = 2, Force = true });

        Assert.False(File.Exists(Path.Combine(folder, ResultsFormat.SensitivityFile)));
        Assert.False(File.Exists(Path.Combine(folder, ResultsFormat.SensitivityConvergenceFile)));
    }
}
