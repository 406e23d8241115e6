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

    /// <summary>Most values that get a tick each on a numeric axis; with more, the axis keeps automatic ticks.</summary>
    public const int MaxValueTicks = 12;

    /// <summary>Puts a tick at every value, labelled as written in the results (a numeric axis with many values keeps automatic ticks).</summary>
    public void ApplyTicks(IAxis axis)
    {
        if (!IsNumeric || Values.Count <= MaxValueTicks)
        {
            axis.SetTicks(Values.Select(Position).ToArray(), Values.ToArray());
        }
    }
}
