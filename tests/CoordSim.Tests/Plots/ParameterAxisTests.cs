using CoordSim.Plots;

namespace CoordSim.Tests.Plots;

public class ParameterAxisTests
{
    [Fact]
    public void Numbers_sit_at_their_value_in_numeric_order()
    {
        var axis = ParameterAxis.For("arrivalRate", ["40", "10", "20.5", "10"]);

        Assert.True(axis.IsNumeric);
        Assert.Equal(["10", "20.5", "40"], axis.Values);
        Assert.Equal(20.5, axis.Position("20.5"));
    }

    [Fact]
    public void Enum_values_are_categories_in_the_parameters_order()
    {
        var axis = ParameterAxis.For("queueDiscipline", ["urgent-first", "fifo"]);

        Assert.False(axis.IsNumeric);
        Assert.Equal(["fifo", "urgent-first"], axis.Values);
        Assert.Equal(1, axis.Position("urgent-first"));
        var plot = new ScottPlot.Plot();
        axis.ApplyTicks(plot.Axes.Bottom);
        plot.RenderInMemory(400, 300);
        Assert.Equal(["fifo", "urgent-first"], plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label));
    }

    [Fact]
    public void A_value_not_on_the_axis_is_refused()
    {
        var axis = ParameterAxis.For("levels", ["3", "4"]);

        var e = Assert.Throws<ArgumentException>(() => axis.IndexOf("5"));

        Assert.Contains("levels = 5", e.Message);
        Assert.Contains("3, 4", e.Message);
    }
}
