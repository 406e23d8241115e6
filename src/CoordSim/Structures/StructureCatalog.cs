namespace CoordSim.Structures;

/// <summary>The canonical structures by name: what <c>coordsim structures</c> lists and <c>--structure</c> accepts.</summary>
public static class StructureCatalog
{
    private static readonly Structure[] Items =
    [
        Structure.Hierarchy(),
        Structure.LeadingGroup(),
        Structure.TaskForce(),
        Structure.CommandHeadquarters(),
        Structure.Office(),
        Structure.LeadingGroupOverTaskForces(),
        Structure.TaskForceHub(),
        Structure.TaskForceLevels(),
        Structure.Flattened(),
        Structure.GridPlatform(),
    ];

    /// <summary>Every canonical structure, in the order comparisons show them.</summary>
    public static IReadOnlyList<Structure> All => Items;

    /// <summary>The structure named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static Structure? Find(string name) =>
        Items.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The names of every structure, comma-separated (for error messages).</summary>
    public static string Names => string.Join(", ", Items.Select(s => s.Name));
}
