using CoordSim.Metrics;

namespace CoordSim.Experiments;

/// <summary>Writes one field of a resolved issue as issues.csv holds it (invariant text; an empty field where a value does not apply).</summary>
/// <param name="outcome">The resolved issue.</param>
internal delegate string IssueValue(in IssueOutcome outcome);
