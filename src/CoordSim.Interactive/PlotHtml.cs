using ScottPlot;

namespace CoordSim.Interactive;

/// <summary>A ScottPlot <see cref="Plot"/> as an inline PNG: an <c>&lt;img&gt;</c> whose source is the base64 image data.</summary>
public static class PlotHtml
{
    /// <summary>Width in pixels of the images drawn for notebooks.</summary>
    public const int Width = 800;

    /// <summary>Height in pixels of the images drawn for notebooks.</summary>
    public const int Height = 500;

    /// <summary>Writes <paramref name="plot"/> as an <c>&lt;img&gt;</c> holding a <see cref="Width"/> × <see cref="Height"/> PNG.</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="writer">Where the HTML goes.</param>
    public static void Write(Plot plot, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(writer);
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        writer.Write("<img class=\"coordsim-figure\" alt=\"");
        writer.Write(HtmlText.Escape(plot.Axes.Title.Label.Text));
        writer.Write("\" src=\"data:image/png;base64,");
        writer.Write(Convert.ToBase64String(png));
        writer.Write("\" />");
    }
}
