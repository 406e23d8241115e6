namespace CoordSim.Plots;

/// <summary>Choices for the default figure set.</summary>
public sealed record FigureOptions
{
    /// <summary>The default options: 1200×800 px, the default measures, the first design point, at most 12 slices.</summary>
    public static FigureOptions Default { get; } = new();

    /// <summary>Image width in pixels (SVG: the canvas width).</summary>
    public int Width { get; init; } = FigureStyle.DefaultWidth;

    /// <summary>Image height in pixels.</summary>
    public int Height { get; init; } = FigureStyle.DefaultHeight;

    /// <summary>Measures drawn against the varied parameters and as heatmaps (or as sensitivity indices, for a morris or sobol design); null for <see cref="Figures.DefaultMeasures"/> (those present).</summary>
    public IReadOnlyList<string>? Measures { get; init; }

    /// <summary>
    /// The design point of the latency distribution, breakdown and backlog-over-time figures; null for the first point,
    /// except for a morris or sobol design, whose sampled points get these figures only at a point named here.
    /// </summary>
    public int? PointId { get; init; }

    /// <summary>
    /// Most figures per measure and x parameter when other parameters vary (one per combination of
    /// their values). Beyond it, a measure-vs-parameter figure pools the other parameters and
    /// heatmaps are not drawn.
    /// </summary>
    public int MaxSlices { get; init; } = 12;

    /// <summary>Smallest allowed width or height in pixels.</summary>
    public const int MinSize = 200;

    /// <summary>Largest allowed width or height in pixels.</summary>
    public const int MaxSize = 10000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the option, the value and what is allowed when a value is out of range.</summary>
    public void Validate()
    {
        Check(nameof(Width), Width);
        Check(nameof(Height), Height);
        if (MaxSlices < 1)
        {
            throw new ArgumentException($"MaxSlices = {MaxSlices} is not allowed: at least 1.", nameof(MaxSlices));
        }
    }

    private static void Check(string name, int value)
    {
        if (value < MinSize || value > MaxSize)
        {
            throw new ArgumentException($"{name.ToLowerInvariant()} = {value} is not allowed: an integer from {MinSize} to {MaxSize} (pixels).", name);
        }
    }
}
