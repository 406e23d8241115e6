using System.Globalization;
using CoordSim.Workload;

namespace CoordSim.Structures;

/// <summary>
/// The lists a body's scope may be narrowed to (<see cref="BodyDesign.Categories"/>, <see cref="BodyDesign.Departments"/>):
/// <c>all</c>, or a comma-separated list of issue categories (kebab-case names) or of department indices. Parsed and
/// written in one canonical form (in order, no repeats), so that the same scope is the same text.
/// </summary>
public static class BodyScopeList
{
    /// <summary>The text of a list that leaves the scope whole.</summary>
    public const string All = "all";

    /// <summary>The most departments a list may name (indices 0 to 63).</summary>
    public const int MaxDepartments = 64;

    /// <summary>The issue categories in kebab case, in their order.</summary>
    public static IReadOnlyList<string> CategoryNames { get; } = Enum.GetNames<IssueCategory>().Select(ParameterInfo.ToKebab).ToArray();

    /// <summary>What a list of <paramref name="kind"/> takes, for error messages.</summary>
    public static string Allowed(BodyScopeKind kind) => kind == BodyScopeKind.Categories
        ? $"\"all\" or a comma-separated list of issue categories: {string.Join(", ", CategoryNames)}"
        : $"\"all\" or a comma-separated list of department indices from 0 to {MaxDepartments - 1}";

    /// <summary>The canonical text of list <paramref name="text"/> of <paramref name="kind"/>, or null when it is not one.</summary>
    public static string? Normalise(BodyScopeKind kind, string text) => Parse(kind, text) switch
    {
        null => null,
        ulong.MaxValue => All,
        var mask => string.Join(",", Enumerable.Range(0, Count(kind)).Where(i => (mask & (1UL << i)) != 0).Select(i => Name(kind, i))),
    };

    /// <summary>What list <paramref name="text"/> of <paramref name="kind"/> covers, as a bit mask (every bit for "all").</summary>
    /// <exception cref="ArgumentException">The text is not such a list.</exception>
    public static ulong Mask(BodyScopeKind kind, string text) =>
        Parse(kind, text) ?? throw new ArgumentException($"{ParameterInfo.ToKebab(kind.ToString())} = \"{text}\" is not allowed: {Allowed(kind)}.", nameof(text));

    private static int Count(BodyScopeKind kind) => kind == BodyScopeKind.Categories ? CategoryNames.Count : MaxDepartments;

    private static string Name(BodyScopeKind kind, int index) =>
        kind == BodyScopeKind.Categories ? CategoryNames[index] : index.ToString(CultureInfo.InvariantCulture);

    private static int IndexOf(BodyScopeKind kind, string token) => kind == BodyScopeKind.Categories
        ? CategoryNames.ToList().FindIndex(n => string.Equals(n, token, StringComparison.OrdinalIgnoreCase))
        : int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d < MaxDepartments ? d : -1;

    private static ulong? Parse(BodyScopeKind kind, string text)
    {
        var trimmed = text.Trim();
        if (string.Equals(trimmed, All, StringComparison.OrdinalIgnoreCase))
        {
            return ulong.MaxValue;
        }

        ulong mask = 0;
        foreach (var token in trimmed.Split(',', StringSplitOptions.TrimEntries))
        {
            var i = IndexOf(kind, token);
            if (i < 0)
            {
                return null;
            }

            mask |= 1UL << i;
        }

        return mask;
    }
}
