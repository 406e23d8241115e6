using System.Globalization;
using System.Text.RegularExpressions;

namespace CoordSim.Cli.Cluster;

/// <summary>
/// A Slurm job's time limit in whole seconds, written as sbatch's <c>--time</c> takes it: <c>HH:MM:SS</c> below a
/// day, <c>D-HH:MM:SS</c> from a day on.
/// </summary>
/// <param name="Seconds">The limit in seconds (at least 1).</param>
internal sealed partial record SlurmTimeLimit(long Seconds)
{
    /// <summary>What <see cref="TryParse"/> accepts, for messages.</summary>
    public const string Allowed = "HH:MM:SS or D-HH:MM:SS (minutes and seconds 00-59, hours 00-23 after a day count), more than zero";

    /// <summary>The limit as a duration.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);

    /// <summary>Reads <c>HH:MM:SS</c> or <c>D-HH:MM:SS</c>; null when <paramref name="text"/> is neither, or zero.</summary>
    public static SlurmTimeLimit? TryParse(string text)
    {
        var match = Format().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var days = match.Groups["days"].Success ? long.Parse(match.Groups["days"].Value, CultureInfo.InvariantCulture) : 0;
        var hours = long.Parse(match.Groups["hours"].Value, CultureInfo.InvariantCulture);
        var minutes = long.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture);
        var seconds = long.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture);
        if (minutes > 59 || seconds > 59 || (match.Groups["days"].Success && hours > 23))
        {
            return null;
        }

        var total = (((days * 24) + hours) * 60 + minutes) * 60 + seconds;
        return total > 0 ? new SlurmTimeLimit(total) : null;
    }

    /// <summary>The limit as sbatch's <c>--time</c> takes it: <c>00:10:00</c>, <c>2-03:00:00</c>.</summary>
    public override string ToString()
    {
        var days = Seconds / 86_400;
        var rest = Seconds % 86_400;
        var clock = string.Create(CultureInfo.InvariantCulture, $"{rest / 3600:00}:{rest % 3600 / 60:00}:{rest % 60:00}");
        return days > 0 ? string.Create(CultureInfo.InvariantCulture, $"{days}-{clock}") : clock;
    }

    [GeneratedRegex(@"^(?:(?<days>[0-9]{1,4})-)?(?<hours>[0-9]{1,4}):(?<minutes>[0-9]{2}):(?<seconds>[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
