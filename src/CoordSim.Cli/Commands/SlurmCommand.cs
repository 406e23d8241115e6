using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using CoordSim.Cli.Cluster;
using CoordSim.Experiments;

namespace CoordSim.Cli.Commands;

/// <summary>
/// <c>coordsim slurm SPEC --out DIR --shards N</c>: writes the Slurm job that runs an experiment spec's sweep as N
/// shards on a cluster and merges them (<see cref="SlurmJob"/>): DIR/slurm/ holds a copy of the spec, the job array,
/// the merge job and <c>submit.sh</c>, the one command to run. Resources a task asks for are estimated here unless
/// given (<see cref="ShardEstimate"/>). Bad input exits 2 with nothing written.
/// </summary>
internal static partial class SlurmCommand
{
    /// <summary>Default cores of a task (docs/cluster.md gives the reason).</summary>
    public const int DefaultCpus = 1;

    /// <summary>What <c>--mem</c> accepts, for messages.</summary>
    public const string MemoryAllowed = "a whole number of megabytes, or with a unit K, M, G or T (for example 2048, 512M, 4G), more than zero";

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var spec = new Argument<string>("spec") { Description = "The experiment spec, a JSON file (docs/experiments.md)." };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The job's folder: slurm/ (scripts, spec copy, logs), shards/ and results/ go there. Must be new or empty, unless --force.",
            HelpName = "dir",
            Required = true,
        };
        var shards = new Option<int>("--shards")
        {
            Description = "Shards of the sweep, one Slurm array task each (1 to the spec's number of runs).",
            HelpName = "N",
            Required = true,
        };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition of the jobs. Default: the cluster's default partition.", HelpName = "P" };
        var time = new Option<string?>("--time")
        {
            Description = $"Time limit of each task, HH:MM:SS or D-HH:MM:SS. Default: estimated from timing a few runs here ({ShardEstimate.TimeSafety.ToString(CultureInfo.InvariantCulture)} x the shard's runs' time, at least {ShardEstimate.TimeFloorMinutes.ToString(CultureInfo.InvariantCulture)} minutes).",
            HelpName = "HH:MM:SS",
        };
        var cpus = new Option<int>("--cpus")
        {
            Description = $"Cores of each task, one run on each (--cpus-per-task). Default: {DefaultCpus.ToString(CultureInfo.InvariantCulture)}.",
            HelpName = "C",
            DefaultValueFactory = _ => DefaultCpus,
        };
        var memory = new Option<string?>("--mem")
        {
            Description = $"Memory of each task, as sbatch takes it (2048, 512M, 4G). Default: {ShardEstimate.MemorySafety.ToString(CultureInfo.InvariantCulture)} x the largest run's estimate times the runs at once, at least {ShardEstimate.MemoryFloorMegabytes.ToString(CultureInfo.InvariantCulture)}M.",
            HelpName = "M",
        };
        var command = new Option<string>("--coordsim")
        {
            Description = "The command the jobs run coordsim with, for example \"dotnet /opt/coordsim/CoordSim.Cli.dll\". Default: coordsim (the installed tool).",
            HelpName = "CMD",
            DefaultValueFactory = _ => "coordsim",
        };
        var force = new Option<bool>("--force") { Description = "Replace an earlier coordsim slurm job in the folder: its scripts, shards and results are deleted." };

        var slurm = new Command("slurm", "Write the Slurm job that runs an experiment spec's sweep as N shards on a cluster, then merges them.")
        {
            spec, output, shards, partition, time, cpus, memory, command, force,
        };
        slurm.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var request = new Request(
                parse.GetValue(spec)!,
                parse.GetValue(output)!,
                parse.GetValue(shards),
                parse.GetValue(partition),
                parse.GetValue(time),
                parse.GetValue(cpus),
                parse.GetValue(memory),
                parse.GetValue(command)!,
                parse.GetValue(force));
            return Execute(request, parse.InvocationConfiguration.Output, stderr);
        });
        return slurm;
    }

    /// <summary>The command's options as given.</summary>
    private sealed record Request(string Spec, string Out, int Shards, string? Partition, string? Time, int Cpus, string? Memory, string Command, bool Force);

    private static int Execute(Request request, TextWriter stdout, TextWriter stderr)
    {
        var problems = OptionProblems(request);
        if (problems.Count > 0)
        {
            return InputErrors.Report(stderr, problems);
        }

        var directory = Path.GetFullPath(request.Out);
        if (FolderProblem(directory, request.Force) is { } folder)
        {
            return InputErrors.Report(stderr, [folder]);
        }

        if (!ValidateCommand.TryLoad(request.Spec, stderr, out var plan))
        {
            return ExitCodes.BadInput;
        }

        var runs = plan!.RunCount;
        if (request.Shards > runs)
        {
            return InputErrors.Report(stderr, [$"--shards = {Number(request.Shards)} is not allowed: at most the spec's {Number(runs)} runs (a shard without runs would do nothing)."]);
        }

        var runsPerShard = (runs + request.Shards - 1) / request.Shards;
        var timeGiven = request.Time is null ? null : SlurmTimeLimit.TryParse(request.Time);

        // Timed only when the time limit is not given: the calibration takes a fraction of a second per run timed.
        var measured = ResourceEstimate.Of(plan, 1, directory, calibrate: timeGiven is null);
        var estimate = new ShardEstimate(runsPerShard, request.Cpus, measured.RunMemoryBytes, measured.SecondsPerRun);
        if (timeGiven is null && !estimate.Timed)
        {
            return InputErrors.Report(stderr, [$"--time is needed: the runs could not be timed on this machine (one run would need {ResourceEstimate.Size(measured.RunMemoryBytes)} of its {ResourceEstimate.Size(measured.AvailableMemoryBytes)} of memory); give each task's time limit as {SlurmTimeLimit.Allowed}."]);
        }

        var taskTime = timeGiven ?? estimate.TimeLimit;
        var taskMemory = request.Memory?.ToUpperInvariant() ?? Number(estimate.MemoryMegabytes) + "M";
        var job = new SlurmJob(
            JobName(plan.Spec.Name),
            directory,
            request.Shards,
            request.Command.Trim(),
            request.Partition,
            request.Cpus,
            taskMemory,
            taskTime,
            taskMemory,
            taskTime);

        var specBytes = File.ReadAllBytes(request.Spec);
        if (request.Force)
        {
            foreach (var earlier in new[] { SlurmJob.ScriptFolder, SlurmJob.ShardFolder, SlurmJob.ResultsFolder }.Select(f => Path.Combine(directory, f)).Where(Directory.Exists))
            {
                Directory.Delete(earlier, recursive: true);
            }
        }

        job.Write(specBytes);
        stdout.WriteLine($"Wrote {job.ScriptDirectory}: {string.Join(", ", SlurmJob.Files)} and logs/.");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sweep:    {runs} runs in {job.Shards} {(job.Shards == 1 ? "shard" : "shards")} (array tasks 0-{job.Shards - 1}) into {Path.Combine(directory, SlurmJob.ShardFolder)}, merged into {job.ResultsDirectory}"));
        stdout.WriteLine($"  estimate: {estimate}");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  per task: {job.Cpus} {(job.Cpus == 1 ? "core" : "cores")}, --mem={job.Memory}{(request.Memory is null ? " (estimated)" : "")}, --time={job.Time}{(timeGiven is null ? " (estimated)" : "")}{(job.Partition is null ? "" : ", --partition=" + job.Partition)}"));
        stdout.WriteLine($"Submit with: bash {job.SubmitPath}");
        return ExitCodes.Success;
    }

    /// <summary>Problems of the options that need neither the spec nor the folder, one line each.</summary>
    private static List<string> OptionProblems(Request request)
    {
        var problems = new List<string>();
        if (request.Shards < 1)
        {
            problems.Add($"--shards = {Number(request.Shards)} is not allowed: an integer >= 1 (and at most the spec's number of runs).");
        }

        if (request.Cpus < 1)
        {
            problems.Add($"--cpus = {Number(request.Cpus)} is not allowed: an integer >= 1.");
        }

        if (request.Time is { } time && SlurmTimeLimit.TryParse(time) is null)
        {
            problems.Add($"--time = \"{InputErrors.Shown(time)}\" is not allowed: {SlurmTimeLimit.Allowed}.");
        }

        if (request.Memory is { } memory && !MemoryFormat().IsMatch(memory))
        {
            problems.Add($"--mem = \"{InputErrors.Shown(memory)}\" is not allowed: {MemoryAllowed}.");
        }

        if (request.Partition is { } partition && !PartitionFormat().IsMatch(partition))
        {
            problems.Add($"--partition = \"{InputErrors.Shown(partition)}\" is not allowed: a partition name (letters, digits, '.', '_', '-'), or several separated by commas.");
        }

        if (string.IsNullOrWhiteSpace(request.Command) || request.Command.Any(char.IsControl))
        {
            problems.Add($"--coordsim = \"{InputErrors.Shown(request.Command)}\" is not allowed: a command on one line, for example coordsim or \"dotnet /opt/coordsim/CoordSim.Cli.dll\".");
        }

        if (string.IsNullOrWhiteSpace(request.Out))
        {
            problems.Add($"--out = \"{InputErrors.Shown(request.Out)}\" is not allowed: a folder path.");
        }

        return problems;
    }

    /// <summary>Why the absolute <paramref name="directory"/> cannot take the job, or null.</summary>
    private static string? FolderProblem(string directory, bool force)
    {
        if (SlurmJob.PathProblem(directory) is { } allowed)
        {
            return $"--out = \"{InputErrors.Shown(directory)}\" is not allowed: {allowed}.";
        }

        if (File.Exists(directory))
        {
            return $"--out = \"{InputErrors.Shown(directory)}\" is not allowed: a folder (new or empty), not a file.";
        }

        if (!Directory.Exists(directory) || !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            return null;
        }

        if (!force)
        {
            return $"--out = \"{InputErrors.Shown(directory)}\" is not allowed: a new or empty folder; it holds files. Use --force to replace an earlier coordsim slurm job there, or another folder.";
        }

        var foreign = Directory.EnumerateFileSystemEntries(directory)
            .Select(Path.GetFileName)
            .Where(name => name is not (SlurmJob.ScriptFolder or SlurmJob.ShardFolder or SlurmJob.ResultsFolder))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (foreign.Count > 0 || !Directory.Exists(Path.Combine(directory, SlurmJob.ScriptFolder)))
        {
            var found = foreign.Count > 0 ? "it holds " + string.Join(", ", foreign.Take(5).Select(n => InputErrors.Shown(n!))) + (foreign.Count > 5 ? ", …" : "") : "it has no slurm/ folder";
            return $"--out = \"{InputErrors.Shown(directory)}\" is not allowed with --force: a folder of an earlier coordsim slurm job (slurm/, shards/, results/ only); {found}. Choose an empty or new folder.";
        }

        return null;
    }

    /// <summary>A Slurm job name from the spec's name: letters, digits, '.', '_' and '-' kept, anything else '-'.</summary>
    internal static string JobName(string specName)
    {
        var name = new string([.. specName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-')]).Trim('-');
        return "coordsim-" + (name.Length == 0 ? "sweep" : name[..Math.Min(name.Length, 48)]);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[1-9][0-9]{0,9}[KMGTkmgt]?$", RegexOptions.CultureInvariant)]
    private static partial Regex MemoryFormat();

    [GeneratedRegex("^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PartitionFormat();
}
