using System.Globalization;
using System.Text.Json;
using CoordSim.Experiments;
using CoordSim.Metrics;
using CoordSim.Structures;
using CsvHelper;

namespace CoordSim.Tests.Experiments;

public class SweepTests
{
    [Fact]
    public void Runs_and_summary_are_byte_identical_for_one_and_two_threads()
    {
        var spec = SweepFixture.TwoStructures(replications: 3, issues: true);
        var one = SweepFixture.TempFolder("threads1");
        var two = SweepFixture.TempFolder("threads2");

        Sweep.Run(spec, one, new SweepOptions { Threads = 1 });
        Sweep.Run(spec, two, new SweepOptions { Threads = 2 });

        foreach (var file in new[] { "runs.csv", "summary.csv", "issues.csv" })
        {
            Assert.Equal(SweepFixture.Bytes(one, file), SweepFixture.Bytes(two, file));
        }
    }

    [Fact]
    public void Rows_come_in_result_order_and_equal_single_runs()
    {
        var spec = SweepFixture.TwoStructures(replications: 2);
        var plan = spec.Plan();

        var rows = Sweep.Rows(spec, threads: 2).ToList();

        Assert.Equal(Enumerable.Range(0, plan.RunCount), rows.Select(r => r.Index));
        Assert.Equal(plan.Runs().Select(r => (r.Point.Id, r.Replication, r.Structure.Label)), rows.Select(r => (r.PointId, r.Replication, r.Structure)));
        foreach (var row in rows)
        {
            var direct = Simulation.Run(Structure.Hierarchy(), row.Parameters, row.Seed);
            Assert.Equal(RunResultJson.Serialize(direct), RunResultJson.Serialize(row.Result));
        }
    }

    [Fact]
    public void Stopping_the_enumeration_of_rows_early_stops_the_runs()
    {
        var spec = SweepFixture.TwoStructures(replications: 20);

        var first = Sweep.Rows(spec, threads: 2).Take(3).ToList();
        var fromBuilder = Sweep.Rows(SweepFixture.Small().Vary("crossDepartmentShare", 0.1, 0.2).Replications(2), threads: 2).ToList();

        Assert.Equal(4, fromBuilder.Count);

        Assert.Equal([0, 1, 2], first.Select(r => r.Index));
    }

