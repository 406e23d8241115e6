using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

/// <summary>
/// Places a parameter's values on an axis: at their numeric value when every value is a number
/// (at its base-10 logarithm on a log axis), else at 0, 1, 2, ... in the parameter's order with the
/// values as tick labels (enums, booleans).
/// </summary>
/// <remarks>
/// An axis is linear unless asked for a log scale (<see cref="For(string, IEnumerable{string}, bool)"/>);
/// <see cref="LooksLogSpaced"/> is the rule the figures use to ask for one when the spec does not say.
/// </remarks>
internal sealed class ParameterAxis
{
    private ParameterAxis(string parameter, IReadOnlyList<string> values, bool isNumeric, bool isLog)
    {
        Parameter = parameter;
        Values = values;
        IsNumeric = isNumeric;
        IsLog = isLog;
    }

    public string Parameter { get; }

    /// <summary>The distinct values, in axis order.</summary>
    public IReadOnlyList<string> Values { get; }

    public bool IsNumeric { get; }

    /// <summary>True when values sit at their base-10 logarithm (tick labels still show the values).</summary>
    public bool IsLog { get; }

    public static ParameterAxis For(string parameter, IEnumerable<string> values) => For(parameter, values, log: false);

    /// <summary>An axis for the values; on a log scale when <paramref name="log"/> and every value is a positive number.</summary>
    public static ParameterAxis For(string parameter, IEnumerable<string> values, bool log)
    {
        var ordered = ParameterValues.Order(parameter, values);
        var numbers = ordered.Select(v => ParameterValues.TryNumber(v, out var x) ? x : double.NaN).ToArray();
        var isNumeric = numbers.All(double.IsFinite);
        return new ParameterAxis(parameter, ordered, isNumeric, log && isNumeric && numbers.All(x => x > 0));
    }

    /// <summary>
    /// True when the values are log-spaced: at least three, all positive numbers, spanning at least
    /// a factor of 10, and more evenly spaced on a log scale than on a linear one (the ratio of
    /// the largest to the smallest gap between neighbours is smaller), as in 1, 10, 100 or 0.01,
    /// 0.03, 0.1, 0.3, 1. Values 20, 40, 60 or 0.1, 0.3, 0.5 are not.
    /// </summary>
    public static bool LooksLogSpaced(IEnumerable<string> values)
    {
        var numbers = new List<double>();
        foreach (var value in values)
        {
            if (!ParameterValues.TryNumber(value, out var x) || x <= 0)
            {
                return false;
            }

            numbers.Add(x);
        }

        var sorted = numbers.Distinct().Order().ToArray();
        if (sorted.Length < 3 || sorted[^1] / sorted[0] < 10)
        {
            return false;
        }

        return Unevenness(sorted.Select(x => Math.Log(x)).ToArray()) < Unevenness(sorted);
    }

    /// <summary>The largest gap between neighbouring values divided by the smallest.</summary>
    private static double Unevenness(double[] sorted)
    {
        var gaps = sorted.Zip(sorted.Skip(1), (a, b) => b - a).ToArray();
        return gaps.Max() / gaps.Min();
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
            return IsLog ? Math.Log10(number) : number;
        }

        return IndexOf(value);
    }

    /// <summary>
    /// The value as a tick or cell label: as written in the results, except that a fraction written
    /// with more than six characters is shortened to four significant digits (a log range's
    /// 15.8113883008419 becomes 15.81), or to two decimals when that would need an exponent.
    /// Whole numbers stay as written.
    /// </summary>
    public static string Label(string value)
    {
        if (value.Length <= 6 || !ParameterValues.TryNumber(value, out var number) || number == Math.Round(number))
        {
            return value;
        }

        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var shortened = number.ToString("G4", culture);
        return shortened.Contains('E', StringComparison.Ordinal) ? number.ToString("0.##", culture) : shortened;
    }

    /// <summary>Most values that get a tick each on a numeric axis; with more, the axis keeps automatic ticks.</summary>
    public const int MaxValueTicks = 12;

    /// <summary>
    /// Puts a tick at every value, labelled as written in the results (shortened by <see cref="Label"/>; a numeric axis with many
    /// values keeps automatic ticks; a log axis with many values gets ticks at powers of 10 with
    /// minor ticks between).
    /// </summary>
    /// <param name="axis">The axis.</param>
    /// <param name="label">The label of each value's tick; null for <see cref="Label"/>.</param>
    /// <returns>The ticks set, one per value; empty when the axis keeps automatic ticks.</returns>
    public IReadOnlyList<Tick> ApplyTicks(IAxis axis, Func<string, string>? label = null)
    {
        if (!IsNumeric || Values.Count <= MaxValueTicks)
        {
            var ticks = Values.Select(v => new Tick(Position(v), label is null ? Label(v) : label(v), true)).ToArray();
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
            return ticks;
        }

        if (IsLog)
        {
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = x => Math.Pow(10, x).ToString("G4", System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        return [];
    }
}
