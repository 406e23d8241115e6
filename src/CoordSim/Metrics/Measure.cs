namespace CoordSim.Metrics;

/// <summary>A scalar measure of a run: its stable column name, human label, unit, meaning and how to read it from a <see cref="RunResult"/>.</summary>
/// <param name="Name">Stable camelCase column name, for example <c>latencyRestrictedMean</c>.</param>
/// <param name="Label">Short lower-case words for axes, legends and titles, for example "restricted mean latency"; <see cref="LabelWithUnit"/> adds the unit.</param>
/// <param name="Unit">Unit, for example "days"; empty when dimensionless.</param>
/// <param name="Meaning">One sentence.</param>
/// <param name="Read">Reads the value from a run result.</param>
public sealed record Measure(string Name, string Label, string Unit, string Meaning, Func<RunResult, double> Read)
{
    /// <summary>
    /// The label with the unit in parentheses, as an axis title: "restricted mean latency (days)". The unit is left
    /// out when it is empty or the label already names it as a word ("share of arrivals on time", "issues arrived").
    /// </summary>
    public string LabelWithUnit =>
        Unit.Length == 0 || Label.Split(' ', ',').Contains(Unit, StringComparer.OrdinalIgnoreCase) ? Label : $"{Label} ({Unit})";
}
