using CoordSim.Plots;
using ScottPlot;

namespace CoordSim.Interactive;

/// <summary>
/// A ScottPlot <see cref="Plot"/> as an inline PNG: an <c>&lt;img&gt;</c> whose source is the base64 image data, drawn at
/// the size <c>coordsim plot</c> writes (<see cref="FigureStyle.DefaultWidth"/> × <see cref="FigureStyle.DefaultHeight"/>)
/// with the title and subtitle wrapped to fit it (<see cref="FigureStyle.Fit"/>), and shown no wider than the notebook.
/// </summary>
public static class PlotHtml
{
    /// <summary>Width in pixels of the images drawn for notebooks.</summary>
    public const int Width = FigureStyle.DefaultWidth;

    /// <summary>Height in pixels of the images drawn for notebooks.</summary>
    public const int Height = FigureStyle.DefaultHeight;

    /// <summary>Writes <paramref name="plot"/> as an <c>&lt;img&gt;</c> holding a <see cref="Width"/> × <see cref="Height"/> PNG; its alternative text is the title.</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="writer">Where the HTML goes.</param>
    public static void Write(Plot plot, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(writer);
        var title = plot.Axes.Title.Label.Text.ReplaceLineEndings(" ");
        FigureStyle.Fit(plot, Width, Height);
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        writer.Write("<img class=\"coordsim-figure\" style=\"max-width:100%\" alt=\"");
        writer.Write(HtmlText.Escape(title));
        writer.Write("\" src=\"data:image/png;base64,");
        writer.Write(Convert.ToBase64String(png));
        writer.Write("\" />");
    }
}
