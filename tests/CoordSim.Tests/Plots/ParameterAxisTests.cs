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
    public void Values_a_decade_apart_and_more_even_on_a_log_scale_are_log_spaced()
    {
        Assert.True(ParameterAxis.LooksLogSpaced(["0.01", "0.03", "0.1", "0.3", "1"]));
        Assert.True(ParameterAxis.LooksLogSpaced(["1", "5", "10", "100"]));
        Assert.False(ParameterAxis.LooksLogSpaced(["20", "40", "60"]));
        Assert.False(ParameterAxis.LooksLogSpaced(["1", "2", "4", "8"]));
        Assert.False(ParameterAxis.LooksLogSpaced(["10", "20", "30", "40", "50", "60", "70", "80", "90", "100"]));
        Assert.False(ParameterAxis.LooksLogSpaced(["0", "1", "10", "100"]));
        Assert.False(ParameterAxis.LooksLogSpaced(["fifo", "urgent-first"]));
    }

    [Fact]
    public void A_log_axis_places_values_at_their_logarithm_and_labels_them_as_written()
    {
        var axis = ParameterAxis.For("dispatchInterval", ["1", "10", "100"], log: true);
        var words = ParameterAxis.For("queueDiscipline", ["fifo", "urgent-first"], log: true);

        Assert.True(axis.IsLog);
        Assert.Equal(2, axis.Position("100"), 12);
        Assert.False(words.IsLog);
        Assert.False(ParameterAxis.For("arrivalRate", ["20", "40"]).IsLog);
        var plot = new ScottPlot.Plot();
        axis.ApplyTicks(plot.Axes.Bottom);
        plot.RenderInMemory(400, 300);
        Assert.Equal(["1", "10", "100"], plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label));
    }

    [Theory]
    [InlineData("15.8113883008419", "15.81")]
    [InlineData("0.3", "0.3")]
    [InlineData("urgent-first", "urgent-first")]
    [InlineData("1234567", "1234567")]
    [InlineData("12345.6789", "12345.68")]
    [InlineData("0.000123456", "0.0001235")]
    public void Long_fractions_are_shortened_for_labels_and_whole_numbers_and_words_kept(string written, string label) =>
        Assert.Equal(label, ParameterAxis.Label(written));

    [Fact]
    public void A_value_not_on_the_axis_is_refused()
    {
        var axis = ParameterAxis.For("levels", ["3", "4"]);

        var e = Assert.Throws<ArgumentException>(() => axis.IndexOf("5"));

        Assert.Contains("levels = 5", e.Message);
        Assert.Contains("3, 4", e.Message);
    }
}
