namespace CoordSim;

/// <summary>
/// Marks a property of <see cref="Parameters"/> as a model parameter and carries what the
/// catalog, the console and the docs say about it: its group, allowed range, unit, meaning
/// and the rationale for its default.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ParameterAttribute : Attribute
{
    /// <summary>Declares a parameter with its meaning.</summary>
    public ParameterAttribute(string group, string meaning)
    {
        Group = group;
        Meaning = meaning;
    }

    /// <summary>Which part of the model the parameter belongs to (Organisation, Workload, ...).</summary>
    public string Group { get; }

    /// <summary>One sentence: what the parameter means.</summary>
    public string Meaning { get; }

    /// <summary>Smallest allowed value (numeric parameters).</summary>
    public double Min { get; init; } = double.NegativeInfinity;

    /// <summary>Largest allowed value (numeric parameters).</summary>
    public double Max { get; init; } = double.PositiveInfinity;

    /// <summary>True when <see cref="Min"/> itself is not allowed (an open lower bound).</summary>
    public bool MinExclusive { get; init; }

    /// <summary>Unit of the value, for example "days" or "issues/day"; empty when dimensionless.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Why the default is what it is, with the source where there is one.</summary>
    public string Rationale { get; init; } = "";
}
