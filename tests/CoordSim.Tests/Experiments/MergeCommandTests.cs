using System.CommandLine;
using System.Diagnostics;
using CoordSim.Cli.Commands;

namespace CoordSim.Tests.Experiments;

/// <summary>`coordsim sweep --shard` and `coordsim merge`, in-process on their own root, and the job-array variables in a child process.</summary>
public class MergeCommandTests
{
    private static (int Code, string Stdout, string Stderr) Invoke(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var root = new RootCommand { SweepCommand.Create(), MergeCommand.Create() };
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string SpecFile()
    {
        var path = Path.Combine(SweepFixture.TempFolder("merge-cli-spec"), "spec.json");
        File.WriteAllText(path, SweepFixture.TwoStructuresJson);
        return path;
    }

    [Fact]
    public void Shards_swept_and_merged_from_the_command_line_give_the_whole_sweeps_files_and_figures()
    {
        var spec = SpecFile();
        var root = SweepFixture.TempFolder("merge-cli");
        var whole = Invoke("sweep", spec, "--out", Path.Combine(root, "whole"), "--threads", "2");
        Assert.True(whole.Code == 0, whole.Stderr);
        foreach (var n in new[] { 2, 1, 3 })
        {
            var shard = Invoke("sweep", spec, "--out", Path.Combine(root, $"shard{n}"), "--threads", "1", "--shard", $"{n}/3");
            Assert.True(shard.Code == 0, shard.Stderr);
            Assert.StartsWith($"Shard {n}/3: 4 of the sweep's 12 runs.", shard.Stdout, StringComparison.Ordinal);
        }

        var merged = Invoke("merge", Path.Combine(root, "shard3"), Path.Combine(root, "shard1"), Path.Combine(root, "shard2"), "--out", Path.Combine(root, "merged"));

        Assert.True(merged.Code == 0, merged.Stderr);
        Assert.StartsWith($"Merged 3 folders: 12 runs in {Path.Combine(root, "merged")}", merged.Stdout, StringComparison.Ordinal);
        Assert.Contains("Figures: ", merged.Stdout, StringComparison.Ordinal);
        foreach (var file in new[] { "runs.csv", "summary.csv", "timeseries.csv", "checksums.csv", "codebook.csv" })
        {
            Assert.True(SweepFixture.Bytes(Path.Combine(root, "whole"), file).AsSpan().SequenceEqual(SweepFixture.Bytes(Path.Combine(root, "merged"), file)), $"{file} differs");
        }

        var figures = Directory.GetFiles(Path.Combine(root, "whole", "figures")).Select(Path.GetFileName).Order().ToList();
        Assert.NotEmpty(figures);
        Assert.Equal(figures, Directory.GetFiles(Path.Combine(root, "merged", "figures")).Select(Path.GetFileName).Order());
        foreach (var figure in figures)
        {
            // PNGs byte for byte. SkiaSharp's SVG canvas numbers its clip paths from a counter of the process (two
            // processes drawing the same figures write the same bytes, as the Slurm test checks), so here, in one
            // process, the SVGs are compared with their clip paths renumbered in order of appearance.
            var (left, right) = (Path.Combine(root, "whole", "figures", figure!), Path.Combine(root, "merged", "figures", figure!));
            if (figure!.EndsWith(".png", StringComparison.Ordinal))
            {
                Assert.True(File.ReadAllBytes(left).AsSpan().SequenceEqual(File.ReadAllBytes(right)), $"{figure} differs");
            }
            else
            {
                Assert.Equal(Renumbered(File.ReadAllText(left)), Renumbered(File.ReadAllText(right)));
            }
        }

        // Again into the same folder: refused without --force, replaced with it.
        var again = Invoke("merge", Path.Combine(root, "shard1"), Path.Combine(root, "shard2"), Path.Combine(root, "shard3"), "--out", Path.Combine(root, "merged"));
        Assert.Equal(2, again.Code);
        Assert.EndsWith("is not empty. Use --force to replace the results there, or another folder.", again.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Equal(0, Invoke("merge", Path.Combine(root, "shard1"), Path.Combine(root, "shard2"), Path.Combine(root, "shard3"), "--out", Path.Combine(root, "merged"), "--force").Code);
    }

    private static string Renumbered(string svg)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(svg, "cl_[0-9a-f]+", m =>
        {
            if (!ids.TryGetValue(m.Value, out var id))
            {
                id = ids[m.Value] = $"clip{ids.Count}";
            }

            return id;
        });
    }

    [Theory]
    [InlineData("0/3", "--shard = \"0/3\" is not allowed: i/N with whole numbers 1 <= i <= N, for example 2/4 (the second of four).")]
    [InlineData("4/3", "--shard = \"4/3\" is not allowed: i/N with whole numbers 1 <= i <= N, for example 2/4 (the second of four).")]
    [InlineData("half", "--shard = \"half\" is not allowed: i/N with whole numbers 1 <= i <= N, for example 2/4 (the second of four).")]
    [InlineData("1/13", "--shard = 1/13 is not allowed: i/N with N at most the sweep's 12 runs, so that no shard is empty.")]
    public void A_bad_shard_exits_2_with_one_line_and_nothing_written(string shard, string message)
    {
        var folder = Path.Combine(SweepFixture.TempFolder("merge-cli-bad"), "out");

        var (code, _, stderr) = Invoke("sweep", SpecFile(), "--out", folder, "--shard", shard);

        Assert.Equal(2, code);
        Assert.Equal("error: " + message, stderr.Trim());
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_merge_short_of_runs_says_how_to_run_the_missing_shard_and_finish_the_unfinished_one()
    {
        var spec = SpecFile();
        var root = SweepFixture.TempFolder("merge-cli-gaps");
        Assert.Equal(0, Invoke("sweep", spec, "--out", Path.Combine(root, "s1"), "--shard", "1/3").Code);
        Assert.Equal(0, Invoke("sweep", spec, "--out", Path.Combine(root, "s2"), "--shard", "2/3").Code);
        var checksums = Path.Combine(root, "s2", "checksums.csv");
        File.WriteAllLines(checksums, File.ReadAllLines(checksums).SkipLast(1));
        var output = Path.Combine(root, "merged");

        var (code, stdout, stderr) = Invoke("merge", Path.Combine(root, "s1"), Path.Combine(root, "s2"), "--out", output);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                $"error: Runs are missing: shard 2/3 in {Path.Combine(root, "s2")} has 3 of its 4 runs; shard 3/3 (4 runs) is in none of the folders.",
                $"  finish it: coordsim sweep <spec of 'two'> --out {Path.Combine(root, "s2")} --shard 2/3 --resume",
                "  run it: coordsim sweep <spec of 'two'> --out <new folder> --shard 3/3",
                "  (<spec of 'two'> is the spec the shards ran; each shard's manifest.json holds a copy under \"spec\".) Then merge again.",
            ],
            lines);
        Assert.False(Directory.Exists(output));

        // Following the advice makes the merge go through.
        Assert.Equal(0, Invoke("sweep", spec, "--out", Path.Combine(root, "s2"), "--shard", "2/3", "--resume").Code);
        Assert.Equal(0, Invoke("sweep", spec, "--out", Path.Combine(root, "s3"), "--shard", "3/3").Code);
        var merged = Invoke("merge", Path.Combine(root, "s1"), Path.Combine(root, "s2"), Path.Combine(root, "s3"), "--out", output);
        Assert.True(merged.Code == 0, merged.Stderr);
    }

