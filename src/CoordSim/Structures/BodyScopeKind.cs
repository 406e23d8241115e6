namespace CoordSim.Structures;

/// <summary>What a scope list of a body design names (<see cref="BodyScopeList"/>).</summary>
public enum BodyScopeKind
{
    /// <summary>Not a scope list.</summary>
    None,

    /// <summary>Issue categories, by their kebab-case names.</summary>
    Categories,

    /// <summary>Primary departments, by index.</summary>
    Departments,
}
