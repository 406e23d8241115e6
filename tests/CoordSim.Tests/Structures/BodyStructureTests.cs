using CoordSim.Structures;

namespace CoordSim.Tests.Structures;

/// <summary>A structure of coordination bodies is a value: equal exactly when its name, description, organisation, bodies and settings are.</summary>
public class BodyStructureTests
{
    [Fact]
    public void Two_structures_are_equal_only_when_every_part_is()
    {
        var structure = new BodyStructure("tf", "a task force", BodyDesign.TaskForce);
        var same = new BodyStructure("tf", "a task force", BodyDesign.TaskForce);
        Assert.Equal(structure, same);
        Assert.Equal(structure.GetHashCode(), same.GetHashCode());

        // Each differs from it in one part only, so an equality that looked at fewer parts would call one of them equal.
        BodyStructure[] others =
        [
            new BodyStructure("tf2", "a task force", BodyDesign.TaskForce),
            new BodyStructure("tf", "another task force", BodyDesign.TaskForce),
            structure with { Organisation = OrganisationForm.Flattened },
            new BodyStructure("tf", "a task force", BodyDesign.LeadingGroup),
            structure.WithBody(BodySetting.Create("collectivity", 0.5)),
        ];
        foreach (var other in others)
        {
            Assert.NotEqual(structure, other);
            Assert.NotEqual(other, structure);
        }

        Assert.False(structure.Equals(null));
    }
}
