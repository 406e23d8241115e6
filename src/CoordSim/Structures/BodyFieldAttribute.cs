namespace CoordSim.Structures;

/// <summary>
/// Marks a property of <see cref="BodyDesign"/> as a field a spec may set by name (<see cref="BodyDesignFields"/>):
/// its allowed range and unit. The property's doc-comment summary is the field's meaning (a source generator reads
/// it), so the design is described in one place.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class BodyFieldAttribute : Attribute
{
    /// <summary>Smallest allowed value (numeric fields).</summary>
    public double Min { get; init; } = double.NegativeInfinity;

    /// <summary>True when <see cref="Min"/> itself is not allowed (an open lower bound).</summary>
    public bool MinExclusive { get; init; }

    /// <summary>
    /// Smallest allowed value other than 0, for a period or duration that 0 switches off (0 when there is no such bound):
    /// see <see cref="Parameters.ShortestPeriodDays"/>.
    /// </summary>
    public double MinPositive { get; init; }

    /// <summary>Largest allowed value (numeric fields).</summary>
    public double Max { get; init; } = double.PositiveInfinity;

    /// <summary>Unit of the value, for example "days"; empty when dimensionless.</summary>
    public string Unit { get; init; } = "";

    /// <summary>For a text field that holds a scope list (<see cref="BodyScopeList"/>), what it names.</summary>
    public BodyScopeKind List { get; init; }
}
