namespace CoordSim;

/// <summary>
/// Marks a property of <see cref="Parameters"/> as a model parameter and carries what the
/// catalog, the console and the docs say about it: its group, allowed range, unit and the
/// rationale for its default. Its meaning is the property's doc-comment summary, which
/// CoordSim.Generators compiles into the catalog (a parameter without one does not build).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ParameterAttribute : Attribute
{
    /// <summary>Declares a parameter of the given group.</summary>
    public ParameterAttribute(string group)
    {
        Group = group;
    }

    /// <summary>Which part of the model the parameter belongs to (Organisation, Workload, ...).</summary>
    public string Group { get; }

    /// <summary>Smallest allowed value (numeric parameters).</summary>
    public double Min { get; init; } = double.NegativeInfinity;

    /// <summary>Largest allowed value (numeric parameters).</summary>
    public double Max { get; init; } = double.PositiveInfinity;

    /// <summary>True when <see cref="Min"/> itself is not allowed (an open lower bound).</summary>
    public bool MinExclusive { get; init; }

    /// <summary>
    /// Smallest allowed value other than 0, for a period or duration that 0 switches off (0 when there is no such bound):
    /// see <see cref="Parameters.ShortestPeriodDays"/>.
    /// </summary>
    public double MinPositive { get; init; }

    /// <summary>Unit of the value, for example "days" or "issues/day"; empty when dimensionless.</summary>
    public string Unit { get; init; } = "";

    /// <summary>
    /// Short lower-case words for figure axes and legends when the words of the name read badly
    /// (<c>serviceCv</c> reads "service time CV"); null to use them (<see cref="ParameterLabel.Words"/>).
    /// </summary>
    public string? Label { get; init; }

    /// <summary>Why the default is what it is, with the source where there is one.</summary>
    public string Rationale { get; init; } = "";
}
