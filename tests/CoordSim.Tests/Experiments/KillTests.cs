using System.Diagnostics;
using System.Text.Json.Nodes;
using CoordSim.Experiments;

namespace CoordSim.Tests.Experiments;

/// <summary>
/// A real crash: the coordsim CLI runs a sweep in a child process, is killed (SIGKILL, no chance to clean up)
/// after some runs are on disk, and is resumed; the files must equal those of an uninterrupted sweep.
/// Needs the sweep command registered in the CLI's Program.
/// </summary>
public class KillTests
{
    private const string Spec = """
        {
          "name": "kill",
          "structures": ["hierarchy", "task-force"],
          "base": { "departments": 4, "levels": 3, "span": 3, "arrivalRate": 15, "horizonDays": 100 },
          "design": { "kind": "factorial", "factors": { "crossDepartmentShare": [0.1, 0.3, 0.5] } },
          "replications": 8,
          "seed": 5
        }
        """;

    private static readonly string[] Files = ["runs.csv", "summary.csv", "issues.csv", "timeseries.csv", "checksums.csv", "codebook.csv"];

    [Fact]
    public void A_sweep_killed_after_some_runs_resumes_to_the_files_of_an_uninterrupted_sweep()
    {
        var (spec, specPath) = WriteSpec();
        var folder = Path.Combine(SweepFixture.TempFolder("kill9"), "out");

        var killedAt = KillAfter(specPath, folder, rows: 3);
        Assert.InRange(killedAt, 3, spec.Plan().RunCount - 1);
        // Nothing could record the kill: the manifest still says what it said while the sweep ran.
        Assert.Equal("running", JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!["status"]!.GetValue<string>());

        var resumed = Cli("sweep", specPath, "--out", folder, "--threads", "1", "--issues", "--time-series", "10", "--resume");
        Assert.True(resumed.Code == 0, resumed.Stderr);
        Assert.Contains("found done", resumed.Stdout);
        AssertSameAsUninterrupted(spec, folder);
    }

    [Fact]
    [Trait("Category", "Long")]
    public void A_sweep_killed_again_and_again_resumes_to_the_files_of_an_uninterrupted_sweep()
    {
        var (spec, specPath) = WriteSpec();
        var folder = Path.Combine(SweepFixture.TempFolder("kill9-long"), "out");
        var total = spec.Plan().RunCount;

        var rows = 2;
        while (rows < total - 5)
        {
            var killedAt = KillAfter(specPath, folder, rows, resume: rows > 2);
            Assert.InRange(killedAt, rows, total - 1);
            rows = killedAt + 7;
        }

        var resumed = Cli("sweep", specPath, "--out", folder, "--threads", "2", "--issues", "--time-series", "10", "--resume");
        Assert.True(resumed.Code == 0, resumed.Stderr);
        AssertSameAsUninterrupted(spec, folder);
    }

    [Theory]
    [InlineData("issues.csv cut in half")]
    [InlineData("runs.csv with CRLF line ends")]
    public void A_killed_sweep_whose_files_were_damaged_after_the_kill_resumes_to_the_files_of_an_uninterrupted_sweep(string damage)
    {
        // Issue 12: a shortened issues.csv was accepted on resume, and "\r\n" glued runs.csv's header to its first row.
        var (spec, specPath) = WriteSpec();
        var folder = Path.Combine(SweepFixture.TempFolder("kill-damage"), "out");
        KillAfter(specPath, folder, rows: 6);
        if (damage.StartsWith("issues", StringComparison.Ordinal))
        {
            using var issues = new FileStream(Path.Combine(folder, "issues.csv"), FileMode.Open, FileAccess.Write);
            issues.SetLength(issues.Length / 2);
        }
        else
        {
            var runs = Path.Combine(folder, "runs.csv");
            File.WriteAllText(runs, File.ReadAllText(runs).Replace("\n", "\r\n", StringComparison.Ordinal));
        }

        var resumed = Cli("sweep", specPath, "--out", folder, "--threads", "2", "--issues", "--time-series", "10", "--resume");

        Assert.True(resumed.Code == 0, resumed.Stderr);
        var warning = Assert.Single(resumed.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("warning: ", StringComparison.Ordinal) && line.Contains("run again", StringComparison.Ordinal));
        Assert.Contains(damage.StartsWith("issues", StringComparison.Ordinal) ? "in issues.csv do not match their checksum" : "runs.csv is missing or does not start with the sweep's header", warning, StringComparison.Ordinal);
        AssertSameAsUninterrupted(spec, folder);
    }

    [Fact]
    public void A_results_folder_in_use_is_refused_to_a_second_sweep_naming_the_holder_and_freed_when_the_holder_is_killed()
    {
        // Issue 12: a second `sweep --force` into a running sweep's folder left it marked complete with rows missing, and
        // two concurrent resumes both ran everything. Long runs on one thread keep the first sweep busy: 400 runs, about
        // half a minute on an idle machine, which the test does not wait for (it kills the sweep). With 50 (4 s) the
        // sweep had finished its runs on a loaded CI machine before the plot was tried.
        var path = Path.Combine(SweepFixture.TempFolder("lock-spec"), "spec.json");
        File.WriteAllText(path, """
            { "name": "lock", "structures": ["hierarchy"], "base": { "arrivalRate": 15, "horizonDays": 300 },
              "design": { "kind": "factorial", "factors": { "crossDepartmentShare": [0.2, 0.4] } }, "replications": 200, "seed": 9 }
            """);
        var spec = ExperimentSpec.Load(path);
        var folder = Path.Combine(SweepFixture.TempFolder("lock"), "out");
        using var holder = Start(["sweep", path, "--out", folder, "--threads", "1"]);
        var clock = Stopwatch.StartNew();
        while (Rows(Path.Combine(folder, "runs.csv")) < 1)
        {
            Assert.False(holder.HasExited, "the first sweep ended before it wrote a run");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "no runs were written within two minutes");
            Thread.Sleep(2);
        }

