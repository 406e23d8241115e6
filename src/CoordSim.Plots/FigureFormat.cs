namespace CoordSim.Plots;

/// <summary>An image format figures are written in.</summary>
public enum FigureFormat
{
    /// <summary>Portable Network Graphics (raster, the requested size in pixels).</summary>
    Png,

    /// <summary>Scalable Vector Graphics (vector, for papers).</summary>
    Svg,
}
