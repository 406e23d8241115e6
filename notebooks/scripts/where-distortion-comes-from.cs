// The notebook notebooks/where-distortion-comes-from.dib as a .NET 10 file-based app; its figures are written as PNG files.
//   dotnet run notebooks/scripts/where-distortion-comes-from.cs -- [output folder]
// Outside the repository, replace the #:project lines by  #:package CoordSim@0.1.0  (and CoordSim.Plots).
#:project ../../src/CoordSim/CoordSim.csproj
#:project ../../src/CoordSim.Plots/CoordSim.Plots.csproj
#:property PublishAot=false

using CoordSim;
using CoordSim.Experiments;
using CoordSim.Plots;
using CoordSim.Structures;

var output = args.Length > 0 ? Directory.CreateDirectory(args[0]).FullName : Directory.CreateTempSubdirectory("coordsim-where-distortion-comes-from-").FullName;

// Where does distortion come from? The noise of a relay hop (noiseSigma 0, 0.1, 0.2) for the hierarchy, the leading
// group and the task force, 90 days with a 15-day warm-up, 2 replications per point, common issue streams.
var spec = ExperimentSpec.Create("where-distortion-comes-from")
    .Describe("Is distortion a matter of how many hand-overs a route has, or how noisy each one is?")
    .Compare(Structure.Hierarchy(), Structure.LeadingGroup(), Structure.TaskForce())
    .Set("horizonDays", 90)
    .Set("warmupDays", 15)
    .Vary("noiseSigma", 0, 0.1, 0.2)
    .Replications(2)
    .Seed(1)
    .Build();
var report = Sweep.Run(spec, Path.Combine(output, "results"));
var results = CoordSim.Plots.Results.ResultsFolder.Load(report.Directory);
Console.WriteLine($"sweep: {report.Done} runs; {report.Unstable} did not reach a steady state");

Console.WriteLine("distortionRms mean [95% CI] per point and structure:");
foreach (var row in results.Summary.Rows)
{
    var stats = row.Measures["distortionRms"];
    Console.WriteLine($"   noiseSigma {row.Parameters["noiseSigma"]}, {row.Structure}: {stats.Mean:G4} [{stats.CiLow:G4}, {stats.CiHigh:G4}], unstable runs {row.UnstableRuns}");
}

Console.WriteLine("distortionHops mean [95% CI] per point and structure:");
foreach (var row in results.Summary.Rows)
{
    var hops = row.Measures["distortionHops"];
    Console.WriteLine($"   noiseSigma {row.Parameters["noiseSigma"]}, {row.Structure}: {hops.Mean:G4} [{hops.CiLow:G4}, {hops.CiHigh:G4}], unstable runs {row.UnstableRuns}");
}

var figures = new (string File, ScottPlot.Plot Plot)[]
{
    ("distortion-vs-noise.png", Figures.MeasureVsParameter(results.Summary, "distortionRms", "noiseSigma")),
    ("hops-vs-noise.png", Figures.MeasureVsParameter(results.Summary, "distortionHops", "noiseSigma")),
    ("hops-distortion-tradeoff.png", Figures.TradeOff(results.Summary, "distortionHops", "distortionRms", new Dictionary<string, string> { ["noiseSigma"] = "0.1" })),
    ("severity-bias-vs-noise.png", Figures.MeasureVsParameter(results.Summary, "distortionSeverityBias", "noiseSigma")),
};
foreach (var (file, plot) in figures)
{
    var path = Path.Combine(output, file);
    FigureStyle.Fit(plot, FigureStyle.DefaultWidth, FigureStyle.DefaultHeight);
    plot.SavePng(path, FigureStyle.DefaultWidth, FigureStyle.DefaultHeight);
    Console.WriteLine($"wrote {path}: {plot.Axes.Title.Label.Text.ReplaceLineEndings(" ")}");
}
