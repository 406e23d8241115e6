using CoordSim.Metrics;
using CoordSim.Plots.Results;

namespace CoordSim.Tests.Plots;

[Collection(SmallResultsCollection.Name)]
public class ResultsFolderTests(SmallResults fixture)
{
    [Fact]
    public void Reads_the_real_results_with_their_structures_points_and_scenario()
    {
        var results = ResultsFolder.Load(fixture.Directory);
        var structures = SmallResults.StructureNames;

        Assert.Equal(structures, results.Summary.Structures);
        Assert.Equal(4 * structures.Count, results.Summary.Rows.Count);
        Assert.Equal([0, 1, 2, 3], results.Summary.PointIds);
        Assert.Equal(fixture.Runs.Count, results.Runs.Rows.Count);
        Assert.True(results.HasIssues);
        Assert.Equal(SmallResults.SpecName, results.Summary.Scenario.Name);
        Assert.Equal(SmallResults.Varied, results.Summary.Scenario.VariedParameters);
        Assert.Equal(SmallResults.Varied, results.Manifest.VariedParameters);
        Assert.Contains(new KeyValuePair<string, string>("departments", "6"), results.Summary.Scenario.FixedParameters);
        Assert.Contains(new KeyValuePair<string, string>("horizonDays", "30"), results.Summary.Scenario.FixedParameters);
        Assert.DoesNotContain(results.Summary.Scenario.FixedParameters, p => p.Key == "levels");
        Assert.Equal(MeasureCatalog.All.Select(m => m.Name), results.Summary.Measures);
        Assert.Equal(ParameterCatalog.All.Select(p => p.Name), results.Summary.ParameterColumns);
    }

    [Fact]
    public void Summary_means_are_the_means_of_the_runs_that_were_simulated()
    {
        var summary = ResultsFolder.Load(fixture.Directory).Summary;
        foreach (var row in summary.Rows)
        {
            foreach (var measure in new[] { "latencyMeanResolved", "distortionMean", "responsibilityEffectiveCount" })
            {
                var values = fixture.Values(row.PointId, row.Structure, measure);
                Assert.Equal(SmallResults.Replications, row.N);
                Assert.Equal(values.Average(), row.Measures[measure].Mean, 12);
                Assert.True(row.Measures[measure].CiLow <= row.Measures[measure].Mean && row.Measures[measure].Mean <= row.Measures[measure].CiHigh);
            }
        }
    }

    [Fact]
    public void Runs_carry_their_seed_parameters_and_measures()
    {
        var runs = ResultsFolder.Load(fixture.Directory).Runs;
        for (var i = 0; i < fixture.Runs.Count; i++)
        {
            var expected = fixture.Runs[i];
            var row = runs.Rows[i];
            Assert.Equal(expected.PointId, row.PointId);
            Assert.Equal(expected.Replication, row.Replication);
            Assert.Equal(expected.Result.Seed, row.Seed);
            Assert.Equal(expected.Result.Structure, row.Structure);
            Assert.Equal(ParameterCatalog.Get("arrivalRate").Format(expected.Result.Parameters), row["arrivalRate"]);
            Assert.Equal(expected.Result.Latency.MeanResolved, row.Number("latencyMeanResolved"));
        }
    }

    [Fact]
    public void Issue_latencies_of_a_point_are_every_resolved_issue_of_its_runs()
    {
        var results = ResultsFolder.Load(fixture.Directory);
        var latencies = IssueTable.ReadLatencies(results.IssuesPath!, 2);
        foreach (var structure in SmallResults.StructureNames)
        {
            var expected = fixture.Runs.Where(r => r.PointId == 2 && r.Result.Structure == structure).SelectMany(r => r.Issues).Select(o => o.Latency);
            Assert.Equal(expected, latencies[structure]);
        }

        var all = IssueTable.Load(results.IssuesPath!);
        Assert.Equal(fixture.Runs.Sum(r => r.Issues.Count), all.Count);
        Assert.Equal(fixture.Runs[0].Issues[0], all[0].Outcome);
    }

    [Theory]
    [InlineData("summary.csv")]
    [InlineData("runs.csv")]
    [InlineData("manifest.json")]
    public void A_missing_file_is_named(string file)
    {
        var copy = fixture.Copy();
        File.Delete(Path.Combine(copy, file));

        var e = Assert.Throws<ResultsFormatException>(() => ResultsFolder.Load(copy));

        Assert.Equal(file, Path.GetFileName(e.FilePath));
        Assert.Contains(file, e.Message);
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        var missing = Path.Combine(fixture.Root, "no-such-results");

        var e = Assert.Throws<ResultsFormatException>(() => ResultsFolder.Load(missing));

        Assert.Contains("no-such-results", e.Message);
        Assert.Contains("does not exist", e.Message);
    }

