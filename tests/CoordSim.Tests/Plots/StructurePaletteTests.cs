using CoordSim.Plots;
using FsCheck;
using FsCheck.Xunit;

namespace CoordSim.Tests.Plots;

public class StructurePaletteTests
{
    private static readonly string[] Canonical = ["hierarchy", "leading-group", "task-force", "command-hq", "office"];

    [Fact]
    public void Canonical_structures_have_fixed_colours_whatever_else_is_present()
    {
        var alone = Canonical.Select(s => StructurePalette.ColorOf(s, [s])).ToArray();
        var together = Canonical.Select(s => StructurePalette.ColorOf(s, ["zeta", .. Canonical.Reverse(), "alpha"])).ToArray();

        Assert.Equal(alone, together);
        Assert.Equal(Canonical, StructurePalette.Fixed.Select(f => f.Key));
        Assert.Equal(5, alone.Distinct().Count());
    }

    [Property(MaxTest = 200)]
    public bool Up_to_thirteen_structures_get_distinct_colours_and_canonical_ones_keep_theirs(NonEmptyString[] names, bool[] include)
    {
        var others = names.Select(n => n.Get).Where(n => !Canonical.Contains(n, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(8);
        var canonical = Canonical.Where((_, i) => i < include.Length && include[i]);
        var structures = others.Concat(canonical).ToArray();

        var colours = structures.Select(s => StructurePalette.ColorOf(s, structures)).ToArray();

        return colours.Distinct().Count() == structures.Length
            && canonical.All(s => StructurePalette.ColorOf(s, structures) == StructurePalette.Fixed.Single(f => f.Key == s).Value);
    }
}
