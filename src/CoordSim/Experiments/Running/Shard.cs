using System.Globalization;

namespace CoordSim.Experiments;

/// <summary>
/// One of <see cref="Count"/> disjoint slices of a sweep's runs, numbered from 1, for running a sweep on several
/// machines (a cluster's job array) and merging the slices afterwards (<see cref="Sweep.Merge"/>). The slices together
/// hold every run exactly once; their sizes differ by at most one run, and so do the runs of each structure in them.
/// They are interleaved: the runs are dealt round-robin, structure by structure and, within a structure, point by
/// point and replication by replication, so every slice holds every structure and runs spread over the whole design,
/// and a slice that is only partly done covers the space as evenly as the deal allows. Which slice a run falls in
/// depends on the plan's shape only (structures, points, replications), never on the machine.
/// </summary>
/// <param name="Number">The slice, 1 to <paramref name="Count"/>.</param>
/// <param name="Count">How many slices the runs are cut into, at least 1.</param>
public sealed record Shard(int Number, int Count)
{
    /// <summary>Every run: the one slice of one.</summary>
    public static readonly Shard Whole = new(1, 1);

    /// <summary>The slice, 1 to <see cref="Count"/>.</summary>
    public int Number { get; } = Count >= 1 && Number >= 1 && Number <= Count
        ? Number
        : throw new ArgumentOutOfRangeException(nameof(Number), $"A shard is i/N with 1 <= i <= N; {Number}/{Count} is not.");

    /// <summary>How many slices the runs are cut into, at least 1.</summary>
    public int Count { get; } = Count;

    /// <summary>The slice's number counted from 0 (0 to <see cref="Count"/> − 1).</summary>
    internal int Offset => Number - 1;

    /// <summary>Reads a shard written as <c>i/N</c> (for example <c>2/4</c>), or null when <paramref name="text"/> is not one; <paramref name="problem"/> then says what is allowed.</summary>
    public static Shard? TryParse(string? text, out string? problem)
    {
        problem = null;
        var parts = (text ?? "").Split('/');
        if (parts.Length == 2 &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) &&
            count >= 1 && number >= 1 && number <= count)
        {
            return new Shard(number, count);
        }

