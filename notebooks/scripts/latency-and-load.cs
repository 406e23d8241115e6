// The notebook notebooks/latency-and-load.dib as a .NET 10 file-based app; its figures are written as PNG files.
//   dotnet run notebooks/scripts/latency-and-load.cs -- [output folder]
// Outside the repository, replace the #:project lines by  #:package CoordSim@0.1.0  (and CoordSim.Plots).
#:project ../../src/CoordSim/CoordSim.csproj
#:project ../../src/CoordSim.Plots/CoordSim.Plots.csproj
#:property PublishAot=false

using CoordSim;
using CoordSim.Experiments;
using CoordSim.Plots;
using CoordSim.Structures;

var output = args.Length > 0 ? Directory.CreateDirectory(args[0]).FullName : Directory.CreateTempSubdirectory("coordsim-latency-and-load-").FullName;

// How does latency move with load, per structure? The five canonical structures at 20, 40 and 50 issues a day,
// 90 days with a 15-day warm-up, 2 replications per point, common issue streams.
var spec = ExperimentSpec.Create("latency-and-load")
    .Describe("How does latency move with load, per structure?")
    .Compare(Structure.Hierarchy(), Structure.LeadingGroup(), Structure.TaskForce(), Structure.CommandHeadquarters(), Structure.Office())
    .Set("horizonDays", 90)
    .Set("warmupDays", 15)
    .Vary("arrivalRate", 20, 40, 50)
    .Replications(2)
    .Seed(1)
    .Build();
var report = Sweep.Run(spec, Path.Combine(output, "results"));
var results = CoordSim.Plots.Results.ResultsFolder.Load(report.Directory);
Console.WriteLine($"sweep: {report.Done} runs; {report.Unstable} did not reach a steady state");

Console.WriteLine("latencyRestrictedMean mean [95% CI] per point and structure:");
foreach (var row in results.Summary.Rows)
{
    var stats = row.Measures["latencyRestrictedMean"];
    Console.WriteLine($"   arrivalRate {row.Parameters["arrivalRate"]}, {row.Structure}: {stats.Mean:G4} [{stats.CiLow:G4}, {stats.CiHigh:G4}], unstable runs {row.UnstableRuns}");
}

var figures = new (string File, ScottPlot.Plot Plot)[]
{
    ("latency-vs-load.png", Figures.MeasureVsParameter(results.Summary, "latencyRestrictedMean", "arrivalRate")),
    ("pending-vs-load.png", Figures.MeasureVsParameter(results.Summary, "issuesPending", "arrivalRate")),
    ("latency-breakdown-at-50.png", Figures.LatencyBreakdown(results.Summary, pointId: 2)),
};
foreach (var (file, plot) in figures)
{
    var path = Path.Combine(output, file);
    FigureStyle.Fit(plot, FigureStyle.DefaultWidth, FigureStyle.DefaultHeight);
    plot.SavePng(path, FigureStyle.DefaultWidth, FigureStyle.DefaultHeight);
    Console.WriteLine($"wrote {path}: {plot.Axes.Title.Label.Text.ReplaceLineEndings(" ")}");
}
