using System.Text.Json.Nodes;
using CoordSim.Experiments;

namespace CoordSim.Tests.Experiments;

public class MergeTests
{
    private static readonly string[] Files = ["runs.csv", "summary.csv", "issues.csv", "timeseries.csv", "checksums.csv", "codebook.csv"];

    /// <summary>The manifest's members that say when and how fast a sweep ran, which differ between any two sweeps of one spec.</summary>
    private static readonly string[] Timing = ["startedUtc", "finishedUtc", "wallSeconds", "threads"];

    private static readonly Lazy<(ExperimentSpec Spec, string Folder)> Whole = new(() =>
    {
        var spec = SweepFixture.TwoStructures(replications: 3, issues: true, timeSeries: 5);
        var folder = SweepFixture.TempFolder("merge-whole");
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2 });
        return (spec, folder);
    });

    private static List<string> RunShards(ExperimentSpec spec, int count, string tag)
    {
        var folders = new List<string>();
        for (var n = 1; n <= count; n++)
        {
            var folder = SweepFixture.TempFolder($"{tag}-{n}");
            var report = Sweep.Run(spec, folder, new SweepOptions { Threads = 1 + (n % 2), Shard = new Shard(n, count) });
            Assert.True(report.Completed);
            folders.Add(folder);
        }

        return folders;
    }

    private static void AssertSameAsWhole(string merged)
    {
        var (_, whole) = Whole.Value;
        foreach (var file in Files)
        {
            Assert.True(SweepFixture.Bytes(whole, file).AsSpan().SequenceEqual(SweepFixture.Bytes(merged, file)), $"{file} differs");
        }

        Assert.Equal(WithoutTiming(whole), WithoutTiming(merged));
    }

    /// <summary>The folder's manifest.json, parsed.</summary>
    private static JsonNode Manifest(string folder) => JsonNode.Parse(SweepFixture.Bytes(folder, "manifest.json"))!;

    private static string WithoutTiming(string folder)
    {
        var manifest = Manifest(folder).AsObject();
        foreach (var member in Timing)
        {
            Assert.True(manifest.Remove(member), $"manifest.json has no {member}");
        }

        return manifest.ToJsonString();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(12)]
    public void Merged_shards_in_any_order_write_the_files_of_the_whole_sweep_byte_for_byte(int count)
    {
        var (spec, _) = Whole.Value;
        var shards = RunShards(spec, count, $"merge-{count}");
        shards.Reverse();
        var merged = Path.Combine(SweepFixture.TempFolder("merged"), "out");

        var report = Sweep.Merge(shards, merged);

        Assert.Equal(12, report.Total);
        Assert.True(report.Completed);
        AssertSameAsWhole(merged);
        var manifest = Manifest(merged);
        Assert.Equal("complete", manifest["status"]!.GetValue<string>());
        Assert.Null(manifest["shard"]);
    }

    [Fact]
    public void A_merged_manifest_times_the_shards_as_one_sweep_the_earliest_start_the_most_threads_and_the_wall_times_added_up()
    {
        // docs/cli.md: startedUtc the earliest shard's start, finishedUtc the merge's end, wallSeconds the shards' wall
        // times added up, threads the most any shard used. The shards here ran on 2, 1 and 2 threads.
        var (spec, _) = Whole.Value;
        var shards = RunShards(spec, 3, "merge-timing");
        var merged = Path.Combine(SweepFixture.TempFolder("merge-timing-out"), "out");

        // The middle shard is made the earliest: as if it had been started first, on another machine, a day before.
        var middle = Path.Combine(shards[1], "manifest.json");
        var early = Manifest(shards[1]);
        early["startedUtc"] = "2026-01-02T03:04:05.678Z";
        File.WriteAllText(middle, early.ToJsonString());

        Sweep.Merge(shards, merged);

        var parts = shards.Select(Manifest).ToList();
        var whole = Manifest(merged);
        Assert.Equal("2026-01-02T03:04:05.678Z", whole["startedUtc"]!.GetValue<string>());
        Assert.Equal(2, whole["threads"]!.GetValue<int>());
        Assert.Equal([2, 1, 2], parts.Select(p => p["threads"]!.GetValue<int>()));

        // Each shard's wallSeconds is written to 3 decimals, so the sum of the written ones is within 3 × 0.0005 s.
        var sum = parts.Sum(p => p["wallSeconds"]!.GetValue<double>());
        Assert.InRange(whole["wallSeconds"]!.GetValue<double>(), sum - 0.0015, sum + 0.0015);
        Assert.True(whole["wallSeconds"]!.GetValue<double>() > parts.Max(p => p["wallSeconds"]!.GetValue<double>()));
        Assert.True(string.CompareOrdinal(whole["finishedUtc"]!.GetValue<string>(), parts.Max(p => p["finishedUtc"]!.GetValue<string>())) >= 0);
    }

    [Fact]
    public void An_output_folder_holding_other_files_is_refused_before_anything_is_written_there()
    {
        // Refused before any folder is held: not even the lock file is left among the user's files.
        var (spec, _) = Whole.Value;
        var shards = RunShards(spec, 2, "merge-foreign");
        var output = SweepFixture.TempFolder("merge-foreign-out");
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine\n");

        var e = Assert.Throws<SweepException>(() => Sweep.Merge(shards, output));

        Assert.Equal(SweepRefusal.FolderNotEmpty, e.Reason);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName));
    }

    [Fact]
    public void A_shards_folder_records_its_shard_and_holds_only_its_runs_in_result_order()
    {
        var (spec, _) = Whole.Value;
        var folder = RunShards(spec, 5, "merge-one-shard")[1];
        var manifest = Manifest(folder);
        Assert.Equal(2, manifest["shard"]!["number"]!.GetValue<int>());
        Assert.Equal(5, manifest["shard"]!["count"]!.GetValue<int>());
        Assert.Equal(3, manifest["shard"]!["runs"]!.GetValue<int>());
        Assert.Equal(3, manifest["completedRuns"]!.GetValue<int>());
        Assert.Equal(12, manifest["runs"]!.GetValue<int>());
        var runs = File.ReadAllLines(Path.Combine(folder, "checksums.csv")).Skip(1).Select(line => int.Parse(line.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new Shard(2, 5).Runs(spec.Plan()), runs);
    }

    [Fact]
    public void A_merge_lets_go_of_every_shard_file_it_read()
    {
        // .NET holds a shared lock on a file it reads (flock on Unix, a share mode on Windows): a shard file the merge
        // left open could not be opened exclusively, nor deleted on Windows, until a collection finalised it.
        var (spec, _) = Whole.Value;
        var shards = RunShards(spec, 2, "merge-released");

        Sweep.Merge(shards, Path.Combine(SweepFixture.TempFolder("merge-released-out"), "out"));

        foreach (var path in shards.SelectMany(folder => new[] { "runs.csv", "issues.csv", "timeseries.csv", "checksums.csv" }.Select(file => Path.Combine(folder, file))))
        {
            using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            Assert.True(exclusive.Length > 0, path);
        }
    }

    [Fact]
    public void A_shard_stopped_part_way_resumes_like_any_sweep_and_then_merges()
    {
        var (spec, _) = Whole.Value;
        var shards = RunShards(spec, 2, "merge-resume");
        using var stop = new CancellationTokenSource();
        var partial = SweepFixture.TempFolder("merge-resume-partial");
        var cut = Sweep.Run(spec, partial, new SweepOptions { Threads = 1, Shard = new Shard(2, 2), CancellationToken = stop.Token, Progress = p => { if (p.Done == 2) stop.Cancel(); } });
        Assert.True(cut.Cancelled);
        Assert.InRange(cut.Done, 2, 5);

        var refused = Assert.Throws<SweepException>(() => Sweep.Merge([shards[0], partial], Path.Combine(SweepFixture.TempFolder("merge-resume-out"), "out")));
        var gap = Assert.Single(refused.Gaps);
        Assert.Equal(new ShardGap(new Shard(2, 2), Path.GetFullPath(partial), cut.Done, 6), gap);
        Assert.Contains($"shard 2/2 in {Path.GetFullPath(partial)} has {cut.Done} of its 6 runs", refused.Message, StringComparison.Ordinal);

        var resumed = Sweep.Run(spec, partial, new SweepOptions { Threads = 2, Shard = new Shard(2, 2), Resume = true });
        Assert.Equal(cut.Done, resumed.Resumed);
        Assert.True(resumed.Completed);
        var merged = Path.Combine(SweepFixture.TempFolder("merge-resume-merged"), "out");
        Sweep.Merge([shards[0], partial], merged);
        AssertSameAsWhole(merged);
    }

    [Fact]
    public void A_resume_with_another_shard_or_none_is_refused()
    {
        var (spec, _) = Whole.Value;
        var folder = RunShards(spec, 3, "merge-other-shard")[0];
        var before = SweepFixture.Bytes(folder, "runs.csv");
        foreach (var other in new Shard?[] { new Shard(2, 3), new Shard(1, 2), null })
        {
            var e = Assert.Throws<SweepException>(() => Sweep.Run(spec, folder, new SweepOptions { Resume = true, Shard = other }));
            Assert.Equal(SweepRefusal.ShardChanged, e.Reason);
            Assert.Contains("runs shard 1/3 of the spec, this one " + (other is null ? "every run" : $"shard {other}"), e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, SweepFixture.Bytes(folder, "runs.csv"));
    }

    [Fact]
    public void More_shards_than_runs_are_refused_before_anything_is_written()
    {
        var (spec, _) = Whole.Value;
        var folder = Path.Combine(SweepFixture.TempFolder("merge-too-many"), "out");
        var e = Assert.Throws<SweepException>(() => Sweep.Run(spec, folder, new SweepOptions { Shard = new Shard(1, 13) }));
        Assert.Equal(SweepRefusal.TooManyShards, e.Reason);
        Assert.Contains("Use at most 12 shards", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_missing_shard_is_named_with_its_runs_and_nothing_is_written()
    {
        var (spec, _) = Whole.Value;
        var shards = RunShards(spec, 4, "merge-missing");
        var output = Path.Combine(SweepFixture.TempFolder("merge-missing-out"), "out");

        var e = Assert.Throws<SweepException>(() => Sweep.Merge([shards[0], shards[1], shards[3]], output));

        Assert.Equal(SweepRefusal.ShardsDoNotMerge, e.Reason);
        Assert.Equal(new ShardGap(new Shard(3, 4), null, 0, 3), Assert.Single(e.Gaps));
        Assert.Contains("shard 3/4 (3 runs) is in none of the folders", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_shard_whose_rows_were_changed_since_they_were_written_is_not_merged()
    {
        var (spec, _) = Whole.Value;
        var shards = RunShards(spec, 2, "merge-changed");
        var runs = Path.Combine(shards[1], "runs.csv");
        var text = File.ReadAllText(runs);
        var last = text.LastIndexOfAny("123456789".ToCharArray());
        File.WriteAllText(runs, text[..last] + (text[last] == '1' ? '2' : '1') + text[(last + 1)..]);
        var output = Path.Combine(SweepFixture.TempFolder("merge-changed-out"), "out");

        var e = Assert.Throws<SweepException>(() => Sweep.Merge(shards, output));

        var gap = Assert.Single(e.Gaps);
        Assert.Equal((new Shard(2, 2), 5, 6), (gap.Shard, gap.Done, gap.Runs));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Shards_of_different_sweeps_cuts_or_libraries_or_a_shard_given_twice_are_refused_and_nothing_is_written()
    {
        var (spec, _) = Whole.Value;
        var shards = RunShards(spec, 2, "merge-mixed");
        var output = Path.Combine(SweepFixture.TempFolder("merge-mixed-out"), "out");

        var other = SweepFixture.TempFolder("merge-other-spec");
        Sweep.Run(SweepFixture.TwoStructures(replications: 3, issues: false, timeSeries: 5), other, new SweepOptions { Shard = new Shard(2, 2) });
        Assert.Contains("The folders hold shards of different sweeps", Refused(shards[0], other).Message, StringComparison.Ordinal);

        var thirds = RunShards(spec, 3, "merge-thirds");
        Assert.Contains($"{Path.GetFullPath(thirds[1])} is shard 2/3", Refused(shards[0], thirds[1]).Message, StringComparison.Ordinal);

        var copy = SweepFixture.TempFolder("merge-copy");
        foreach (var file in Directory.GetFiles(shards[0]))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        Assert.Contains("shard 1/2 is in more than one folder", Refused(shards[0], copy, shards[1]).Message, StringComparison.Ordinal);
        Assert.Contains("is given twice", Refused(shards[0], shards[0] + "/", shards[1]).Message, StringComparison.Ordinal);

        var manifest = Path.Combine(copy, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"library\": \"CoordSim ", "\"library\": \"CoordSim 0.0.1-other ", StringComparison.Ordinal));
        Assert.Contains("ran CoordSim 0.0.1-other", Refused(copy, shards[1]).Message, StringComparison.Ordinal);

        Assert.Contains("which is one of the shards' folders", Assert.Throws<SweepException>(() => Sweep.Merge(shards, shards[0])).Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));

        SweepException Refused(params string[] folders)
        {
            var e = Assert.Throws<SweepException>(() => Sweep.Merge(folders, output));
            Assert.Equal(SweepRefusal.ShardsDoNotMerge, e.Reason);
            Assert.Empty(e.Gaps);
            return e;
        }
    }

    /// <summary>The spec a merge runs is the one the first folder's manifest records: when it cannot be read, the error names that manifest's spec.</summary>
    [Fact]
    public void A_manifest_whose_spec_cannot_be_read_is_named_and_nothing_is_written()
    {
        var (spec, _) = Whole.Value;
        var shards = RunShards(spec, 2, "merge-bad-spec");
        var manifest = Path.Combine(shards[0], "manifest.json");
        var text = File.ReadAllText(manifest);
        Assert.Contains("\"replications\": 3,", text, StringComparison.Ordinal);
        File.WriteAllText(manifest, text.Replace("\"replications\": 3,", "\"replications\": \"three\",", StringComparison.Ordinal));
        var output = Path.Combine(SweepFixture.TempFolder("merge-bad-spec-out"), "out");

        var e = Assert.Throws<SweepException>(() => Sweep.Merge(shards, output));

        Assert.Equal(SweepRefusal.UnreadableManifest, e.Reason);
        Assert.StartsWith($"{manifest} cannot be read as a sweep manifest (Experiment spec {manifest}#spec has a problem:", e.Message, StringComparison.Ordinal);
        Assert.Contains("$.replications", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void An_output_folder_with_results_is_refused_unless_forced_and_on_complete_runs_while_it_is_held()
    {
        var (spec, _) = Whole.Value;
        var shards = RunShards(spec, 2, "merge-force");
        var output = SweepFixture.TempFolder("merge-force-out");
        Sweep.Run(SweepFixture.TwoStructures(replications: 1), output);

        var e = Assert.Throws<SweepException>(() => Sweep.Merge(shards, output));
        Assert.Equal(SweepRefusal.FolderNotEmpty, e.Reason);
        Assert.Contains("MergeOptions.Force", e.Message, StringComparison.Ordinal);

        SweepException? inUse = null;
        Sweep.Merge(shards, output, new MergeOptions
        {
            Force = true,
            OnComplete = _ => inUse = Assert.Throws<SweepException>(() => Sweep.Run(spec, output, new SweepOptions { Resume = true })),
        });
        Assert.Equal(SweepRefusal.FolderInUse, inUse!.Reason);
        AssertSameAsWhole(output);

        // The merged folder is a complete sweep's: resuming it finds every run done and changes nothing.
        var resumed = Sweep.Run(spec, output, new SweepOptions { Resume = true });
        Assert.Equal(12, resumed.Resumed);
        AssertSameAsWhole(output);
    }

    [Fact]
    public void A_shard_being_written_is_not_merged()
    {
        var (spec, _) = Whole.Value;
        var shards = RunShards(spec, 2, "merge-busy");
        SweepException? busy = null;
        var output = Path.Combine(SweepFixture.TempFolder("merge-busy-out"), "out");
        using var stop = new CancellationTokenSource();
        Sweep.Run(spec, shards[1], new SweepOptions
        {
            Force = true,
            Shard = new Shard(2, 2),
            OnRow = _ => busy ??= Assert.Throws<SweepException>(() => Sweep.Merge(shards, output)),
        });
        Assert.Equal(SweepRefusal.FolderInUse, busy!.Reason);
        Assert.False(Directory.Exists(output));
    }
}
