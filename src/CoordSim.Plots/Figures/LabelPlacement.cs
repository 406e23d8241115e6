using ScottPlot;

namespace CoordSim.Plots;

/// <summary>
/// Places text labels next to points so that no two labels overlap and no label covers a point:
/// a simple deterministic search. Labels are placed one after another, in the order given; each
/// takes the first free spot among candidates at growing distance from its point (4 px, then
/// rings out to 320 px), in 16 directions per ring starting up and to the right. A spot is free
/// when the label's box, widened by <see cref="Gap"/>, lies inside the bounds and meets no label
/// placed before it and no point's marker box (the labelled points' and any unlabelled ones'). A label with no free spot is not placed (null).
/// </summary>
internal static class LabelPlacement
{
    /// <summary>Pixels kept clear around each label.</summary>
    public const float Gap = 2;

    /// <summary>A label farther than this from its point (pixels, between the point and the nearest edge of its box) gets a leader line.</summary>
    public const float LeaderDistance = 14;

    private static readonly float[] Distances = [4, 10, 18, 28, 40, 54, 70, 88, 108, 130, 155, 185, 220, 260, 320];

    /// <summary>The 16 directions of a ring, starting up and to the right (pixel y grows downwards), then alternating around it.</summary>
    private static readonly (float X, float Y)[] Directions = Enumerable.Range(0, 16)
        .Select(k => (k % 2 == 0 ? 1 : -1) * ((k + 1) / 2) * Math.PI / 8)
        .Select(offset => (Math.PI / 4) + offset)
        .Select(angle => ((float)Math.Cos(angle), -(float)Math.Sin(angle)))
        .ToArray();

    /// <summary>The box of each label (pixels), or null for a label that has no free spot.</summary>
    /// <param name="anchors">Each label's point, in pixels.</param>
    /// <param name="sizes">Each label's size, in pixels.</param>
    /// <param name="markerRadius">Half the width of a point's marker box, in pixels.</param>
    /// <param name="bounds">Where labels may go (the data area).</param>
    /// <param name="unlabelled">Points drawn without a label, whose markers labels must not cover either (optional).</param>
    public static PixelRect?[] Place(IReadOnlyList<Pixel> anchors, IReadOnlyList<PixelSize> sizes, float markerRadius, PixelRect bounds, IEnumerable<Pixel>? unlabelled = null)
    {
        if (anchors.Count != sizes.Count)
        {
            throw new ArgumentException($"{anchors.Count} anchors but {sizes.Count} sizes.", nameof(sizes));
        }

        var markers = anchors.Concat(unlabelled ?? []).Select(a => new PixelRect(a.X - markerRadius, a.X + markerRadius, a.Y + markerRadius, a.Y - markerRadius)).ToArray();
        var placed = new List<PixelRect>();
        var boxes = new PixelRect?[anchors.Count];
        for (var i = 0; i < anchors.Count; i++)
        {
            foreach (var box in Candidates(anchors[i], sizes[i], markerRadius))
            {
                var widened = box.Expand(Gap);
                if (widened.Left >= bounds.Left && widened.Right <= bounds.Right && widened.Top >= bounds.Top && widened.Bottom <= bounds.Bottom &&
                    !placed.Any(p => Intersects(p, widened)) && !markers.Any(m => Intersects(m, widened)))
                {
                    boxes[i] = box;
                    placed.Add(widened);
                    break;
                }
            }
        }

        return boxes;
    }

    /// <summary>
    /// Places <paramref name="labels"/> on <paramref name="plot"/> as laid out at its last render (<see cref="Place"/>,
    /// within <paramref name="bounds"/>, clear of the <paramref name="unlabelled"/> points): each placed label is moved to
    /// its box, one set farther than <see cref="LeaderDistance"/> from its point gets a leader line in its colour in
    /// <paramref name="leaders"/>, and one with no free spot is hidden.
    /// </summary>
    public static void Apply(Plot plot, IReadOnlyList<(ScottPlot.Plottables.Text Label, Color Color)> labels, float markerRadius, PixelRect bounds,
        LeaderLines leaders, IEnumerable<Pixel>? unlabelled = null)
    {
        using var paint = Paint.NewDisposablePaint();
        var anchors = labels.Select(l => plot.GetPixel(l.Label.Location)).ToArray();
        var sizes = labels.Select(l => l.Label.LabelStyle.Measure(l.Label.LabelText, paint)).Select(m => new PixelSize(m.Width, m.Height)).ToArray();
        var boxes = Place(anchors, sizes, markerRadius, bounds, unlabelled);
        for (var i = 0; i < labels.Count; i++)
        {
            var (label, color) = labels[i];
            label.IsVisible = boxes[i] is not null;
            if (boxes[i] is not { } box)
            {
                continue;
            }

            label.OffsetX = box.Left - anchors[i].X;
            label.OffsetY = box.Top - anchors[i].Y;
            var (distance, nearest) = Nearest(anchors[i], box);
            if (distance > LeaderDistance + markerRadius)
            {
                leaders.Add(label.Location, plot.GetCoordinates(nearest), color.WithAlpha(0.8));
            }
        }
    }

    /// <summary>True when the two boxes share more than an edge.</summary>
    public static bool Intersects(PixelRect a, PixelRect b) =>
        a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;

    /// <summary>The distance from <paramref name="point"/> to the nearest point of <paramref name="box"/> (0 inside it), and that nearest point.</summary>
    public static (float Distance, Pixel Nearest) Nearest(Pixel point, PixelRect box)
    {
        var nearest = new Pixel(Math.Clamp(point.X, box.Left, box.Right), Math.Clamp(point.Y, box.Top, box.Bottom));
        var (dx, dy) = (nearest.X - point.X, nearest.Y - point.Y);
        return ((float)Math.Sqrt((dx * dx) + (dy * dy)), nearest);
    }

    private static IEnumerable<PixelRect> Candidates(Pixel anchor, PixelSize size, float markerRadius)
    {
        foreach (var distance in Distances)
        {
            var reach = markerRadius + distance;
            foreach (var (dx, dy) in Directions)
            {
                // The box's edge nearest the point sits at the reach in this direction; across it, the box is centred when the direction is nearly straight.
                var left = anchor.X + (dx * reach) + (dx > 0.2f ? 0 : dx < -0.2f ? -size.Width : -size.Width / 2);
                var top = anchor.Y + (dy * reach) + (dy > 0.2f ? 0 : dy < -0.2f ? -size.Height : -size.Height / 2);
                yield return new PixelRect(left, left + size.Width, top + size.Height, top);
            }
        }
    }
}
