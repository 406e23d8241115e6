// The notebook notebooks/responsibility-in-task-forces.dib as a .NET 10 file-based app; its figures are written as PNG files.
//   dotnet run notebooks/scripts/responsibility-in-task-forces.cs -- [output folder]
// Outside the repository, replace the #:project lines by  #:package CoordSim@0.1.0  (and CoordSim.Plots).
#:project ../../src/CoordSim/CoordSim.csproj
#:project ../../src/CoordSim.Plots/CoordSim.Plots.csproj
#:property PublishAot=false

using CoordSim;
using CoordSim.Experiments;
using CoordSim.Plots;
using CoordSim.Structures;

var output = args.Length > 0 ? Directory.CreateDirectory(args[0]).FullName : Directory.CreateTempSubdirectory("coordsim-responsibility-in-task-forces-").FullName;

// Responsibility diffusion in task forces: how often a visit faults (faultProbability 0.01, 0.05, 0.1) for the
// hierarchy, the leading group, the task force and task forces at several levels, 90 days with a 15-day warm-up,
// 2 replications per point, common issue streams.
var spec = ExperimentSpec.Create("responsibility-in-task-forces")
    .Describe("How many people answer for an issue, and does blame after a failure find the people who faulted?")
    .Compare(Structure.Hierarchy(), Structure.LeadingGroup(), Structure.TaskForce(), Structure.TaskForceLevels())
    .Set("horizonDays", 90)
    .Set("warmupDays", 15)
    .Vary("faultProbability", 0.01, 0.05, 0.1)
    .Replications(2)
    .Seed(1)
    .Build();
var report = Sweep.Run(spec, Path.Combine(output, "results"));
var results = CoordSim.Plots.Results.ResultsFolder.Load(report.Directory);
Console.WriteLine($"sweep: {report.Done} runs; {report.Unstable} did not reach a steady state");

Console.WriteLine("responsibilityEffectiveCount mean [95% CI] per point and structure:");
foreach (var row in results.Summary.Rows)
{
    var stats = row.Measures["responsibilityEffectiveCount"];
    Console.WriteLine($"   faultProbability {row.Parameters["faultProbability"]}, {row.Structure}: {stats.Mean:G4} [{stats.CiLow:G4}, {stats.CiHigh:G4}], unstable runs {row.UnstableRuns}");
}

Console.WriteLine("blamePrecision mean [95% CI] per point and structure:");
foreach (var row in results.Summary.Rows)
{
    var blame = row.Measures["blamePrecision"];
    Console.WriteLine($"   faultProbability {row.Parameters["faultProbability"]}, {row.Structure}: {blame.Mean:G4} [{blame.CiLow:G4}, {blame.CiHigh:G4}], unstable runs {row.UnstableRuns}");
}

var figures = new (string File, ScottPlot.Plot Plot)[]
{
    ("accountable-vs-faults.png", Figures.MeasureVsParameter(results.Summary, "responsibilityEffectiveCount", "faultProbability")),
    ("blame-precision-vs-faults.png", Figures.MeasureVsParameter(results.Summary, "blamePrecision", "faultProbability")),
    ("accountable-blame-tradeoff.png", Figures.TradeOff(results.Summary, "responsibilityEffectiveCount", "blamePrecision", new Dictionary<string, string> { ["faultProbability"] = "0.05" })),
};
foreach (var (file, plot) in figures)
{
    var path = Path.Combine(output, file);
    FigureStyle.Fit(plot, FigureStyle.DefaultWidth, FigureStyle.DefaultHeight);
    plot.SavePng(path, FigureStyle.DefaultWidth, FigureStyle.DefaultHeight);
    Console.WriteLine($"wrote {path}: {plot.Axes.Title.Label.Text.ReplaceLineEndings(" ")}");
}
