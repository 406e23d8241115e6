using System.Globalization;
using System.Text.Json.Nodes;
using CoordSim.Engine;
using CoordSim.Metrics;
using CoordSim.Structures;
using CsvHelper;
using MathNet.Numerics.Distributions;

namespace CoordSim.Tests.Plots;

/// <summary>
/// A small but real results folder: every structure of <see cref="StructureCatalog.All"/> (and a
/// test structure, <see cref="DelegatedHierarchy"/>, so that there are always several) run by
/// the library over a 2×2 grid (crossDepartmentShare × arrivalRate) with two replications and a
/// short horizon, written in the results-folder contract (runs.csv, summary.csv with its
/// unstableRuns column, issues.csv, manifest.json) with CsvHelper. The runs are kept so tests can compare plotted values with them.
/// </summary>
public sealed class SmallResults : IDisposable
{
    public const string SpecName = "plots-fixture";
    public const int Replications = 2;
    public const long RootSeed = 20240611;

    public static readonly string[] Varied = ["crossDepartmentShare", "arrivalRate"];
    public static readonly double[] Shares = [0.1, 0.5];
    public static readonly double[] Rates = [20, 30];

    /// <summary>The base scenario: short, so the fixture is fast; departments = 6 is a non-default fixed parameter the titles must name.</summary>
    public static readonly Parameters Base = Parameters.Default with { HorizonDays = 30, WarmupDays = 0, Departments = 6 };

    private static readonly CsvWriterOptions Csv = CsvWriterOptions.Default with { NewLine = "\n" };

    public SmallResults()
    {
        Root = Path.Combine(Path.GetTempPath(), "coordsim-plots-" + Guid.NewGuid().ToString("N"));
        Directory = Path.Combine(Root, "base");
        System.IO.Directory.CreateDirectory(Directory);
        var pointId = 0;
        foreach (var rate in Rates)
        {
            foreach (var share in Shares)
            {
                var p = Base with { ArrivalRate = rate, CrossDepartmentShare = share };
                for (var rep = 0; rep < Replications; rep++)
                {
                    var seed = SeedDerivation.DerivePublic(RootSeed, pointId, rep);
                    foreach (var structure in Structures)
                    {
                        var issues = new IssueCollector();
                        var result = Simulation.Run(structure, p, seed, issues);
                        Runs.Add(new Run(pointId, rep, result, issues.Outcomes));
                    }
                }

                pointId++;
            }
        }

        Write(Directory, withIssues: true);
    }

    /// <summary>A temporary folder holding every folder the tests make.</summary>
    public string Root { get; }

    /// <summary>The complete results folder (with issues.csv).</summary>
    public string Directory { get; }

    /// <summary>Every run, in file order.</summary>
    public List<Run> Runs { get; } = [];

    /// <summary>The structures run: the catalog's, then <see cref="DelegatedHierarchy"/>.</summary>
    public static IReadOnlyList<Structure> Structures => [.. StructureCatalog.All, new DelegatedHierarchy()];

    public static IReadOnlyList<string> StructureNames => Structures.Select(s => s.Name).ToArray();

    /// <summary>A fresh copy of the results folder, to damage or to write figures into.</summary>
    public string Copy(bool withIssues = true)
    {
        var target = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.GetFiles(Directory))
        {
            if (withIssues || Path.GetFileName(file) != "issues.csv")
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        return target;
    }

