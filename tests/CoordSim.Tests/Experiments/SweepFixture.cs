using CoordSim.Experiments;
using CoordSim.Structures;

namespace CoordSim.Tests.Experiments;

/// <summary>Small, fast experiments and scratch folders for the sweep tests.</summary>
internal static class SweepFixture
{
    /// <summary>A small organisation and a short horizon: a run takes about a millisecond.</summary>
    public static ExperimentBuilder Small(string name = "small") => ExperimentSpec.Create(name)
        .Compare(Structure.Hierarchy())
        .Set("departments", 3)
        .Set("levels", 2)
        .Set("span", 2)
        .Set("arrivalRate", 6)
        .Set("horizonDays", 20)
        .Set("warmupDays", 0);

    /// <summary>A small experiment comparing the hierarchy with a flatter variant of itself over two shares (with a time series every <paramref name="timeSeries"/> days; null: none).</summary>
    public static ExperimentSpec TwoStructures(int replications = 3, bool issues = false, double? timeSeries = OutputOptions.DefaultTimeSeriesInterval) => Small("two")
        .Compare(Structure.Hierarchy(), "flat", ("levels", 1))
        .Vary("crossDepartmentShare", 0.2, 0.6)
        .Replications(replications)
        .Seed(7)
        .Issues(issues)
        .TimeSeries(timeSeries)
        .Build();

    /// <summary>The same experiment as JSON text.</summary>
    public const string TwoStructuresJson = """
        {
          "name": "two",
          "structures": ["hierarchy", { "name": "hierarchy", "label": "flat", "overrides": { "levels": 1 } }],
          "base": { "departments": 3, "levels": 2, "span": 2, "arrivalRate": 6, "horizonDays": 20, "warmupDays": 0 },
          "design": { "kind": "factorial", "factors": { "crossDepartmentShare": [0.2, 0.6] } },
          "replications": 3,
          "seed": 7
        }
        """;

    private static readonly Lazy<string> Root = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "coordsim-tests", Guid.NewGuid().ToString("N"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temp cleaning.
            }
        };
        return root;
    });

    /// <summary>A fresh, empty folder under this test run's temp folder (deleted when the test process ends).</summary>
    public static string TempFolder(string tag)
    {
        var path = Path.Combine(Root.Value, $"{tag}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The bytes of <paramref name="file"/> in <paramref name="folder"/>.</summary>
    public static byte[] Bytes(string folder, string file) => File.ReadAllBytes(Path.Combine(folder, file));
}
