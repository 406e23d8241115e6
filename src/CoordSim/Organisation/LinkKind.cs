namespace CoordSim.Organisation;

/// <summary>What a link between two people (or a person and a body) stands for.</summary>
public enum LinkKind
{
    /// <summary><c>From</c> reports to <c>To</c> (reporting line, used up and down).</summary>
    ReportsTo,

    /// <summary>Direct contact between peers, for example inside a task force.</summary>
    Lateral,

    /// <summary><c>From</c> is a member of the coordination body whose chair is <c>To</c>.</summary>
    Membership,
}
