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
    public const float DataLabelSize = 14;

    private static readonly string[] SansFonts = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Segoe UI"];

    /// <summary>The sans-serif font used when the machine has one of the usual ones, else ScottPlot's default.</summary>
    public static string FontName { get; } =
        SansFonts.FirstOrDefault(f => SkiaSharp.SKFontManager.Default.FontFamilies.Contains(f, StringComparer.OrdinalIgnoreCase)) ?? Fonts.Default;

    /// <summary>The axis title for a measure: its name and unit from <see cref="MeasureCatalog"/>, for example "latencyMean (days)".</summary>
    public static string MeasureLabel(string measure)
    {
        var unit = MeasureCatalog.Find(measure)?.Unit;
        return string.IsNullOrEmpty(unit) ? measure : $"{measure} ({unit})";
    }

    /// <summary>The axis title for a parameter: its name and unit from <see cref="ParameterCatalog"/>, for example "arrivalRate (issues/day)".</summary>
    public static string ParameterLabel(string parameter)
    {
        var unit = ParameterCatalog.Find(parameter)?.Unit;
        return string.IsNullOrEmpty(unit) ? parameter : $"{parameter} ({unit})";
    }

    /// <summary>
    /// Gives <paramref name="plot"/> the common look: title and subtitle, axis titles, font sizes
    /// and the legend (when any plottable has a legend entry) outside on the right.
    /// Call it after adding the plottables.
    /// </summary>
    public static void Apply(Plot plot, string title, string subtitle, string xLabel, string yLabel, bool legend = true)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Font.Set(FontName);
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.Axes.Title.Label.FontName = FontName;
        if (!string.IsNullOrWhiteSpace(subtitle))
        {
            var panel = new ScottPlot.Panels.TitlePanel();
            panel.Label.Text = subtitle;
            panel.Label.FontSize = SubtitleSize;
            panel.Label.Bold = false;
            panel.Label.FontName = FontName;
            plot.Axes.AddPanel(panel);
        }

        plot.Axes.Bottom.Label.Text = xLabel;
        plot.Axes.Left.Label.Text = yLabel;
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.Label.FontSize = AxisLabelSize;
            axis.Label.FontName = FontName;
            axis.TickLabelStyle.FontSize = TickLabelSize;
            axis.TickLabelStyle.FontName = FontName;
        }

        if (legend && (plot.GetPlottables().Any(p => p.LegendItems.Any(i => !string.IsNullOrEmpty(i.LabelText))) || plot.Legend.ManualItems.Count > 0))
        {
            plot.Legend.FontSize = LegendSize;
            plot.Legend.FontName = FontName;
            plot.ShowLegend(Edge.Right);
        }
    }

    /// <summary>The subtitle line of the subtitle panel added by <see cref="Apply"/>, or "" when there is none.</summary>
    public static string SubtitleOf(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return plot.Axes.GetPanels().OfType<ScottPlot.Panels.TitlePanel>()
            .Where(p => !ReferenceEquals(p, plot.Axes.Title))
            .Select(p => p.Label.Text)
            .FirstOrDefault() ?? "";
    }
}
