using System.Diagnostics;
using System.Text.Json;
using CoordSim.Cli;
using CoordSim.Experiments;
using CoordSim.Tests.Experiments;

namespace CoordSim.Tests.Cli;

/// <summary>
/// Outputs that cannot be written (issue 12): standard output on a full disk or <c>/dev/full</c>, and a results folder on
/// a disk that fills up during a sweep. Each is one line on stderr naming what could not be written and the system's
/// reason, exit code 2, never a stack trace, and nothing left marked complete; a sweep stopped by a full disk resumes,
/// once there is room, to the files of one that never stopped.
/// </summary>
public class OutputFailureTests
{
    /// <summary>A writer that refuses every write, as a full disk does.</summary>
    private sealed class FullDisk : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");

        public override void WriteLine(string? value) => throw new IOException("No space left on device");
    }

    [Theory]
    [InlineData("run", "--json", "--set", "horizonDays=20", "warmupDays=0")]
    [InlineData("run", "--set", "horizonDays=20", "warmupDays=0")]
    [InlineData("compare", "--set", "horizonDays=20", "warmupDays=0")]
    [InlineData("params")]
    [InlineData("params", "--json")]
    [InlineData("structures", "--json")]
    [InlineData("measures")]
    public void Standard_output_that_refuses_writes_is_one_line_and_exit_2(params string[] args)
    {
        using var stderr = new StringWriter();

        var code = Program.Run(args, new StandardOutput(new FullDisk()), stderr);

        Assert.Equal(2, code);
        Assert.Equal(["error: standard output cannot be written: No space left on device"], stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Run_json_redirected_to_dev_full_in_a_real_process_is_one_line_and_exit_2()
    {
        if (!File.Exists("/dev/full") || !File.Exists("/bin/sh"))
        {
            return; // No /dev/full on this system: nothing to check.
        }

        var (code, _, stderr) = Shell($"{Coordsim()} run --json --set horizonDays=20 warmupDays=0 > /dev/full");

        Assert.Equal(2, code);
        Assert.Equal(["error: standard output cannot be written: No space left on device"], stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_sweep_that_fills_its_disk_stops_with_one_line_is_not_marked_complete_and_resumes_once_there_is_room()
    {
        // A 200 kB tmpfs holds the codebook and a few runs' issues, then the disk is full.
        OnSmallDisk("full-disk", "200k", mount =>
        {
            var spec = SweepFixture.TwoStructures(replications: 3, issues: true, timeSeries: 5);
            var specPath = Path.Combine(SweepFixture.TempFolder("full-disk-spec"), "spec.json");
            File.WriteAllText(specPath, spec.ToJson());
            var folder = Path.Combine(mount, "out");

            // The estimate sees a disk too small for the sweep and refuses it before it starts, writing nothing.
            var refused = Shell($"{Coordsim()} sweep {specPath} --out {folder} --threads 2");
            Assert.Equal(2, refused.Code);
            Assert.Contains("free on the results folder's disk", Assert.Single(refused.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
            Assert.False(Directory.Exists(folder));

            // Started anyway, it fills the disk.
            var (code, _, stderr) = Shell($"{Coordsim()} sweep {specPath} --out {folder} --threads 2 --allow-large");

            Assert.Equal(2, code);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error: ", StringComparison.Ordinal));
            Assert.All(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Matches("^(error|warning): ", l));
            Assert.StartsWith($"error: --out = \"{folder}\" cannot be written: No space left on device", line, StringComparison.Ordinal);
            using (var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json"))))
            {
                // "failed" when the manifest could still be replaced, else "running" as it was: never "complete".
                Assert.Contains(manifest.RootElement.GetProperty("status").GetString(), new[] { "failed", "running" });
            }

            Assert.Equal(0, Shell($"mount -o remount,size=64m {mount}").Code);
            var resumed = Shell($"{Coordsim()} sweep {specPath} --out {folder} --threads 2 --resume");
            Assert.True(resumed.Code == 0, resumed.Stderr);

            var reference = SweepFixture.TempFolder("full-disk-reference");
            Sweep.Run(spec, reference, new SweepOptions { Threads = 2 });
            foreach (var file in new[] { "runs.csv", "summary.csv", "issues.csv", "timeseries.csv", "checksums.csv", "codebook.csv" })
            {
                Assert.True(SweepFixture.Bytes(reference, file).AsSpan().SequenceEqual(SweepFixture.Bytes(folder, file)), $"{file} differs");
            }
        });
    }

    [Fact]
    public void A_codebook_that_does_not_fit_on_its_disk_is_an_error_and_never_put_in_place_cut_short()
    {
        // Disks of every size in pages below the codebook's: whichever write the disk refuses, the first rows or the
        // last flush, the error comes out and no codebook.csv is left.
        var plan = SweepFixture.TwoStructures(issues: true).Plan();
        var whole = Path.Combine(SweepFixture.TempFolder("codebook-size"), "codebook.csv");
        Codebook.Write(plan, whole);
        var pages = (int)((new FileInfo(whole).Length - 1) / Environment.SystemPageSize);
        Assert.True(pages >= 2, $"{pages} pages");

        OnSmallDisk("full-codebook", $"{Environment.SystemPageSize}", mount =>
        {
            var path = Path.Combine(mount, "codebook.csv");
            for (var size = 1; size <= pages; size++)
            {
                Assert.Equal(0, Shell($"mount -o remount,size={size * Environment.SystemPageSize} {mount}").Code);
                File.Delete(path + ".tmp");

                var e = Assert.ThrowsAny<IOException>(() => Codebook.Write(plan, path));

                Assert.Contains("No space left on device", e.Message, StringComparison.Ordinal);
                Assert.False(File.Exists(path), $"a codebook.csv was left on a disk of {size} pages");
            }
        });
    }

    [Fact]
    public void The_free_disk_of_the_estimate_is_that_of_the_results_folders_own_file_system_existing_or_not()
    {
        // A 1 MiB tmpfs mounted under the temporary folder: the folder, and a folder not made yet below it, are on the
        // tmpfs, whose free bytes are at most 1 MiB, however much the disk it is mounted on has.
        var plan = SweepFixture.TwoStructures(replications: 1).Plan();
        OnSmallDisk("free-disk", "1m", mount =>
        {
            var outside = ResourceEstimate.Of(plan, 1, Path.GetDirectoryName(mount), calibrate: false).FreeDiskBytes;
            Assert.True(outside > 1 << 20, $"the temporary folder's disk has {outside} bytes free");
            foreach (var folder in new[] { mount, Path.Combine(mount, "out"), Path.Combine(mount, "a", "b") })
            {
                var free = ResourceEstimate.Of(plan, 1, folder, calibrate: false).FreeDiskBytes;
                Assert.True(free is > 0 and <= 1 << 20, $"{folder}: {free} bytes free");
            }
        });
    }

    /// <summary>
    /// Runs <paramref name="check"/> on the folder of a new tmpfs of <paramref name="size"/> (mount's size option) and
    /// unmounts it; does nothing where mounting is not allowed (it needs root; CI runs as root).
    /// </summary>
    private static void OnSmallDisk(string tag, string size, Action<string> check)
    {
        var mount = SweepFixture.TempFolder(tag);
        if (Shell($"mount -t tmpfs -o size={size} tmpfs {mount}").Code != 0)
        {
            return; // Not allowed to mount a file system here: nothing to check.
        }

        try
        {
            check(mount);
        }
        finally
        {
            Shell($"umount {mount}");
        }
    }

    /// <summary>The command line that runs the built coordsim.</summary>
    private static string Coordsim() =>
        $"'{Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet"}' '{Path.Combine(AppContext.BaseDirectory, "CoordSim.Cli.dll")}'";

    private static (int Code, string Stdout, string Stderr) Shell(string command)
    {
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
