using System.Reflection;

namespace CoordSim.Structures;

/// <summary>The fields of <see cref="BodyDesign"/> a spec may set by name, in declaration order: what <c>bodies</c> entries accept.</summary>
public static class BodyDesignFields
{
    private static readonly BodyDesignField[] Items = typeof(BodyDesign)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<BodyFieldAttribute>() is not null)
        .OrderBy(p => p.MetadataToken)
        .Select(p => new BodyDesignField(p, p.GetCustomAttribute<BodyFieldAttribute>()!))
        .ToArray();

    /// <summary>Every field, in the order <see cref="BodyDesign"/> declares them.</summary>
    public static IReadOnlyList<BodyDesignField> All => Items;

    /// <summary>The field named <paramref name="name"/> (camelCase, exact), or null.</summary>
    public static BodyDesignField? Find(string name) => Items.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>What to say of an unknown field name: the closest known one, and where the list is.</summary>
    public static string UnknownText(string name)
    {
        var closest = NameSuggestion.Closest(Items.Select(f => f.Name), name);
        return (closest is not null ? $"did you mean {closest}? " : "") + "a field of a body design ('coordsim structures --json' shows every field of every body)";
    }
}
