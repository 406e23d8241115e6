using ScottPlot;
using SkiaSharp;

namespace CoordSim.Plots;

/// <summary>
/// The marks of the points, cells and bars whose row of <c>summary.csv</c> has runs that did not
/// reach a steady state (<see cref="Results.SummaryRow.UnstableRuns"/> &gt; 0): a black ✕ drawn
/// over a wider white ✕ (a halo), so that it shows on every structure colour, on dark and light
/// heatmap cells and in grey-scale print, and differs in shape from the structures' filled
/// circles and bars. One plottable holds every mark of a plot (or of a panel); its
/// <see cref="Points"/> are where the marks are centred.
/// </summary>
/// <remarks>
/// The marks are plain strokes, so they look the same in PNG and SVG. The figures add one legend
/// entry for them (<see cref="LegendEntry"/>) and name the marked points in the subtitle.
/// </remarks>
public sealed class UnstableMarks : IPlottable
{
    /// <summary>The legend text of the marks.</summary>
    public const string LegendText = "some runs did not reach a steady state";

    /// <summary>How far in from a cell's top-right corner a mark is centred (<see cref="CornerOf"/>), as a fraction of the cell's width and height.</summary>
    public const double CornerInset = 0.14;

    /// <summary>The colour of the ✕.</summary>
    public static readonly Color MarkColor = Colors.Black;

    /// <summary>The colour of the halo under the ✕.</summary>
    public static readonly Color HaloColor = Colors.White;

    private readonly Coordinates[] _points;

    /// <summary>Marks at <paramref name="points"/> (data coordinates of the marks' centres).</summary>
    public UnstableMarks(IEnumerable<Coordinates> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        _points = points.ToArray();
    }

    /// <summary>The centres of the marks, in data coordinates, in the order given.</summary>
    public IReadOnlyList<Coordinates> Points => _points;

    /// <summary>Width and height of a ✕ in pixels.</summary>
    public float Size { get; set; } = 20;

    /// <summary>Stroke width of the ✕ in pixels.</summary>
    public float LineWidth { get; set; } = 3.5f;

    /// <summary>How far the halo reaches beyond the ✕'s strokes on each side, in pixels.</summary>
    public float HaloWidth { get; set; } = 2.5f;

    /// <summary>Shift of every mark from its point to the right, in pixels.</summary>
    public float OffsetX { get; set; }

    /// <summary>Shift of every mark from its point downwards, in pixels (negative: up).</summary>
    public float OffsetY { get; set; }

    /// <summary>
    /// The size of the cell each mark sits in, in data units (width, height), for marks in the
    /// corner of heatmap or winner-map cells; null for marks on points. A mark is then at most a
    /// quarter of the cell's smaller side in pixels, so that it stays in its corner of small cells.
    /// </summary>
    public (double Width, double Height)? Cell { get; set; }

    /// <inheritdoc />
    public bool IsVisible { get; set; } = true;

    /// <inheritdoc />
    public IAxes Axes { get; set; } = new Axes();

    /// <summary>None: the figures add <see cref="LegendEntry"/> once, also for marks spread over several panels.</summary>
    public IEnumerable<LegendItem> LegendItems => [];

    /// <summary>The legend entry for the marks: a black ✕ with <see cref="LegendText"/> on two lines (so that a legend beside a small figure stays narrow).</summary>
    public static LegendItem LegendEntry() => new()
    {
        LabelText = LegendText.Replace(" a steady", "\na steady", StringComparison.Ordinal),
        MarkerShape = MarkerShape.Eks,
        MarkerLineColor = MarkColor,
        MarkerFillColor = MarkColor,
        MarkerLineWidth = 3,
        MarkerSize = 14,
        LineWidth = 0,
    };

    /// <summary>Where a mark goes in a cell from <paramref name="left"/> to <paramref name="right"/> and <paramref name="bottom"/> to <paramref name="top"/>: <see cref="CornerInset"/> in from its top-right corner.</summary>
    public static Coordinates CornerOf(double left, double right, double bottom, double top) =>
        new(right - (CornerInset * (right - left)), top - (CornerInset * (top - bottom)));

    /// <summary>The size of a mark in pixels in a cell of <paramref name="width"/> × <paramref name="height"/> pixels (<see cref="Size"/>, or a quarter of the smaller side when that is less).</summary>
    public float SizeIn(double width, double height) => (float)Math.Min(Size, 0.25 * Math.Min(width, height));

    /// <inheritdoc />
    public AxisLimits GetAxisLimits() => _points.Length == 0
        ? AxisLimits.NoLimits
        : new AxisLimits(_points.Min(p => p.X), _points.Max(p => p.X), _points.Min(p => p.Y), _points.Max(p => p.Y));

    /// <inheritdoc />
    public void Render(RenderPack rp)
    {
        ArgumentNullException.ThrowIfNull(rp);
        var size = Size;
        if (Cell is { } cell)
        {
            var origin = Axes.GetPixel(new Coordinates(0, 0));
            var corner = Axes.GetPixel(new Coordinates(cell.Width, cell.Height));
            size = SizeIn(Math.Abs(corner.X - origin.X), Math.Abs(corner.Y - origin.Y));
        }

        if (size <= 0 || _points.Length == 0)
        {
            return;
        }

        var half = size / 2;
        using var path = new SKPath();
        foreach (var point in _points)
        {
            var pixel = Axes.GetPixel(point);
            var (x, y) = (pixel.X + OffsetX, pixel.Y + OffsetY);
            path.MoveTo(x - half, y - half);
            path.LineTo(x + half, y + half);
            path.MoveTo(x - half, y + half);
            path.LineTo(x + half, y - half);
        }

        using var paint = new SKPaint
        {
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeCap = SKStrokeCap.Round,
        };
        var lineWidth = Math.Min(LineWidth, Math.Max(1.5f, size / 5));
        paint.Color = HaloColor.ToSKColor();
        paint.StrokeWidth = lineWidth + (2 * HaloWidth);
        rp.Canvas.DrawPath(path, paint);
        paint.Color = MarkColor.ToSKColor();
        paint.StrokeWidth = lineWidth;
        rp.Canvas.DrawPath(path, paint);
    }
}
