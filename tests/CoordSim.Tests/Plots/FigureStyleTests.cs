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

    [Fact]
    public void A_wide_legend_does_not_push_the_title_off_the_image()
    {
        // ScottPlot centres a full-figure title between the image's left edge and the data area's
        // right edge, so a wide legend on the right moves it left: the lines must fit that span.
        var plot = FigureStyle.NewPlot();
        var line = plot.Add.Scatter(new double[] { 0, 1 }, new double[] { 0, 1 });
        line.LegendText = "a legend entry long enough to take a third of the width";
        // Many short words, so that wrapped lines come within a word of the room they are given.
        FigureStyle.Apply(plot, string.Join(" ", Enumerable.Repeat("ab", 90)), "", "x", "y");
        var path = Path.Combine(Path.GetTempPath(), $"coordsim-title-{Guid.NewGuid():N}.png");
        try
        {
            plot.SavePng(path, 1200, 800);
            var rgb = Rendering.AssertPng(path, 1200, 800);
            var top = (int)plot.LastRender.DataRect.Top;
            var inked = Enumerable.Range(0, top).SelectMany(y => Enumerable.Range(0, 1200).Where(x => rgb[y, x, 0] + rgb[y, x, 1] + rgb[y, x, 2] < 300)).ToArray();

            Assert.NotEmpty(inked);
            Assert.True(inked.Min() >= 5, $"the title touches the left edge (ink at x = {inked.Min()})");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
