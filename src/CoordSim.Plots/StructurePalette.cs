using ScottPlot;

namespace CoordSim.Plots;

/// <summary>
/// One colour per structure, the same in every figure: the canonical structures have fixed
/// colours from the Okabe-Ito colour-blind-safe palette (hierarchy blue, leading-group
/// vermillion, task-force green, command-hq reddish purple, office orange); any other structure
/// takes the next colour of an extension palette in the order it appears among the
/// non-canonical structures of the results.
/// </summary>
public static class StructurePalette
{
    private static readonly KeyValuePair<string, Color>[] FixedColors =
    [
        new("hierarchy", new Color(0, 114, 178)),
        new("leading-group", new Color(213, 94, 0)),
        new("task-force", new Color(0, 158, 115)),
        new("command-hq", new Color(204, 121, 167)),
        new("office", new Color(230, 159, 0)),
    ];

    // Hues away from the five fixed ones first (black, wine, olive, brown), the closer ones last.
    private static readonly Color[] Others =
    [
        new(0, 0, 0),        // black
        new(136, 34, 85),    // wine
        new(153, 153, 51),   // olive
        new(120, 94, 60),    // brown
        new(51, 34, 136),    // indigo
        new(86, 180, 233),   // sky blue
        new(68, 170, 153),   // teal
        new(170, 68, 153),   // purple
    ];

    /// <summary>The fixed colours of the canonical structures, in their order.</summary>
    public static IReadOnlyList<KeyValuePair<string, Color>> Fixed => FixedColors;

    /// <summary>
    /// The colour of <paramref name="structure"/>: its fixed colour when it is canonical, else the
    /// extension colour for its position among the non-canonical names of <paramref name="structures"/>
    /// (cycling when there are more than eight).
    /// </summary>
    /// <param name="structure">The structure's name.</param>
    /// <param name="structures">Every structure of the results, in their order (so other names get stable colours within one set of figures).</param>
    public static Color ColorOf(string structure, IReadOnlyList<string> structures)
    {
        foreach (var (name, color) in FixedColors)
        {
            if (string.Equals(name, structure, StringComparison.OrdinalIgnoreCase))
            {
                return color;
            }
        }

        var others = structures.Where(s => !IsFixed(s)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var index = others.FindIndex(s => string.Equals(s, structure, StringComparison.OrdinalIgnoreCase));
        return Others[(index < 0 ? others.Count : index) % Others.Length];
    }

    private static bool IsFixed(string structure) =>
        FixedColors.Any(f => string.Equals(f.Key, structure, StringComparison.OrdinalIgnoreCase));
}
