using System.Globalization;
using System.Text;

namespace CoordSim.Cli.Cluster;

/// <summary>
/// A sweep split into <see cref="Shards"/> shards as Slurm jobs, and the files that submit it, all under
/// <see cref="Directory"/>: <c>slurm/spec.json</c> (the spec as it was), <c>slurm/sweep.sbatch</c> (a job array, one
/// task per shard, each a <c>coordsim sweep --resume</c> into <c>shards/NN</c>), <c>slurm/merge.sbatch</c> (a
/// <c>coordsim merge</c> of the shards into <c>results</c>), <c>slurm/submit.sh</c> (submits both, the merge after the
/// array succeeded) and <c>slurm/logs/</c>. The scripts are bash with <c>set -euo pipefail</c>, '\n' line ends and
/// absolute, quoted paths, so they run from any folder.
/// </summary>
/// <param name="Name">The job name (letters, digits, '.', '_' and '-').</param>
/// <param name="Directory">The job's folder, an absolute path without characters sbatch or a shell would read (<see cref="PathProblem"/>).</param>
/// <param name="Shards">Tasks of the array, one shard each.</param>
/// <param name="Command">The coordsim command line the tasks run, for example <c>coordsim</c> or <c>dotnet /opt/coordsim/CoordSim.Cli.dll</c>.</param>
/// <param name="Partition">The partition, or null for the cluster's default.</param>
/// <param name="Cpus">Cores of each task (<c>--cpus-per-task</c>), one run on each.</param>
/// <param name="Memory">Memory of each task (<c>--mem</c>), for example <c>512M</c>.</param>
/// <param name="Time">Time limit of each task.</param>
/// <param name="MergeMemory">Memory of the merge job.</param>
/// <param name="MergeTime">Time limit of the merge job.</param>
internal sealed record SlurmJob(
    string Name,
    string Directory,
    int Shards,
    string Command,
    string? Partition,
    int Cpus,
    string Memory,
    SlurmTimeLimit Time,
    string MergeMemory,
    SlurmTimeLimit MergeTime)
{
    /// <summary>The folder of the scripts, the spec copy and the logs, under the job's folder.</summary>
    public const string ScriptFolder = "slurm";

    /// <summary>The folder of the shards' results, under the job's folder.</summary>
    public const string ShardFolder = "shards";

    /// <summary>The folder of the merged results, under the job's folder.</summary>
    public const string ResultsFolder = "results";

    /// <summary>The files written into <see cref="ScriptFolder"/>, in the order they are listed.</summary>
    public static readonly IReadOnlyList<string> Files = ["spec.json", "sweep.sbatch", "merge.sbatch", "submit.sh"];

    /// <summary>The folder of the scripts.</summary>
    public string ScriptDirectory => Path.Combine(Directory, ScriptFolder);

    /// <summary>The folder of the task and merge logs.</summary>
    public string LogDirectory => Path.Combine(ScriptDirectory, "logs");

    /// <summary>The spec copy the tasks read.</summary>
    public string SpecPath => Path.Combine(ScriptDirectory, "spec.json");

    /// <summary>The merged results' folder.</summary>
    public string ResultsDirectory => Path.Combine(Directory, ResultsFolder);

    /// <summary>The script a user runs to submit the job.</summary>
    public string SubmitPath => Path.Combine(ScriptDirectory, "submit.sh");

    /// <summary>Digits of a shard folder's name: <c>shards/01</c> … <c>shards/12</c>, so that they list in shard order.</summary>
    public int Digits => Shards.ToString(CultureInfo.InvariantCulture).Length;

    /// <summary>The results folder of shard <paramref name="shard"/> (1-based, as <c>coordsim sweep --shard</c> counts).</summary>
    public string ShardDirectory(int shard) =>
        Path.Combine(Directory, ShardFolder, shard.ToString("D" + Digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    /// <summary>
    /// Why <paramref name="path"/> (absolute) cannot hold a Slurm job, or null: <c>#SBATCH</c> lines are not read by a
    /// shell, so a path in them cannot be quoted, and '%' starts one of sbatch's file name patterns.
    /// </summary>
    public static string? PathProblem(string path) =>
        path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '\'' or '"' or '`' or '$' or '\\' or '%' or ';' or '&' or '|' or '<' or '>' or '*' or '?' or '[' or ']' or '(' or ')' or '{' or '}' or '!' or '#')
            ? "a folder path without spaces, quotes or any of $ \\ % ; & | < > * ? [ ] ( ) { } ! # (sbatch reads it on #SBATCH lines, which cannot quote it)"
            : null;

    /// <summary>The job array: task k (0 to <see cref="Shards"/> − 1) runs shard k + 1 into <c>shards/NN</c>, resuming it when it exists.</summary>
    public string SweepScript()
    {
        var text = new StringBuilder();
        text.Append("#!/usr/bin/env bash\n");
        text.Append(Invariant($"#SBATCH --job-name={Name}\n"));
        text.Append(Invariant($"#SBATCH --array=0-{Shards - 1}\n"));
        AppendResources(text, Cpus, Memory, Time);
        text.Append(Invariant($"#SBATCH --output={LogDirectory}/sweep-%A_%a.out\n"));
        text.Append("#SBATCH --open-mode=append\n");
        text.Append("#SBATCH --requeue\n");
        text.Append(Invariant($$"""
            # Written by coordsim slurm: task k of this array runs shard k+1 of {{Shards}} of the sweep of {{SpecPath}}
            # into {{Directory}}/{{ShardFolder}}/NN (NN = k+1, padded with zeros to {{Digits}} characters so the
            # folders list in shard order), on {{Cpus}} {{(Cpus == 1 ? "core" : "cores")}}, one run on each.
            # Every task runs `coordsim sweep --resume`: on a missing or empty folder it starts the shard, on one an
            # earlier attempt left (a requeue, a task stopped at its time limit, the job submitted again) it keeps the
            # finished runs and runs the rest, so a task can be run again at any time.
            # coordsim reads its shard from SLURM_ARRAY_TASK_ID; the array's bounds and size are set here, so that one
            # task submitted again on its own (sbatch --array=2 sweep.sbatch) is still shard 3 of {{Shards}}.
            set -euo pipefail
            task="${SLURM_ARRAY_TASK_ID:?run this script with sbatch (it is a job array)}"
            if [ "$task" -lt 0 ] || [ "$task" -ge {{Shards}} ]; then
              echo "coordsim slurm: array task $task is not one of 0-{{Shards - 1}} (submit with --array within 0-{{Shards - 1}})" >&2
              exit 2
            fi
            printf -v shard '%0{{Digits}}d' "$((task + 1))"
            out={{Quote(Path.Combine(Directory, ShardFolder))}}/"$shard"
            echo "coordsim slurm: array task $task (shard $((task + 1)) of {{Shards}}) on $(hostname) at $(date -u +%Y-%m-%dT%H:%M:%SZ), job ${SLURM_JOB_ID:-?}"
            status=0
            SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_MAX={{Shards - 1}} SLURM_ARRAY_TASK_COUNT={{Shards}} SLURM_ARRAY_TASK_STEP=1 \
              {{Command}} sweep {{Quote(SpecPath)}} --out "$out" --threads "${SLURM_CPUS_PER_TASK:-{{Cpus}}}" --resume || status=$?
            echo "coordsim slurm: array task $task (shard $((task + 1)) of {{Shards}}) exit code $status at $(date -u +%Y-%m-%dT%H:%M:%SZ)"
            exit "$status"

            """));
        return text.ToString();
    }

    /// <summary>The merge of the shards, in shard order, into <c>results</c>.</summary>
    public string MergeScript()
    {
        var text = new StringBuilder();
        text.Append("#!/usr/bin/env bash\n");
        text.Append(Invariant($"#SBATCH --job-name={Name}-merge\n"));
        AppendResources(text, 1, MergeMemory, MergeTime);
        text.Append(Invariant($"#SBATCH --output={LogDirectory}/merge-%j.out\n"));
        text.Append("#SBATCH --open-mode=append\n");
        text.Append(Invariant($$"""
            # Written by coordsim slurm: merges the {{Shards}} shards in {{Directory}}/{{ShardFolder}} into {{ResultsDirectory}}
            # (the same files, byte for byte, as one machine's sweep of the spec). submit.sh submits it to start once
            # every task of the array has succeeded; run it by hand (bash merge.sbatch) just as well. --force: a merge
            # submitted again (after a failure, or with submit.sh run again) replaces the results an earlier one wrote.
            set -euo pipefail
            echo "coordsim slurm: merge on $(hostname) at $(date -u +%Y-%m-%dT%H:%M:%SZ), job ${SLURM_JOB_ID:-none}"
            status=0
            {{Command}} merge \

            """));
        for (var shard = 1; shard <= Shards; shard++)
        {
            text.Append("  ").Append(Quote(ShardDirectory(shard))).Append(" \\\n");
        }

        text.Append("  --out ").Append(Quote(ResultsDirectory)).Append(" --force || status=$?\n");
        text.Append("echo \"coordsim slurm: merge exit code $status at $(date -u +%Y-%m-%dT%H:%M:%SZ)\"\n");
        text.Append("exit \"$status\"\n");
        return text.ToString();
    }

    /// <summary>Submits the array, then the merge to run after every task succeeded; prints both job ids and how to watch them.</summary>
    public string SubmitScript() => Invariant($$"""
        #!/usr/bin/env bash
        # Written by coordsim slurm: submits the sweep of {{SpecPath}} as {{Shards}} array tasks, then the merge of
        # their shards, which starts once every task has succeeded (and is cancelled if one fails). Run it again
        # after a failure: finished shards are kept (each task resumes its shard), the rest are run, then merged.
        set -euo pipefail
        here={{Quote(ScriptDirectory)}}
        mkdir -p "$here/logs"
        array="$(sbatch --parsable "$here/sweep.sbatch")"
        array="${array%%;*}"
        merge="$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes "$here/merge.sbatch")"
        merge="${merge%%;*}"
        echo "Submitted the sweep as job array $array ({{Shards}} tasks) and the merge as job $merge (after every task succeeded)."
        echo "Watch them:   squeue -j $array,$merge"
        echo "Task logs:    $here/logs/sweep-${array}_<task>.out, merge log: $here/logs/merge-$merge.out"
        echo "Results:      {{ResultsDirectory}} (when job $merge has finished)"

        """);

    /// <summary>Writes the scripts and a copy of the spec (<paramref name="spec"/>, its bytes as they are) into <see cref="ScriptDirectory"/>, scripts executable, and makes the log folder.</summary>
    public void Write(byte[] spec)
    {
        System.IO.Directory.CreateDirectory(LogDirectory);
        File.WriteAllBytes(SpecPath, spec);
        WriteFile(Path.Combine(ScriptDirectory, "sweep.sbatch"), SweepScript());
        WriteFile(Path.Combine(ScriptDirectory, "merge.sbatch"), MergeScript());
        WriteFile(SubmitPath, SubmitScript());
    }

    /// <summary><paramref name="text"/> as one shell word: in single quotes, a quote inside written <c>'\''</c>.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private void AppendResources(StringBuilder text, int cpus, string memory, SlurmTimeLimit time)
    {
        if (Partition is not null)
        {
            text.Append(Invariant($"#SBATCH --partition={Partition}\n"));
        }

        text.Append(Invariant($"#SBATCH --ntasks=1\n#SBATCH --cpus-per-task={cpus}\n#SBATCH --mem={memory}\n#SBATCH --time={time}\n"));
    }

    private static void WriteFile(string path, string text)
    {
        File.WriteAllText(path, text.ReplaceLineEndings("\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
