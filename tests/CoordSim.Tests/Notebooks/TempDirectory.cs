namespace CoordSim.Tests.Notebooks;

/// <summary>A fresh folder under the system's temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the folder; <paramref name="prefix"/> starts its name.</summary>
    public TempDirectory(string prefix = "coordsim-notebooks-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that still holds a file (a killed tool) must not fail the test that cleaned up after it.
        }
    }
}
