using System.Reflection;
using CoordSim.Structures;

namespace CoordSim.Tests.Structures;

/// <summary>The catalog of body design fields a spec may set: complete, described, and reading and writing the design it names.</summary>
public class BodyDesignFieldsTests
{
    [Fact]
    public void Every_settable_property_of_a_body_design_is_a_field_with_a_meaning()
    {
        var properties = typeof(BodyDesign).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && p.Name != "EqualityContract")
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Order(StringComparer.Ordinal);

        Assert.Equal(properties, BodyDesignFields.All.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(BodyDesignFields.All, f => Assert.False(string.IsNullOrWhiteSpace(f.Meaning), $"{f.Name} has no meaning"));
        Assert.Equal("Weight of the collective rule in [0, 1]: the share of accountability spread equally over the body's members and everyone who handled the issue; the rest is named (decider and executors).",
            BodyDesignFields.Find("collectivity")!.Meaning);
    }

    [Fact]
    public void Each_field_reads_and_sets_its_own_property_and_nothing_else()
    {
        var design = BodyDesign.TaskForce(Parameters.Default);
        foreach (var field in BodyDesignFields.All)
        {
            var other = field.Type == typeof(bool) ? !(bool)field.Get(design)
                : field.Type == typeof(int) ? (object)((int)field.Get(design) == 3 ? 4 : 3)
                : field.Type == typeof(double) ? ((double)field.Get(design) == 0.25 ? 0.75 : 0.25)
                : field.Type == typeof(string) ? "renamed"
                : Enum.GetValues(field.Type).Cast<object>().First(v => !v.Equals(field.Get(design)));

            var changed = field.With(design, other);

            Assert.Equal(other, field.Get(changed));
            Assert.All(BodyDesignFields.All.Where(f => f != field), f => Assert.Equal(f.Get(design), f.Get(changed)));
            Assert.Equal(design, field.With(changed, field.Get(design)));
        }
    }

    [Theory]
    [InlineData("collectivity", 0.5, true)]
    [InlineData("collectivity", 1.5, false)]
    [InlineData("collectivity", double.NaN, false)]
    [InlineData("meetingInterval", 14, true)]
    [InlineData("officeStaff", 2.5, false)]
    [InlineData("officeStaff", 4, true)]
    [InlineData("coLocated", true, true)]
    [InlineData("coLocated", 1, false)]
    [InlineData("handling", "on-the-spot", true)]
    [InlineData("handling", "ON-THE-SPOT", true)]
    [InlineData("handling", "spot", false)]
    [InlineData("collectivity", "0.5", false)]
    [InlineData("name", "", false)]
    [InlineData("name", "flood task force", true)]
    public void Values_are_converted_to_the_field_type_or_refused_with_what_is_allowed(string name, object value, bool allowed)
    {
        var field = BodyDesignFields.Find(name)!;

        var ok = field.TryConvert(value, out var converted, out var text);

        Assert.Equal(allowed, ok);
        if (ok)
        {
            Assert.IsType(field.Type, converted);
            Assert.Null(text);
        }
        else
        {
            Assert.Equal(field.AllowedText, text);
        }
    }

    [Fact]
    public void Allowed_text_says_the_type_and_range()
    {
        Assert.Equal("a finite number >= 0 and <= 1", BodyDesignFields.Find("collectivity")!.AllowedText);
        Assert.Equal("an integer >= 1 and <= 64", BodyDesignFields.Find("count")!.AllowedText);
        Assert.Equal("one of agenda, office, on-the-spot, chair", BodyDesignFields.Find("handling")!.AllowedText);
        Assert.Equal("true or false", BodyDesignFields.Find("coLocated")!.AllowedText);
        Assert.Equal("a finite number >= 0", BodyDesignFields.Find("escalationThreshold")!.AllowedText);
        Assert.Equal("a finite number > 0 and <= 0.95", BodyDesignFields.Find("secondmentShare")!.AllowedText);
        Assert.False(BodyDesignFields.Find("secondmentShare")!.TryConvert(0.0, out _, out _));
        Assert.True(BodyDesignFields.Find("secondmentShare")!.TryConvert(0.01, out _, out _));
        Assert.False(BodyDesignFields.Find("switchingOverhead")!.TryConvert(1.0, out _, out _));
    }

