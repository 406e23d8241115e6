using CoordSim.Experiments;
using CoordSim.Plots.Results;
using CoordSim.Tests.Experiments;
using ResultsFolder = CoordSim.Plots.Results.ResultsFolder;

namespace CoordSim.Tests.Plots;

/// <summary>
/// sensitivity.csv and sensitivity-convergence.csv read back (<see cref="SensitivityIndexTable"/>): good files, a missing
/// column, malformed values; the results folder that holds them, and the design sizes of its manifest.
/// </summary>
public sealed class SensitivityIndexTableTests
{
    private static string Header(IReadOnlyList<string> columns) => string.Join(",", columns);

    private static string WriteFile(string text, string name)
    {
        var folder = SweepFixture.TempFolder("sensitivity-file");
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Sensitivity_csv_is_read_with_baselines_second_factors_and_empty_cells_as_nan()
    {
        var path = WriteFile(
            Header(ResultsFormat.SensitivityColumns) + "\n" +
            "latencyRestrictedMean,hierarchy,,arrivalRate,,S1,0.5,0.25,0.75,64\n" +
            "latencyRestrictedMean,flat,hierarchy,arrivalRate,noiseSigma,S2,-0.01,,,64\n" +
            "distortionRms,hierarchy,,noiseSigma,,ST,,,,0\n",
            ResultsFormat.SensitivityFile);

        var table = SensitivityIndexTable.Load(path);

        Assert.False(table.IsConvergence);
        Assert.Equal(["latencyRestrictedMean", "distortionRms"], table.Measures);
        Assert.Equal(["S1", "S2", "ST"], table.Indices);
        var own = table.Rows[0];
        Assert.Equal(new SensitivityIndexRow("latencyRestrictedMean", "hierarchy", null, "arrivalRate", null, "S1", 0.5, 0.25, 0.75, 64), own);
        Assert.False(own.IsDifference);
        Assert.True(own.HasInterval);
        Assert.Null(own.Samples);
        var pair = table.Rows[1];
        Assert.Equal("hierarchy", pair.Baseline);
        Assert.True(pair.IsDifference);
        Assert.Equal("noiseSigma", pair.Factor2);
        Assert.Equal(-0.01, pair.Estimate);
        Assert.False(pair.HasInterval);
        Assert.False(table.Rows[2].HasEstimate);
        Assert.Equal(0, table.Rows[2].N);
        Assert.Equal([pair], table.Of("latencyRestrictedMean", SensitivityIndexRow.S2));
    }

    [Fact]
    public void Sensitivity_convergence_csv_is_read_with_the_samples_of_each_row()
    {
        var path = WriteFile(
            Header(ResultsFormat.SensitivityConvergenceColumns) + "\n" +
            "latencyRestrictedMean,hierarchy,,arrivalRate,ST,8,0.4,0.1,0.9,8\n" +
            "latencyRestrictedMean,hierarchy,,arrivalRate,ST,16,0.45,0.2,0.7,16\n",
            ResultsFormat.SensitivityConvergenceFile);

        var table = SensitivityIndexTable.LoadConvergence(path);

        Assert.True(table.IsConvergence);
        Assert.Equal([8, 16], table.Rows.Select(r => r.Samples));
        Assert.All(table.Rows, r => Assert.Null(r.Factor2));
        Assert.Equal(0.45, table.Rows[1].Estimate);
    }

    [Theory]
    [InlineData(false, "ciHigh")]
    [InlineData(false, "factor2")]
    [InlineData(true, "samples")]
    public void A_missing_column_is_named_with_its_file(bool convergence, string column)
    {
        var columns = (convergence ? ResultsFormat.SensitivityConvergenceColumns : ResultsFormat.SensitivityColumns).Where(c => c != column).ToArray();
        var name = convergence ? ResultsFormat.SensitivityConvergenceFile : ResultsFormat.SensitivityFile;
        var path = WriteFile(Header(columns) + "\n" + string.Join(",", columns.Select(_ => "1")) + "\n", name);

        var read = Assert.Throws<ResultsFormatException>(() => convergence ? SensitivityIndexTable.LoadConvergence(path) : SensitivityIndexTable.Load(path));
        var checkedHeader = Assert.Throws<ResultsFormatException>(() => SensitivityIndexTable.CheckHeader(path, convergence));

        foreach (var e in new[] { read, checkedHeader })
        {
            Assert.Equal(column, e.Column);
            Assert.Equal(1, e.Line);
            Assert.Contains($"{name} ('{path}') has no column '{column}'", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("latencyRestrictedMean,hierarchy,,arrivalRate,,S1,0,5,0.25,0.75,64", null, "fields")]
    [InlineData("latencyRestrictedMean,hierarchy,,arrivalRate,,S1,0.5x,0.25,0.75,64", "estimate", "\"0.5x\" is not allowed; expected a number")]
    [InlineData("latencyRestrictedMean,hierarchy,,arrivalRate,,S1,0.5,0.25,0.75,-3", "n", "\"-3\" is not allowed; expected a non-negative integer")]
    [InlineData("latencyRestrictedMean,,,arrivalRate,,S1,0.5,0.25,0.75,64", "structure", "\"\" is not allowed; expected a non-empty name")]
    public void A_malformed_row_is_named_with_line_and_column(string row, string? column, string expected)
    {
        var path = WriteFile(Header(ResultsFormat.SensitivityColumns) + "\nlatencyRestrictedMean,hierarchy,,noiseSigma,,S1,0.1,0,0.2,64\n" + row + "\n", ResultsFormat.SensitivityFile);

        var e = Assert.Throws<ResultsFormatException>(() => SensitivityIndexTable.Load(path));

        Assert.Equal(3, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_results_folder_has_its_indices_only_when_the_sweep_wrote_them()
    {
        var morris = ResultsFolder.Load(SensitivitySweeps.Morris);
        Assert.True(morris.HasSensitivity);
        Assert.True(morris.Manifest.IsMorris);
        Assert.True(morris.Manifest.IsGlobalSensitivity);
        Assert.False(morris.Manifest.IsSobol);
        Assert.Equal(SensitivitySweeps.Trajectories, morris.Manifest.DesignTrajectories);
        Assert.Equal(4, morris.Manifest.DesignLevels);
        Assert.Equal(Path.Combine(SensitivitySweeps.Morris, ResultsFormat.SensitivityFile), morris.SensitivityPath);
        Assert.Equal([.. SensitivitySweeps.Measures.Order(), "stable"], morris.Sensitivity!.Measures.Order());
        Assert.Same(morris.Sensitivity, morris.Sensitivity);

        var sobol = ResultsFolder.Load(SensitivitySweeps.Sobol);
        Assert.True(sobol.Manifest.IsSobol);
        Assert.Equal(SensitivitySweeps.SobolSamples, sobol.Manifest.DesignSamples);
        Assert.False(sobol.Manifest.DesignSecondOrder);
        Assert.Equal(["S1", "ST"], sobol.Sensitivity!.Indices);

        // A sweep of another design has none; a malformed header is found when the folder is loaded.
        var factorial = SweepFixture.TempFolder("factorial");
        Sweep.Run(SweepFixture.TwoStructures(replications: 1, timeSeries: null), factorial, new SweepOptions { Threads = 2 });
        var plain = ResultsFolder.Load(factorial);
        Assert.False(plain.HasSensitivity);
        Assert.Null(plain.Sensitivity);
        Assert.Null(plain.SensitivityConvergence);
        Assert.False(plain.Manifest.IsGlobalSensitivity);

        var broken = SensitivitySweeps.Copy(SensitivitySweeps.Morris, "broken-header");
        var file = Path.Combine(broken, ResultsFormat.SensitivityFile);
        File.WriteAllLines(file, File.ReadAllLines(file).Select(l => string.Join(",", l.Split(',').Take(9))));
        var e = Assert.Throws<ResultsFormatException>(() => ResultsFolder.Load(broken));
        Assert.Equal("n", e.Column);
    }

    [Theory]
    [InlineData("\"trajectories\": \"ten\"", "spec.design.trajectories", "must be an integer")]
    [InlineData("\"levels\": 4.5", "spec.design.levels", "must be an integer")]
    [InlineData("\"secondOrder\": 1", "spec.design.secondOrder", "must be true or false")]
    public void A_design_size_of_the_wrong_type_in_the_manifest_is_named(string member, string key, string expected)
    {
        var folder = SensitivitySweeps.Copy(SensitivitySweeps.Morris, "bad-manifest");
        var path = Path.Combine(folder, ResultsFormat.ManifestFile);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var design = json["spec"]!["design"]!.AsObject();
        var (name, value) = (member.Split(':')[0].Trim('"'), System.Text.Json.Nodes.JsonNode.Parse(member.Split(':')[1]));
        design[name] = value;
        File.WriteAllText(path, json.ToJsonString());

        var e = Assert.Throws<ResultsFormatException>(() => Manifest.Load(path));

        Assert.Equal(key, e.Column);
        Assert.Contains($"'{key}' {expected}", e.Message, StringComparison.Ordinal);
    }
}
