namespace CoordSim.Mechanisms;

/// <summary>Whether a visit was a planted fault, and which: the ground truth the blame measures are scored against.</summary>
public enum FaultKind : byte
{
    /// <summary>No fault: the visit went as the rules say.</summary>
    None,

    /// <summary>The person held the item <c>shirkDelay</c> days longer before passing it on.</summary>
    Shirk,

    /// <summary>The person added noise of sd <c>faultError</c> to each fact of the item's picture.</summary>
    Error,
}