    [Fact]
    public void Runs_csv_reads_back_to_the_run_results()
    {
        var spec = SweepFixture.TwoStructures(replications: 2);
        var folder = SweepFixture.TempFolder("roundtrip");
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2 });
        var rows = Sweep.Rows(spec, threads: 1).ToList();

        using var reader = CsvReader.FromFile(Path.Combine(folder, "runs.csv"));
        var header = reader.Headers.ToArray();
        Assert.Equal(
            ["pointId", "structure", "replication", "seed", .. ParameterCatalog.All.Select(p => p.Name), .. MeasureCatalog.All.Select(m => m.Name)],
            header);
        var i = 0;
        while (reader.Read())
        {
            var row = rows[i++];
            Assert.Equal(row.PointId, reader.Parse<int>("pointId"));
            Assert.Equal(row.Structure, reader.GetString("structure"));
            Assert.Equal(row.Replication, reader.Parse<int>("replication"));
            Assert.Equal(row.Seed, reader.Parse<long>("seed"));
            foreach (var p in ParameterCatalog.All)
            {
                Assert.Equal(p.Format(row.Parameters), reader.GetString(p.Name));
            }

            foreach (var m in MeasureCatalog.All)
            {
                var expected = m.Read(row.Result);
                if (double.IsFinite(expected))
                {
                    Assert.Equal(expected, reader.Parse<double>(m.Name));
                }
                else
                {
                    Assert.True(reader.IsEmpty(reader.GetFieldIndex(m.Name)), $"{m.Name} of run {row.Index} should be empty");
                }
            }
        }

        Assert.Equal(rows.Count, i);
    }

    [Fact]
    public void Files_are_utf8_without_bom_with_newline_line_ends()
    {
        var folder = SweepFixture.TempFolder("format");
        Sweep.Run(SweepFixture.TwoStructures(replications: 1, issues: true), folder);

        foreach (var file in new[] { "runs.csv", "summary.csv", "issues.csv", "manifest.json" })
        {
            var bytes = SweepFixture.Bytes(folder, file);
            Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), file);
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.Equal((byte)'\n', bytes[^1]);
        }
    }

    [Fact]
    public void Issues_csv_has_one_row_per_resolved_issue_in_run_order()
    {
        var spec = SweepFixture.TwoStructures(replications: 2, issues: true);
        var folder = SweepFixture.TempFolder("issues");
        Sweep.Run(spec, folder);
        var rows = Sweep.Rows(spec, threads: 1).ToList();
        var plan = spec.Plan();

        using var reader = CsvReader.FromFile(Path.Combine(folder, "issues.csv"));
        Assert.Equal(
            ["pointId", "structure", "replication", "id", "arrival", "category", "requiredDepartments", "urgent", "latency", "queueing",
             "service", "meetingWait", "transmission", "distortion", "severityBias", "factsLost", "hops", "effectiveAccountable",
             "entropy", "missedDeadline", "failed", "worstHandoverWeight", "escalated", "consultation", "consultationRounds", "crisis",
             "decisionTime", "venue", "squaredError", "squaredNorm", "faults", "blame", "blameOnFaulters", "maxBlame"],
            reader.Headers);
        var counts = new int[plan.RunCount];
        var last = 0;
        while (reader.Read())
        {
            var index = plan.IndexOf(reader.Parse<int>(0), reader.Parse<int>(2), plan.Structures.Select(s => s.Label).ToList().IndexOf(reader.GetString(1)));
            Assert.True(index >= last);
            last = index;
            counts[index]++;
        }

        Assert.Equal(rows.Select(r => (int)r.Result.Issues.Resolved), counts);
    }

    [Fact]
    public void The_manifest_holds_the_spec_its_hash_the_varied_parameters_and_the_timing()
    {
        var spec = SweepFixture.TwoStructures(replications: 2);
        var folder = SweepFixture.TempFolder("manifest");
        var before = DateTime.UtcNow.AddSeconds(-1);

        var report = Sweep.Run(spec, folder, new SweepOptions { Threads = 2 });

        using var manifest = JsonDocument.Parse(SweepFixture.Bytes(folder, "manifest.json"));
        var root = manifest.RootElement;
        Assert.Equal("complete", root.GetProperty("status").GetString());
        Assert.Equal(spec.Hash, root.GetProperty("specHash").GetString());
        Assert.Equal(8, root.GetProperty("runs").GetInt32());
        Assert.Equal(8, root.GetProperty("completedRuns").GetInt32());
        Assert.Equal(["crossDepartmentShare"], root.GetProperty("varied").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["hierarchy", "flat"], root.GetProperty("structures").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(2, root.GetProperty("threads").GetInt32());
        Assert.StartsWith("CoordSim ", root.GetProperty("library").GetString());
        var started = DateTime.Parse(root.GetProperty("startedUtc").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.InRange(started, before, DateTime.UtcNow);
        Assert.EndsWith("Z", root.GetProperty("finishedUtc").GetString());
        Assert.True(root.GetProperty("wallSeconds").GetDouble() >= 0);
        Assert.Equal(spec.Hash, ExperimentSpec.Parse(root.GetProperty("spec").GetRawText()).Hash);
        Assert.True(report.Completed);
    }

    [Fact]
    public void On_complete_is_called_once_with_the_files_complete_while_the_folder_is_still_held()
    {
        // The CLI draws its figures there: a plot or second sweep started while they are drawn must be refused, as it
        // was not when the figures were drawn after the sweep had let the folder go (a CI failure of the lock test).
        var spec = SweepFixture.TwoStructures(replications: 1);
        var folder = SweepFixture.TempFolder("on-complete");
        var calls = new List<SweepReport>();
        SweepException? refused = null;
        string? manifest = null;
        var report = Sweep.Run(spec, folder, new SweepOptions
        {
            Threads = 1,
            OnComplete = finished =>
            {
                calls.Add(finished);
                manifest = File.ReadAllText(Path.Combine(finished.Directory, "manifest.json"));
                refused = Assert.Throws<SweepException>(() => Sweep.Run(spec, folder, new SweepOptions { Resume = true }));
            },
        });

        Assert.Same(report, Assert.Single(calls));
        Assert.Equal(SweepRefusal.FolderInUse, refused!.Reason);
        Assert.Contains("\"status\": \"complete\"", manifest, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "summary.csv")));

        // Released afterwards; a cancelled sweep does not call it.
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        var called = false;
        var cancelled = Sweep.Run(spec, SweepFixture.TempFolder("on-complete-cancelled"), new SweepOptions { CancellationToken = stop.Token, OnComplete = _ => called = true });
        Assert.True(cancelled.Cancelled);
        Assert.False(called);
        Assert.Equal(report.Total, Sweep.Run(spec, folder, new SweepOptions { Resume = true }).Resumed);
    }

    [Fact]
    public void A_folder_with_other_results_is_refused_unless_forced()
    {
        var spec = SweepFixture.TwoStructures(replications: 1);
        var folder = SweepFixture.TempFolder("occupied");
        Sweep.Run(spec, folder);
        var runs = SweepFixture.Bytes(folder, "runs.csv");

        var e = Assert.Throws<SweepException>(() => Sweep.Run(spec, folder));
        Assert.Contains("not empty", e.Message);
        Assert.Contains("SweepOptions.Resume", e.Message);
        Assert.DoesNotContain("--", e.Message, StringComparison.Ordinal);
        Assert.Equal(SweepRefusal.FolderNotEmpty, e.Reason);
        Assert.Equal(runs, SweepFixture.Bytes(folder, "runs.csv"));

        var changed = SweepFixture.TwoStructures(replications: 2);
        var report = Sweep.Run(changed, folder, new SweepOptions { Force = true });
        Assert.Equal(16 / 2, report.Total);
    }

    [Fact]
    public void Force_does_not_delete_files_a_sweep_did_not_write()
    {
        var folder = SweepFixture.TempFolder("foreign");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");

        var e = Assert.Throws<SweepException>(() => Sweep.Run(SweepFixture.TwoStructures(1), folder, new SweepOptions { Force = true }));

        Assert.Contains("notes.txt", e.Message);
        Assert.Equal(SweepRefusal.ForeignFiles, e.Reason);
        Assert.Contains("SweepOptions.Force only replaces sweep results", e.Message, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Force_does_not_delete_a_users_files_or_folders_inside_figures_but_replaces_the_figures()
    {
        var spec = SweepFixture.TwoStructures(replications: 1);
        var folder = SweepFixture.TempFolder("foreign-figures");
        var figures = Path.Combine(folder, "figures");
        Directory.CreateDirectory(Path.Combine(figures, "drafts"));
        File.WriteAllText(Path.Combine(figures, "paper-figure-3.pdf"), "mine");
        File.WriteAllText(Path.Combine(figures, "old.png"), "a figure");

        var e = Assert.Throws<SweepException>(() => Sweep.Run(spec, folder, new SweepOptions { Force = true }));
        Assert.Contains("figures/drafts, figures/paper-figure-3.pdf", e.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(figures, "paper-figure-3.pdf")) && Directory.Exists(Path.Combine(figures, "drafts")) && File.Exists(Path.Combine(figures, "old.png")));

        // With only figures there, --force replaces them.
        Directory.Delete(Path.Combine(figures, "drafts"));
        File.Delete(Path.Combine(figures, "paper-figure-3.pdf"));
        Assert.True(Sweep.Run(spec, folder, new SweepOptions { Force = true }).Completed);
        Assert.False(File.Exists(Path.Combine(figures, "old.png")));
    }

    [Fact]
    public void A_bad_spec_writes_nothing()
    {
        var folder = Path.Combine(SweepFixture.TempFolder("bad"), "out");
        var spec = SweepFixture.TwoStructures(1) with { Replications = 0 };

        Assert.Throws<SpecException>(() => Sweep.Run(spec, folder));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Kept_measures_are_the_only_measure_columns()
    {
        var spec = SweepFixture.TwoStructures(1) with { Measures = ["latencyMeanResolved", "issuesArrived"] };
        var folder = SweepFixture.TempFolder("measures");

        Sweep.Run(spec, folder);

        using var runs = CsvReader.FromFile(Path.Combine(folder, "runs.csv"));
        // issuesPending and stable are kept whatever the selection.
        Assert.Equal(["issuesArrived", "issuesPending", "stable", "latencyMeanResolved"], runs.Headers.Skip(4 + ParameterCatalog.All.Count));
        using var summary = CsvReader.FromFile(Path.Combine(folder, "summary.csv"));
        Assert.Equal(
            ["n", "unstableRuns", .. new[] { "issuesArrived", "issuesPending", "stable", "latencyMeanResolved" }.SelectMany(m => new[] { m + "_mean", m + "_sd", m + "_ciLow", m + "_ciHigh" })],
            summary.Headers.Skip(2 + ParameterCatalog.All.Count));
    }

    [Fact]
    public void Progress_counts_every_run_and_ends_at_the_total()
    {
        var seen = new List<SweepProgress>();

        Sweep.Run(SweepFixture.TwoStructures(2), SweepFixture.TempFolder("progress"), new SweepOptions { Threads = 2, Progress = seen.Add });

        Assert.Equal(Enumerable.Range(1, 8), seen.Select(p => p.Done));
        Assert.All(seen, p => Assert.Equal(8, p.Total));
        Assert.Equal(TimeSpan.Zero, seen[^1].Remaining);
        Assert.True(seen[^1].RunsPerSecond > 0);
    }
}
