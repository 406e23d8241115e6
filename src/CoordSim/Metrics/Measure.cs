namespace CoordSim.Metrics;

/// <summary>A scalar measure of a run: its stable column name, unit, meaning and how to read it from a <see cref="RunResult"/>.</summary>
/// <param name="Name">Stable camelCase column name, for example <c>latencyRestrictedMean</c>.</param>
/// <param name="Unit">Unit, for example "days"; empty when dimensionless.</param>
/// <param name="Meaning">One sentence.</param>
/// <param name="Read">Reads the value from a run result.</param>
public sealed record Measure(string Name, string Unit, string Meaning, Func<RunResult, double> Read);
