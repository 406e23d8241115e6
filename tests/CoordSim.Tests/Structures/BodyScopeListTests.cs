using CoordSim.Structures;

namespace CoordSim.Tests.Structures;

/// <summary>
/// The lists a body's scope is narrowed to: "all", issue categories by kebab-case name, or department indices 0 to 63,
/// parsed into one canonical text (in order, no repeats) and one bit mask, and refused with the allowed values.
/// </summary>
public class BodyScopeListTests
{
    [Theory]
    [InlineData("0", "0", 1UL)]
    [InlineData(" 5, 0,5 ", "0,5", 0b100001UL)]
    [InlineData("63", "63", 1UL << 63)]
    [InlineData("ALL", "all", ulong.MaxValue)]
    public void A_department_list_has_one_canonical_text_and_mask_from_index_0_to_63(string text, string canonical, ulong mask)
    {
        Assert.Equal(canonical, BodyScopeList.Normalise(BodyScopeKind.Departments, text));
        Assert.Equal(mask, BodyScopeList.Mask(BodyScopeKind.Departments, text));
    }

    [Fact]
    public void A_category_list_takes_every_category_by_its_kebab_case_name_including_the_first()
    {
        // The first category is bit 0: an index of 0 is a category, not a refusal.
        var first = BodyScopeList.CategoryNames[0];
        var last = BodyScopeList.CategoryNames[^1];
        Assert.Equal("security-and-stability", first);
        Assert.Equal(1UL, BodyScopeList.Mask(BodyScopeKind.Categories, first));
        Assert.Equal($"{first},{last}", BodyScopeList.Normalise(BodyScopeKind.Categories, $"{last.ToUpperInvariant()}, {first}"));
        Assert.Equal((1UL << BodyScopeList.CategoryNames.Count) - 1,
            BodyScopeList.Mask(BodyScopeKind.Categories, string.Join(",", BodyScopeList.CategoryNames.Reverse())));
    }

    [Theory]
    [InlineData(BodyScopeKind.Departments, "64")]
    [InlineData(BodyScopeKind.Departments, "-1")]
    [InlineData(BodyScopeKind.Departments, "+1")]
    [InlineData(BodyScopeKind.Departments, "1,,2")]
    [InlineData(BodyScopeKind.Departments, "")]
    [InlineData(BodyScopeKind.Categories, "public-service,nothing")]
    [InlineData(BodyScopeKind.Categories, "0")]
    public void Anything_else_is_refused_with_the_field_the_value_and_what_is_allowed(BodyScopeKind kind, string text)
    {
        Assert.Null(BodyScopeList.Normalise(kind, text));
        var error = Assert.Throws<ArgumentException>(() => BodyScopeList.Mask(kind, text));
        Assert.Contains($"{ParameterInfo.ToKebab(kind.ToString())} = \"{text}\" is not allowed: {BodyScopeList.Allowed(kind)}.", error.Message, StringComparison.Ordinal);
    }
}
