namespace CoordSim.Experiments;

/// <summary>A parameter a design varies, with the values (or range) it takes.</summary>
/// <param name="Name">The parameter's camelCase name, as <c>coordsim params</c> lists it.</param>
/// <param name="Levels">Its values: a list or a range.</param>
public sealed record Factor(string Name, FactorLevels Levels)
{
    /// <summary>A factor that takes the listed values (numbers, bools, enum values or their names).</summary>
    public static Factor Values(string name, params object[] values) => new(name, new ValueLevels(values));

    /// <summary>A factor that takes from, from+step, ... up to to (a linear grid).</summary>
    public static Factor Range(string name, double from, double to, double step) => new(name, new RangeLevels(from, to, Step: step));

    /// <summary>A factor that takes <paramref name="count"/> values from <paramref name="from"/> to <paramref name="to"/>, evenly spaced on <paramref name="scale"/>.</summary>
    public static Factor Spaced(string name, double from, double to, int count, RangeScale scale = RangeScale.Linear) =>
        new(name, new RangeLevels(from, to, Count: count, Scale: scale));

    /// <summary>A factor sampled continuously from <paramref name="from"/> to <paramref name="to"/> (Latin hypercube designs).</summary>
    public static Factor Interval(string name, double from, double to, RangeScale scale = RangeScale.Linear) =>
        new(name, new RangeLevels(from, to, Scale: scale));
}
