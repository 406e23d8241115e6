using CoordSim.Experiments;

namespace CoordSim.Cli;

/// <summary>
/// The check before work starts (issue 12): a run or sweep whose estimate (<see cref="ResourceEstimate"/>) goes beyond
/// the hard budget is refused with exit code 2 unless <c>--allow-large</c> is given; beyond the soft budget it starts
/// with a warning.
/// </summary>
internal static class ResourceGuard
{
    /// <summary>The option's name.</summary>
    public const string OptionName = "--allow-large";

    /// <summary>Creates the option.</summary>
    public static System.CommandLine.Option<bool> Create() => new(OptionName)
    {
        Description = "Start even when the estimate of memory, disk or time goes beyond the budget (docs/reliability.md); without it such a job is refused before it starts.",
    };

    /// <summary>Reports what <paramref name="estimate"/> goes beyond; returns the exit code when <paramref name="what"/> is refused, null when it may start.</summary>
    public static int? Check(ResourceEstimate estimate, bool allowed, string what, TextWriter stderr)
    {
        var refusals = estimate.Refusals;
        if (refusals.Count > 0 && !allowed)
        {
            return InputErrors.Report(stderr, refusals.Select(r => $"{what} is refused before it starts: {r} (or pass {OptionName} to start anyway)."));
        }

        foreach (var note in refusals.Concat(estimate.Warnings))
        {
            stderr.WriteLine($"warning: {what}: {note} (estimate: {estimate}).");
        }

        return null;
    }

}
