namespace CoordSim.Experiments;

/// <summary>
/// Thrown when a sweep cannot start or continue in its results folder: the folder holds other
/// results, or a resume finds a different spec, library version or options than the sweep it
/// would continue. The message says what was found and what to do, in terms of <see cref="SweepOptions"/>;
/// <see cref="Reason"/> and <see cref="Finding"/> let a caller with other words for those options (a command line)
/// give its own advice.
/// </summary>
public sealed class SweepException : IOException
{
    /// <summary>Creates the exception: <paramref name="finding"/> says what was found, <paramref name="advice"/> what to do with the library.</summary>
    /// <param name="reason">Why the sweep was refused.</param>
    /// <param name="finding">What was found, as a sentence that names no option.</param>
    /// <param name="advice">What to do, naming <see cref="SweepOptions"/> properties where they help.</param>
    public SweepException(SweepRefusal reason, string finding, string advice)
        : base(finding + " " + advice)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(advice);
        Reason = reason;
        Finding = finding;
    }

    /// <summary>Why the sweep was refused.</summary>
    public SweepRefusal Reason { get; }

    /// <summary>What was found (the message without its advice), for a caller that words the advice itself.</summary>
    public string Finding { get; }

    /// <summary>The shards short of runs when a merge is refused for them (<see cref="SweepRefusal.ShardsDoNotMerge"/>), so that a caller can say how to finish each; empty otherwise.</summary>
    public IReadOnlyList<ShardGap> Gaps { get; init; } = [];
}
