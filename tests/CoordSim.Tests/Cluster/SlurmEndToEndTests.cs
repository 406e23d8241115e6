using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoordSim.Experiments;
using CoordSim.Tests.Cli;
using CoordSim.Tests.Packaging;
using Xunit.Abstractions;

namespace CoordSim.Tests.Cluster;

/// <summary>
/// The whole way on a real scheduler: <c>coordsim slurm</c> writes the job for a small spec in 4 shards, its
/// submit.sh submits it to the cluster, the array's tasks each sweep their shard (found from Slurm's array variables)
/// and the merge joins them; the merged folder is byte for byte what one machine's sweep of the spec writes, figures
/// included (manifest.json without its timing fields).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class SlurmEndToEndTests : IDisposable
{
    /// <summary>How long the job may take on the cluster, submission to merged results: on a loaded 2-core machine the
    /// four tasks and the merge each start a .NET process and draw figures (about 10 s in all when the machine is idle).</summary>
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(8);

    /// <summary>The manifest fields that say when and how fast a sweep ran, not what it found.</summary>
    private static readonly string[] TimingFields = ["startedUtc", "finishedUtc", "wallSeconds", "threads"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coordsim-slurm-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly ITestOutputHelper _output;
    private readonly List<string> _jobs = [];

    /// <summary>A scratch folder with the small spec.</summary>
    public SlurmEndToEndTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Spec, SlurmSpecs.Small);
    }

    private string Spec => Path.Combine(_folder, "spec.json");

    private string Job => Path.Combine(_folder, "job");

    [SlurmFact]
    [Trait("Category", "Slurm")]
    public void A_sweep_sharded_on_slurm_and_merged_equals_one_machines_sweep()
    {
        var unavailable = SlurmFactAttribute.Unavailable();
        Assert.True(unavailable is null, $"no Slurm cluster, though {SlurmFactAttribute.Switch}=1 says there is one: {unavailable}");
        var cli = $"{SlurmJobCommand(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")} {SlurmJobCommand(Path.Combine(AppContext.BaseDirectory, "CoordSim.Cli.dll"))}";
        var written = CliInvocation.Run("slurm", Spec, "--out", Job, "--shards", "4", "--coordsim", cli);
        Assert.True(written.ExitCode == 0, written.Stderr);
        _output.WriteLine(written.Stdout);

        var clock = Stopwatch.StartNew();
        var submitted = ProcessResult.Run("bash", [Path.Combine(Job, "slurm", "submit.sh")], _folder, TimeSpan.FromMinutes(1)).Succeeded();
        _output.WriteLine(submitted.Output);
        var ids = SubmittedIds().Match(submitted.Output);
        Assert.True(ids.Success, "submit.sh did not print the job ids:\n" + submitted.Output);
        var (array, merge) = (ids.Groups["array"].Value, ids.Groups["merge"].Value);
        _jobs.AddRange([array, merge]);

        // Until neither job is queued or running; the finished jobs stay known to scontrol (MinJobAge) for their states.
        while (Squeue(array, merge) is { Length: > 0 } queued)
        {
            Assert.True(clock.Elapsed < JobTimeout, $"the job did not finish within {JobTimeout}; still queued:\n{queued}\n{Logs()}");
            Thread.Sleep(1000);
        }

        _output.WriteLine($"submitted to merged in {clock.Elapsed.TotalSeconds:F1} s");
        var states = States(array).Concat(States(merge)).ToList();
        var failed = states.Where(s => s.State != "COMPLETED" || s.Exit != "0:0").ToList();
        Assert.True(failed.Count == 0, $"jobs did not complete: {string.Join("; ", failed)}\n{Logs()}");
        Assert.Equal(5, states.Count);

        // One machine's sweep of the same spec: the files by Sweep.Run here, the figures by coordsim plot in a process
        // of its own, as coordsim sweep and coordsim merge draw them. The SVG writer numbers its clip paths
        // (<clipPath id="cl_29">) with a counter of the whole process, so figures drawn in this test host, after the
        // figures other tests drew, differ from a fresh process's in those ids only.
        var single = Path.Combine(_folder, "single");
        Sweep.Run(ExperimentSpec.Load(Spec), single, new SweepOptions { Threads = 2 });
        ProcessResult.Run(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Path.Combine(AppContext.BaseDirectory, "CoordSim.Cli.dll"), "plot", single], _folder, TimeSpan.FromMinutes(2)).Succeeded();
        AssertSameFiles(single, Path.Combine(Job, "results"));
    }

    /// <summary>Cancels the jobs if they are still there and deletes the scratch folder.</summary>
    public void Dispose()
    {
        if (_jobs.Count > 0 && Squeue([.. _jobs]).Length > 0)
        {
            ProcessResult.Run("scancel", _jobs, _folder, TimeSpan.FromSeconds(30));
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in the temporary folder is harmless.
        }
    }

    private static void AssertSameFiles(string expected, string actual)
    {
        var names = Files(expected);
        Assert.Equal(names, Files(actual));
        Assert.Contains("manifest.json", names);
        Assert.Contains("issues.csv", names);
        Assert.Contains("timeseries.csv", names);
        Assert.Contains(names, n => n.StartsWith("figures/", StringComparison.Ordinal));
        foreach (var name in names)
        {
            var want = File.ReadAllBytes(Path.Combine(expected, name));
            var got = File.ReadAllBytes(Path.Combine(actual, name));
            if (name == "manifest.json")
            {
                Assert.Equal(WithoutTiming(want), WithoutTiming(got));
            }
            else
            {
                var at = want.AsSpan().CommonPrefixLength(got);
                Assert.True(at == want.Length && at == got.Length,
                    $"{name} differs from one machine's ({want.Length} bytes, merged {got.Length} bytes) from byte {at}: " +
                    $"one machine's \"{Around(want, at)}\", merged \"{Around(got, at)}\"");
            }
        }
    }

    private static string Around(byte[] bytes, int at) =>
        Encoding.UTF8.GetString(bytes, Math.Max(0, at - 60), Math.Min(bytes.Length, at + 60) - Math.Max(0, at - 60));

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => !Path.GetFileName(f).StartsWith(".coordsim.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private static string WithoutTiming(byte[] manifest)
    {
        var json = JsonNode.Parse(manifest)!.AsObject();
        foreach (var field in TimingFields)
        {
            json.Remove(field);
        }

        return json.ToJsonString();
    }

    /// <summary>A path as one word of the --coordsim command line.</summary>
    private static string SlurmJobCommand(string path) => CoordSim.Cli.Cluster.SlurmJob.Quote(path);

    private string Squeue(params string[] jobs) =>
        ProcessResult.Run("squeue", ["--noheader", "--jobs=" + string.Join(',', jobs), "--format=%i %T %r"], _folder, TimeSpan.FromSeconds(30)).Output.Trim();

    /// <summary>Every job <c>scontrol show job</c> lists for <paramref name="job"/> (each task of an array), with its state and exit code.</summary>
    private IEnumerable<(string Job, string State, string Exit)> States(string job) =>
        ProcessResult.Run("scontrol", ["show", "job", job], _folder, TimeSpan.FromSeconds(30)).Output
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(block => (Field(block, "JobId"), Field(block, "JobState"), Field(block, "ExitCode")));

    private static string Field(string block, string name) =>
        Regex.Match(block, $@"(?:^|\s){name}=(?<value>\S+)") is { Success: true } m ? m.Groups["value"].Value : $"(no {name})";

    private string Logs()
    {
        var text = new StringBuilder();
        var logs = Path.Combine(Job, "slurm", "logs");
        foreach (var log in Directory.Exists(logs) ? Directory.GetFiles(logs).Order(StringComparer.Ordinal).ToArray() : [])
        {
            var content = File.ReadAllText(log);
            text.Append("--- ").Append(log).Append('\n').Append(content.Length <= 4000 ? content : "…" + content[^4000..]).Append('\n');
        }

        return text.Length > 0 ? text.ToString() : "(no logs in " + logs + ")";
    }

    [GeneratedRegex(@"job array (?<array>[0-9]+) .*merge as job (?<merge>[0-9]+)")]
    private static partial Regex SubmittedIds();
}
