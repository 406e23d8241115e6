using CoordSim.Metrics;
using ScottPlot;

namespace CoordSim.Plots;

/// <summary>
/// The common look of every figure, legible at paper size: a 1200×800 px default, a sans-serif
/// font, a 24 pt title with a 16 pt subtitle that names the scenario, 18 pt axis titles with
/// units, 15 pt tick labels and a 16 pt legend outside the data area.
/// </summary>
public static class FigureStyle
{
    /// <summary>Default image width in pixels.</summary>
    public const int DefaultWidth = 1200;

    /// <summary>Default image height in pixels.</summary>
    public const int DefaultHeight = 800;

    /// <summary>Title size (pt).</summary>
    public const float TitleSize = 24;

    /// <summary>Subtitle size (pt).</summary>
    public const float SubtitleSize = 16;

    /// <summary>Axis title size (pt).</summary>
    public const float AxisLabelSize = 18;

    /// <summary>Tick label size (pt).</summary>
    public const float TickLabelSize = 15;

    /// <summary>Legend size (pt).</summary>
    public const float LegendSize = 16;

    /// <summary>Size of labels placed on the data (pt).</summary>
    public const float DataLabelSize = 16;

    private static readonly string[] SansFonts = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Segoe UI"];

    /// <summary>The sans-serif font used when the machine has one of the usual ones, else ScottPlot's default.</summary>
    public static string FontName { get; } =
        SansFonts.FirstOrDefault(f => SkiaSharp.SKFontManager.Default.FontFamilies.Contains(f, StringComparer.OrdinalIgnoreCase)) ?? Fonts.Default;

    /// <summary>
    /// The axis title for a measure: its human label and unit from <see cref="MeasureCatalog"/>
    /// (<see cref="Measure.LabelWithUnit"/>), for example "restricted mean latency (days)"; a column the catalogue
    /// does not know keeps its name.
    /// </summary>
    public static string MeasureLabel(string measure) => MeasureCatalog.Find(measure)?.LabelWithUnit ?? measure;

    /// <summary>A measure's human label without its unit, for titles and legends ("restricted mean latency"); a column the catalogue does not know keeps its name.</summary>
    public static string MeasureName(string measure) => MeasureCatalog.Find(measure)?.Label ?? measure;

    /// <summary>
    /// The axis title for a parameter: its human label and unit from <see cref="ParameterCatalog"/>, for example
    /// "arrival rate (issues/day)"; a name the catalogue does not know keeps its name.
    /// </summary>
    public static string ParameterLabel(string parameter)
    {
        var info = ParameterCatalog.Find(parameter);
        if (info is null)
        {
            return parameter;
        }

        return string.IsNullOrEmpty(info.Unit) ? info.Label : $"{info.Label} ({info.Unit})";
    }

    /// <summary>A parameter's human label without its unit, for titles and legends ("arrival rate"); a name the catalogue does not know keeps its name.</summary>
    public static string ParameterName(string parameter) => ParameterCatalog.Find(parameter)?.Label ?? parameter;

