using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoordSim.Metrics;
using CoordSim.Structures;

namespace CoordSim.Tests.Metrics;

public class MeasuresTests
{
    private static readonly Parameters Small = Parameters.Default with { Departments = 3, Levels = 3, Span = 2, ArrivalRate = 8, HorizonDays = 30, WarmupDays = 0 };

    [Fact]
    public void Measure_names_are_unique_camelCase_and_findable()
    {
        var names = MeasureCatalog.All.Select(m => m.Name).ToArray();
        Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(MeasureCatalog.All, m =>
        {
            Assert.Matches(new Regex("^[a-z][A-Za-z0-9]*$"), m.Name);
            Assert.Same(m, MeasureCatalog.Find(m.Name));
            Assert.False(string.IsNullOrWhiteSpace(m.Meaning));
        });
        Assert.Null(MeasureCatalog.Find("LatencyMean"));
    }

    [Fact]
    public void Measure_and_parameter_names_never_collide_because_both_are_columns_of_runs_csv()
    {
        var parameters = ParameterCatalog.All.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Empty(MeasureCatalog.All.Where(m => parameters.Contains(m.Name)).Select(m => m.Name));
    }

    [Fact]
    public void Measures_read_the_result_in_catalog_order()
    {
        var r = Simulation.Run(Structure.Hierarchy(), Small, 3);
        var measures = r.Measures().ToArray();
        Assert.Equal(MeasureCatalog.All.Select(m => m.Name), measures.Select(kv => kv.Key));
        var byName = measures.ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal(r.Latency.MeanResolved, byName["latencyMeanResolved"]);
        Assert.Equal(r.Issues.Arrived, byName["issuesArrived"]);
        Assert.Equal(r.Utilisation.GovernmentHead, byName["utilisationTop"]);
        Assert.Equal(r.Utilisation.Deputies, byName["utilisationDeputies"]);
        Assert.Equal(r.Decisions.ByConcurrence, byName["decidedByConcurrence"]);
        Assert.Equal(r.Latency.Components.Consultation.Resolved, byName["latencyConsultationResolved"]);
        Assert.Equal(r.Attendance.MeetingDays, byName["meetingDays"]);
        Assert.Equal(r.Events, byName["events"]);
    }

    [Fact]
    public void Json_is_culture_invariant_with_parameters_by_name_and_NaN_as_null()
    {
        var saved = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        try
        {
            CultureInfo.CurrentCulture = comma;
            var r = Simulation.Run(Structure.Hierarchy(), Small with { NoiseSigma = 0.125 }, 4);
            var json = RunResultJson.Serialize(r);
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            Assert.Equal("hierarchy", root.GetProperty("structure").GetString());
            Assert.Equal(4, root.GetProperty("seed").GetInt64());
            Assert.Equal(0.125, root.GetProperty("parameters").GetProperty("noiseSigma").GetDouble());
            Assert.Equal("fifo", root.GetProperty("parameters").GetProperty("queueDiscipline").GetString());
            Assert.Equal(
                ParameterCatalog.All.Select(i => i.Name),
                root.GetProperty("parameters").EnumerateObject().Select(p => p.Name));
            Assert.Equal(r.Latency.MeanResolved, root.GetProperty("latency").GetProperty("resolved").GetProperty("mean").GetDouble());
            Assert.Equal(r.Latency.AllArrivals.RestrictedMean, root.GetProperty("latency").GetProperty("allArrivals").GetProperty("restrictedMean").GetDouble());
            Assert.Equal(r.Stability.Stable, root.GetProperty("stability").GetProperty("stable").GetBoolean());
            Assert.Equal(r.Issues.Resolved, root.GetProperty("issues").GetProperty("resolved").GetInt64());

            // No body keeps an agenda in the hierarchy: the escalated share is NaN and written as null.
            Assert.True(double.IsNaN(r.Responsibility.EscalatedShare));
            Assert.Equal(JsonValueKind.Null, root.GetProperty("responsibility").GetProperty("escalatedShare").ValueKind);

            var array = RunResultJson.Serialize([r, r]);
            using var both = JsonDocument.Parse(array);
            Assert.Equal(2, both.RootElement.GetArrayLength());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Quantiles_follow_the_R7_definition()
    {
        var q = new Quantiles();
        foreach (var x in new[] { 5.0, 1, 4, 2, 3 })
        {
            q.Add(x);
        }

        var sorted = q.Sorted();
        Assert.Equal([1.0, 2, 3, 4, 5], sorted);
        Assert.Equal(3.0, Quantiles.At(sorted, 0.5));
        Assert.Equal(4.6, Quantiles.At(sorted, 0.9), 12);
        Assert.Equal(5.0, Quantiles.At(sorted, 1.0));
        Assert.True(double.IsNaN(Quantiles.At([], 0.5)));
        for (var i = 0; i < 5000; i++)
        {
            q.Add(i);
        }

        Assert.Equal(5005, q.Count);
        q.Clear();
        Assert.Equal(0, q.Count);
    }

    [Fact]
    public void A_run_without_resolved_issues_counts_them_as_pending_and_reports_NaN_not_zero()
    {
        // Every route has at least six one-day hops, so nothing discovered in a tenth of a day can finish.
        var p = Parameters.Default with { ArrivalRate = 1000, HorizonDays = 0.1, WarmupDays = 0, TransmissionDelay = 1 };
        var r = Simulation.Run(Structure.Hierarchy(), p, 1);
        Assert.True(r.Issues.Arrived > 50);
        Assert.Equal(0, r.Issues.Resolved);
        Assert.Equal(r.Issues.Arrived, r.Issues.Pending);
        Assert.True(double.IsNaN(r.Latency.MeanResolved));
        Assert.True(double.IsNaN(r.Latency.MedianResolved));
        Assert.True(double.IsNaN(r.Distortion.Mean));
        Assert.True(double.IsNaN(r.Responsibility.EffectiveCount));
        Assert.Equal(0, r.Latency.Throughput);
    }
}
