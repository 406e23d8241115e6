using ScottPlot;

namespace CoordSim.Plots;

/// <summary>
/// Small multiples in one figure: whole ScottPlot plots (the panels, each with its own axes)
/// drawn in a grid over the data area of the plot that holds this plottable. The host plot keeps
/// one title, one subtitle and one legend for all panels and saves them as one PNG or SVG
/// (ScottPlot's <c>Multiplot</c> has no SVG output and no common title). The host's axes are
/// hidden, so its data area is the whole figure below the title and left of the legend.
/// </summary>
/// <remarks>Each panel is drawn clipped to its cell (a plot clears its background before drawing).</remarks>
public sealed class PanelGrid : IPlottable
{
    private readonly Plot[] _panels;

    /// <summary>Lays <paramref name="panels"/> out row by row, <paramref name="columns"/> to a row.</summary>
    /// <exception cref="ArgumentException">No panels, or fewer than one column.</exception>
    public PanelGrid(IEnumerable<Plot> panels, int columns)
    {
        ArgumentNullException.ThrowIfNull(panels);
        _panels = panels.ToArray();
        if (_panels.Length == 0)
        {
            throw new ArgumentException("A panel grid needs at least one panel.", nameof(panels));
        }

        if (columns < 1)
        {
            throw new ArgumentException($"columns = {columns} is not allowed: at least 1.", nameof(columns));
        }

        Columns = Math.Min(columns, _panels.Length);
        Rows = (_panels.Length + Columns - 1) / Columns;
        LastRects = [];
    }

    /// <summary>The panels, in reading order (left to right, then top to bottom).</summary>
    public IReadOnlyList<Plot> Panels => _panels;

    /// <summary>Panels per row.</summary>
    public int Columns { get; }

    /// <summary>Rows of panels.</summary>
    public int Rows { get; }

    /// <summary>The pixel rectangle of each panel at the last render, in <see cref="Panels"/> order (empty before the first).</summary>
    public IReadOnlyList<PixelRect> LastRects { get; private set; }

    /// <inheritdoc />
    public bool IsVisible { get; set; } = true;

    /// <inheritdoc />
    public IAxes Axes { get; set; } = new Axes();

    /// <inheritdoc />
    public IEnumerable<LegendItem> LegendItems => [];

    /// <summary>Columns for <paramref name="count"/> panels: all in one row up to three, then two, three or four to a row.</summary>
    public static int ColumnsFor(int count) => count switch
    {
        <= 3 => Math.Max(count, 1),
        4 => 2,
        <= 9 => 3,
        _ => 4,
    };

    /// <summary>
    /// A plot that holds the panels and nothing else: the grid, hidden axes and no grid lines.
    /// Give it a title, subtitle and legend (for example with <see cref="FigureStyle.Apply"/> and
    /// <c>plot.Legend.ManualItems</c>) before saving.
    /// </summary>
    public static Plot Host(IEnumerable<Plot> panels, int? columns = null)
    {
        var list = panels.ToArray();
        var plot = FigureStyle.NewPlot();
        plot.Add.Plottable(new PanelGrid(list, columns ?? ColumnsFor(list.Length)));
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.IsVisible = false;
        }

        plot.HideGrid();
        return plot;
    }

    /// <inheritdoc />
    public AxisLimits GetAxisLimits() => new(0, 1, 0, 1);

    /// <inheritdoc />
    public void Render(RenderPack rp)
    {
        // Whole pixels inside the data area: a panel clears its cell before drawing, and an edge
        // that splits a pixel would leave an anti-aliased seam (visible in SVG).
        var area = new PixelRect(
            MathF.Ceiling(rp.DataRect.Left), MathF.Floor(rp.DataRect.Right), MathF.Floor(rp.DataRect.Bottom), MathF.Ceiling(rp.DataRect.Top));
        var (width, height) = (area.Width / Columns, area.Height / Rows);
        var rects = new PixelRect[_panels.Length];
        for (var i = 0; i < _panels.Length; i++)
        {
            var (row, column) = (i / Columns, i % Columns);
            var left = MathF.Round(area.Left + (column * width));
            var right = MathF.Round(area.Left + ((column + 1) * width));
            var top = MathF.Round(area.Top + (row * height));
            var bottom = MathF.Round(area.Top + ((row + 1) * height));
            rects[i] = new PixelRect(left, right, bottom, top);
            rp.Canvas.Save();
            rp.Canvas.ClipRect(rects[i].ToSKRect());
            _panels[i].Render(rp.Canvas, rects[i]);
            rp.Canvas.Restore();
        }

        LastRects = rects;
    }
}
