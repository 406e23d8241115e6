using CoordSim.Plots;
using ScottPlot;

namespace CoordSim.Tests.Plots;

/// <summary>
/// The colours that share a figure stay apart for readers with a colour-vision deficiency: each colour is passed
/// through the Machado, Oliveira and Fernandes (2009) simulation of protanopia, deuteranopia and tritanopia at
/// severity 1.0 (in linear RGB), and every pair must stay at least <see cref="MinimumDeltaE"/> apart in CIELAB (D65).
/// </summary>
public class ColourVisionTests
{
    /// <summary>
    /// CIE76 ΔE of 10: about four times the just-noticeable difference (2.3), the usual floor for categories told
    /// apart at a glance in small patches such as legend swatches and thin bar segments.
    /// </summary>
    private const double MinimumDeltaE = 10;

    /// <summary>Machado, Oliveira and Fernandes (2009), "A physiologically-based model for simulation of color vision deficiency", Table 1, severity 1.0.</summary>
    private static readonly Dictionary<string, double[,]> Deficiencies = new()
    {
        ["protanopia"] = new[,] { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 }, { -0.003882, -0.048116, 1.051998 } },
        ["deuteranopia"] = new[,] { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 }, { -0.011820, 0.042940, 0.968881 } },
        ["tritanopia"] = new[,] { { 1.255528, -0.076749, -0.178779 }, { -0.078411, 0.930809, 0.147602 }, { 0.004733, 0.691367, 0.303900 } },
        ["normal vision"] = new[,] { { 1.0, 0, 0 }, { 0, 1.0, 0 }, { 0, 0, 1.0 } },
    };

    public static TheoryData<string> Palettes => new(["latency components", "canonical structures", "Sobol index bars", "convergence factors"]);

    [Theory]
    [MemberData(nameof(Palettes))]
    public void Every_pair_of_colours_in_one_figure_stays_distinguishable_under_each_deficiency(string palette)
    {
        var colours = palette switch
        {
            "latency components" => Figures.ComponentColors.ToArray(),
            "Sobol index bars" => Figures.SobolIndexColors.ToArray(),
            "convergence factors" => Figures.FactorColors.ToArray(),
            _ => StructurePalette.Fixed.Select(f => f.Value).ToArray(),
        };

        foreach (var (deficiency, matrix) in Deficiencies)
        {
            for (var i = 0; i < colours.Length; i++)
            {
                for (var j = i + 1; j < colours.Length; j++)
                {
                    var delta = DeltaE(Lab(Simulate(colours[i], matrix)), Lab(Simulate(colours[j], matrix)));
                    Assert.True(delta >= MinimumDeltaE, $"{palette}: {colours[i].ToHex()} and {colours[j].ToHex()} are only ΔE {delta:F1} apart under {deficiency}");
                }
            }
        }
    }

    [Fact]
    public void The_check_tells_apart_what_a_deficiency_confuses()
    {
        // Red and green of equal lightness look alike to a deuteranope: the test would catch such a pair.
        var (red, green) = (new Color(0xCC, 0x66, 0x33), new Color(0x77, 0x88, 0x22));
        Assert.True(DeltaE(Lab(Simulate(red, Deficiencies["normal vision"])), Lab(Simulate(green, Deficiencies["normal vision"]))) > 30);
        Assert.True(DeltaE(Lab(Simulate(red, Deficiencies["deuteranopia"])), Lab(Simulate(green, Deficiencies["deuteranopia"]))) < MinimumDeltaE);
    }

    private static double[] Simulate(Color colour, double[,] matrix)
    {
        var rgb = new[] { Linear(colour.R), Linear(colour.G), Linear(colour.B) };
        return Enumerable.Range(0, 3).Select(r => Math.Clamp((matrix[r, 0] * rgb[0]) + (matrix[r, 1] * rgb[1]) + (matrix[r, 2] * rgb[2]), 0, 1)).ToArray();
    }

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    /// <summary>CIELAB (D65 white) of a linear sRGB colour.</summary>
    private static (double L, double A, double B) Lab(double[] rgb)
    {
        var x = (0.4124564 * rgb[0]) + (0.3575761 * rgb[1]) + (0.1804375 * rgb[2]);
        var y = (0.2126729 * rgb[0]) + (0.7151522 * rgb[1]) + (0.0721750 * rgb[2]);
        var z = (0.0193339 * rgb[0]) + (0.1191920 * rgb[1]) + (0.9503041 * rgb[2]);
        static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : ((24389.0 / 27 * t) + 16) / 116;
        var (fx, fy, fz) = (F(x / 0.95047), F(y), F(z / 1.08883));
        return ((116 * fy) - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    private static double DeltaE((double L, double A, double B) p, (double L, double A, double B) q) =>
        Math.Sqrt(((p.L - q.L) * (p.L - q.L)) + ((p.A - q.A) * (p.A - q.A)) + ((p.B - q.B) * (p.B - q.B)));
}
