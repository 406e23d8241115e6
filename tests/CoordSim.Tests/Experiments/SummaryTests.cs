using CoordSim.Experiments;
using CoordSim.Metrics;
using CsvHelper;
using MathNet.Numerics.Distributions;

namespace CoordSim.Tests.Experiments;

public class SummaryTests
{
    [Fact]
    public void The_interval_is_mean_plus_minus_t_times_the_standard_error()
    {
        // Hand computation: mean 4, sd = sqrt(((1-4)^2 + (2-4)^2 + (3-4)^2 + 0 + (10-4)^2) / 4) = sqrt(12.5),
        // t(0.975; 4) = 2.7764451 (tables), half width = t * sd / sqrt(5).
        var estimate = MeanEstimate.Of([1, 2, 3, 4, 10]);
        var half = 2.7764451051977987 * Math.Sqrt(12.5) / Math.Sqrt(5);

        Assert.Equal(5, estimate.N);
        Assert.Equal(4, estimate.Mean, 12);
        Assert.Equal(Math.Sqrt(12.5), estimate.StandardDeviation, 12);
        Assert.Equal(4 - half, estimate.CiLow, 9);
        Assert.Equal(4 + half, estimate.CiHigh, 9);
        Assert.Equal(2.7764451051977987, StudentT.InvCDF(0, 1, 4, 0.975), 9);
    }

    [Fact]
    public void Non_finite_values_are_left_out_and_one_value_has_no_interval()
    {
        var two = MeanEstimate.Of([1, double.NaN, 3]);
        var one = MeanEstimate.Of([double.NaN, 5]);
        var none = MeanEstimate.Of([double.NaN]);

        Assert.Equal(2, two.N);
        Assert.Equal(2, two.Mean);
        Assert.Equal(2 - (12.706204736174707 * Math.Sqrt(2) / Math.Sqrt(2)), two.CiLow, 9);
        Assert.Equal((1, 5.0), (one.N, one.Mean));
        Assert.True(double.IsNaN(one.StandardDeviation) && double.IsNaN(one.CiLow) && double.IsNaN(one.CiHigh));
        Assert.Equal(0, none.N);
        Assert.True(double.IsNaN(none.Mean));
    }

    [Fact]
    public void Summary_rows_are_the_estimates_of_the_runs_of_each_point_and_structure()
    {
        var spec = SweepFixture.TwoStructures(replications: 4);
        var folder = SweepFixture.TempFolder("summary");
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2 });
        var runs = Sweep.Rows(spec, threads: 2).ToList();

        using var reader = CsvReader.FromFile(Path.Combine(folder, "summary.csv"));
        var rows = 0;
        while (reader.Read())
        {
            rows++;
            var point = reader.Parse<int>("pointId");
            var structure = reader.GetString("structure");
            var group = runs.Where(r => r.PointId == point && r.Structure == structure).ToList();
            Assert.Equal(4, group.Count);
            Assert.Equal(group.Count, reader.Parse<int>("n"));
            foreach (var p in ParameterCatalog.All)
            {
                Assert.Equal(p.Format(group[0].Parameters), reader.GetString(p.Name));
            }

            foreach (var m in MeasureCatalog.All)
            {
                var expected = MeanEstimate.Of(group.Select(r => m.Read(r.Result)));
                AssertField(reader, m.Name + "_mean", expected.Mean);
                AssertField(reader, m.Name + "_sd", expected.StandardDeviation);
                AssertField(reader, m.Name + "_ciLow", expected.CiLow);
                AssertField(reader, m.Name + "_ciHigh", expected.CiHigh);
            }
        }

        Assert.Equal(2 * 2, rows);
    }

    [Fact]
    public void A_single_replication_leaves_sd_and_interval_empty()
    {
        var folder = SweepFixture.TempFolder("single");
        Sweep.Run(SweepFixture.TwoStructures(replications: 1), folder);

        using var reader = CsvReader.FromFile(Path.Combine(folder, "summary.csv"));
        Assert.True(reader.Read());
        Assert.False(reader.IsEmpty(reader.GetFieldIndex("latencyMeanResolved_mean")));
        Assert.True(reader.IsEmpty(reader.GetFieldIndex("latencyMeanResolved_sd")));
        Assert.True(reader.IsEmpty(reader.GetFieldIndex("latencyMeanResolved_ciLow")));
        Assert.True(reader.IsEmpty(reader.GetFieldIndex("latencyMeanResolved_ciHigh")));
    }

    private static void AssertField(CsvReader reader, string column, double expected)
    {
        if (double.IsFinite(expected))
        {
            Assert.Equal(expected, reader.Parse<double>(column));
        }
        else
        {
            Assert.True(reader.IsEmpty(reader.GetFieldIndex(column)), column);
        }
    }
}
