using System.Globalization;
using CoordSim.Experiments;
using CoordSim.Metrics;
using CoordSim.Structures;
using CoordSim.Tests.Experiments;

namespace CoordSim.Tests.Sensitivity;

/// <summary>sensitivity-convergence.csv: the first-order indices again from the first N/8, N/4, N/2 and all N samples.</summary>
public class SensitivityConvergenceTests
{
    private static List<Dictionary<string, string>> Read(string folder, string file, IReadOnlyList<string> columns)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, file));
        var header = lines[0].Split(',');
        Assert.Equal(columns, header);
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("sobol", 1024, new[] { 128, 256, 512, 1024 })]
    [InlineData("sobol", 100, new[] { 12, 25, 50, 100 })]
    [InlineData("sobol", 16, new[] { 8, 16 })]
    [InlineData("sobol", 4, new[] { 4 })]
    [InlineData("morris", 40, new[] { 5, 10, 20, 40 })]
    [InlineData("morris", 10, new[] { 5, 10 })]
    [InlineData("morris", 3, new[] { 3 })]
    public void The_sizes_are_the_halvings_down_to_an_eighth_that_keep_enough_samples(string kind, int n, int[] expected)
    {
        Factor[] factors = [Factor.Interval("arrivalRate", 4, 8), Factor.Interval("noiseSigma", 0.1, 0.3)];
        Design design = kind == "sobol" ? new SobolDesign(n, factors) : new MorrisDesign(n, 4, factors);

        Assert.Equal(expected, SensitivityConvergenceTable.Sizes(design));
    }

    /// <summary>
    /// A model linear on the factors' [0, 1] scales, y = 3 u₁ − 2 u₂, has every elementary effect equal to its slope: μ = 3
    /// and −2, μ* = 3 and 2, σ = 0, from any number of trajectories; each size's row says how many it used.
    /// </summary>
    [Fact]
    public void Morris_indices_of_a_linear_model_are_its_slopes_at_every_size()
    {
        var spec = LinearScreening.Spec("linear", 8).Build();
        static RunResult Model(PlannedRun run) => LinearScreening.Output(run, 3, -2);

        var folder = SweepFixture.TempFolder("convergence-linear");
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2, Model = Model });

        var rows = Read(folder, ResultsFormat.SensitivityConvergenceFile, ResultsFormat.SensitivityConvergenceColumns).Where(r => r["measure"] == "staffDays").ToList();
        Assert.Equal(["4", "8"], rows.Select(r => r["samples"]).Distinct());
        Assert.All(rows, r => Assert.Equal(r["samples"], r["n"]));
        foreach (var samples in new[] { "4", "8" })
        {
            double Index(string factor, string index) => Number(rows.Single(r => r["samples"] == samples && r["factor"] == factor && r["index"] == index)["estimate"]);
            Assert.Equal(3, Index("crossDepartmentShare", "mu"), 9);
            Assert.Equal(3, Index("crossDepartmentShare", "muStar"), 9);
            Assert.Equal(0, Index("crossDepartmentShare", "sigma"), 9);
            Assert.Equal(-2, Index("noiseSigma", "mu"), 9);
            Assert.Equal(2, Index("noiseSigma", "muStar"), 9);
            Assert.Equal(0, Index("noiseSigma", "sigma"), 9);
        }
    }

    /// <summary>
    /// The Ishigami function as the sweep's model (as in <see cref="SensitivitySweepTests"/>), N = 512: the sizes are 64,
    /// 128, 256 and 512; the row for all 512 equals sensitivity.csv's; and an interval from 64 base rows is wider than
    /// the one from 512 for every index (a percentile bootstrap interval narrows as 1/√N, so by about √8 ≈ 2.8 here).
    /// </summary>
    [Fact]
    public void Sobol_indices_of_ishigami_at_all_samples_equal_sensitivity_csv_and_their_intervals_narrow()
    {
        var factors = UnitCubeModel.IshigamiFactors;
        var spec = UnitCubeModel.Vary(SweepFixture.Small("ishigami-convergence").Compare(Structure.Hierarchy(), "twice", ("levels", 1)), factors)
            .Sobol(512, secondOrder: true, seed: 11).Measures("staffDays").TimeSeries(null).Seed(3).Build();
        static RunResult Model(PlannedRun run) =>
            UnitCubeModel.WithStaffDays((run.StructureIndex + 1) * EstimatorValidationTests.Ishigami(UnitCubeModel.Unit(run, UnitCubeModel.IshigamiFactors)));

        var folder = SweepFixture.TempFolder("convergence-ishigami");
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2, Model = Model });

        var all = Read(folder, ResultsFormat.SensitivityFile, ResultsFormat.SensitivityColumns).Where(r => r["measure"] == "staffDays").ToList();
        var rows = Read(folder, ResultsFormat.SensitivityConvergenceFile, ResultsFormat.SensitivityConvergenceColumns).Where(r => r["measure"] == "staffDays").ToList();
        Assert.Equal(["64", "128", "256", "512"], rows.Select(r => r["samples"]).Distinct());
        Assert.Equal(["S1", "ST"], rows.Select(r => r["index"]).Distinct());
        foreach (var row in rows.Where(r => r["samples"] == "512"))
        {
            var same = Assert.Single(all, r => r["structure"] == row["structure"] && r["baseline"] == row["baseline"] && r["factor"] == row["factor"] && r["index"] == row["index"]);
            Assert.Equal((same["estimate"], same["ciLow"], same["ciHigh"], same["n"]), (row["estimate"], row["ciLow"], row["ciHigh"], row["n"]));
        }

        double Width(Dictionary<string, string> r) => Number(r["ciHigh"]) - Number(r["ciLow"]);
        foreach (var wide in rows.Where(r => r["samples"] == "64"))
        {
            var narrow = rows.Single(r => r["samples"] == "512" && r["structure"] == wide["structure"] && r["baseline"] == wide["baseline"] && r["factor"] == wide["factor"] && r["index"] == wide["index"]);
            Assert.True(Width(wide) > Width(narrow),
                $"{wide["structure"]}−'{wide["baseline"]}' {wide["index"]} of {wide["factor"]}: interval {Width(wide)} from 64 base rows, {Width(narrow)} from 512");
        }
    }
}
