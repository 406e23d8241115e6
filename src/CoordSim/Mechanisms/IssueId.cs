namespace CoordSim.Mechanisms;

/// <summary>An issue in flight, by its slot in the kernel's ledger (slots are reused once an issue is resolved).</summary>
/// <param name="Value">The ledger slot.</param>
internal readonly record struct IssueId(int Value);
