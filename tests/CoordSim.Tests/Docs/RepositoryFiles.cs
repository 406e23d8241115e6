namespace CoordSim.Tests.Docs;

/// <summary>Finds files of the repository the tests were built from, by walking up to the folder that holds Simulation.sln.</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository root: the nearest ancestor of the test binaries that contains Simulation.sln.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Simulation.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No folder containing Simulation.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>The full path of <paramref name="relative"/> (forward slashes) under the repository root.</summary>
    public static string PathOf(string relative) => Path.Combine([Root, .. relative.Split('/')]);
}