    [Theory]
    [InlineData("summary.csv", "structure")]
    [InlineData("summary.csv", "n")]
    [InlineData("summary.csv", "latencyMeanResolved_ciLow")]
    [InlineData("summary.csv", "distortionMean_mean")]
    [InlineData("runs.csv", "seed")]
    [InlineData("issues.csv", "latency")]
    [InlineData("summary.csv", "arrivalRate")]
    public void A_missing_column_is_named_with_its_file(string file, string column)
    {
        var copy = fixture.Copy();
        ResultsFiles.DropColumn(Path.Combine(copy, file), column);

        var e = Assert.Throws<ResultsFormatException>(() => ResultsFolder.Load(copy));

        Assert.Equal(file, Path.GetFileName(e.FilePath));
        Assert.Equal(column, e.Column);
        Assert.Contains(file, e.Message);
        Assert.Contains($"'{column}'", e.Message);
    }

    [Theory]
    [InlineData("summary.csv")]
    [InlineData("runs.csv")]
    public void Empty_results_are_an_error_naming_the_file(string file)
    {
        var copy = fixture.Copy();
        ResultsFiles.KeepHeaderOnly(Path.Combine(copy, file));

        var e = Assert.Throws<ResultsFormatException>(() => ResultsFolder.Load(copy));

        Assert.Equal(file, Path.GetFileName(e.FilePath));
        Assert.Contains("no rows", e.Message);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        var copy = fixture.Copy();
        File.WriteAllText(Path.Combine(copy, "summary.csv"), "");

        var e = Assert.Throws<ResultsFormatException>(() => ResultsFolder.Load(copy));

        Assert.Contains("summary.csv", e.Message);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void A_malformed_number_is_named_with_line_and_column()
    {
        var copy = fixture.Copy();
        ResultsFiles.SetField(Path.Combine(copy, "summary.csv"), 3, "latencyMeanResolved_mean", "1;5");

        var e = Assert.Throws<ResultsFormatException>(() => ResultsFolder.Load(copy));

        Assert.Equal("latencyMeanResolved_mean", e.Column);
        Assert.Equal(3, e.Line);
        Assert.Contains("line 3", e.Message);
        Assert.Contains("\"1;5\"", e.Message);
    }

    [Fact]
    public void A_varied_parameter_the_manifest_names_must_be_a_column()
    {
        var copy = fixture.Copy();
        var path = Path.Combine(copy, "manifest.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"arrivalRate\"", "\"arrivalRat\""));

        var e = Assert.Throws<ResultsFormatException>(() => ResultsFolder.Load(copy));

        Assert.Equal("arrivalRat", e.Column);
        Assert.Contains("summary.csv", e.Message);
        Assert.Contains("manifest.json", e.Message);
    }

    [Fact]
    public void A_manifest_that_is_not_json_is_an_error()
    {
        var copy = fixture.Copy();
        File.WriteAllText(Path.Combine(copy, "manifest.json"), "{ spec: ");

        var e = Assert.Throws<ResultsFormatException>(() => ResultsFolder.Load(copy));

        Assert.Contains("manifest.json", e.Message);
        Assert.Contains("not valid JSON", e.Message);
    }

    [Fact]
    public void Without_varied_parameters_in_the_manifest_they_are_found_from_the_data()
    {
        var copy = fixture.Copy();
        File.WriteAllText(Path.Combine(copy, "manifest.json"), "{\"spec\": {\"name\": \"bare\"}}");

        var summary = ResultsFolder.Load(copy).Summary;

        Assert.Equal(["arrivalRate", "crossDepartmentShare"], summary.Scenario.VariedParameters.Order());
        Assert.Equal("bare", summary.Scenario.Name);
    }

    [Fact]
    public void The_manifest_names_the_design_its_factors_and_the_log_ranges()
    {
        var copy = fixture.Copy();
        File.WriteAllText(Path.Combine(copy, "manifest.json"), """
            {"spec": {"name": "d", "design": {"kind": "one-at-a-time", "factors": {
              "arrivalRate": {"from": 10, "to": 1000, "count": 3, "scale": "log"},
              "crossDepartmentShare": [0.1, 0.5]}}}}
            """);

        var manifest = ResultsFolder.Load(copy).Manifest;

        Assert.Equal("one-at-a-time", manifest.DesignKind);
        Assert.True(manifest.IsOneAtATime);
        Assert.Equal(["arrivalRate", "crossDepartmentShare"], manifest.DesignFactors);
        Assert.Equal(["arrivalRate"], manifest.LogScaleFactors);
        Assert.Null(ResultsFolder.Load(fixture.Directory).Manifest.DesignKind);
    }

    [Fact]
    public void A_design_that_is_not_an_object_is_an_error()
    {
        var copy = fixture.Copy();
        File.WriteAllText(Path.Combine(copy, "manifest.json"), "{\"spec\": {\"design\": \"one-at-a-time\"}}");

        var e = Assert.Throws<ResultsFormatException>(() => ResultsFolder.Load(copy));

        Assert.Equal("spec.design", e.Column);
        Assert.Contains("must be an object", e.Message);
    }

    [Fact]
    public void Slices_are_every_combination_of_the_other_varied_parameters_in_value_order()
    {
        var summary = ResultsFolder.Load(fixture.Directory).Summary;

        var slices = summary.Slices("crossDepartmentShare");

        Assert.Equal(["20", "30"], slices.Select(s => s["arrivalRate"]));
        Assert.Single(summary.Slices("crossDepartmentShare", "arrivalRate"));
        Assert.Equal(["0.1", "0.5"], summary.Values("crossDepartmentShare"));
    }
}