    [Fact]
    public void An_unknown_field_gets_the_closest_name()
    {
        Assert.Null(BodyDesignFields.Find("colectivity"));
        Assert.StartsWith("did you mean collectivity? ", BodyDesignFields.UnknownText("colectivity"), StringComparison.Ordinal);
        var e = Assert.Throws<ArgumentException>(() => BodySetting.Create("colectivity", 0.5));
        Assert.Contains("did you mean collectivity?", e.Message, StringComparison.Ordinal);
        Assert.Contains("is not allowed: a finite number >= 0 and <= 1", Assert.Throws<ArgumentException>(() => BodySetting.Create("collectivity", 2)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixed_fields_are_applied_after_the_design_is_built_from_the_parameters_and_the_rest_still_follows_them()
    {
        var tf = (BodyStructure)Structure.TaskForce();
        var half = tf.WithBody(BodySetting.Create("collectivity", 0.5), BodySetting.Create("meetingInterval", 14));
        var p = Parameters.Default with { ConsultInterval = 60, LeadShare = 0.8 };

        var design = half.DesignFor(p);

        Assert.Equal(0.5, design.Collectivity);
        Assert.Equal(14, design.MeetingInterval);
        Assert.Equal(0.8, design.DeciderShare);
        Assert.Equal(tf.DesignFor(p) with { Collectivity = 0.5, MeetingInterval = 14 }, design);
        Assert.Empty(tf.Settings);
        Assert.Equal(0.25, half.WithBody(BodySetting.Create("collectivity", 0.25)).DesignFor(p).Collectivity);
        Assert.NotEqual(tf, half);
        Assert.Equal(half, tf.WithBody(BodySetting.Create("collectivity", 0.5), BodySetting.Create("meetingInterval", 14)));
    }

    [Fact]
    public void A_fixed_field_changes_the_run_as_the_same_design_given_in_code_does()
    {
        var p = Parameters.Default with { HorizonDays = 60, WarmupDays = 0 };
        var fixedInSpec = ((BodyStructure)Structure.TaskForce()).WithBody(BodySetting.Create("collectivity", 1));
        var custom = new BodyStructure("task-force", Structure.TaskForce().Description, BodyDesign.TaskForce, BodyDesign.TaskForce(p) with { Collectivity = 1 });

        var a = Simulation.Run(fixedInSpec, p, 3);
        var b = Simulation.Run(custom, p, 3);
        var plain = Simulation.Run(Structure.TaskForce(), p, 3);

        Assert.Equal(b.ToJson(), a.ToJson());
        Assert.NotEqual(plain.Responsibility.EffectiveCount, a.Responsibility.EffectiveCount);
    }

    [Fact]
    public void Any_numeric_type_an_enum_value_or_its_word_converts_and_nulls_are_refused()
    {
        Assert.Equal(3, BodySetting.Create("officeStaff", 3L).Value);
        Assert.Equal(0.5, BodySetting.Create("collectivity", 0.5f).Value);
        Assert.Equal(0.25, BodySetting.Create("collectivity", 0.25m).Value);
        Assert.Equal(2, BodySetting.Create("count", (short)2).Value);
        Assert.Equal(FormationTrigger.Crisis, BodySetting.Create("formOn", FormationTrigger.Crisis).Value);
        Assert.Equal(FormationTrigger.Crisis, BodySetting.Create("formOn", "crisis").Value);
        Assert.Throws<ArgumentException>(() => BodySetting.Create("formOn", RoutineHandling.Chair));
        Assert.Throws<ArgumentException>(() => BodySetting.Create("collectivity", double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => BodySetting.Create("collectivity", -0.1));
        Assert.Throws<ArgumentException>(() => BodySetting.Create("count", 2.5));
        Assert.Equal("crisis", BodySetting.Create("formOn", FormationTrigger.Crisis).Text);

        var field = BodyDesignFields.Find("collectivity")!;
        Assert.Throws<ArgumentNullException>(() => field.Get(null!));
        Assert.Throws<ArgumentNullException>(() => field.With(null!, 0.5));
        Assert.Throws<ArgumentNullException>(() => BodySetting.Create(null!, 0.5));
        Assert.Throws<ArgumentNullException>(() => BodySetting.TryCreate(null!, 0.5, out _, out _));
        Assert.False(field.TryConvert(null, out _, out var allowed));
        Assert.Equal(field.AllowedText, allowed);
    }
}
