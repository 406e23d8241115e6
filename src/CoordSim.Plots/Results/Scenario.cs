namespace CoordSim.Plots.Results;

/// <summary>
/// What a set of results is about, as figure titles name it: the spec's name, the parameters
/// varied, and the parameters held fixed at a value other than their default.
/// </summary>
/// <param name="Name">The spec's name (from the manifest), or the results folder's name.</param>
/// <param name="VariedParameters">Parameters that take more than one value: the manifest's list first, then any other parameter column whose value changes.</param>
/// <param name="FixedParameters">Parameters with one value in every row that differs from the library default, in column order.</param>
public sealed record Scenario(
    string Name,
    IReadOnlyList<string> VariedParameters,
    IReadOnlyList<KeyValuePair<string, string>> FixedParameters)
{
    /// <summary>The fixed parameters in words, for a figure's subtitle.</summary>
    public string FixedText => FixedParameters.Count == 0
        ? "all other parameters at their defaults"
        : "fixed: " + string.Join(", ", FixedParameters.Select(p => $"{p.Key} = {p.Value}")) + "; others at defaults";
}
