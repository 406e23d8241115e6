using CoordSim.Plots;

namespace CoordSim.Tests.Plots;

public class FigureStyleTests
{
    [Fact]
    public void Long_subtitles_wrap_at_their_separators_and_read_back_on_one_line()
    {
        var text = "point 0: a = 1, b = 2; from issues.csv: every resolved issue; fixed: departments = 6, horizonDays = 30; others at defaults";

        var wrapped = FigureStyle.Wrap(text, line => line.Length <= 40);

        Assert.All(wrapped.Split('\n'), line => Assert.True(line.Length <= 40, line));
        Assert.Equal(text, wrapped.Replace("\n", " ", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_rewraps_title_and_subtitle_for_the_image_width()
    {
        var plot = FigureStyle.NewPlot();
        var subtitle = string.Join("; ", Enumerable.Range(0, 12).Select(i => $"parameter{i} = {i}"));
        FigureStyle.Apply(plot, "a title", subtitle, "x", "y");

        FigureStyle.Fit(plot, 400, 300);
        var narrow = plot.Axes.GetPanels().OfType<ScottPlot.Panels.TitlePanel>().Max(p => p.Label.Text.Split('\n').Length);
        FigureStyle.Fit(plot, 3000, 2000);
        var wide = plot.Axes.GetPanels().OfType<ScottPlot.Panels.TitlePanel>().Max(p => p.Label.Text.Split('\n').Length);

        Assert.True(narrow > wide, $"{narrow} lines at 400 px, {wide} at 3000 px");
        Assert.Equal(subtitle, FigureStyle.SubtitleOf(plot));
        Assert.True(FigureStyle.TitleSize >= 14 && FigureStyle.AxisLabelSize >= 14 && FigureStyle.TickLabelSize >= 14 && FigureStyle.LegendSize >= 14 && FigureStyle.DataLabelSize >= 14);
    }
}