        problem = "i/N with whole numbers 1 <= i <= N, for example 2/4 (the second of four)";
        return null;
    }

    /// <summary>
    /// The shard a task of a job array runs, from the variables the scheduler sets: Slurm's
    /// <c>SLURM_ARRAY_TASK_ID</c>, <c>_MIN</c>, <c>_MAX</c>, <c>_STEP</c> and <c>_COUNT</c> (<c>sbatch --array=0-7</c>: task 3 is
    /// shard 4/8), or Grid Engine's <c>SGE_TASK_ID</c>, <c>_FIRST</c>, <c>_LAST</c> and <c>_STEPSIZE</c> (<c>qsub -t 1-8</c>).
    /// Null, with no problem, outside a job array. PBS and Kubernetes indexed jobs do not say how many tasks there are;
    /// give their shard as <c>i/N</c> (docs/cluster.md).
    /// </summary>
    /// <param name="variable">Reads an environment variable (null when unset), e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <param name="source">Where the shard came from, e.g. "SLURM_ARRAY_TASK_ID=3 of 0-7".</param>
    /// <param name="problem">Why the variables do not give a shard (an array that is not an even range), or null.</param>
    public static Shard? FromJobArray(Func<string, string?> variable, out string? source, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(variable);
        source = null;
        problem = null;
        foreach (var (id, first, last, step) in new[]
                 {
                     ("SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX", "SLURM_ARRAY_TASK_STEP"),
                     ("SGE_TASK_ID", "SGE_TASK_FIRST", "SGE_TASK_LAST", "SGE_TASK_STEPSIZE"),
                 })
        {
            var idText = variable(id);
            if (string.IsNullOrEmpty(idText) || idText == "undefined")
            {
                continue;
            }

            long Read(string name, long? fallback, ref string? why)
            {
                var text = variable(name);
                if (string.IsNullOrEmpty(text) && fallback is { } value)
                {
                    return value;
                }

                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var read))
                {
                    return read;
                }

                why ??= $"{name} = \"{text}\" is not allowed: a whole number, set by the scheduler for a task of a job array";
                return 0;
            }

            string? bad = null;
            var task = Read(id, null, ref bad);
            var low = Read(first, null, ref bad);
            var high = Read(last, null, ref bad);
            var stride = Read(step, 1, ref bad);
            if (bad is null && (stride < 1 || high < low || task < low || task > high || (task - low) % stride != 0))
            {
                bad = string.Create(CultureInfo.InvariantCulture,
                    $"{id} = {task} with {first} = {low}, {last} = {high}, {step} = {stride} is not allowed: a task of an array that is an even range (for example --array=0-7)");
            }

            var count = (high - low) / stride + 1;
            if (bad is null && id.StartsWith("SLURM", StringComparison.Ordinal) && variable("SLURM_ARRAY_TASK_COUNT") is { Length: > 0 } countText &&
                countText != count.ToString(CultureInfo.InvariantCulture))
            {
                bad = $"SLURM_ARRAY_TASK_COUNT = {countText} is not allowed: the array's tasks must be the even range {low}-{high}" +
                      (stride > 1 ? string.Create(CultureInfo.InvariantCulture, $":{stride}") : "") +
                      string.Create(CultureInfo.InvariantCulture, $" ({count} tasks), not a list");
            }

            if (bad is null && count > int.MaxValue)
            {
                bad = string.Create(CultureInfo.InvariantCulture, $"{id}: an array of {count} tasks is not allowed: at most {int.MaxValue}");
            }

            if (bad is not null)
            {
                problem = bad + "; or give the shard as --shard i/N";
                return null;
            }

            source = string.Create(CultureInfo.InvariantCulture, $"{id}={task} of {low}-{high}") + (stride > 1 ? string.Create(CultureInfo.InvariantCulture, $":{stride}") : "");
            return new Shard((int)((task - low) / stride) + 1, (int)count);
        }

        return null;
    }

    /// <summary>The slice run <paramref name="run"/> (its index in result order) falls in, counted from 0, among <paramref name="count"/> slices of a plan with <paramref name="structures"/> structures and <paramref name="runs"/> runs.</summary>
    internal static int OffsetOf(int run, int structures, int runs, int count)
    {
        // Dealt in structure-major order: position s * G + g, where g = run / S is the (point, replication) group and
        // G = runs / S the number of groups. Consecutive positions go to consecutive slices, so the slices' sizes differ
        // by at most one, and so do the sizes of each structure's part (its G positions are consecutive).
        var groups = runs / structures;
        var position = ((long)(run % structures) * groups) + (run / structures);
        return (int)(position % count);
    }

    /// <summary>The indices (result order, ascending) of the runs of <paramref name="plan"/> in this slice.</summary>
    public IReadOnlyList<int> Runs(ExperimentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (Count == 1)
        {
            return new AllRuns(plan.RunCount);
        }

        var runs = new List<int>((plan.RunCount / Count) + 1);
        for (var i = 0; i < plan.RunCount; i++)
        {
            if (OffsetOf(i, plan.Structures.Count, plan.RunCount, Count) == Offset)
            {
                runs.Add(i);
            }
        }

        return runs;
    }

    /// <summary>The shard as it is written: <c>i/N</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Number}/{Count}");

    /// <summary>The runs 0 to n − 1 without a list of them.</summary>
    private sealed class AllRuns(int count) : IReadOnlyList<int>
    {
        public int Count => count;

        public int this[int index] => (uint)index < (uint)count ? index : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<int> GetEnumerator() => Enumerable.Range(0, count).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