    /// <summary>The per-run values of a measure at a point for a structure.</summary>
    public double[] Values(int pointId, string structure, string measure)
    {
        var read = MeasureCatalog.Find(measure)!.Read;
        return Runs.Where(r => r.PointId == pointId && r.Result.Structure == structure).Select(r => read(r.Result)).ToArray();
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Write(string directory, bool withIssues)
    {
        var parameters = ParameterCatalog.All;
        var measures = MeasureCatalog.All;
        using (var runs = CsvWriter.ToFile(Path.Combine(directory, "runs.csv"), Csv))
        {
            runs.WriteHeader([.. new[] { "pointId", "structure", "replication", "seed" }, .. parameters.Select(p => p.Name), .. measures.Select(m => m.Name)]);
            foreach (var run in Runs)
            {
                runs.WriteRecord([
                    Int(run.PointId), run.Result.Structure, Int(run.Replication), run.Result.Seed.ToString(CultureInfo.InvariantCulture),
                    .. parameters.Select(p => p.Format(run.Result.Parameters)),
                    .. measures.Select(m => Number(m.Read(run.Result))),
                ]);
            }
        }

        using (var summary = CsvWriter.ToFile(Path.Combine(directory, "summary.csv"), Csv))
        {
            summary.WriteHeader([
                "pointId", "structure", .. parameters.Select(p => p.Name), "n", "unstableRuns",
                .. measures.SelectMany(m => new[] { m.Name + "_mean", m.Name + "_sd", m.Name + "_ciLow", m.Name + "_ciHigh" }),
            ]);
            foreach (var group in Runs.GroupBy(r => (r.PointId, r.Result.Structure)))
            {
                var first = group.First().Result;
                summary.WriteRecord([
                    Int(group.Key.PointId), group.Key.Structure, .. parameters.Select(p => p.Format(first.Parameters)), Int(group.Count()),
                    Int(group.Count(r => !r.Result.Stability.Stable)),
                    .. measures.SelectMany(m => Stats(group.Select(r => m.Read(r.Result)))),
                ]);
            }
        }

        if (withIssues)
        {
            using var issues = CsvWriter.ToFile(Path.Combine(directory, "issues.csv"), Csv);
            issues.WriteHeader(CoordSim.Plots.Results.IssueTable.Columns.ToArray());
            foreach (var run in Runs)
            {
                foreach (var o in run.Issues)
                {
                    var outcome = o;
                    issues.WriteRecord([
                        Int(run.PointId), run.Result.Structure, Int(run.Replication),
                        .. CoordSim.Experiments.IssuesTable.Fields.Select(f => f.Value(in outcome)),
                    ]);
                }
            }
        }

        var manifest = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["name"] = SpecName,
                ["structures"] = new JsonArray(StructureNames.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
                ["replications"] = Replications,
                ["seed"] = RootSeed,
            },
            ["libraryVersion"] = typeof(Simulation).Assembly.GetName().Version!.ToString(),
            ["startedAt"] = "2024-06-11T10:00:00Z",
            ["finishedAt"] = "2024-06-11T10:00:05Z",
            ["runCount"] = Runs.Count,
            ["wallTimeSeconds"] = 5.0,
            ["threads"] = 1,
            ["variedParameters"] = new JsonArray(Varied.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
        };
        File.WriteAllText(Path.Combine(directory, "manifest.json"), manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>mean, sd, ciLow, ciHigh over the finite values (95% CI from Student's t with n-1 df); sd and CI empty when n &lt; 2.</summary>
    public static string[] Stats(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return ["", "", "", ""];
        }

        var mean = finite.Average();
        if (finite.Length < 2)
        {
            return [Number(mean), "", "", ""];
        }

        var sd = MathNet.Numerics.Statistics.Statistics.StandardDeviation(finite);
        var half = StudentT.InvCDF(0, 1, finite.Length - 1, 0.975) * sd / Math.Sqrt(finite.Length);
        return [Number(mean), Number(sd), Number(mean - half), Number(mean + half)];
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    public sealed record Run(int PointId, int Replication, RunResult Result, List<IssueOutcome> Issues);

    private sealed class IssueCollector : IIssueObserver
    {
        public List<IssueOutcome> Outcomes { get; } = [];

        public void OnResolved(in IssueOutcome outcome) => Outcomes.Add(outcome);
    }
}

/// <summary>Shares one <see cref="SmallResults"/> between the plot test classes.</summary>
[CollectionDefinition(Name)]
public sealed class SmallResultsCollection : ICollectionFixture<SmallResults>
{
    public const string Name = "small results";
}
