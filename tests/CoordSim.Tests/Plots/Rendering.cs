using System.Xml.Linq;
using ScottPlot;

namespace CoordSim.Tests.Plots;

/// <summary>Checks on written figures: the image decodes at the requested size, is not blank, and shows a given colour.</summary>
internal static class Rendering
{
    /// <summary>Decodes a PNG file; checks its size and that it is not blank; returns the RGB pixels [y, x, channel].</summary>
    public static byte[,,] AssertPng(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.Take(4).ToArray());
        using var image = new Image(bytes);
        Assert.Equal(width, image.Width);
        Assert.Equal(height, image.Height);
        var rgb = image.GetArrayRGB();
        var luminance = new List<double>(width * height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                luminance.Add(0.299 * rgb[y, x, 0] + 0.587 * rgb[y, x, 1] + 0.114 * rgb[y, x, 2]);
            }
        }

        var mean = luminance.Average();
        var variance = luminance.Sum(l => (l - mean) * (l - mean)) / luminance.Count;
        var inked = luminance.Count(l => l < 200) / (double)luminance.Count;
        Assert.True(variance > 100, $"{Path.GetFileName(path)} looks blank: luminance variance {variance:F1}");
        Assert.True(inked > 0.01, $"{Path.GetFileName(path)} looks blank: {inked:P1} of pixels are dark");
        return rgb;
    }

    /// <summary>The number of pixels within <paramref name="tolerance"/> of <paramref name="color"/> in each channel.</summary>
    public static int CountColor(byte[,,] rgb, Color color, int tolerance = 12)
    {
        var count = 0;
        for (var y = 0; y < rgb.GetLength(0); y++)
        {
            for (var x = 0; x < rgb.GetLength(1); x++)
            {
                if (Math.Abs(rgb[y, x, 0] - color.R) <= tolerance && Math.Abs(rgb[y, x, 1] - color.G) <= tolerance && Math.Abs(rgb[y, x, 2] - color.B) <= tolerance)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Parses an SVG file; checks its size, that it draws paths and text, and returns the document.</summary>
    public static XDocument AssertSvg(string path, int width, int height)
    {
        var svg = XDocument.Load(path);
        var root = svg.Root!;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Equal(width.ToString(System.Globalization.CultureInfo.InvariantCulture), root.Attribute("width")?.Value);
        Assert.Equal(height.ToString(System.Globalization.CultureInfo.InvariantCulture), root.Attribute("height")?.Value);
        Assert.True(root.Descendants().Count(e => e.Name.LocalName == "path") > 5, $"{Path.GetFileName(path)} draws almost nothing");
        Assert.True(root.Descendants().Count(e => e.Name.LocalName == "text") > 5, $"{Path.GetFileName(path)} has almost no text");
        return svg;
    }

    /// <summary>"#RRGGBB" as ScottPlot writes colours into SVG.</summary>
    public static string Hex(Color color) => $"#{color.R:X2}{color.G:X2}{color.B:X2}";
}
