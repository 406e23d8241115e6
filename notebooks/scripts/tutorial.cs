// The tutorial notebook (notebooks/tutorial.dib) as a .NET 10 file-based app: one run and its measures, a comparison of
// structures, a small sweep, its table and figures (written as PNG files).
//   dotnet run notebooks/scripts/tutorial.cs -- [output folder]
// Outside the repository, replace the #:project lines by  #:package CoordSim@0.1.0  (and CoordSim.Plots, CoordSim.Interactive).
#:project ../../src/CoordSim/CoordSim.csproj
#:project ../../src/CoordSim.Plots/CoordSim.Plots.csproj
#:project ../../src/CoordSim.Interactive/CoordSim.Interactive.csproj
#:property PublishAot=false

using CoordSim;
using CoordSim.Experiments;
using CoordSim.Interactive;
using CoordSim.Metrics;
using CoordSim.Plots;
using CoordSim.Structures;
using Microsoft.Data.Analysis;

var output = args.Length > 0 ? Directory.CreateDirectory(args[0]).FullName : Directory.CreateTempSubdirectory("coordsim-tutorial-").FullName;

// 1. One run and its measures.
var parameters = Parameters.Default with { HorizonDays = 90, WarmupDays = 15 };
var run = Simulation.Run(Structure.Hierarchy(), parameters, seed: 1);
Console.WriteLine($"1. hierarchy, seed 1: {(run.Stability.Stable ? "steady state" : "not in a steady state")}, {run.Issues.Pending} issues pending");
foreach (var measure in MeasureCatalog.All.Where(m => m.Name is "issuesArrived" or "latencyRestrictedMean" or "distortionRms" or "responsibilityEffectiveCount"))
{
    Console.WriteLine($"   {measure.Name} = {measure.Read(run):G4} {measure.Unit}");
}

// 2. Comparing structures on the same issue stream.
var structures = new[] { Structure.Hierarchy(), Structure.LeadingGroup(), Structure.TaskForce(), Structure.CommandHeadquarters(), Structure.Office() };
Console.WriteLine("2. the same issues, seed 1: latencyRestrictedMean (days), issuesPending");
foreach (var result in Simulation.Compare(structures, parameters, seed: 1))
{
    Console.WriteLine($"   {result.Structure}: {result.Latency.AllArrivals.RestrictedMean:F2}, {result.Issues.Pending}");
}

// 3. A sweep, written to a results folder.
var spec = ExperimentSpec.Create("tutorial")
    .Describe("How do the five canonical structures compare as more issues cross departments?")
    .Compare(structures)
    .Set("horizonDays", 90)
    .Set("warmupDays", 15)
    .Vary("crossDepartmentShare", 0.1, 0.3, 0.5)
    .Replications(2)
    .Seed(1)
    .Build();
var folder = Path.Combine(output, "results");
var report = Sweep.Run(spec, folder);
Console.WriteLine($"3. sweep: {report.Done} of {report.Total} runs; {report.Unstable} without a steady state");

// 4. A table: the summary, and the runs of one point as a DataFrame.
var results = CoordSim.Plots.Results.ResultsFolder.Load(folder);
Console.WriteLine("4. summary: latencyRestrictedMean mean [95% CI] per share and structure");
foreach (var row in results.Summary.Rows)
{
    var latency = row.Measures["latencyRestrictedMean"];
    Console.WriteLine($"   crossDepartmentShare {row.Parameters["crossDepartmentShare"]}, {row.Structure}: {latency.Mean:F2} [{latency.CiLow:F2}, {latency.CiHigh:F2}], unstable runs {row.UnstableRuns}");
}

var onePoint = ExperimentSpec.Create("tutorial-one-point")
    .Compare(structures)
    .Set("horizonDays", 90)
    .Set("warmupDays", 15)
    .Set("crossDepartmentShare", 0.3)
    .Replications(2)
    .Seed(1)
    .Build();
var rows = Sweep.Rows(onePoint).ToList();   // the runs in memory; nothing is written
DataFrame frame = rows.ToDataFrame(onePoint);
Console.WriteLine($"   DataFrame: {frame.Rows.Count} runs × {frame.Columns.Count} columns, first {string.Join(", ", frame.Columns.Take(4).Select(c => c.Name))}");

// 5. Figures, titled by the library with the scenario, replications, steady state and fixed parameters, at the size
// `coordsim plot` writes with the titles wrapped to fit.
var figures = new (string File, ScottPlot.Plot Plot)[]
{
    ("latency-vs-share.png", Figures.MeasureVsParameter(results.Summary, "latencyRestrictedMean", "crossDepartmentShare")),
    ("responsibility-vs-share.png", Figures.MeasureVsParameter(results.Summary, "responsibilityEffectiveCount", "crossDepartmentShare")),
    ("latency-distortion-tradeoff.png", Figures.TradeOff(results.Summary, "latencyRestrictedMean", "distortionRms", new Dictionary<string, string> { ["crossDepartmentShare"] = "0.3" })),
    // From the rows in memory, with no folder: summarised by the code that writes summary.csv.
    ("latency-quantiles-one-point.png", Figures.LatencyQuantilePlot(CoordSim.Plots.Results.ResultsFolder.FromRows(onePoint.Plan(), rows).Summary, 0)),
};
foreach (var (file, plot) in figures)
{
    var path = Path.Combine(output, file);
    FigureStyle.Fit(plot, FigureStyle.DefaultWidth, FigureStyle.DefaultHeight);
    plot.SavePng(path, FigureStyle.DefaultWidth, FigureStyle.DefaultHeight);
    Console.WriteLine($"5. wrote {path}: {plot.Axes.Title.Label.Text}");
}
