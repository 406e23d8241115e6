using CoordSim.Plots;
using CoordSim.Plots.Results;
using ScottPlot;
using ScottPlot.Plottables;

namespace CoordSim.Tests.Plots;

/// <summary>The point labels of a trade-off never overlap one another, however crowded the points.</summary>
[Collection(SmallResultsCollection.Name)]
public class TradeOffLabelTests(SmallResults fixture)
{
    /// <summary>Each label's box in pixels, as drawn: its point's pixel plus its offset, the size of its text (upper-left aligned).</summary>
    private static (Text Label, Pixel Anchor, PixelRect Box)[] Boxes(Plot plot)
    {
        using var paint = Paint.NewDisposablePaint();
        return plot.GetPlottables<Text>().Where(t => t.IsVisible).Select(t =>
        {
            Assert.Equal(Alignment.UpperLeft, t.LabelAlignment);
            var anchor = plot.GetPixel(t.Location);
            var size = t.LabelStyle.Measure(t.LabelText, paint);
            var (left, top) = (anchor.X + t.OffsetX, anchor.Y + t.OffsetY);
            return (t, anchor, new PixelRect(left, left + size.Width, top + size.Height, top));
        }).ToArray();
    }

    private static bool Overlap(PixelRect a, PixelRect b) => a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;

    [Theory]
    [InlineData(1200, 800)]
    [InlineData(1000, 700)]
    public void Labels_of_a_crowded_trade_off_are_pairwise_disjoint_inside_the_data_area_and_clear_of_the_points(int width, int height)
    {
        // 11 structures × 4 points, most of them within a few pixels of one another.
        var summary = ResultsFolder.Load(fixture.Directory).Summary;
        var plot = Figures.TradeOff(summary, "latencyRestrictedMean", "distortionRms");
        FigureStyle.Fit(plot, width, height);
        plot.RenderInMemory(width, height);
        var data = plot.LastRender.DataRect;

        var boxes = Boxes(plot);
        var all = plot.GetPlottables<Text>().Count();
        Assert.Equal(summary.Rows.Count, all);
        if (width == 1200)
        {
            Assert.Equal(all, boxes.Length);
        }

        for (var i = 0; i < boxes.Length; i++)
        {
            var box = boxes[i].Box;
            Assert.True(box.Left >= data.Left && box.Right <= data.Right && box.Top >= data.Top && box.Bottom <= data.Bottom, $"'{boxes[i].Label.LabelText}' leaves the data area {data}: {box}");
            for (var j = i + 1; j < boxes.Length; j++)
            {
                Assert.False(Overlap(box, boxes[j].Box), $"'{boxes[i].Label.LabelText}' at {box} overlaps '{boxes[j].Label.LabelText}' at {boxes[j].Box}");
            }

            foreach (var point in boxes)
            {
                var marker = new PixelRect(point.Anchor.X - 6, point.Anchor.X + 6, point.Anchor.Y + 6, point.Anchor.Y - 6);
                Assert.False(Overlap(box, marker), $"'{boxes[i].Label.LabelText}' covers a point");
            }
        }

        // A label set away from its point is tied to it by a leader line from the point to the label's box.
        var leaders = plot.GetPlottables<LeaderLines>().Single().Segments;
        var far = boxes.Where(b => Distance(b.Anchor, b.Box) > 21).ToArray();
        Assert.NotEmpty(far);
        Assert.Equal(far.Length, leaders.Count);
        foreach (var (label, _, box) in far)
        {
            var leader = Assert.Single(leaders, l => l.Start == label.Location);
            var end = plot.GetPixel(leader.End);
            Assert.Equal(label.LabelFontColor.WithAlpha(0.8), leader.Color);
            Assert.InRange(end.X, box.Left - 0.5, box.Right + 0.5);
            Assert.InRange(end.Y, box.Top - 0.5, box.Bottom + 0.5);
        }
    }

    [Fact]
    public void Placing_again_at_another_size_replaces_the_leader_lines()
    {
        var plot = Figures.TradeOff(ResultsFolder.Load(fixture.Directory).Summary, "latencyRestrictedMean", "distortionRms");
        FigureStyle.Fit(plot, 900, 600);
        FigureStyle.Fit(plot, 1200, 800);
        plot.RenderInMemory(1200, 800);

        var far = Boxes(plot).Count(b => Distance(b.Anchor, b.Box) > 21);
        Assert.Equal(far, plot.GetPlottables<LeaderLines>().Single().Segments.Count);
    }

    [Fact]
    public void Thirty_labels_on_one_point_find_thirty_separate_spots()
    {
        var anchors = Enumerable.Repeat(new Pixel(400, 300), 30).ToArray();
        var sizes = Enumerable.Repeat(new PixelSize(60, 20), 30).ToArray();

        var boxes = LabelPlacement.Place(anchors, sizes, 7, new PixelRect(0, 800, 600, 0));

        Assert.All(boxes, b => Assert.NotNull(b));
        var placed = boxes.Select(b => b!.Value).ToArray();
        for (var i = 0; i < placed.Length; i++)
        {
            for (var j = i + 1; j < placed.Length; j++)
            {
                Assert.False(Overlap(placed[i], placed[j]), $"{placed[i]} overlaps {placed[j]}");
            }
        }
    }

    [Fact]
    public void A_label_with_no_free_spot_is_left_out_rather_than_overlapped()
    {
        // Room for one 60 × 20 label beside the point, not for two.
        var anchors = new[] { new Pixel(10, 15), new Pixel(10, 15) };
        var sizes = new[] { new PixelSize(60, 20), new PixelSize(60, 20) };

        var boxes = LabelPlacement.Place(anchors, sizes, 7, new PixelRect(0, 100, 30, 0));

        Assert.NotNull(boxes[0]);
        Assert.Null(boxes[1]);
    }

    private static float Distance(Pixel point, PixelRect box) => LabelPlacement.Nearest(point, box).Distance;
}
