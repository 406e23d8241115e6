namespace CoordSim.Structures;

/// <summary>The organisation a structure with bodies is built on: the departmental hierarchy, or its flattened form (docs/model.md §4.7).</summary>
public enum OrganisationForm
{
    /// <summary>The departmental hierarchy of the parameters (<c>levels</c>, <c>span</c>).</summary>
    Hierarchy,

    /// <summary>The flattened hierarchy: <c>levelsRemoved</c> fewer levels and <c>staffingCap</c> of the people, spans widened.</summary>
    Flattened,
}
