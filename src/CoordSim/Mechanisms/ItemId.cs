namespace CoordSim.Mechanisms;

/// <summary>A work item in flight (an issue's trunk, one department's branch of it, or a consultation request), by index into the kernel's item pool.</summary>
/// <param name="Value">The pool index.</param>
internal readonly record struct ItemId(int Value);
