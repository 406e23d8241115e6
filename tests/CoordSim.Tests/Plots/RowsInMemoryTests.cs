using CoordSim.Experiments;
using CoordSim.Plots;
using CoordSim.Plots.Results;
using CoordSim.Tests.Docs;
using CoordSim.Tests.Experiments;
using ResultsFolder = CoordSim.Plots.Results.ResultsFolder;
using SummaryTable = CoordSim.Plots.Results.SummaryTable;

namespace CoordSim.Tests.Plots;

/// <summary>
/// A sweep's rows in memory give what its files give: flat records equal to runs.csv's rows, the summary summary.csv
/// holds, and the default figures, drawn and rendered without writing anything.
/// </summary>
public class RowsInMemoryTests
{
    /// <summary>One sweep, written, with the rows it handed to <see cref="SweepOptions.OnRow"/>.</summary>
    internal static readonly Lazy<(ExperimentSpec Spec, string Folder, List<RunRow> Rows)> Swept = new(() =>
    {
        var spec = SweepFixture.TwoStructures(replications: 3, timeSeries: null);
        var folder = SweepFixture.TempFolder("rows-in-memory");
        var rows = new List<RunRow>();
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2, OnRow = rows.Add });
        return (spec, folder, rows);
    });

    [Fact]
    public void A_sweep_hands_each_run_once_in_result_order_as_the_in_memory_stream_gives_it()
    {
        var (spec, _, rows) = Swept.Value;

        Assert.Equal(Enumerable.Range(0, spec.Plan().RunCount), rows.Select(r => r.Index));
        Assert.Equal(Sweep.Rows(spec, threads: 2).Select(r => (r.PointId, r.Structure, r.Replication, r.Seed, r.Result.Latency.MeanResolved)),
            rows.Select(r => (r.PointId, r.Structure, r.Replication, r.Seed, r.Result.Latency.MeanResolved)));
    }

    [Fact]
    public void Flat_records_in_memory_equal_the_rows_read_back_from_runs_csv_key_by_key()
    {
        var (spec, folder, rows) = Swept.Value;
        var plan = spec.Plan();

        var inMemory = RunRecord.Of(plan, rows).ToArray();
        var read = ResultsFolder.Load(folder).Runs.Rows;

        Assert.Equal(read.Count, inMemory.Length);
        for (var i = 0; i < read.Count; i++)
        {
            Assert.Equal(read[i].Columns, inMemory[i].Columns);
            Assert.Equal(read[i].ToArray(), inMemory[i].ToArray());
            Assert.Equal(read[i], inMemory[i]);
            Assert.Equal(read[i], rows[i].ToRecord(plan));
        }

        var lines = File.ReadAllLines(Path.Combine(folder, ResultsFormat.RunsFile));
        Assert.Equal(lines[0], string.Join(",", inMemory[0].Columns));
        Assert.Equal(lines.Skip(1), inMemory.Select(r => r.ToString()));
        Assert.Equal(rows[4].Result.Latency.MeanResolved, inMemory[4].Number("latencyMeanResolved"));
        Assert.Equal((rows[4].PointId, rows[4].Structure, rows[4].Replication, rows[4].Seed),
            (inMemory[4].PointId, inMemory[4].Structure, inMemory[4].Replication, inMemory[4].Seed));
    }

    [Fact]
    public void Records_of_rows_refuse_a_missing_plan_or_rows_when_asked_not_when_first_enumerated()
    {
        // The records are produced lazily; the arguments are checked at the call, where the mistake is.
        var (spec, _, rows) = Swept.Value;
        Assert.Equal("plan", Assert.Throws<ArgumentNullException>(() => RunRecord.Of(null!, rows)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentNullException>(() => RunRecord.Of(spec.Plan(), (IEnumerable<RunRow>)null!)).ParamName);
    }

    [Fact]
    public void A_record_refuses_a_header_that_is_not_runs_csvs_and_names_a_missing_column()
    {
        var header = new[] { "structure", "pointId", "replication", "seed", "m" };
        var wrongOrder = Assert.Throws<ArgumentException>(() => new RunRecord(header, ["hierarchy", "0", "0", "1", "2"]));
        Assert.Contains("must start with pointId, structure, replication, seed", wrongOrder.Message, StringComparison.Ordinal);

        var record = new RunRecord(["pointId", "structure", "replication", "seed", "m", "blank"], ["3", "hierarchy", "1", "42", "2.5", ""]);
        Assert.Equal((3, "hierarchy", 1, 42L), (record.PointId, record.Structure, record.Replication, record.Seed));
        Assert.Equal(2.5, record.Number("m"));
        Assert.True(double.IsNaN(record.Number("blank")));
        Assert.Contains("no column 'x'", Assert.Throws<KeyNotFoundException>(() => record["x"]).Message, StringComparison.Ordinal);
        Assert.Contains("'hierarchy', which is not a number", Assert.Throws<FormatException>(() => record.Number("structure")).Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentException>(() => new RunRecord(["pointId", "structure", "replication", "seed"], ["-1", "h", "0", "1"]));
        Assert.Equal("fields", negative.ParamName);
        Assert.Equal($"A run record's pointId is '-1'; it must be an integer from 0 to {int.MaxValue}. (Parameter 'fields')", negative.Message);
    }

    [Fact]
    public void The_summary_of_rows_in_memory_is_the_summary_csv_of_the_same_sweep()
    {
        var (spec, folder, rows) = Swept.Value;
        var plan = spec.Plan();

        var fromRows = SummaryTable.FromRows(plan, rows);
        var loaded = SummaryTable.Load(Path.Combine(folder, ResultsFormat.SummaryFile), Manifest.Load(Path.Combine(folder, ResultsFormat.ManifestFile)));

        Assert.Equal(loaded.Table.Columns, fromRows.Table.Columns);
        Assert.Equal(loaded.Table.RowCount, fromRows.Table.RowCount);
        for (var r = 0; r < loaded.Table.RowCount; r++)
        {
            Assert.Equal(loaded.Table.Row(r), fromRows.Table.Row(r));
        }

        var text = File.ReadAllLines(Path.Combine(folder, ResultsFormat.SummaryFile)).Skip(1);
        Assert.Equal(text, RunSummary.Of(plan, rows).Select(r => string.Join(",", r)));
        Assert.Equal(text, RunSummary.Of(plan, rows.AsEnumerable().Reverse()).Select(r => string.Join(",", r)));
        Assert.Equal(loaded.Measures, fromRows.Measures);
        Assert.Equal(loaded.Structures, fromRows.Structures);
        Assert.Equal(loaded.Scenario.Name, fromRows.Scenario.Name);
        Assert.Equal(loaded.Scenario.VariedParameters, fromRows.Scenario.VariedParameters);
    }

    [Fact]
    public void A_summary_of_runs_from_another_plan_is_refused_by_name()
    {
        var (spec, _, rows) = Swept.Value;
        var other = SweepFixture.Small("other").Vary("crossDepartmentShare", 0.2, 0.6).Replications(1).Build().Plan();

        var e = Assert.Throws<ArgumentException>(() => RunSummary.Of(other, rows));

        Assert.Contains("structure 'flat', which is not one of the plan's: hierarchy", e.Message, StringComparison.Ordinal);
        Assert.Throws<ResultsFormatException>(() => SummaryTable.FromRows(spec.Plan(), []));
    }
}

/// <summary>Figures from rows in memory, with the current directory and the temp folder watched (process-wide state: run alone).</summary>
[Collection(ProcessStateCollection.Name)]
public class FiguresInMemoryTests
{
    [Fact]
    public void The_default_figures_of_rows_in_memory_are_drawn_and_rendered_without_writing_anything()
    {
        var spec = SweepFixture.TwoStructures(replications: 2, timeSeries: null);
        var cwd = Environment.CurrentDirectory;
        var tmp = Environment.GetEnvironmentVariable("TMPDIR");
        var emptyCwd = SweepFixture.TempFolder("figures-cwd");
        var emptyTmp = SweepFixture.TempFolder("figures-tmp");
        IReadOnlyList<NamedFigure> figures;
        byte[] png, svg;
        ResultsFolder results;
        try
        {
            Environment.CurrentDirectory = emptyCwd;
            Environment.SetEnvironmentVariable("TMPDIR", emptyTmp);
            results = ResultsFolder.FromRows(spec.Plan(), Sweep.Rows(spec, threads: 2));
            figures = FigureSet.Defaults(results);
            png = FigureSet.Render(figures[0]);
            svg = FigureSet.Render(figures[^1], FigureFormat.Svg, FigureOptions.Default with { Width = 400, Height = 300 });
        }
        finally
        {
            Environment.CurrentDirectory = cwd;
            Environment.SetEnvironmentVariable("TMPDIR", tmp);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(emptyCwd));
        Assert.Empty(Directory.EnumerateFileSystemEntries(emptyTmp));
        Assert.True(results.IsInMemory);
        Assert.Equal(2 * 2, results.Summary.Rows.Count);
        Assert.Equal(2 * 2 * 2, results.Runs.Rows.Count);
        var written = SweepFixture.TempFolder("figures-written");
        Sweep.Run(spec, written, new SweepOptions { Threads = 2 });
        Assert.Equal(FigureSet.Defaults(ResultsFolder.Load(written)).Select(f => f.Name), figures.Select(f => f.Name));
        Assert.Contains(figures, f => f.Name.StartsWith("latencyRestrictedMean-vs-crossDepartmentShare", StringComparison.Ordinal));
        Assert.All(figures, f => Assert.NotEmpty(f.Plot.GetPlottables()));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.True(png.Length > 1000);
        Assert.Contains("<svg", System.Text.Encoding.UTF8.GetString(svg), StringComparison.Ordinal);
        Assert.Contains("width=\"400\"", System.Text.Encoding.UTF8.GetString(svg), StringComparison.Ordinal);
        Assert.Contains("no folder", Assert.Throws<InvalidOperationException>(() => results.FiguresDirectory).Message, StringComparison.Ordinal);
        Assert.Contains("FigureSet.Render", Assert.Throws<InvalidOperationException>(() => FigureSet.WriteDefaults(results)).Message, StringComparison.Ordinal);
    }
}
