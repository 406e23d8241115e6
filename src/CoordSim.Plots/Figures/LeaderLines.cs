using ScottPlot;
using SkiaSharp;

namespace CoordSim.Plots;

/// <summary>
/// Thin lines from points to their labels where a label had to be set away from its point
/// (<see cref="LabelPlacement"/>): one plottable for all of them, with no legend entry (a
/// plottable per line would add an empty legend row each).
/// </summary>
internal sealed class LeaderLines : IPlottable
{
    private readonly List<(Coordinates Start, Coordinates End, Color Color)> _segments = [];

    /// <summary>The lines: from a point (<c>Start</c>) to the nearest edge of its label's box (<c>End</c>), in the structure's colour.</summary>
    public IReadOnlyList<(Coordinates Start, Coordinates End, Color Color)> Segments => _segments;

    /// <summary>Line width in pixels.</summary>
    public float LineWidth { get; set; } = 1;

    /// <inheritdoc/>
    public bool IsVisible { get; set; } = true;

    /// <inheritdoc/>
    public IAxes Axes { get; set; } = new Axes();

    /// <inheritdoc/>
    public IEnumerable<LegendItem> LegendItems => [];

    /// <summary>Adds a line.</summary>
    public void Add(Coordinates start, Coordinates end, Color color) => _segments.Add((start, end, color));

    /// <summary>Removes every line (before the labels are placed again for another size).</summary>
    public void Clear() => _segments.Clear();

    /// <inheritdoc/>
    public AxisLimits GetAxisLimits() => AxisLimits.NoLimits;

    /// <inheritdoc/>
    public void Render(RenderPack rp)
    {
        ArgumentNullException.ThrowIfNull(rp);
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = LineWidth };
        foreach (var (start, end, color) in _segments)
        {
            var (a, b) = (Axes.GetPixel(start), Axes.GetPixel(end));
            paint.Color = color.ToSKColor();
            rp.Canvas.DrawLine(a.X, a.Y, b.X, b.Y, paint);
        }
    }
}
