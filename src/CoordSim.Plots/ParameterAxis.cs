using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

/// <summary>
/// Places a parameter's values on an axis: at their numeric value when every value is a number,
/// else at 0, 1, 2, ... in the parameter's order with the values as tick labels (enums, booleans).
/// </summary>
internal sealed class ParameterAxis
{
    private ParameterAxis(string parameter, IReadOnlyList<string> values, bool isNumeric)
    {
        Parameter = parameter;
        Values = values;
        IsNumeric = isNumeric;
    }

    public string Parameter { get; }

    /// <summary>The distinct values, in axis order.</summary>
    public IReadOnlyList<string> Values { get; }

    public bool IsNumeric { get; }

    public static ParameterAxis For(string parameter, IEnumerable<string> values)
    {
        var ordered = ParameterValues.Order(parameter, values);
        return new ParameterAxis(parameter, ordered, ordered.All(v => ParameterValues.TryNumber(v, out _)));
    }

    /// <summary>The index of <paramref name="value"/> among <see cref="Values"/>.</summary>
    public int IndexOf(string value)
    {
        for (var i = 0; i < Values.Count; i++)
        {
            if (ParameterValues.Same(Values[i], value))
            {
                return i;
            }
        }

        throw new ArgumentException($"{Parameter} = {value} is not among the values {string.Join(", ", Values)}.", nameof(value));
    }

    /// <summary>The coordinate of <paramref name="value"/>.</summary>
    public double Position(string value)
    {
        if (IsNumeric && ParameterValues.TryNumber(value, out var number))
        {
            return number;
        }

        return IndexOf(value);
    }

    /// <summary>Labels a categorical axis with the values (a numeric axis keeps its automatic ticks).</summary>
    public void ApplyTicks(IAxis axis)
    {
        if (!IsNumeric)
        {
            axis.SetTicks(Enumerable.Range(0, Values.Count).Select(i => (double)i).ToArray(), Values.ToArray());
        }
    }
}
