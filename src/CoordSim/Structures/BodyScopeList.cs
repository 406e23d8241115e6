using System.Globalization;
using CoordSim.Workload;

namespace CoordSim.Structures;

/// <summary>
/// The lists a body's scope may be narrowed to (<see cref="BodyDesign.Categories"/>, <see cref="BodyDesign.Departments"/>):
/// <c>all</c>, or a comma-separated list of issue categories (kebab-case names) or of department indices. Parsed and
/// written in one canonical form (sorted, no repeats), so that the same scope is the same text.
/// </summary>
public static class BodyScopeList
{
    /// <summary>The text of a list that leaves the scope whole.</summary>
    public const string All = "all";

    /// <summary>The most departments a list may name (indices 0 to 63).</summary>
    public const int MaxDepartments = 64;

    /// <summary>The issue categories in kebab case, in their order.</summary>
    public static IReadOnlyList<string> CategoryNames { get; } = Enum.GetNames<IssueCategory>().Select(ParameterInfo.ToKebab).ToArray();

    /// <summary>What a category list takes, for error messages.</summary>
    public static string CategoriesAllowed => $"\"all\" or a comma-separated list of issue categories: {string.Join(", ", CategoryNames)}";

    /// <summary>What a department list takes, for error messages.</summary>
    public static string DepartmentsAllowed => $"\"all\" or a comma-separated list of department indices from 0 to {MaxDepartments - 1}";

    /// <summary>The canonical text of category list <paramref name="text"/>, or null when it is not one.</summary>
    public static string? NormaliseCategories(string text) =>
        Parse(text, token => CategoryNames.ToList().FindIndex(n => string.Equals(n, token, StringComparison.OrdinalIgnoreCase)), 8) is { } mask
            ? mask == ulong.MaxValue ? All : string.Join(",", Enumerable.Range(0, CategoryNames.Count).Where(c => (mask & (1UL << c)) != 0).Select(c => CategoryNames[c]))
            : null;

    /// <summary>The canonical text of department list <paramref name="text"/>, or null when it is not one.</summary>
    public static string? NormaliseDepartments(string text) =>
        Parse(text, token => int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d < MaxDepartments ? d : -1, MaxDepartments) is { } mask
            ? mask == ulong.MaxValue ? All : string.Join(",", Enumerable.Range(0, MaxDepartments).Where(d => (mask & (1UL << d)) != 0).Select(d => d.ToString(CultureInfo.InvariantCulture)))
            : null;

    /// <summary>The categories list <paramref name="text"/> covers, as a bit mask (every bit for "all").</summary>
    public static ulong CategoryMask(string text) => Parse(text, token => CategoryNames.ToList().FindIndex(n => string.Equals(n, token, StringComparison.OrdinalIgnoreCase)), 8)
        ?? throw new ArgumentException($"categories = \"{text}\" is not allowed: {CategoriesAllowed}.", nameof(text));

    /// <summary>The departments list <paramref name="text"/> covers, as a bit mask (every bit for "all").</summary>
    public static ulong DepartmentMask(string text) => Parse(text, token => int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d < MaxDepartments ? d : -1, MaxDepartments)
        ?? throw new ArgumentException($"departments = \"{text}\" is not allowed: {DepartmentsAllowed}.", nameof(text));

    private static ulong? Parse(string text, Func<string, int> index, int count)
    {
        var trimmed = text.Trim();
        if (string.Equals(trimmed, All, StringComparison.OrdinalIgnoreCase))
        {
            return ulong.MaxValue;
        }

        ulong mask = 0;
        foreach (var token in trimmed.Split(',', StringSplitOptions.TrimEntries))
        {
            var i = index(token);
            if (i < 0 || i >= count)
            {
                return null;
            }

            mask |= 1UL << i;
        }

        return mask == 0 ? null : mask;
    }
}
