using ScottPlot;

namespace CoordSim.Plots;

/// <summary>A figure with the file name (without extension) it is saved under in <c>figures/</c>.</summary>
/// <param name="Name">File name without extension, for example <c>latencyRestrictedMean-vs-crossDepartmentShare</c>.</param>
/// <param name="Plot">The figure, which can still be changed before saving.</param>
public sealed record NamedFigure(string Name, Plot Plot);