        foreach (var second in new[] { "--force", "--resume" })
        {
            var refused = Cli("sweep", path, "--out", folder, "--threads", "1", second);
            Assert.False(holder.HasExited, "the first sweep ended before the second was refused; make the test's spec longer");
            Assert.Equal(2, refused.Code);
            var line = Assert.Single(refused.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"error: {Path.GetFullPath(folder)} is in use by another coordsim process (process {holder.Id} on ", line, StringComparison.Ordinal);
        }

        // Nor are figures drawn from a sweep still writing.
        var plot = Cli("plot", folder);
        Assert.False(holder.HasExited, "the first sweep ended before the plot was refused; make the test's spec longer");
        Assert.Equal(2, plot.Code);
        Assert.StartsWith($"error: {Path.GetFullPath(folder)} is in use by another coordsim process (process {holder.Id} on ", Assert.Single(plot.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

        holder.Kill(entireProcessTree: true);
        holder.WaitForExit();

        // Freed by the kill: a resume takes the folder and goes on (two more runs are enough to show it), its rows those of
        // a sweep that was never interrupted.
        using var stop = new CancellationTokenSource();
        var resumed = Sweep.Run(spec, folder, new SweepOptions { Threads = 2, Resume = true, CancellationToken = stop.Token, Progress = p => { if (p.Done >= p.Resumed + 2) stop.Cancel(); } });
        Assert.InRange(resumed.Done, resumed.Resumed + 2, resumed.Total);
        Assert.True(resumed.Resumed >= 1);
        using var stopReference = new CancellationTokenSource();
        var reference = SweepFixture.TempFolder("lock-reference");
        Sweep.Run(spec, reference, new SweepOptions { Threads = 2, CancellationToken = stopReference.Token, Progress = p => { if (p.Done >= resumed.Done) stopReference.Cancel(); } });
        foreach (var file in new[] { "runs.csv", "checksums.csv" })
        {
            Assert.Equal(File.ReadLines(Path.Combine(reference, file)).Take(resumed.Done + 1), File.ReadLines(Path.Combine(folder, file)));
        }

        Assert.False(File.Exists(Path.Combine(folder, ".coordsim.holder")), "the holder's note outlived the sweep");
    }

    private static (ExperimentSpec Spec, string Path) WriteSpec()
    {
        var path = System.IO.Path.Combine(SweepFixture.TempFolder("kill-spec"), "spec.json");
        File.WriteAllText(path, Spec);
        return (ExperimentSpec.Load(path), path);
    }

    private static void AssertSameAsUninterrupted(ExperimentSpec spec, string folder)
    {
        var reference = SweepFixture.TempFolder("kill-reference");
        Sweep.Run(spec, reference, new SweepOptions { Threads = 2, Issues = true, TimeSeriesInterval = 10 });
        foreach (var file in Files)
        {
            Assert.True(SweepFixture.Bytes(reference, file).AsSpan().SequenceEqual(SweepFixture.Bytes(folder, file)), $"{file} differs");
        }

        Assert.Equal(Untimed(reference), Untimed(folder));
    }

    private static string Untimed(string folder)
    {
        var manifest = JsonNode.Parse(SweepFixture.Bytes(folder, "manifest.json"))!.AsObject();
        foreach (var timing in new[] { "threads", "startedUtc", "finishedUtc", "wallSeconds" })
        {
            manifest.Remove(timing);
        }

        return manifest.ToJsonString();
    }

    /// <summary>Starts the sweep in a child process and kills it (SIGKILL) once runs.csv holds at least <paramref name="rows"/> runs; returns how many it held after the kill.</summary>
    private static int KillAfter(string specPath, string folder, int rows, bool resume = false)
    {
        string[] args = ["sweep", specPath, "--out", folder, "--threads", "2", "--issues", "--time-series", "10", .. resume ? new[] { "--resume" } : []];
        using var process = Start(args);
        var runs = Path.Combine(folder, "runs.csv");
        var clock = Stopwatch.StartNew();
        while (Rows(runs) < rows)
        {
            if (process.HasExited)
            {
                Assert.Fail($"coordsim exited with {process.ExitCode} before {rows} runs were written: {process.StandardError.ReadToEnd()}" +
                            " (SweepCommand.Create() must be registered in Program.CreateRootCommand for this test)");
            }

            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "no runs were written within two minutes");
            Thread.Sleep(2);
        }

        Assert.False(process.HasExited, "the sweep finished before it could be killed; make the test's spec longer");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return Rows(runs);
    }

    /// <summary>Complete data rows in runs.csv (lines ended by '\n', header excluded), read while another process writes it.</summary>
    private static int Rows(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[1 << 16];
        var lines = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return Math.Max(0, lines - 1);
    }

    private static Process Start(string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CoordSim.Cli.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static (int Code, string Stdout, string Stderr) Cli(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CoordSim.Cli.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
