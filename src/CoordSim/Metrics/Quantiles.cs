using MathNet.Numerics.Statistics;

namespace CoordSim.Metrics;

/// <summary>
/// Exact quantiles of a growing sample held in one pooled array (8 bytes per value, no object per
/// value), computed at the end with MathNet's R-7 definition (the default of R and NumPy).
/// </summary>
internal sealed class Quantiles
{
    private double[] _values = new double[1024];

    public int Count { get; private set; }

    public void Add(double value)
    {
        if (Count == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }

        _values[Count++] = value;
    }

    /// <summary>The sample, sorted, as an exactly sized array (one copy, made at the end of a run).</summary>
    public double[] Sorted()
    {
        var sorted = _values.AsSpan(0, Count).ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>The tau-quantile of a sample sorted by <see cref="Sorted"/>; NaN when empty.</summary>
    public static double At(double[] sorted, double tau) =>
        sorted.Length == 0 ? double.NaN : SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7);

    public void Clear() => Count = 0;
}
