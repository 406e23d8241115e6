using CoordSim.Organisation;
using System.Text;
using System.Text.Json.Nodes;
using CoordSim.Experiments;
using CoordSim.Mechanisms;
using CoordSim.Structures;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CoordSim.Tests.Experiments;

public class ResumeTests
{
    private static readonly string[] Files = ["runs.csv", "summary.csv", "issues.csv", "timeseries.csv", "checksums.csv", "codebook.csv"];

    private static readonly Lazy<(ExperimentSpec Spec, string Folder)> Reference = new(() =>
    {
        var spec = SweepFixture.TwoStructures(replications: 3, issues: true, timeSeries: 5);
        var folder = SweepFixture.TempFolder("reference");
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2 });
        return (spec, folder);
    });

    private static void AssertSameAsUninterrupted(string folder)
    {
        foreach (var file in Files)
        {
            Assert.True(SweepFixture.Bytes(Reference.Value.Folder, file).AsSpan().SequenceEqual(SweepFixture.Bytes(folder, file)), $"{file} differs");
        }

        Assert.Equal(Untimed(Reference.Value.Folder), Untimed(folder));
    }

    /// <summary>The manifest without the fields that may differ between sessions (threads and timing).</summary>
    private static string Untimed(string folder)
    {
        var manifest = JsonNode.Parse(SweepFixture.Bytes(folder, "manifest.json"))!.AsObject();
        foreach (var timing in new[] { "threads", "startedUtc", "finishedUtc", "wallSeconds" })
        {
            Assert.True(manifest.Remove(timing), timing);
        }

        return manifest.ToJsonString();
    }

    private static void Append(string folder, string file, string text) =>
        File.AppendAllText(Path.Combine(folder, file), text, new UTF8Encoding(false));

    [Fact]
    public void A_sweep_that_crashed_after_some_runs_with_a_torn_last_line_resumes_to_the_same_files()
    {
        var (spec, _) = Reference.Value;
        var folder = SweepFixture.TempFolder("crash");
        var crash = new InvalidOperationException("injected crash");

        var thrown = Assert.Throws<InvalidOperationException>(() => Sweep.Run(spec, folder, new SweepOptions
        {
            Threads = 2,
            Progress = p => { if (p.Done == 5) throw crash; },
        }));
        Assert.Same(crash, thrown);
        Assert.Equal(6, File.ReadAllLines(Path.Combine(folder, "runs.csv")).Length);
        Append(folder, "runs.csv", "1,hierarchy,2,5985125");
        Append(folder, "issues.csv", "1,flat,0,4,0.25");
        Append(folder, "timeseries.csv", "1,flat,0,5,31,2");

        var report = Sweep.Run(spec, folder, new SweepOptions { Threads = 1, Resume = true });

        Assert.Equal(5, report.Resumed);
        Assert.True(report.Completed);
        AssertSameAsUninterrupted(folder);
    }

    [Theory]
    [InlineData("runs.csv")]
    [InlineData("issues.csv")]
    [InlineData("timeseries.csv")]
    public void A_journal_whose_line_ends_an_editor_turned_into_crlf_resumes_to_the_same_files(string file)
    {
        // The journals end lines with '\n'. A "\r\n" file is not one they wrote: its kept prefix ends before the first
        // such line, and a resume reruns what it loses instead of gluing the next row onto a '\r'.
        var (spec, _) = Reference.Value;
        var folder = SweepFixture.TempFolder("crlf-" + Path.GetFileNameWithoutExtension(file));
        using var stop = new CancellationTokenSource();
        Sweep.Run(spec, folder, new SweepOptions { Threads = 1, CancellationToken = stop.Token, Progress = p => { if (p.Done == 6) stop.Cancel(); } });
        var path = Path.Combine(folder, file);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal), new UTF8Encoding(false));

        var report = Sweep.Run(spec, folder, new SweepOptions { Threads = 1, Resume = true });

        Assert.True(report.Completed);
        Assert.DoesNotContain("\r", File.ReadAllText(path), StringComparison.Ordinal);
        AssertSameAsUninterrupted(folder);
    }

    [Fact]
    public void A_cancelled_sweep_keeps_its_finished_runs_and_resumes_to_the_same_files()
    {
        var (spec, _) = Reference.Value;
        var folder = SweepFixture.TempFolder("cancel");
        using var stop = new CancellationTokenSource();

        var first = Sweep.Run(spec, folder, new SweepOptions
        {
            Threads = 2,
            CancellationToken = stop.Token,
            Progress = p => { if (p.Done == 4) stop.Cancel(); },
        });

        Assert.True(first.Cancelled);
        Assert.InRange(first.Done, 4, 11);
        Assert.Equal(first.Done + 1, File.ReadAllLines(Path.Combine(folder, "runs.csv")).Length);
        Assert.Contains("\"status\": \"cancelled\"", File.ReadAllText(Path.Combine(folder, "manifest.json")));
        Assert.True(File.Exists(Path.Combine(folder, "summary.csv")));

        var second = Sweep.Run(spec, folder, new SweepOptions { Threads = 2, Resume = true });

        Assert.Equal(first.Done, second.Resumed);
        AssertSameAsUninterrupted(folder);
    }

    [Property(MaxTest = 12)]
    public Property A_sweep_killed_at_any_byte_resumes_to_the_same_files()
    {
        // A kill leaves runs.csv cut anywhere after its header, issues.csv and timeseries.csv holding the rows of every
        // complete run plus any part of the rows of the next one (they are written before the run's row), and checksums.csv
        // holding the records of every complete run but perhaps the last (written after the run's row) and any part of the next.
        var cuts = (from a in Gen.Choose(0, 1000) from b in Gen.Choose(0, 1000) from c in Gen.Choose(0, 1000) from d in Gen.Choose(0, 1000)
                    select (Runs: a / 1000.0, Issues: b / 1000.0, Series: c / 1000.0, Checksums: d / 1000.0)).ToArbitrary();
        return Prop.ForAll(cuts, cut =>
        {
            var (spec, reference) = Reference.Value;
            var folder = SweepFixture.TempFolder("kill");
            foreach (var file in Files.Append("manifest.json"))
            {
                File.Copy(Path.Combine(reference, file), Path.Combine(folder, file));
            }

            var runs = SweepFixture.Bytes(reference, "runs.csv");
            var header = Array.IndexOf(runs, (byte)'\n') + 1;
            var runsLength = header + (int)(cut.Runs * (runs.Length - header));
            var complete = runs.AsSpan(header, runsLength - header).Count((byte)'\n');
            var (low, high) = IssueBytes(spec.Plan(), SweepFixture.Bytes(reference, "issues.csv"), complete);
            var issuesLength = low + (int)(cut.Issues * (high - low));
            var (first, last) = IssueBytes(spec.Plan(), SweepFixture.Bytes(reference, "timeseries.csv"), complete);
            var seriesLength = first + (int)(cut.Series * (last - first));
            var records = LineEnds(SweepFixture.Bytes(reference, "checksums.csv"));
            var checksumsFrom = records[Math.Max(0, complete - 1)];
            var checksumsLength = checksumsFrom + (int)(cut.Checksums * (records[complete] - checksumsFrom));
            var recorded = records.Count(end => end <= checksumsLength) - 1;
            Truncate(Path.Combine(folder, "runs.csv"), runsLength);
            Truncate(Path.Combine(folder, "issues.csv"), issuesLength);
            Truncate(Path.Combine(folder, "timeseries.csv"), seriesLength);
            Truncate(Path.Combine(folder, "checksums.csv"), checksumsLength);
            File.Delete(Path.Combine(folder, "summary.csv"));

            var report = Sweep.Run(spec, folder, new SweepOptions { Threads = 2, Resume = true });

            var same = report.Resumed == Math.Min(complete, recorded) && report.RerunReason is null &&
                       Files.All(f => SweepFixture.Bytes(reference, f).AsSpan().SequenceEqual(SweepFixture.Bytes(folder, f)));
            return same.Label($"runs cut at {runsLength} ({complete} complete), issues cut at {issuesLength} in [{low}, {high}], " +
                              $"samples cut at {seriesLength} in [{first}, {last}], checksums cut at {checksumsLength} ({recorded} records); " +
                              $"resumed {report.Resumed}, rerun because {report.RerunReason}");
        });
    }

    /// <summary>The offset just after each line of <paramref name="bytes"/>: [0] the header's end, [k] the end of record k.</summary>
    private static int[] LineEnds(byte[] bytes)
    {
        var ends = new List<int>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                ends.Add(i + 1);
            }
        }

        return [.. ends];
    }

    /// <summary>Where the rows of run <paramref name="run"/> start and end in issues.csv or timeseries.csv (both start with pointId, structure, replication).</summary>
    private static (int Start, int End) IssueBytes(ExperimentPlan plan, byte[] issues, int run)
    {
        var labels = plan.Structures.Select(s => s.Label).ToList();
        var start = -1;
        var end = -1;
        var offset = Array.IndexOf(issues, (byte)'\n') + 1;
        while (offset < issues.Length)
        {
            var next = Array.IndexOf(issues, (byte)'\n', offset) + 1;
            var fields = Encoding.UTF8.GetString(issues, offset, 20).Split(',');
            var index = plan.IndexOf(int.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), labels.IndexOf(fields[1]));
            if (index < run)
            {
                start = next;
            }
            else if (index == run)
            {
                end = next;
            }

            offset = next;
        }

        start = start < 0 ? Array.IndexOf(issues, (byte)'\n') + 1 : start;
        return (start, end < 0 ? start : end);
    }

    private static void Truncate(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(length);
    }

    [Fact]
    public void A_corrupted_row_is_run_again_with_every_row_after_it()
    {
        var (spec, reference) = Reference.Value;
        var folder = SweepFixture.TempFolder("corrupt");
        foreach (var file in Files.Append("manifest.json"))
        {
            File.Copy(Path.Combine(reference, file), Path.Combine(folder, file));
        }

        var lines = File.ReadAllLines(Path.Combine(folder, "runs.csv"));
        var fields = lines[4].Split(',');
        fields[3] = "12345"; // the seed of run 3
        lines[4] = string.Join(",", fields);
        File.WriteAllText(Path.Combine(folder, "runs.csv"), string.Join("\n", lines) + "\n");

        var report = Sweep.Run(spec, folder, new SweepOptions { Resume = true });

        Assert.Equal(3, report.Resumed);
        Assert.Equal("run 3's rows in runs.csv do not match their checksum", report.RerunReason);
        AssertSameAsUninterrupted(folder);
    }

    [Theory]
    [InlineData("a digit of a measure in runs.csv")]
    [InlineData("issues.csv cut at a run's first issue")]
    [InlineData("an issue row deleted")]
    [InlineData("a digit of a checksum")]
    [InlineData("checksums.csv lost")]
    public void A_kept_row_changed_since_it_was_written_is_found_and_run_again_with_every_run_after_it(string damage)
    {
        // Issue 12: a shortened issues.csv was accepted, and a digit changed inside a kept row went unnoticed. Every row of
        // a run must still hash to the checksum recorded when it was written, or the run is done again.
        var (spec, reference) = Reference.Value;
        var folder = SweepFixture.TempFolder("damage");
        foreach (var file in Files.Append("manifest.json"))
        {
            File.Copy(Path.Combine(reference, file), Path.Combine(folder, file));
        }

        var plan = spec.Plan();
        var issues = SweepFixture.Bytes(reference, "issues.csv");
        var run = Enumerable.Range(4, plan.RunCount - 4).First(r => IssueBytes(plan, issues, r) is var (start, end) && end > start);
        var (first, _) = IssueBytes(plan, issues, run);
        int expected;
        string damaged;
        switch (damage)
        {
            case "a digit of a measure in runs.csv":
                var lines = File.ReadAllLines(Path.Combine(folder, "runs.csv"));
                var at = lines[run + 1].LastIndexOfAny("0123456789".ToCharArray());
                lines[run + 1] = lines[run + 1][..at] + (lines[run + 1][at] == '1' ? '2' : '1') + lines[run + 1][(at + 1)..];
                File.WriteAllText(Path.Combine(folder, "runs.csv"), string.Join("\n", lines) + "\n");
                (expected, damaged) = (run, "runs.csv");
                break;
            case "issues.csv cut at a run's first issue":
                Truncate(Path.Combine(folder, "issues.csv"), first);
                (expected, damaged) = (run, "issues.csv");
                break;
            case "an issue row deleted":
                var next = Array.IndexOf(issues, (byte)'\n', first) + 1;
                File.WriteAllBytes(Path.Combine(folder, "issues.csv"), [.. issues[..first], .. issues[next..]]);
                (expected, damaged) = (run, "issues.csv");
                break;
            case "a digit of a checksum":
                var records = File.ReadAllLines(Path.Combine(folder, "checksums.csv"));
                records[run + 1] = records[run + 1][..^1] + (records[run + 1][^1] == '0' ? '1' : '0');
                File.WriteAllText(Path.Combine(folder, "checksums.csv"), string.Join("\n", records) + "\n");
                (expected, damaged) = (run, "timeseries.csv");
                break;
            default:
                File.Delete(Path.Combine(folder, "checksums.csv"));
                (expected, damaged) = (0, "checksums.csv");
                break;
        }

        var report = Sweep.Run(spec, folder, new SweepOptions { Threads = 2, Resume = true });

        Assert.Equal(expected, report.Resumed);
        Assert.Equal(plan.RunCount - expected, report.Rerun);
        Assert.Contains(damaged, report.RerunReason, StringComparison.Ordinal);
        AssertSameAsUninterrupted(folder);
    }

    [Fact]
    public void A_lost_issues_file_makes_the_resume_start_again()
    {
        var (spec, reference) = Reference.Value;
        var folder = SweepFixture.TempFolder("lost-issues");
        foreach (var file in Files.Append("manifest.json"))
        {
            File.Copy(Path.Combine(reference, file), Path.Combine(folder, file));
        }

        File.Delete(Path.Combine(folder, "issues.csv"));

        var report = Sweep.Run(spec, folder, new SweepOptions { Resume = true });

        Assert.Equal(0, report.Resumed);
        AssertSameAsUninterrupted(folder);
    }

    [Fact]
    public void Resuming_a_finished_sweep_changes_nothing()
    {
        var (spec, reference) = Reference.Value;
        var folder = SweepFixture.TempFolder("finished");
        Sweep.Run(spec, folder);

        var report = Sweep.Run(spec, folder, new SweepOptions { Resume = true });

        Assert.Equal(report.Total, report.Resumed);
        AssertSameAsUninterrupted(folder);
    }

    [Fact]
    public void Resume_in_an_empty_folder_starts_the_sweep()
    {
        var folder = Path.Combine(SweepFixture.TempFolder("empty"), "new");

        var report = Sweep.Run(Reference.Value.Spec, folder, new SweepOptions { Resume = true });

        Assert.Equal(0, report.Resumed);
        AssertSameAsUninterrupted(folder);
    }

    [Fact]
    public void Resume_refuses_a_changed_spec_and_touches_nothing()
    {
        var (spec, _) = Reference.Value;
        var folder = SweepFixture.TempFolder("changed");
        Sweep.Run(spec, folder);
        var before = Files.Append("manifest.json").Select(f => SweepFixture.Bytes(folder, f)).ToArray();

        var e = Assert.Throws<SweepException>(() => Sweep.Run(spec with { Replications = 4 }, folder, new SweepOptions { Resume = true }));
        var issues = Assert.Throws<SweepException>(() => Sweep.Run(spec, folder, new SweepOptions { Resume = true, Issues = false }));

        Assert.Contains("has changed", e.Message);
        Assert.Equal(SweepRefusal.SpecChanged, e.Reason);
        Assert.EndsWith("start again with SweepOptions.Force or in another folder.", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--force", e.Message, StringComparison.Ordinal);
        Assert.Contains(spec.Hash, e.Message);
        Assert.Contains("issues", issues.Message);
        Assert.Equal(before, Files.Append("manifest.json").Select(f => SweepFixture.Bytes(folder, f)));
    }

    [Fact]
    public void Resume_refuses_a_folder_that_is_not_a_sweep()
    {
        var folder = SweepFixture.TempFolder("foreign");
        File.WriteAllText(Path.Combine(folder, "runs.csv"), "a,b\n");

        var e = Assert.Throws<SweepException>(() => Sweep.Run(Reference.Value.Spec, folder, new SweepOptions { Resume = true }));

        Assert.Contains("manifest.json", e.Message);
    }

    [Fact]
    public void A_failing_run_is_named_its_predecessors_kept_and_the_sweep_resumes_once_it_is_fixed()
    {
        var structure = new FlakyStructure();
        var spec = SweepFixture.Small("flaky").Compare(structure).Vary("crossDepartmentShare", 0.2, 0.6).Replications(2).Seed(3).Build();
        var plan = spec.Plan();
        structure.FailingSeed = plan.Run(5).Seed;
        var folder = SweepFixture.TempFolder("flaky");

        var e = Assert.Throws<RunFailedException>(() => Sweep.Run(spec, folder, new SweepOptions { Threads = 2 }));

        Assert.Contains("structure flaky", e.Message);
        Assert.Contains($"seed {plan.Run(e.Index).Seed}", e.Message);
        Assert.Contains("\"status\": \"failed\"", File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var kept = File.ReadAllLines(Path.Combine(folder, "runs.csv")).Length - 1;
        Assert.Equal(e.Index, kept);

        structure.FailingSeed = -1;
        var report = Sweep.Run(spec, folder, new SweepOptions { Threads = 2, Resume = true });
        var reference = SweepFixture.TempFolder("flaky-reference");
        Sweep.Run(spec, reference, new SweepOptions { Threads = 1 });

        Assert.Equal(kept, report.Resumed);
        Assert.Equal(SweepFixture.Bytes(reference, "runs.csv"), SweepFixture.Bytes(folder, "runs.csv"));
        Assert.Equal(SweepFixture.Bytes(reference, "summary.csv"), SweepFixture.Bytes(folder, "summary.csv"));
    }

    /// <summary>A hierarchy that throws on one seed, to stand for a bug hit by one run.</summary>
    private sealed record FlakyStructure : Structure
    {
        public long FailingSeed { get; set; } = -1;

        public override string Name => "flaky";

        public override string Description => "A hierarchy that fails on one seed.";

        internal override (global::CoordSim.Organisation.Organisation Organisation, RoutingPolicy Policy) Build(Parameters parameters)
        {
            var (organisation, policy) = Hierarchy().Build(parameters);
            return (organisation, new FailingRouting(policy, FailingSeed));
        }
    }

    private sealed class FailingRouting(RoutingPolicy inner, long failingSeed) : RoutingPolicy
    {
        public override void Initialise(CoordinationModel model)
        {
            if (model.Seed == failingSeed)
            {
                throw new InvalidOperationException("injected failure");
            }

            inner.Initialise(model);
        }

        public override void Discovered(CoordinationModel model, ItemId item) => inner.Discovered(model, item);

        public override void Served(CoordinationModel model, ItemId item, DeskId desk) => inner.Served(model, item, desk);

        public override void Received(CoordinationModel model, ItemId item) => inner.Received(model, item);

        public override void Timer(CoordinationModel model, TimerKind kind, int subject, int data) => inner.Timer(model, kind, subject, data);

        public override void AssignResponsibility(CoordinationModel model, IssueId issue, AccountabilityWeights weights) =>
            inner.AssignResponsibility(model, issue, weights);
    }
}
