using CoordSim.Experiments;
using CoordSim.Interactive;
using CoordSim.Metrics;
using Microsoft.Data.Analysis;

namespace CoordSim.Tests.Notebooks;

/// <summary>A sweep's rows as a Microsoft.Data.Analysis DataFrame (CoordSim.Interactive).</summary>
public sealed class DataFrameTests
{
    [Fact]
    public void The_columns_are_the_runs_csv_header_and_the_values_its_fields()
    {
        var spec = FormatterTests.TwoPointSpec();
        using var dir = new TempDirectory();
        Sweep.Run(spec, dir.Path);
        var lines = File.ReadAllLines(Path.Combine(dir.Path, "runs.csv"));
        var header = lines[0].Split(',');

        var frame = Sweep.Rows(spec, threads: 1).ToDataFrame(spec);

        Assert.Equal(header, frame.Columns.Select(c => c.Name));
        Assert.Equal(lines.Length - 1, frame.Rows.Count);
        for (var r = 0; r < frame.Rows.Count; r++)
        {
            var fields = lines[r + 1].Split(',');
            for (var c = 0; c < header.Length; c++)
            {
                Assert.True(SameValue(fields[c], frame.Columns[c][r]), $"row {r}, column {header[c]}: runs.csv has '{fields[c]}', the frame {frame.Columns[c][r]}");
            }
        }
    }

    [Fact]
    public void Columns_are_typed_and_undefined_measures_are_null()
    {
        var spec = FormatterTests.TwoPointSpec();
        var frame = Sweep.Rows(spec, threads: 1).ToDataFrame();

        Assert.IsType<Int32DataFrameColumn>(frame.Columns["pointId"]);
        Assert.IsType<StringDataFrameColumn>(frame.Columns["structure"]);
        Assert.IsType<Int64DataFrameColumn>(frame.Columns["seed"]);
        Assert.IsType<DoubleDataFrameColumn>(frame.Columns["arrivalRate"]);
        Assert.IsType<DoubleDataFrameColumn>(frame.Columns["latencyRestrictedMean"]);
        var integer = ParameterCatalog.All.First(p => p.IsInteger);
        Assert.IsType<Int64DataFrameColumn>(frame.Columns[integer.Name]);
        var flag = ParameterCatalog.All.FirstOrDefault(p => p.Type == typeof(bool));
        if (flag is not null)
        {
            Assert.IsType<BooleanDataFrameColumn>(frame.Columns[flag.Name]);
        }

        // Without the spec every measure has a column; the hierarchy has no revisit loop, so reopenedShare is undefined.
        Assert.Equal(4 + ParameterCatalog.All.Count + MeasureCatalog.All.Count, frame.Columns.Count);
        var reopened = frame.Columns["reopenedShare"];
        var structures = frame.Columns["structure"];
        Assert.Contains(Enumerable.Range(0, (int)frame.Rows.Count), r => (string)structures[r] == "hierarchy" && reopened[r] is null);
    }

    private static bool SameValue(string field, object? value) => value switch
    {
        null => field.Length == 0,
        double d => field.Length > 0 && double.Parse(field, System.Globalization.CultureInfo.InvariantCulture) == d,
        long or int => field == Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        bool b => field == (b ? "true" : "false"),
        _ => field == value.ToString(),
    };
}
