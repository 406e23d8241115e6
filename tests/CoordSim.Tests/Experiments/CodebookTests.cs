using System.Text.Json;
using CoordSim.Experiments;
using CoordSim.Metrics;
using CsvHelper;

namespace CoordSim.Tests.Experiments;

/// <summary>codebook.csv: one row per column of every CSV file of a results folder, generated from the catalogs.</summary>
public class CodebookTests
{
    private static readonly string[] Roles = ["key", "parameter", "measure", "statistic", "issue", "series"];

    private static readonly string[] Types = ["integer", "number", "text", "boolean", "enum"];

    /// <summary>A sweep with issues.csv, run once for the tests that only read its folder.</summary>
    private static readonly Lazy<string> WithIssues = new(() =>
    {
        var folder = SweepFixture.TempFolder("codebook");
        Sweep.Run(SweepFixture.TwoStructures(replications: 2, issues: true), folder, new SweepOptions { Threads = 2 });
        return folder;
    });

    /// <summary>One row of codebook.csv.</summary>
    private sealed record Entry(string File, string Column, string Role, string Type, string Unit, string Meaning);

    private static List<Entry> Read(string folder)
    {
        using var reader = CsvReader.FromFile(Path.Combine(folder, "codebook.csv"));
        Assert.Equal(["file", "column", "role", "type", "unit", "meaning"], reader.Headers);
        var entries = new List<Entry>();
        while (reader.Read())
        {
            Assert.Equal(6, reader.FieldCount);
            entries.Add(new Entry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return entries;
    }

    /// <summary>The header of a CSV file of the folder, as the file holds it.</summary>
    private static string[] HeaderOf(string folder, string file)
    {
        using var reader = CsvReader.FromFile(Path.Combine(folder, file));
        return reader.Headers.ToArray();
    }

    private static Entry Find(List<Entry> entries, string file, string column) => Assert.Single(entries, e => e.File == file && e.Column == column);

    /// <summary>The role, type and unit the codebook gives a column.</summary>
    private static (string Role, string Type, string Unit) Kind(List<Entry> entries, string file, string column)
    {
        var e = Find(entries, file, column);
        return (e.Role, e.Type, e.Unit);
    }

    [Fact]
    public void Every_column_of_every_csv_file_has_exactly_one_row_in_file_order_and_nothing_else()
    {
        var folder = WithIssues.Value;

        var expected = new[] { "runs.csv", "summary.csv", "issues.csv", "timeseries.csv" }
            .SelectMany(file => HeaderOf(folder, file).Select(column => (file, column)))
            .ToList();

        Assert.Equal(expected, Read(folder).Select(e => (e.File, e.Column)));
    }

    [Fact]
    public void Every_row_has_a_known_role_and_type_and_a_meaning()
    {
        var entries = Read(WithIssues.Value);

        Assert.All(entries, e =>
        {
            Assert.Contains(e.Role, Roles);
            Assert.Contains(e.Type, Types);
            Assert.False(string.IsNullOrWhiteSpace(e.Meaning), $"{e.File} {e.Column} has no meaning");
        });
        Assert.Equal(Roles, entries.Select(e => e.Role).Distinct());
    }

    [Fact]
    public void Keys_parameters_measures_statistics_and_issue_fields_have_their_role_type_and_unit()
    {
        var entries = Read(WithIssues.Value);

        Assert.Equal(("key", "integer"), (Find(entries, "runs.csv", "seed").Role, Find(entries, "runs.csv", "seed").Type));
        Assert.Equal(("key", "text"), (Find(entries, "summary.csv", "structure").Role, Find(entries, "summary.csv", "structure").Type));
        Assert.Equal("key", Find(entries, "issues.csv", "replication").Role);

        var departments = Find(entries, "runs.csv", "departments");
        Assert.Equal(("parameter", "integer"), (departments.Role, departments.Type));
        Assert.Equal(ParameterCatalog.Get("departments").Meaning, departments.Meaning);
        Assert.Equal(("parameter", "number"), (Find(entries, "summary.csv", "crossDepartmentShare").Role, Find(entries, "summary.csv", "crossDepartmentShare").Type));
        Assert.Equal("boolean", Find(entries, "runs.csv", "emergencyMeeting").Type);
        var discipline = Find(entries, "runs.csv", "queueDiscipline");
        Assert.Equal(("parameter", "enum"), (discipline.Role, discipline.Type));
        Assert.EndsWith("One of: fifo, urgent-first.", discipline.Meaning, StringComparison.Ordinal);

        var latency = Find(entries, "runs.csv", "latencyMeanResolved");
        Assert.Equal(("measure", "number", "days"), (latency.Role, latency.Type, latency.Unit));
        Assert.Equal(MeasureCatalog.Find("latencyMeanResolved")!.Meaning, latency.Meaning);

        var sd = Find(entries, "summary.csv", "latencyMeanResolved_sd");
        Assert.Equal(("statistic", "number", "days"), (sd.Role, sd.Type, sd.Unit));
        Assert.StartsWith("Sample standard deviation of latencyMeanResolved over the runs of this point and structure (n − 1)", sd.Meaning, StringComparison.Ordinal);
        Assert.Contains("95%", Find(entries, "summary.csv", "failedShare_ciHigh").Meaning, StringComparison.Ordinal);
        var n = Find(entries, "summary.csv", "n");
        Assert.Equal(("statistic", "integer", "runs"), (n.Role, n.Type, n.Unit));

        var urgent = Find(entries, "issues.csv", "urgent");
        Assert.Equal(("issue", "boolean"), (urgent.Role, urgent.Type));
        Assert.Equal(("issue", "number", "days"), (Find(entries, "issues.csv", "latency").Role, Find(entries, "issues.csv", "latency").Type, Find(entries, "issues.csv", "latency").Unit));
        var rounds = Find(entries, "issues.csv", "consultationRounds");
        Assert.Equal(("integer", "rounds"), (rounds.Type, rounds.Unit));
        var venue = Find(entries, "issues.csv", "venue");
        Assert.Equal(("issue", "enum"), (venue.Role, venue.Type));
        Assert.EndsWith("One of: none, line, concurrence, deputy, government-head, body-desk, meeting.", venue.Meaning, StringComparison.Ordinal);
    }

    [Fact]
    public void Counting_and_naming_keys_have_no_unit_and_every_stretch_of_an_issues_critical_path_is_in_days()
    {
        var entries = Read(WithIssues.Value);

        // Point, replication and seed count or name; the time series' day is the one key that is a quantity.
        var keys = entries.Where(e => e.Role == "key" && e.Type != "number").ToList();
        Assert.Contains(keys, e => e.File == "runs.csv" && e.Column == "seed");
        Assert.All(keys, e => Assert.True(e.Unit.Length == 0, $"{e.File} {e.Column} is a key with unit '{e.Unit}'"));
        Assert.Equal(("key", "number", "days"), Kind(entries, "timeseries.csv", "day"));
        foreach (var column in new[] { "latency", "queueing", "service", "meetingWait", "transmission" })
        {
            Assert.Equal(("issue", "number", "days"), Kind(entries, "issues.csv", column));
        }
    }

    [Fact]
    public void An_issues_number_category_and_its_yes_no_and_enum_fields_have_no_unit()
    {
        // A number that names (the issue, its category) or a word is not a quantity; the counts and days around them are.
        var issues = Read(WithIssues.Value).Where(e => e.File == "issues.csv" && e.Role == "issue").ToList();
        Assert.Equal(("issue", "integer", ""), Kind(issues, "issues.csv", "id"));
        Assert.Equal(("issue", "integer", ""), Kind(issues, "issues.csv", "category"));
        Assert.Equal(("issue", "integer", "departments"), Kind(issues, "issues.csv", "requiredDepartments"));
        var words = issues.Where(e => e.Type is "boolean" or "enum").ToList();
        Assert.Contains(words, e => e.Column == "urgent");
        Assert.Contains(words, e => e.Column == "venue");
        Assert.All(words, e => Assert.True(e.Unit.Length == 0, $"{e.Column} is a {e.Type} with unit '{e.Unit}'"));
    }

    [Fact]
    public void Every_column_type_and_role_has_its_own_word_and_a_value_outside_them_is_refused_by_name()
    {
        Assert.Equal(["integer", "number", "text", "boolean", "enum"], Enum.GetValues<ColumnType>().Select(ResultColumn.Word));
        Assert.Equal(Enum.GetValues<ColumnRole>().Length, Enum.GetValues<ColumnRole>().Select(ResultColumn.Word).Distinct().Count());

        var type = Assert.Throws<ArgumentOutOfRangeException>(() => ResultColumn.Word((ColumnType)99));
        Assert.Equal(("type", (object)(ColumnType)99), (type.ParamName, type.ActualValue));
        Assert.StartsWith("Unknown column type.", type.Message, StringComparison.Ordinal);
        var role = Assert.Throws<ArgumentOutOfRangeException>(() => ResultColumn.Word((ColumnRole)99));
        Assert.Equal(("role", (object)(ColumnRole)99), (role.ParamName, role.ActualValue));
        Assert.StartsWith("Unknown column role.", role.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sensitivity_sweep_documents_every_column_of_its_index_files_and_gives_no_text_key_a_unit()
    {
        // Read from the plan, without running it: the sensitivity files are not in the sweep the other tests read.
        var plan = ExperimentSpec.Parse("""
            {
              "name": "s",
              "structures": ["hierarchy", "task-force"],
              "base": { "horizonDays": 20, "warmupDays": 0 },
              "design": { "kind": "morris", "trajectories": 4, "levels": 4, "factors": { "noiseSigma": { "from": 0.01, "to": 1 } } },
              "replications": 1,
              "seed": 1
            }
            """).Plan();
        var files = Codebook.Files(plan);
        Assert.Contains(files, f => f.File == SensitivityTable.FileName);
        Assert.Contains(files, f => f.File == SensitivityConvergenceTable.FileName);

        Assert.All(files.SelectMany(f => f.Columns.Select(c => (f.File, Column: c))), x =>
        {
            Assert.False(string.IsNullOrWhiteSpace(x.Column.Description), $"{x.File} {x.Column.Name} has no meaning");
            if (x.Column.Role == ColumnRole.Key && x.Column.Type is ColumnType.Text or ColumnType.Enum)
            {
                Assert.True(x.Column.Unit.Length == 0, $"{x.File} {x.Column.Name} is a text key with unit '{x.Column.Unit}'");
            }
        });
    }

    [Fact]
    public void Parameter_and_measure_rows_follow_the_catalogs()
    {
        var entries = Read(WithIssues.Value);

        foreach (var file in new[] { "runs.csv", "summary.csv" })
        {
            var parameters = entries.Where(e => e.File == file && e.Role == "parameter").ToList();
            Assert.Equal(ParameterCatalog.All.Select(p => p.Name), parameters.Select(e => e.Column));
            foreach (var (info, entry) in ParameterCatalog.All.Zip(parameters))
            {
                var type = info.Type == typeof(int) || info.Type == typeof(long) ? "integer"
                    : info.Type == typeof(double) ? "number"
                    : info.Type == typeof(bool) ? "boolean" : "enum";
                Assert.Equal(type, entry.Type);
                Assert.Equal(info.Unit, entry.Unit);
                Assert.StartsWith(info.Meaning, entry.Meaning, StringComparison.Ordinal);
                Assert.All(info.AllowedValues, value => Assert.Contains(value, entry.Meaning, StringComparison.Ordinal));
            }
        }

        var measures = entries.Where(e => e.Role == "measure").ToList();
        Assert.All(measures, e => Assert.Equal("runs.csv", e.File));
        Assert.Equal(MeasureCatalog.All.Select(m => (m.Name, m.Unit, m.Meaning)), measures.Select(e => (e.Column, e.Unit, e.Meaning)));
    }

    [Fact]
    public void A_measures_selection_keeps_only_those_measures_and_their_statistics()
    {
        var spec = SweepFixture.TwoStructures(replications: 1) with { Measures = ["failedShare", "latencyMeanResolved"] };
        var folder = SweepFixture.TempFolder("codebook-measures");

        Sweep.Run(spec, folder);
        var entries = Read(folder);

        // issuesPending and stable are kept whatever the selection (ExperimentPlan.AlwaysKept).
        Assert.Equal(["issuesPending", "stable", "latencyMeanResolved", "failedShare"], entries.Where(e => e.Role == "measure").Select(e => e.Column));
        Assert.Equal(
            ["n", "unstableRuns", .. new[] { "issuesPending", "stable", "latencyMeanResolved", "failedShare" }.SelectMany(m => new[] { m + "_mean", m + "_sd", m + "_ciLow", m + "_ciHigh" })],
            entries.Where(e => e.Role == "statistic").Select(e => e.Column));
        Assert.Equal(["runs.csv", "summary.csv", "timeseries.csv"], entries.Select(e => e.File).Distinct());
        Assert.DoesNotContain(entries, e => e.Column.StartsWith("issuesArrived", StringComparison.Ordinal));
    }

    [Fact]
    public void The_codebook_is_byte_identical_for_one_and_two_threads()
    {
        var spec = SweepFixture.TwoStructures(replications: 2, issues: true);
        var one = SweepFixture.TempFolder("codebook-threads1");

        Sweep.Run(spec, one, new SweepOptions { Threads = 1 });

        Assert.Equal(SweepFixture.Bytes(WithIssues.Value, "codebook.csv"), SweepFixture.Bytes(one, "codebook.csv"));
    }

    [Fact]
    public void A_cancelled_sweep_already_documents_itself_and_its_resume_keeps_the_same_bytes()
    {
        var spec = SweepFixture.TwoStructures(replications: 2, issues: true);
        var folder = SweepFixture.TempFolder("codebook-cancel");
        using var stop = new CancellationTokenSource();

        // One thread, so that cancelling after the first run leaves most runs undone (two threads may have every run in flight).
        var first = Sweep.Run(spec, folder, new SweepOptions { Threads = 1, CancellationToken = stop.Token, Progress = p => { if (p.Done == 1) stop.Cancel(); } });
        Assert.True(first.Cancelled);
        Assert.Equal(SweepFixture.Bytes(WithIssues.Value, "codebook.csv"), SweepFixture.Bytes(folder, "codebook.csv"));

        Sweep.Run(spec, folder, new SweepOptions { Threads = 2, Resume = true });

        Assert.Equal(SweepFixture.Bytes(WithIssues.Value, "codebook.csv"), SweepFixture.Bytes(folder, "codebook.csv"));
    }

    [Fact]
    public void A_resume_rewrites_a_lost_or_damaged_codebook()
    {
        var spec = SweepFixture.TwoStructures(replications: 2, issues: true);
        var lost = SweepFixture.TempFolder("codebook-lost");
        var damaged = SweepFixture.TempFolder("codebook-damaged");
        Sweep.Run(spec, lost);
        Sweep.Run(spec, damaged);
        File.Delete(Path.Combine(lost, "codebook.csv"));
        File.WriteAllText(Path.Combine(damaged, "codebook.csv"), "file,column\nruns.csv,pointId\nruns.csv,str");

        Sweep.Run(spec, lost, new SweepOptions { Resume = true });
        Sweep.Run(spec, damaged, new SweepOptions { Resume = true });

        Assert.Equal(SweepFixture.Bytes(WithIssues.Value, "codebook.csv"), SweepFixture.Bytes(lost, "codebook.csv"));
        Assert.Equal(SweepFixture.Bytes(WithIssues.Value, "codebook.csv"), SweepFixture.Bytes(damaged, "codebook.csv"));
    }

    [Fact]
    public void Force_deletes_the_codebook_and_its_temporary_file_and_writes_the_new_sweeps()
    {
        var folder = SweepFixture.TempFolder("codebook-force");
        Sweep.Run(SweepFixture.TwoStructures(replications: 1, issues: true), folder);
        File.WriteAllText(Path.Combine(folder, "codebook.csv.tmp"), "left by a crash");

        new ResultsFolder(folder).Clear();

        // Only the lock stays: it is the file other processes lock, so it is never deleted (see ResultsFolderLock).
        Assert.Equal([".coordsim.lock"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));

        Sweep.Run(SweepFixture.TwoStructures(replications: 1, issues: true), folder);
        File.WriteAllText(Path.Combine(folder, "codebook.csv.tmp"), "left by a crash");
        Sweep.Run(SweepFixture.TwoStructures(replications: 1), folder, new SweepOptions { Force = true });

        Assert.False(File.Exists(Path.Combine(folder, "codebook.csv.tmp")));
        Assert.DoesNotContain(Read(folder), e => e.File == "issues.csv");
    }

    [Fact]
    public void The_manifest_lists_the_codebook_among_the_files()
    {
        var without = SweepFixture.TempFolder("codebook-manifest");
        Sweep.Run(SweepFixture.TwoStructures(replications: 1, timeSeries: null), without);

        // Every sweep writes the time series unless the spec says "timeSeries": false.
        Assert.Equal(["runs.csv", "summary.csv", "issues.csv", "timeseries.csv", "checksums.csv", "codebook.csv", "manifest.json"], ManifestFiles(WithIssues.Value));
        Assert.Equal(["runs.csv", "summary.csv", "checksums.csv", "codebook.csv", "manifest.json"], ManifestFiles(without));
    }

    [Fact]
    public void The_codebook_is_utf8_without_bom_with_newline_line_ends()
    {
        var bytes = SweepFixture.Bytes(WithIssues.Value, "codebook.csv");

        Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.Contains("(n − 1)", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void The_plots_read_a_folder_that_holds_a_codebook()
    {
        var results = CoordSim.Plots.Results.ResultsFolder.Load(WithIssues.Value);

        Assert.True(File.Exists(Path.Combine(WithIssues.Value, CoordSim.Plots.Results.ResultFiles.Codebook)));
        Assert.True(results.HasIssues);
        Assert.Equal(8, results.Runs.Rows.Count);
    }

    private static string[] ManifestFiles(string folder)
    {
        using var manifest = JsonDocument.Parse(SweepFixture.Bytes(folder, "manifest.json"));
        return manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToArray();
    }
}
