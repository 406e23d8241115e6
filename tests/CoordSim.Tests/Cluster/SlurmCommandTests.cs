using CoordSim.Tests.Cli;

namespace CoordSim.Tests.Cluster;

/// <summary>
/// <c>coordsim slurm</c> writes the spec copy and the three scripts with the resources asked for or estimated, and
/// refuses bad input with one line and exit code 2, writing nothing.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SlurmCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coordsim-slurm-" + Guid.NewGuid().ToString("N"));

    /// <summary>A scratch folder with a spec of 12 short runs.</summary>
    public SlurmCommandTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Spec, SlurmSpecs.Small);
    }

    private string Spec => Path.Combine(_folder, "spec.json");

    private string Job => Path.Combine(_folder, "job");

    [Fact]
    public void It_writes_the_spec_copy_and_executable_scripts_with_the_resources_asked_for()
    {
        var result = CliInvocation.Run("slurm", Spec, "--out", Job, "--shards", "4", "--time", "1:30:00", "--cpus", "2", "--mem", "3g", "--partition", "short", "--coordsim", "dotnet /opt/coordsim/CoordSim.Cli.dll");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(File.ReadAllBytes(Spec), File.ReadAllBytes(Path.Combine(Job, "slurm", "spec.json")));
        Assert.True(Directory.Exists(Path.Combine(Job, "slurm", "logs")));
        var sweep = Script("sweep.sbatch");
        Assert.Contains("#SBATCH --array=0-3\n", sweep, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --time=01:30:00\n", sweep, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --cpus-per-task=2\n", sweep, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --mem=3G\n", sweep, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --partition=short\n", sweep, StringComparison.Ordinal);
        Assert.Contains($"#SBATCH --output={Job}/slurm/logs/sweep-%A_%a.out\n", sweep, StringComparison.Ordinal);
        Assert.Contains("dotnet /opt/coordsim/CoordSim.Cli.dll sweep ", sweep, StringComparison.Ordinal);
        Assert.DoesNotContain("--shard ", sweep, StringComparison.Ordinal);
        var merge = Script("merge.sbatch");
        Assert.DoesNotContain("--array", merge, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --partition=short\n", merge, StringComparison.Ordinal);
        Assert.Contains("dotnet /opt/coordsim/CoordSim.Cli.dll merge ", merge, StringComparison.Ordinal);
        Assert.Contains("--dependency=\"afterok:$array\"", Script("submit.sh"), StringComparison.Ordinal);
        foreach (var name in new[] { "sweep.sbatch", "merge.sbatch", "submit.sh" })
        {
            var path = Path.Combine(Job, "slurm", name);
            Assert.DoesNotContain('\r', File.ReadAllText(path));
            Assert.StartsWith("#!/usr/bin/env bash\n", File.ReadAllText(path), StringComparison.Ordinal);
            Assert.Contains("\nset -euo pipefail\n", File.ReadAllText(path), StringComparison.Ordinal);
            Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), name + " is not executable");
            var syntax = SlurmScripts.Bash(["-n", path], _folder);
            Assert.True(syntax.ExitCode == 0, $"bash -n {name}: {syntax.Output}");
        }

        Assert.Contains($"Submit with: bash {Job}/slurm/submit.sh", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--mem=3G, --time=01:30:00, --partition=short", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_time_and_memory_it_estimates_them_and_says_so()
    {
        var result = CliInvocation.Run("slurm", Spec, "--out", Job, "--shards", "4");

        Assert.True(result.ExitCode == 0, result.Stderr);

        // 3 runs of well under a second per task: the floors, 10 minutes and 512 MB; one core, and no partition line.
        var sweep = Script("sweep.sbatch");
        Assert.Contains("#SBATCH --time=00:10:00\n", sweep, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --mem=512M\n", sweep, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --cpus-per-task=1\n", sweep, StringComparison.Ordinal);
        Assert.DoesNotContain("--partition", sweep, StringComparison.Ordinal);
        Assert.Contains("\n  coordsim sweep ", sweep, StringComparison.Ordinal);
        Assert.Contains("estimate: 3 runs per task of about ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--mem=512M (estimated), --time=00:10:00 (estimated)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_larger_shard_gets_a_longer_estimated_time_limit()
    {
        // 6,000 runs of a year (about a fifth of a second each here): one shard of them all is well beyond the
        // 10-minute floor, 100 shards of 60 runs each are within it.
        File.WriteAllText(Spec, SlurmSpecs.Small.Replace("\"replications\": 2", "\"replications\": 1000", StringComparison.Ordinal).Replace("\"horizonDays\": 60", "\"horizonDays\": 365", StringComparison.Ordinal));
        var one = CliInvocation.Run("slurm", Spec, "--out", Job + "-1", "--shards", "1");
        var many = CliInvocation.Run("slurm", Spec, "--out", Job + "-100", "--shards", "100");

        Assert.True(one.ExitCode == 0 && many.ExitCode == 0, one.Stderr + many.Stderr);
        var whole = TimeOf(File.ReadAllText(Path.Combine(Job + "-1", "slurm", "sweep.sbatch")));
        var part = TimeOf(File.ReadAllText(Path.Combine(Job + "-100", "slurm", "sweep.sbatch")));
        Assert.True(whole > part, $"one shard of 6000 runs asks for {whole}, a shard of 60 for {part}");
        Assert.Equal(TimeSpan.FromMinutes(10), part);
    }

    [Theory]
    [InlineData("--shards", "0", "--shards = 0 is not allowed: an integer >= 1")]
    [InlineData("--shards", "13", "--shards = 13 is not allowed: at most the spec's 12 runs")]
    [InlineData("--time", "90", "--time = \"90\" is not allowed: HH:MM:SS or D-HH:MM:SS")]
    [InlineData("--time", "00:75:00", "--time = \"00:75:00\" is not allowed")]
    [InlineData("--time", "00:00:00", "--time = \"00:00:00\" is not allowed")]
    [InlineData("--mem", "lots", "--mem = \"lots\" is not allowed: a whole number of megabytes")]
    [InlineData("--mem", "0", "--mem = \"0\" is not allowed")]
    [InlineData("--cpus", "0", "--cpus = 0 is not allowed: an integer >= 1")]
    [InlineData("--partition", "short; rm -rf /", "--partition = \"short; rm -rf /\" is not allowed")]
    [InlineData("--coordsim", "coordsim\nrm -rf /", "--coordsim = \"coordsim\\nrm -rf /\" is not allowed")]
    public void Bad_input_exits_2_with_one_line_and_writes_nothing(string option, string value, string message)
    {
        var arguments = new List<string> { "slurm", Spec, "--out", Job, "--shards", "4" };
        var at = arguments.IndexOf(option);
        if (at >= 0)
        {
            arguments[at + 1] = value;
        }
        else
        {
            arguments.AddRange([option, value]);
        }

        var result = CliInvocation.Run([.. arguments]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: " + message, line, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
        Assert.False(Directory.Exists(Job), "the job folder was made");
    }

    [Fact]
    public void A_folder_sbatch_cannot_name_or_a_missing_spec_is_refused()
    {
        var spaced = Path.Combine(_folder, "my job");
        var spacedResult = CliInvocation.Run("slurm", Spec, "--out", spaced, "--shards", "2");
        Assert.Equal(2, spacedResult.ExitCode);
        Assert.StartsWith($"error: --out = \"{spaced}\" is not allowed: a folder path without spaces", Assert.Single(spacedResult.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(spaced));

        var missing = CliInvocation.Run("slurm", Path.Combine(_folder, "none.json"), "--out", Job, "--shards", "2");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("none.json\" is not allowed: an existing JSON file", Assert.Single(missing.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Job));
    }

    [Fact]
    public void A_folder_with_files_is_refused_and_force_replaces_only_an_earlier_job()
    {
        Assert.Equal(0, CliInvocation.Run("slurm", Spec, "--out", Job, "--shards", "4").ExitCode);
        Directory.CreateDirectory(Path.Combine(Job, "shards", "1"));
        File.WriteAllText(Path.Combine(Job, "shards", "1", "runs.csv"), "earlier");

        var again = CliInvocation.Run("slurm", Spec, "--out", Job, "--shards", "2");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("is not allowed: a new or empty folder; it holds files. Use --force", Assert.Single(again.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("#SBATCH --array=0-3\n", Script("sweep.sbatch"), StringComparison.Ordinal);

        var forced = CliInvocation.Run("slurm", Spec, "--out", Job, "--shards", "2", "--force", "--time", "00:20:00");
        Assert.True(forced.ExitCode == 0, forced.Stderr);
        Assert.Contains("#SBATCH --array=0-1\n", Script("sweep.sbatch"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Job, "shards")), "the earlier job's shards were kept");

        File.WriteAllText(Path.Combine(Job, "notes.txt"), "mine");
        var foreign = CliInvocation.Run("slurm", Spec, "--out", Job, "--shards", "3", "--force", "--time", "00:20:00");
        Assert.Equal(2, foreign.ExitCode);
        Assert.Contains("is not allowed with --force: a folder of an earlier coordsim slurm job (slurm/, shards/, results/ only); it holds notes.txt", Assert.Single(foreign.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("#SBATCH --array=0-1\n", Script("sweep.sbatch"), StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Job, "notes.txt")));
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

    private static TimeSpan TimeOf(string script)
    {
        var line = script.Split('\n').Single(l => l.StartsWith("#SBATCH --time=", StringComparison.Ordinal));
        return CoordSim.Cli.Cluster.SlurmTimeLimit.TryParse(line["#SBATCH --time=".Length..])!.Duration;
    }

    private string Script(string name) => File.ReadAllText(Path.Combine(Job, "slurm", name));
}
