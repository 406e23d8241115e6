using CoordSim.Structures;

namespace CoordSim.Cli;

/// <summary>Turns the structure names given on the command line into structures of <see cref="StructureCatalog"/>.</summary>
internal static class StructureChoice
{
    /// <summary>The structure <c>--structure</c> names by default.</summary>
    public const string DefaultName = "hierarchy";

    /// <summary>What <c>--structure</c> and <c>--structures</c> accept, in words.</summary>
    public static string AllowedText => "one of " + StructureCatalog.Names;

    /// <summary>The structure named <paramref name="name"/>, or null with the problem added to <paramref name="errors"/>.</summary>
    public static Structure? Find(string field, string name, ICollection<ParameterError> errors)
    {
        var structure = StructureCatalog.Find(name.Trim());
        if (structure is null)
        {
            errors.Add(new ParameterError(field, $"\"{name}\"", AllowedText));
        }

        return structure;
    }

    /// <summary>
    /// The structures named in <paramref name="lists"/> (each a comma-separated list), in order and without repeats;
    /// every structure of the catalog when nothing is named. Unknown names are added to <paramref name="errors"/>.
    /// </summary>
    public static IReadOnlyList<Structure> FindAll(IReadOnlyList<string> lists, ICollection<ParameterError> errors)
    {
        if (lists.Count == 0)
        {
            return StructureCatalog.All;
        }

        var found = new List<Structure>();
        foreach (var list in lists)
        {
            var names = list.Split(',', StringSplitOptions.TrimEntries);
            if (names.Any(name => name.Length == 0))
            {
                errors.Add(new ParameterError("structures", $"\"{list}\"", "a comma-separated list of structure names, each " + AllowedText));
                continue;
            }

            foreach (var name in names)
            {
                if (Find("structures", name, errors) is { } structure && !found.Any(s => s.Name == structure.Name))
                {
                    found.Add(structure);
                }
            }
        }

        return found;
    }
}
