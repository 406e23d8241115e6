using System.Text.RegularExpressions;
using CoordSim.Experiments;
using CoordSim.Plots.Results;
using CoordSim.Tests.Docs;
using CoordSim.Tests.Experiments;
using ResultsFolder = CoordSim.Plots.Results.ResultsFolder;
using SummaryTable = CoordSim.Plots.Results.SummaryTable;

namespace CoordSim.Tests.Plots;

/// <summary>
/// The results-format contract (<see cref="ResultsFormat"/>) is the one the sweep writes by and the reader reads by: the
/// files of a sweep have the headers the contract gives, and no other source file spells a file name or a statistic suffix.
/// </summary>
public class ResultsContractTests
{
    private static readonly Lazy<(ExperimentSpec Spec, string Folder)> Written = new(() =>
    {
        var spec = SweepFixture.TwoStructures(replications: 2, issues: true, timeSeries: 10);
        var folder = SweepFixture.TempFolder("contract");
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2 });
        return (spec, folder);
    });

    [Fact]
    public void A_sweep_writes_every_file_with_the_headers_the_reader_expects()
    {
        var (spec, folder) = Written.Value;
        var plan = spec.Plan();
        string[] Header(string file) => File.ReadLines(Path.Combine(folder, file)).First().Split(',');

        Assert.Equal(
            new[] { ResultsFormat.RunsFile, ResultsFormat.SummaryFile, ResultsFormat.IssuesFile, ResultsFormat.TimeSeriesFile, ResultsFormat.ChecksumsFile, ResultsFormat.CodebookFile, ResultsFormat.ManifestFile }.Order(),
            Directory.GetFiles(folder).Select(Path.GetFileName).Where(f => !f!.StartsWith('.')).Order());

        var runs = Header(ResultsFormat.RunsFile);
        Assert.Equal(ResultsFormat.RunKeys, runs.Take(4));
        Assert.Equal(RunRecord.ColumnsOf(plan), runs);
        Assert.Equal(plan.Measures.Select(m => m.Name), runs.TakeLast(plan.Measures.Count));

        var summary = Header(ResultsFormat.SummaryFile);
        Assert.Equal(ResultsFormat.SummaryKeys, summary.Take(2));
        Assert.Equal(RunSummary.ColumnsOf(plan), summary);
        var counts = Array.IndexOf(summary, ResultsFormat.Runs);
        Assert.Equal(ResultsFormat.SummaryCounts, summary.Skip(counts).Take(2));
        Assert.Equal(
            plan.Measures.SelectMany(m => ResultsFormat.StatisticSuffixes.Select(s => m.Name + s)),
            summary.Skip(counts + 2));

        Assert.Equal(ResultsFormat.IssuesColumns, Header(ResultsFormat.IssuesFile));
        Assert.False(ResultsFormat.IssuesColumns is string[], "the writer's header is not handed out to be changed");
        Assert.Equal(IssueTable.Columns, Header(ResultsFormat.IssuesFile));

        // One level column per department level (two here) where the contract lists the first.
        var series = Header(ResultsFormat.TimeSeriesFile);
        Assert.Equal(ResultsFormat.TimeSeriesColumns, series.Where(c => c != ResultsFormat.UtilisationLevelPrefix + "1"));
        Assert.Contains(ResultsFormat.UtilisationLevelPrefix + "1", series);

        var codebookFiles = File.ReadLines(Path.Combine(folder, ResultsFormat.CodebookFile)).Skip(1).Select(l => l.Split(',')[0]).Distinct();
        Assert.Equal([ResultsFormat.RunsFile, ResultsFormat.SummaryFile, ResultsFormat.IssuesFile, ResultsFormat.TimeSeriesFile], codebookFiles);

        // And the reader takes every file: the measures of summary.csv are the plan's, the manifest says its library.
        var results = ResultsFolder.Load(folder);
        Assert.Equal(plan.Measures.Select(m => m.Name), results.Summary.Measures);
        Assert.True(results.HasIssues && results.HasTimeSeries);
        Assert.NotEmpty(results.TimeSeries(0)!);
        Assert.StartsWith("CoordSim ", results.Manifest.LibraryVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reader_names_the_files_as_the_contract_does()
    {
        Assert.Equal(
            [ResultsFormat.RunsFile, ResultsFormat.SummaryFile, ResultsFormat.IssuesFile, ResultsFormat.TimeSeriesFile, ResultsFormat.CodebookFile, ResultsFormat.ManifestFile, ResultsFormat.FiguresFolder],
            [ResultFiles.Runs, ResultFiles.Summary, ResultFiles.Issues, ResultFiles.TimeSeries, ResultFiles.Codebook, ResultFiles.Manifest, ResultFiles.Figures]);
        Assert.Equal(ResultsFormat.StatisticSuffixes, SummaryTable.StatSuffixes);
        Assert.Equal(["_mean", "_sd", "_ciLow", "_ciHigh"], ResultsFormat.StatisticSuffixes);
        Assert.Equal(["runs.csv", "summary.csv", "issues.csv", "timeseries.csv", "checksums.csv", "codebook.csv", "manifest.json"],
            [ResultsFormat.RunsFile, ResultsFormat.SummaryFile, ResultsFormat.IssuesFile, ResultsFormat.TimeSeriesFile, ResultsFormat.ChecksumsFile, ResultsFormat.CodebookFile, ResultsFormat.ManifestFile]);
    }

    [Fact]
    public void No_source_file_but_the_contract_spells_a_file_name_or_a_statistic_suffix()
    {
        var spelled = new Regex(
            "\"(runs\\.csv|summary\\.csv|sensitivity\\.csv|issues\\.csv|timeseries\\.csv|checksums\\.csv|codebook\\.csv|manifest\\.json|_mean|_sd|_ciLow|_ciHigh)\"",
            RegexOptions.CultureInvariant);
        var contract = RepositoryFiles.PathOf("src/CoordSim/Experiments/Results/ResultsFormat.cs");
        var offenders = Directory.EnumerateFiles(RepositoryFiles.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && f != contract)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("///", StringComparison.Ordinal) && spelled.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepositoryFiles.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToArray();

        Assert.True(offenders.Length == 0, "Spelled outside ResultsFormat:\n" + string.Join("\n", offenders));
        Assert.Matches(spelled, File.ReadAllText(contract)); // the scan can see what it looks for
    }
}
