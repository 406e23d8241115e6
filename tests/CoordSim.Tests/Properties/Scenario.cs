namespace CoordSim.Tests.Properties;

/// <summary>
/// One generated test case: a small, valid parameter set and a run seed. Prints only the
/// parameters that differ from the defaults, so a failing case can be replayed by hand.
/// </summary>
/// <param name="Parameters">The parameters (valid by construction).</param>
/// <param name="Seed">The run seed, 0 … 2^53 − 1.</param>
public sealed record Scenario(Parameters Parameters, long Seed)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var defaults = ParameterCatalog.Describe(CoordSim.Parameters.Default).ToDictionary(kv => kv.Key, kv => kv.Value);
        var changed = ParameterCatalog.Describe(Parameters).Where(kv => defaults[kv.Key] != kv.Value).Select(kv => $"{kv.Key}={kv.Value}");
        return $"seed={Seed} " + string.Join(" ", changed);
    }
}