    /// <summary>A new plot with the figures' font set on its axes and labels.</summary>
    public static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        return plot;
    }

    /// <summary>
    /// Gives <paramref name="plot"/> the common look: title and subtitle (wrapped to fit the
    /// default size; see <see cref="Fit"/> for other sizes), axis titles, font sizes and the
    /// legend (when any plottable has a legend entry) outside on the right.
    /// Call it after adding the plottables.
    /// </summary>
    /// <param name="plot">The figure.</param>
    /// <param name="title">The title: the scenario's name and what is shown.</param>
    /// <param name="subtitle">Details, parts separated by "; " (where lines may break).</param>
    /// <param name="xLabel">Bottom axis title, with unit.</param>
    /// <param name="yLabel">Left axis title, with unit.</param>
    /// <param name="legend">False to never show a legend.</param>
    /// <param name="legendBelow">True to put the legend below the figure, its entries side by side (for figures that need the width).</param>
    public static void Apply(Plot plot, string title, string subtitle, string xLabel, string yLabel, bool legend = true, bool legendBelow = false)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Title(title);
        var titleLabel = plot.Axes.Title.Label;
        titleLabel.FontSize = TitleSize;
        titleLabel.FontName = FontName;
        titleLabel.Bold = true;
        plot.Axes.Title.FullFigureCenter = true;
        if (!string.IsNullOrWhiteSpace(subtitle))
        {
            var panel = new SubtitlePanel();
            panel.Label.Text = subtitle;
            panel.Label.FontSize = SubtitleSize;
            panel.Label.Bold = false;
            panel.Label.FontName = FontName;
            panel.FullFigureCenter = true;
            plot.Axes.AddPanel(panel);
        }

        StyleAxes(plot, xLabel, yLabel);
        if (legend && (plot.GetPlottables().Any(p => p.LegendItems.Any(i => !string.IsNullOrEmpty(i.LabelText))) || plot.Legend.ManualItems.Count > 0))
        {
            plot.Legend.FontSize = LegendSize;
            plot.Legend.FontName = FontName;
            plot.ShowLegend(legendBelow ? Edge.Bottom : Edge.Right);
            plot.Legend.Orientation = legendBelow ? Orientation.Horizontal : Orientation.Vertical;
        }

        Fit(plot, DefaultWidth, DefaultHeight);
    }

    /// <summary>Sets the bottom and left axis titles and the font and sizes of axis titles and tick labels (what <see cref="Apply"/> does to the axes; for the panels of a <see cref="PanelGrid"/>).</summary>
    public static void StyleAxes(Plot plot, string xLabel, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Axes.Bottom.Label.Text = xLabel;
        plot.Axes.Left.Label.Text = yLabel;
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.Label.FontSize = AxisLabelSize;
            axis.Label.FontName = FontName;
            axis.TickLabelStyle.FontSize = TickLabelSize;
            axis.TickLabelStyle.FontName = FontName;
        }
    }

    /// <summary>
    /// Re-wraps the title and subtitle of a figure styled by <see cref="Apply"/> so that each line,
    /// measured in its font, fits an image of <paramref name="width"/> × <paramref name="height"/>
    /// pixels. Titles are centred over the data area, or, with <c>FullFigureCenter</c> (as
    /// <see cref="Apply"/> sets it), between the figure's left edge and the data area's right edge
    /// (so a wide legend on the right moves them left); the figure is laid out once to find that.
    /// <see cref="Apply"/> fits the default size; call this before saving at another size.
    /// </summary>
    public static void Fit(Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.RenderInMemory(width, height);
        var data = plot.LastRender.DataRect;
        var centre = plot.Axes.Title.FullFigureCenter ? data.Right / 2 : (data.Left + data.Right) / 2;
        var room = 2 * Math.Min(centre, width - centre) - 20;
        using var paint = Paint.NewDisposablePaint();
        var labels = plot.Axes.GetPanels().OfType<SubtitlePanel>().Select(p => p.Label).Prepend(plot.Axes.Title.Label);
        foreach (var label in labels)
        {
            label.Text = Wrap(Unwrap(label.Text), line => label.Measure(line, paint).Width <= room);
        }

        if (FitActions.TryGetValue(plot, out var actions))
        {
            // The layout sizes a legend on the right from the render before, so when the legend needs more than one
            // column it takes several renders (each a few pixels narrower) to settle; place the labels for the settled one.
            plot.RenderInMemory(width, height);
            var settled = plot.LastRender.DataRect;
            for (var i = 0; i < 8; i++)
            {
                plot.RenderInMemory(width, height);
                if (plot.LastRender.DataRect == settled)
                {
                    break;
                }

                settled = plot.LastRender.DataRect;
            }

            foreach (var action in actions)
            {
                action(plot.LastRender.DataRect);
            }
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Plot, List<Action<PixelRect>>> FitActions = [];

    /// <summary>
    /// Registers <paramref name="action"/> to run at the end of every <see cref="Fit"/> of
    /// <paramref name="plot"/>, with the data area (pixels) laid out for that size: for labels
    /// placed on the data that must be chosen to fit it (the cells of <see cref="Figures.WinnerMap"/>).
    /// </summary>
    internal static void OnFit(Plot plot, Action<PixelRect> action) =>
        FitActions.GetOrCreateValue(plot).Add(action);

    /// <summary>Breaks <paramref name="text"/> into lines that <paramref name="fits"/> accepts, preferably after "; ", else after ", " or a space (a single piece too long for a line gets a line of its own).</summary>
    internal static string Wrap(string text, Func<string, bool> fits)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var part in Tokens(text, fits))
        {
            if (line.Length > 0 && !fits((line + part).TrimEnd()))
            {
                lines.Add(line.TrimEnd());
                line = "";
            }

            line += part;
        }

        if (line.Trim().Length > 0)
        {
            lines.Add(line.TrimEnd());
        }

        return string.Join("\n", lines);
    }

    /// <summary>Pieces of <paramref name="text"/> that each end at a break ("; ", then ", ", then " " for pieces still too long).</summary>
    private static IEnumerable<string> Tokens(string text, Func<string, bool> fits)
    {
        foreach (var part in SplitAfter(text, "; "))
        {
            if (fits(part.TrimEnd()))
            {
                yield return part;
                continue;
            }

            foreach (var piece in SplitAfter(part, ", "))
            {
                if (fits(piece.TrimEnd()))
                {
                    yield return piece;
                    continue;
                }

                foreach (var word in SplitAfter(piece, " "))
                {
                    yield return word;
                }
            }
        }
    }

    private static IEnumerable<string> SplitAfter(string text, string separator)
    {
        var start = 0;
        while (start < text.Length)
        {
            var at = text.IndexOf(separator, start, StringComparison.Ordinal);
            var end = at < 0 ? text.Length : at + separator.Length;
            yield return text[start..end];
            start = end;
        }
    }

    /// <summary>Undoes <see cref="Wrap"/>: every line break was made after a separator that ends in a space.</summary>
    private static string Unwrap(string text) => text.Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>The subtitle added by <see cref="Apply"/> on one line, or "" when there is none.</summary>
    public static string SubtitleOf(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return plot.Axes.GetPanels().OfType<SubtitlePanel>().Select(p => Unwrap(p.Label.Text)).FirstOrDefault() ?? "";
    }

    /// <summary>The panel under the title that holds the subtitle (a title panel in a smaller, regular font).</summary>
    private sealed class SubtitlePanel : ScottPlot.Panels.TitlePanel;
}
