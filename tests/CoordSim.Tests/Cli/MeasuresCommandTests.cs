using System.Text.Json;
using CoordSim.Metrics;

namespace CoordSim.Tests.Cli;

public class MeasuresCommandTests
{
    [Fact]
    public void Measures_json_has_one_object_per_catalog_measure_in_order()
    {
        var run = CliInvocation.Run("measures", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var items = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(
            MeasureCatalog.All.Select(m => (m.Name, m.Unit, m.Meaning)),
            items.Select(i => (i.GetProperty("name").GetString()!, i.GetProperty("unit").GetString()!, i.GetProperty("meaning").GetString()!)));
        Assert.All(items, i => Assert.Equal(3, i.EnumerateObject().Count()));
        Assert.EndsWith("]\n", run.Stdout.Replace("\r\n", "\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Measures_table_lists_every_catalog_measure_in_order_with_its_unit()
    {
        var run = CliInvocation.Run("measures");

        Assert.Equal(0, run.ExitCode);
        var position = 0;
        foreach (var measure in MeasureCatalog.All)
        {
            // Each name starts its own table row ("│ name ..."), in catalog order.
            var at = run.Stdout.IndexOf("│ " + measure.Name + " ", position, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{measure.Name} is missing or out of order");
            Assert.Contains(measure.Unit, run.Stdout[at..run.Stdout.IndexOf('\n', at)], StringComparison.Ordinal);
            position = at;
        }
    }
}
