using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CoordSim.Cli.Commands;
using CoordSim.Experiments;
using CsvHelper;

namespace CoordSim.Tests.Experiments;

/// <summary>output.timeSeries and --time-series: timeseries.csv, every run's time series in long format, journaled like issues.csv.</summary>
public class TimeSeriesSweepTests
{
    private const string Header =
        "pointId,structure,replication,day,arrived,resolved,backlog,utilisationLevel0,utilisationLevel1,utilisationLeaders,meetings,meetingDays,reportDays";

    /// <summary>The two-structure sweep (levels 2 and, for "flat", 1) with a time series every 5 of its 20 days, on two threads.</summary>
    private static readonly Lazy<(ExperimentSpec Spec, string Folder)> Reference = new(() =>
    {
        var spec = SweepFixture.TwoStructures(replications: 2, timeSeries: 5);
        var folder = SweepFixture.TempFolder("series");
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2 });
        return (spec, folder);
    });

    private static string SpecWithOutput(string output) =>
        SweepFixture.TwoStructuresJson.Replace("\"seed\": 7\n", $"\"seed\": 7,\n  \"output\": {output}\n", StringComparison.Ordinal);

    private static List<string[]> Rows(string folder, string file = "timeseries.csv")
    {
        using var reader = CsvReader.FromFile(Path.Combine(folder, file));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return rows;
    }

    [Fact]
    public void The_spec_field_reads_round_trips_and_changes_the_hash_only_when_not_the_default()
    {
        var plain = ExperimentSpec.Parse(SweepFixture.TwoStructuresJson);
        var json = ExperimentSpec.Parse(SpecWithOutput("{ \"timeSeries\": 2.5 }"));

        var again = ExperimentSpec.Parse(json.ToJson());

        Assert.Equal(2.5, json.Output.TimeSeriesInterval);
        Assert.False(json.Output.Issues);
        Assert.Contains("\"timeSeries\": 2.5", json.ToJson(), StringComparison.Ordinal);
        Assert.Equal(json.ToJson(), again.ToJson());
        Assert.Equal(json.Hash, again.Hash);
        Assert.NotEqual(plain.Hash, json.Hash);
        Assert.NotEqual(json.Hash, ExperimentSpec.Parse(SpecWithOutput("{ \"timeSeries\": 5 }")).Hash);
        Assert.DoesNotContain("timeSeries", plain.ToJson(), StringComparison.Ordinal);
        Assert.Equal(SweepFixture.TwoStructures(timeSeries: 2.5).Hash, json.Hash);
        Assert.Equal(plain.Hash, SweepFixture.TwoStructures().Hash);
        Assert.Equal(json.Hash, ExperimentSpec.Parse(SpecWithOutput("{ \"timeSeries\": 2.5, \"issues\": false }")).Hash);
        Assert.Equal((true, 2.5), (ExperimentSpec.Parse(SpecWithOutput("{ \"issues\": true, \"timeSeries\": 2.5 }")).Output is var o ? (o.Issues, o.TimeSeriesInterval) : default));

        // Left out, a sweep samples every 30 days: the same spec, hash and canonical form as writing 30.
        var explicitDefault = ExperimentSpec.Parse(SpecWithOutput("{ \"timeSeries\": 30 }"));
        Assert.Equal(OutputOptions.DefaultTimeSeriesInterval, plain.Output.TimeSeriesInterval);
        Assert.Equal(30, OutputOptions.DefaultTimeSeriesInterval);
        Assert.Equal(plain.Hash, explicitDefault.Hash);
        Assert.Equal(plain.ToJson(), explicitDefault.ToJson());

        // false writes none, and round-trips as false.
        var none = ExperimentSpec.Parse(SpecWithOutput("{ \"timeSeries\": false }"));
        Assert.Null(none.Output.TimeSeriesInterval);
        Assert.Contains("\"timeSeries\": false", none.ToJson(), StringComparison.Ordinal);
        Assert.Null(ExperimentSpec.Parse(none.ToJson()).Output.TimeSeriesInterval);
        Assert.Equal(none.Hash, ExperimentSpec.Parse(none.ToJson()).Hash);
        Assert.NotEqual(plain.Hash, none.Hash);
        Assert.Equal(none.Hash, SweepFixture.TwoStructures(timeSeries: null).Hash);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-3", "-3")]
    [InlineData("\"7\"", "\"7\"")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    [InlineData("[7]", "[...]")]
    public void A_bad_interval_is_named_by_its_path_with_its_value_and_what_is_allowed(string value, string shown)
    {
        var e = Assert.Throws<SpecException>(() => ExperimentSpec.Parse(SpecWithOutput($"{{ \"timeSeries\": {value} }}"), "spec.json"));

        var error = Assert.Single(e.Errors);
        Assert.Equal("$.output.timeSeries", error.Path);
        Assert.Equal(shown, error.Value);
        Assert.Contains("a number of days greater than 0", error.Allowed, StringComparison.Ordinal);
        Assert.Equal(8, error.Line);
    }

    [Fact]
    public void An_interval_too_short_for_a_runs_horizon_is_refused_and_a_misspelt_field_gets_a_suggestion()
    {
        var tooShort = Assert.Single(Assert.Throws<SpecException>(() => ExperimentSpec.Parse(SpecWithOutput("{ \"timeSeries\": 0.00001 }"))).Errors);
        var misspelt = Assert.Single(Assert.Throws<SpecException>(() => ExperimentSpec.Parse(SpecWithOutput("{ \"timeseries\": 5 }"))).Errors);
        var built = Assert.Throws<SpecException>(() => SweepFixture.Small().TimeSeries(0).Build());

        Assert.Equal(("$.output.timeSeries", "1E-05"), (tooShort.Path, tooShort.Value));
        Assert.Contains("at most 1000000 samples", tooShort.Allowed, StringComparison.Ordinal);
        Assert.Contains("horizonDays = 20", tooShort.Allowed, StringComparison.Ordinal);
        Assert.Equal("$.output.timeseries", misspelt.Path);
        Assert.Contains("did you mean \"timeSeries\"?", misspelt.Allowed, StringComparison.Ordinal);
        Assert.Equal("$.output.timeSeries", Assert.Single(built.Errors).Path);
    }

    [Fact]
    public void The_schema_lists_the_output_fields_the_reader_accepts()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(SpecJsonTests.RepositoryRoot(), "schemas", "experiment.schema.json")));
        var output = schema.RootElement.GetProperty("properties").GetProperty("output").GetProperty("properties");

        Assert.Equal(SpecReader.OutputFields.Order(), output.EnumerateObject().Select(p => p.Name).Order());
        var choices = output.GetProperty("timeSeries").GetProperty("oneOf").EnumerateArray().ToArray();
        Assert.Equal("number", choices[0].GetProperty("type").GetString());
        Assert.Equal(0, choices[0].GetProperty("exclusiveMinimum").GetDouble());
        Assert.False(choices[1].GetProperty("const").GetBoolean());
        Assert.Equal(OutputOptions.DefaultTimeSeriesInterval, output.GetProperty("timeSeries").GetProperty("default").GetDouble());
    }

    [Fact]
    public void Every_run_has_its_samples_in_result_order_as_the_library_gives_them()
    {
        var (spec, folder) = Reference.Value;
        var plan = spec.Plan();

        var rows = Rows(folder);

        Assert.Equal(Header, File.ReadLines(Path.Combine(folder, "timeseries.csv")).First());
        var expected = new List<string[]>();
        foreach (var run in plan.Runs())
        {
            var (_, series) = Simulation.RunWithTimeSeries(run.Structure.Structure, run.Parameters, run.Seed, 5);
            Assert.Equal([5, 10, 15, 20], series.Samples.Select(s => s.Day));
            foreach (var s in series.Samples)
            {
                var levels = run.Parameters.Levels == 2
                    ? new[] { R(s.Utilisation[0]), R(s.Utilisation[1]), R(s.Utilisation[2]) }
                    : [R(s.Utilisation[0]), "", R(s.Utilisation[1])];
                expected.Add([I(run.Point.Id), run.Structure.Label, I(run.Replication), R(s.Day), I(s.Arrived), I(s.Resolved), I(s.Backlog),
                    .. levels, I(s.Meetings), R(s.MeetingDays), R(s.ReportDays)]);
            }
        }

        Assert.Equal(expected, rows);
        Assert.Contains(rows, r => r[1] == "flat" && r[8] == "");
        Assert.DoesNotContain(rows, r => r[1] == "hierarchy" && r[8] == "");
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Sampling_leaves_runs_csv_as_it_is_without_a_time_series()
    {
        var (_, folder) = Reference.Value;
        var without = SweepFixture.TempFolder("series-without");

        Sweep.Run(SweepFixture.TwoStructures(replications: 2, timeSeries: null), without, new SweepOptions { Threads = 2 });

        Assert.Equal(SweepFixture.Bytes(without, "runs.csv"), SweepFixture.Bytes(folder, "runs.csv"));
        Assert.Equal(SweepFixture.Bytes(without, "summary.csv"), SweepFixture.Bytes(folder, "summary.csv"));
        Assert.False(File.Exists(Path.Combine(without, "timeseries.csv")));
    }

    [Fact]
    public void The_file_is_byte_identical_for_one_and_two_threads_and_after_a_cancelled_sweep_resumes()
    {
        var (spec, reference) = Reference.Value;
        var one = SweepFixture.TempFolder("series-threads1");
        var resumed = SweepFixture.TempFolder("series-resumed");
        using var stop = new CancellationTokenSource();

        Sweep.Run(spec, one, new SweepOptions { Threads = 1 });
        var first = Sweep.Run(spec, resumed, new SweepOptions { Threads = 1, CancellationToken = stop.Token, Progress = p => { if (p.Done == 3) stop.Cancel(); } });
        var cut = Rows(resumed).Count;
        var second = Sweep.Run(spec, resumed, new SweepOptions { Threads = 2, Resume = true });

        Assert.Equal(SweepFixture.Bytes(reference, "timeseries.csv"), SweepFixture.Bytes(one, "timeseries.csv"));
        Assert.True(first.Cancelled);
        Assert.Equal(4 * first.Done, cut);
        Assert.Equal(first.Done, second.Resumed);
        Assert.Equal(SweepFixture.Bytes(reference, "timeseries.csv"), SweepFixture.Bytes(resumed, "timeseries.csv"));
        Assert.Equal(SweepFixture.Bytes(reference, "codebook.csv"), SweepFixture.Bytes(resumed, "codebook.csv"));
    }

    [Fact]
    public void A_torn_last_line_is_cut_and_a_file_that_lost_rows_of_finished_runs_makes_the_resume_rerun_from_the_first_lost_run()
    {
        var (spec, reference) = Reference.Value;
        var torn = SweepFixture.TempFolder("series-torn");
        var lost = SweepFixture.TempFolder("series-lost");
        foreach (var folder in new[] { torn, lost })
        {
            foreach (var file in new[] { "runs.csv", "timeseries.csv", "checksums.csv", "codebook.csv", "manifest.json" })
            {
                File.Copy(Path.Combine(reference, file), Path.Combine(folder, file));
            }
        }

        // Six runs finished; the seventh had written part of its first sample.
        var runs = File.ReadAllLines(Path.Combine(reference, "runs.csv"));
        var samples = File.ReadAllLines(Path.Combine(reference, "timeseries.csv"));
        File.WriteAllText(Path.Combine(torn, "runs.csv"), string.Join("\n", runs[..7]) + "\n");
        File.WriteAllText(Path.Combine(torn, "timeseries.csv"), string.Join("\n", samples[..25]) + "\n" + samples[25][..12]);
        var records = File.ReadAllLines(Path.Combine(reference, "checksums.csv"));
        File.WriteAllText(Path.Combine(torn, "checksums.csv"), string.Join("\n", records[..7]) + "\n");

        // Six runs finished, but the samples of the sixth are gone.
        File.WriteAllText(Path.Combine(lost, "runs.csv"), string.Join("\n", runs[..7]) + "\n");
        File.WriteAllText(Path.Combine(lost, "timeseries.csv"), string.Join("\n", samples[..21]) + "\n");

        var fromTorn = Sweep.Run(spec, torn, new SweepOptions { Threads = 2, Resume = true });
        var fromLost = Sweep.Run(spec, lost, new SweepOptions { Threads = 2, Resume = true });

        Assert.Equal(6, fromTorn.Resumed);
        Assert.Null(fromTorn.RerunReason);
        Assert.Equal(5, fromLost.Resumed);
        Assert.Equal("run 5's rows in timeseries.csv do not match their checksum", fromLost.RerunReason);
        Assert.Equal(1, fromLost.Rerun);
        foreach (var folder in new[] { torn, lost })
        {
            Assert.Equal(SweepFixture.Bytes(reference, "timeseries.csv"), SweepFixture.Bytes(folder, "timeseries.csv"));
            Assert.Equal(SweepFixture.Bytes(reference, "runs.csv"), SweepFixture.Bytes(folder, "runs.csv"));
        }
    }

    [Fact]
    public void The_codebook_has_one_row_per_column_of_every_csv_file_and_the_manifest_lists_the_file()
    {
        var (_, folder) = Reference.Value;
        using var codebook = CsvReader.FromFile(Path.Combine(folder, "codebook.csv"));
        var entries = new List<(string File, string Column, string Role, string Type, string Unit)>();
        while (codebook.Read())
        {
            entries.Add((codebook.GetString(0), codebook.GetString(1), codebook.GetString(2), codebook.GetString(3), codebook.GetString(4)));
        }

        var files = new[] { "runs.csv", "summary.csv", "timeseries.csv" };
        Assert.Equal(files.SelectMany(f => File.ReadLines(Path.Combine(folder, f)).First().Split(',').Select(c => (f, c))), entries.Select(e => (e.File, e.Column)));
        var series = entries.Where(e => e.File == "timeseries.csv").ToDictionary(e => e.Column);
        Assert.Equal(("key", "number", "days"), (series["day"].Role, series["day"].Type, series["day"].Unit));
        Assert.Equal(("series", "integer", "issues"), (series["backlog"].Role, series["backlog"].Type, series["backlog"].Unit));
        Assert.Equal(("series", "number", "share"), (series["utilisationLevel1"].Role, series["utilisationLevel1"].Type, series["utilisationLevel1"].Unit));
        Assert.Equal(("series", "number", "person-days"), (series["reportDays"].Role, series["reportDays"].Type, series["reportDays"].Unit));
        using var manifest = JsonDocument.Parse(SweepFixture.Bytes(folder, "manifest.json"));
        Assert.Equal(["runs.csv", "summary.csv", "timeseries.csv", "checksums.csv", "codebook.csv", "manifest.json"],
            manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void The_option_overrides_the_spec_resume_refuses_another_interval_and_force_deletes_the_file()
    {
        var spec = SweepFixture.TwoStructures(replications: 1, timeSeries: null);
        var folder = SweepFixture.TempFolder("series-option");

        Sweep.Run(spec, folder, new SweepOptions { TimeSeriesInterval = 10 });
        var rows = Rows(folder);
        var refused = Assert.Throws<SweepException>(() => Sweep.Run(spec, folder, new SweepOptions { Resume = true, TimeSeriesInterval = 4 }));
        File.WriteAllText(Path.Combine(folder, "timeseries.csv.tmp"), "left by a crash");
        Sweep.Run(spec, folder, new SweepOptions { Force = true });

        Assert.Equal(2 * spec.Plan().RunCount, rows.Count);
        Assert.Contains("time-series", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "timeseries.csv")));
        Assert.False(File.Exists(Path.Combine(folder, "timeseries.csv.tmp")));
    }

    [Fact]
    public void Levels_varied_by_the_design_give_a_column_per_level_of_the_deepest_run()
    {
        var spec = SweepFixture.Small("levels").Vary("levels", 1, 3).Replications(1).Seed(2).TimeSeries(7).Build();
        var folder = SweepFixture.TempFolder("series-levels");

        Sweep.Run(spec, folder, new SweepOptions { Threads = 2 });
        var rows = Rows(folder);

        Assert.Equal(
            "pointId,structure,replication,day,arrived,resolved,backlog,utilisationLevel0,utilisationLevel1,utilisationLevel2,utilisationLeaders,meetings,meetingDays,reportDays",
            File.ReadLines(Path.Combine(folder, "timeseries.csv")).First());
        Assert.Equal(["7", "14", "20"], rows.Where(r => r[0] == "0").Select(r => r[3]));
        Assert.All(rows.Where(r => r[0] == "0"), r => Assert.Equal(("", ""), (r[8], r[9])));
        Assert.All(rows.Where(r => r[0] == "1"), r => Assert.True(r[8].Length > 0 && r[9].Length > 0));
        Assert.All(rows, r => Assert.True(double.Parse(r[10], CultureInfo.InvariantCulture) >= 0));
    }

    private static (int Code, string Stdout, string Stderr) Invoke(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var root = new RootCommand { SweepCommand.Create() };
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Validate_says_whether_and_how_often_the_sweep_samples_time_series()
    {
        var folder = SweepFixture.TempFolder("series-validate");
        var with = Path.Combine(folder, "with.json");
        var plain = Path.Combine(folder, "plain.json");
        var without = Path.Combine(folder, "without.json");
        File.WriteAllText(with, SpecWithOutput("{ \"timeSeries\": 2.5 }"));
        File.WriteAllText(plain, SweepFixture.TwoStructuresJson);
        File.WriteAllText(without, SpecWithOutput("{ \"timeSeries\": false }"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var root = new RootCommand { ValidateCommand.Create() };

        var codes = new[] { with, plain, without }.Select(spec => root.Parse(["validate", spec]).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr })).ToArray();

        Assert.Equal([0, 0, 0], codes);
        var lines = stdout.ToString().Split('\n').Where(l => l.StartsWith("  time series:", StringComparison.Ordinal)).Select(l => l.TrimEnd()).ToArray();
        Assert.Equal(["  time series:  every 2.5 days (timeseries.csv)", "  time series:  every 30 days (timeseries.csv)", "  time series:  no"], lines);
    }

    [Fact]
    public void The_sweep_command_writes_the_file_with_time_series_and_names_the_option_when_the_value_is_bad()
    {
        var spec = Path.Combine(SweepFixture.TempFolder("series-cli"), "spec.json");
        File.WriteAllText(spec, SweepFixture.TwoStructuresJson);
        var folder = Path.Combine(SweepFixture.TempFolder("series-cli"), "out");

        var bad = Invoke("sweep", spec, "--out", folder, "--time-series", "0,5");
        var tooShort = Invoke("sweep", spec, "--out", folder, "--time-series", "0.000001");
        var (code, stdout, stderr) = Invoke("sweep", spec, "--out", folder, "--threads", "2", "--time-series", "5");

        Assert.Equal(2, bad.Code);
        Assert.Equal("error: --time-series = \"0,5\" is not allowed: a number of days greater than 0 (the interval between samples), written with a decimal point.\n",
            bad.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(2, tooShort.Code);
        Assert.Contains("--time-series = 1E-06 is not allowed: at least horizonDays / 1000000", tooShort.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, code);
        Assert.DoesNotContain("error", stderr, StringComparison.Ordinal);
        Assert.Contains("runs.csv, summary.csv, timeseries.csv, checksums.csv, codebook.csv, manifest.json.", stdout, StringComparison.Ordinal);
        Assert.Equal(SweepFixture.Bytes(Reference.Value.Folder, "timeseries.csv").Length > 0, File.Exists(Path.Combine(folder, "timeseries.csv")));
        Assert.Equal(4 * 12, Rows(folder).Count);
    }
}