    [Theory]
    [InlineData("", "error: shard folder \"\" is not allowed: an existing folder that 'coordsim sweep --shard i/N' wrote (it does not exist).")]
    [InlineData("/nonexistent/shard", "error: shard folder \"/nonexistent/shard\" is not allowed: an existing folder that 'coordsim sweep --shard i/N' wrote (it does not exist).")]
    public void A_merge_of_a_folder_that_is_not_there_exits_2(string shard, string message)
    {
        var output = Path.Combine(SweepFixture.TempFolder("merge-cli-none"), "out");
        var (code, _, stderr) = Invoke("merge", shard, "--out", output);
        Assert.Equal(2, code);
        Assert.Equal(message, stderr.Trim());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_folder_that_is_not_a_sweeps_is_refused_by_merge()
    {
        var notSweep = SweepFixture.TempFolder("merge-cli-not-sweep");
        File.WriteAllText(Path.Combine(notSweep, "notes.txt"), "mine");
        var output = Path.Combine(SweepFixture.TempFolder("merge-cli-not-sweep-out"), "out");
        var (code, _, stderr) = Invoke("merge", notSweep, "--out", output);
        Assert.Equal(2, code);
        Assert.Equal($"error: {notSweep} is not a sweep's results folder: it has no manifest.json. Choose another folder.", stderr.Trim());
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_MAX=2 SLURM_ARRAY_TASK_COUNT=3", 0, "Shard 2/3 (from SLURM_ARRAY_TASK_ID=1 of 0-2): 4 of the sweep's 12 runs.")]
    [InlineData("SGE_TASK_ID=3 SGE_TASK_FIRST=1 SGE_TASK_LAST=3 SGE_TASK_STEPSIZE=1", 0, "Shard 3/3 (from SGE_TASK_ID=3 of 1-3): 4 of the sweep's 12 runs.")]
    [InlineData("SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_MAX=12 SLURM_ARRAY_TASK_COUNT=13", 2, "error: --shard = 2/13 is not allowed: i/N with N at most the sweep's 12 runs, so that no shard is empty.")]
    [InlineData("SLURM_ARRAY_TASK_ID=5 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_MAX=9 SLURM_ARRAY_TASK_COUNT=3", 2, "error: SLURM_ARRAY_TASK_COUNT = 3 is not allowed: the array's tasks must be the even range 1-9 (9 tasks), not a list; or give the shard as --shard i/N.")]
    public async Task A_task_of_a_job_array_takes_its_shard_from_the_schedulers_variables(string variables, int code, string line)
    {
        var folder = Path.Combine(SweepFixture.TempFolder("merge-cli-array"), "out");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "CoordSim.Cli.dll"), "sweep", SpecFile(), "--out", folder, "--threads", "1" })
        {
            info.ArgumentList.Add(a);
        }

        foreach (var pair in variables.Split(' ').Select(p => p.Split('=', 2)))
        {
            info.Environment[pair[0]] = pair[1];
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var stderr = await errors;

        Assert.True(process.ExitCode == code, stderr);
        if (code == 0)
        {
            Assert.StartsWith(line, stdout, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(line, stderr.Trim());
            Assert.False(Directory.Exists(folder));
        }
    }
}
