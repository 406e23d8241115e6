using CoordSim.Tests.Docs;

namespace CoordSim.Tests.Cluster;

/// <summary>
/// scripts/slurm-local.sh, which CI runs before the tests, is valid bash and refuses what it does not know without
/// touching the machine (bringing a cluster up and down is what the Slurm end-to-end test and CI exercise).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SlurmLocalScriptTests
{
    private static string Script => RepositoryFiles.PathOf("scripts/slurm-local.sh");

    [Fact]
    public void It_is_valid_bash_and_an_unknown_action_exits_2_with_the_usage()
    {
        Assert.Equal(0, SlurmScripts.Bash(["-n", Script], Path.GetTempPath()).ExitCode);

        var unknown = SlurmScripts.Bash([Script, "restart"], Path.GetTempPath());

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("usage: ", unknown.Output, StringComparison.Ordinal);
        Assert.Contains("up|down|status", unknown.Output, StringComparison.Ordinal);
    }
}
