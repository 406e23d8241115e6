using CoordSim.Tests.Cli;

namespace CoordSim.Tests.Cluster;

/// <summary>
/// What the generated scripts do when run, with stand-ins for <c>sbatch</c> and for coordsim that record how they
/// were called: submit.sh submits the merge after the array, a task runs its own shard with <c>--resume</c> whatever
/// <c>--array</c> it was submitted with, and the merge lists every shard in order.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SlurmScriptTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coordsim-slurm-scripts-" + Guid.NewGuid().ToString("N"));

    /// <summary>A scratch folder with the small spec and a stand-in coordsim that writes its arguments and shard variables to calls.txt.</summary>
    public SlurmScriptTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "spec.json"), SlurmSpecs.Small);
        SlurmScripts.Fake(Path.Combine(_folder, "bin"), "fake-coordsim", $$"""
            {
              printf '%s\n' "$@"
              echo "env ID=${SLURM_ARRAY_TASK_ID:-} MIN=${SLURM_ARRAY_TASK_MIN:-} MAX=${SLURM_ARRAY_TASK_MAX:-} COUNT=${SLURM_ARRAY_TASK_COUNT:-} STEP=${SLURM_ARRAY_TASK_STEP:-}"
            } > '{{_folder}}/calls.txt'
            exit "${FAKE_EXIT:-0}"

            """);
    }

    private string Job => Path.Combine(_folder, "job");

    private string Calls => File.ReadAllText(Path.Combine(_folder, "calls.txt"));

    [Fact]
    public void Submit_submits_the_merge_to_run_after_the_whole_array_succeeded()
    {
        Generate(4);
        var bin = Path.Combine(_folder, "bin");
        SlurmScripts.Fake(bin, "sbatch", $$"""
            echo "$*" >> '{{_folder}}/sbatch.txt'
            if [ "$(wc -l < '{{_folder}}/sbatch.txt')" -eq 1 ]; then echo 4711; else echo '4712;cluster'; fi

            """);

        var result = SlurmScripts.Bash([Path.Combine(Job, "slurm", "submit.sh")], _folder, WithPath(bin)).Succeeded();

        var calls = File.ReadAllLines(Path.Combine(_folder, "sbatch.txt"));
        Assert.Equal(2, calls.Length);
        Assert.Equal($"--parsable {Job}/slurm/sweep.sbatch", calls[0]);
        Assert.Equal($"--parsable --dependency=afterok:4711 --kill-on-invalid-dep=yes {Job}/slurm/merge.sbatch", calls[1]);
        Assert.Contains("job array 4711 (4 tasks) and the merge as job 4712 ", result.Output, StringComparison.Ordinal);
        Assert.Contains("squeue -j 4711,4712", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_resumes_its_own_shard_even_when_submitted_alone()
    {
        Generate(4);

        // sbatch --array=2 sweep.sbatch: Slurm says the array has one task, starting at 2.
        var result = RunTask(new() { ["SLURM_ARRAY_TASK_ID"] = "2", ["SLURM_ARRAY_TASK_MIN"] = "2", ["SLURM_ARRAY_TASK_MAX"] = "2", ["SLURM_ARRAY_TASK_COUNT"] = "1", ["SLURM_ARRAY_TASK_STEP"] = "1", ["SLURM_CPUS_PER_TASK"] = "3" });

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(
            ["sweep", $"{Job}/slurm/spec.json", "--out", $"{Job}/shards/3", "--threads", "3", "--resume", "env ID=2 MIN=0 MAX=3 COUNT=4 STEP=1"],
            Calls.TrimEnd('\n').Split('\n'));
        Assert.Contains("array task 2 (shard 3 of 4)", result.Output, StringComparison.Ordinal);
        Assert.Contains("exit code 0", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_outside_the_array_is_refused_and_a_failed_sweep_fails_the_task()
    {
        Generate(4);

        var outside = RunTask(new() { ["SLURM_ARRAY_TASK_ID"] = "4" });
        Assert.Equal(2, outside.ExitCode);
        Assert.Contains("array task 4 is not one of 0-3", outside.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "calls.txt")), "coordsim was run for a task outside the array");

        var failed = RunTask(new() { ["SLURM_ARRAY_TASK_ID"] = "0", ["FAKE_EXIT"] = "3" });
        Assert.Equal(3, failed.ExitCode);
        Assert.Contains("array task 0 (shard 1 of 4) exit code 3", failed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_merge_lists_every_shard_in_order_and_replaces_an_earlier_merge()
    {
        Generate(12);

        var result = SlurmScripts.Bash([Path.Combine(Job, "slurm", "merge.sbatch")], _folder);

        Assert.True(result.ExitCode == 0, result.Output);
        var expected = new List<string> { "merge" };
        expected.AddRange(Enumerable.Range(1, 12).Select(i => $"{Job}/shards/{i:00}"));
        expected.AddRange(["--out", $"{Job}/results", "--force"]);
        Assert.Equal(expected, Calls.TrimEnd('\n').Split('\n')[..^1]);
    }

    /// <summary>Deletes the scratch folder.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in the temporary folder is harmless.
        }
    }

    private static Dictionary<string, string> WithPath(string bin) =>
        new() { ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH") };

    private void Generate(int shards)
    {
        var result = CliInvocation.Run("slurm", Path.Combine(_folder, "spec.json"), "--out", Job, "--shards", shards.ToString(System.Globalization.CultureInfo.InvariantCulture), "--time", "00:30:00", "--coordsim", Path.Combine(_folder, "bin", "fake-coordsim"));
        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    private Packaging.ProcessResult RunTask(Dictionary<string, string> environment)
    {
        foreach (var name in new[] { "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_STEP", "SLURM_CPUS_PER_TASK", "FAKE_EXIT" })
        {
            environment.TryAdd(name, "");
        }

        return SlurmScripts.Bash([Path.Combine(Job, "slurm", "sweep.sbatch")], _folder, environment);
    }
}
