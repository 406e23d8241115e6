namespace CoordSim.Structures;

/// <summary>
/// The catalogue's body designs by name, as a spec's <c>"like"</c> names them: each builds its design from the run's
/// parameters (<see cref="BodyDesign.LeadingGroup"/>, <see cref="BodyDesign.TaskForce"/>,
/// <see cref="BodyDesign.CommandHeadquarters"/>, <see cref="BodyDesign.Office"/>).
/// </summary>
public static class BodyTemplates
{
    private static readonly (string Name, Func<Parameters, BodyDesign> Design)[] Items =
    [
        ("leading-group", BodyDesign.LeadingGroup),
        ("task-force", BodyDesign.TaskForce),
        ("command-hq", BodyDesign.CommandHeadquarters),
        ("office", BodyDesign.Office),
    ];

    /// <summary>The names, in catalogue order.</summary>
    public static IReadOnlyList<string> Names { get; } = Items.Select(i => i.Name).ToArray();

    /// <summary>The names, comma-separated (for error messages).</summary>
    public static string NamesText => string.Join(", ", Names);

    /// <summary>The design named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static Func<Parameters, BodyDesign>? Find(string name) =>
        Items.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)).Design;

    /// <summary>The name as the catalogue spells it (lower case), for a name <see cref="Find"/> knows.</summary>
    internal static string Canonical(string name) =>
        Items.First(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)).Name;
}
