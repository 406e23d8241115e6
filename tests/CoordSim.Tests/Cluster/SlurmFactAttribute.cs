using CoordSim.Tests.Packaging;

namespace CoordSim.Tests.Cluster;

/// <summary>
/// A fact that needs a Slurm cluster (<c>scripts/slurm-local.sh up</c> makes one on this machine): it carries
/// <c>[Trait("Category", "Slurm")]</c> on its method and runs when <c>sinfo</c> shows a node that takes jobs; without
/// one it is skipped with the reason, unless the environment variable <c>COORDSIM_SLURM</c> is <c>1</c> (as .ci/run sets it
/// after trying to bring the cluster up), which makes a missing cluster a failure instead.
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    /// <summary>Name of the environment variable that says a cluster must be there.</summary>
    public const string Switch = "COORDSIM_SLURM";

    /// <summary>Marks the fact as skipped when no cluster answers and <see cref="Switch"/> is not 1.</summary>
    public SlurmFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Switch) != "1" && Unavailable() is { } reason)
        {
            Skip = $"Needs a Slurm cluster: {reason}. Start one with scripts/slurm-local.sh up (as root), or set {Switch}=1 to make a missing cluster a failure.";
        }
    }

    /// <summary>Why no cluster takes jobs here (no sinfo, no answer, no node up), or null when one does.</summary>
    public static string? Unavailable()
    {
        try
        {
            var result = ProcessResult.Run("sinfo", ["--noheader", "--format=%T"], Path.GetTempPath(), TimeSpan.FromSeconds(20));
            if (result.ExitCode != 0)
            {
                return $"sinfo exited with {result.ExitCode}: {result.Output.Trim()}";
            }

            var states = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return states.Any(s => s.StartsWith("idle", StringComparison.Ordinal) || s.StartsWith("mixed", StringComparison.Ordinal) || s.StartsWith("alloc", StringComparison.Ordinal))
                ? null
                : $"sinfo shows no node that takes jobs ({(states.Length == 0 ? "no nodes" : string.Join(", ", states))})";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
        {
            return $"sinfo cannot be run ({e.Message})";
        }
    }
}
