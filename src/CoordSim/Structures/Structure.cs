using CoordSim.Mechanisms;

namespace CoordSim.Structures;

/// <summary>
/// A coordination structure as data: a name, what it is, and how it turns parameters into an
/// organisation graph (people, bodies, desks) and a routing policy. Immutable; one structure
/// value can be run with many parameter sets and seeds. The canonical forms are made by the
/// static factories (<see cref="Hierarchy"/>, ...); <see cref="StructureCatalog"/> finds them by name.
/// </summary>
public abstract record Structure
{
    /// <summary>Stable name used on the command line and in result files, for example "hierarchy".</summary>
    public abstract string Name { get; }

    /// <summary>One sentence on how the structure routes issues.</summary>
    public abstract string Description { get; }

    /// <summary>Builds the organisation and the routing policy for one run with <paramref name="parameters"/>.</summary>
    public abstract (Organisation.Organisation Organisation, RoutingPolicy Policy) Build(Parameters parameters);

    /// <summary>The strict departmental hierarchy (model.md §4.1).</summary>
    public static Structure Hierarchy() => new HierarchyStructure();
}
