namespace CoordSim.Experiments;

/// <summary>
/// The values a design gives one factor: an explicit list (<see cref="ValueLevels"/>) or a numeric
/// range (<see cref="RangeLevels"/>). Grid designs expand them into a list of values; the Latin
/// hypercube samples them.
/// </summary>
public abstract record FactorLevels
{
    private protected FactorLevels()
    {
    }

    /// <summary>The values a grid design (factorial, one-at-a-time) takes, converted and checked; problems go to <paramref name="errors"/>.</summary>
    internal abstract IReadOnlyList<ParameterSetting> Expand(ParameterInfo parameter, string path, List<SpecError> errors);

    /// <summary>Checks that a sampling design (<paramref name="designKind"/>: latin-hypercube, morris or sobol) can sample these levels; problems go to <paramref name="errors"/>.</summary>
    internal abstract bool CheckSampling(ParameterInfo parameter, string path, string designKind, List<SpecError> errors);

    /// <summary>The value at quantile <paramref name="u"/> in [0, 1] of the levels (after <see cref="CheckSampling"/> passed); u = 1 gives the last value.</summary>
    internal abstract ParameterSetting Sample(ParameterInfo parameter, double u);
}
