using CoordSim.Organisation;

namespace CoordSim.Tests.Organisation;

/// <summary>
/// Edges of the organisation builder that Stryker found unchecked: who office staff and platform officers report to,
/// the attention of people on no body, the government head as a desk holder, the widest span that fits exactly, the
/// span of a two-level flattened department, and what its errors and ids say.
/// </summary>
public class OrganisationBuilderEdgeTests
{
    private static PersonId P(int id) => new(id);

    [Fact]
    public void Office_staff_report_to_the_head_in_two_level_departments_and_to_the_government_head_in_one_level_ones()
    {
        var two = OrganisationBuilder.Hierarchy(Parameters.Default with { Departments = 2, Levels = 2, Span = 2, MaxDepartmentsPerIssue = 2 });
        var officer = two.AddOfficer(1);
        Assert.Equal(two.HeadOf(1), two.SuperiorOf(officer));
        Assert.Equal(0, two.LevelOf(officer));

        var one = OrganisationBuilder.Hierarchy(Parameters.Default with { Departments = 2, Levels = 1, Span = 2, MaxDepartmentsPerIssue = 2 });
        var lone = one.AddOfficer(1);
        Assert.Equal(P(0), one.SuperiorOf(lone));
        Assert.Equal(0, one.LevelOf(lone));
    }

    [Fact]
    public void A_platform_officer_belongs_to_no_department_and_needs_a_title_and_to_come_before_bodies()
    {
        var b = OrganisationBuilder.Hierarchy(Parameters.Default with { Departments = 2, Levels = 2, Span = 2, MaxDepartmentsPerIssue = 2 });
        var platform = b.AddPlatformOfficer("command centre");
        Assert.Throws<ArgumentException>(() => b.AddPlatformOfficer(" "));
        b.AddBody("x", b.HeadOf(0), [b.HeadOf(0)], [], ChannelKind.Meeting);
        var late = Assert.Throws<InvalidOperationException>(() => b.AddPlatformOfficer());
        Assert.Contains("before the first body", late.Message, StringComparison.Ordinal);
        Assert.Contains("before the first body", Assert.Throws<InvalidOperationException>(() => b.AddOfficer(0)).Message, StringComparison.Ordinal);

        var org = b.Build();
        Assert.Equal(-1, org.DepartmentOf(platform));
        Assert.Equal("command centre", org.Person(platform).Title);
        Assert.Equal(P(0), org.SuperiorOf(platform));
    }

    [Fact]
    public void People_on_no_body_keep_all_their_attention_whatever_the_switching_overhead()
    {
        var b = OrganisationBuilder.Hierarchy(Parameters.Default with { Departments = 2, Levels = 2, Span = 2, MaxDepartmentsPerIssue = 2 }).WithSwitchingOverhead(0.2);
        b.AddBody("x", b.HeadOf(0), [b.HeadOf(0)], [(b.HeadOf(0), 0.25)], ChannelKind.Meeting);
        var org = b.Build();

        Assert.Equal(1.0, org.HomeDesk(org.HeadOf(1)).Share);
        Assert.Equal(1.0, org.HomeDesk(P(0)).Share);
        Assert.Equal(0.75, org.HomeDesk(org.HeadOf(0)).Share, 12);   // one membership: no overhead
    }

    [Fact]
    public void The_government_head_may_hold_a_desk_and_is_somebody()
    {
        var b = OrganisationBuilder.Hierarchy(Parameters.Default with { Departments = 2, Levels = 2, Span = 2, MaxDepartmentsPerIssue = 2 });
        var (_, desks) = b.AddBody("command", P(0), [P(0)], [(P(0), 0.5)], ChannelKind.Meeting);
        var org = b.Build();

        Assert.Equal(P(0), org.Desk(Assert.Single(desks)).Person);
        Assert.False(CoordSim.Organisation.Organisation.IsNobody(P(0)));
        Assert.True(CoordSim.Organisation.Organisation.IsNobody(P(-1)));
    }

    [Fact]
    public void Errors_name_the_body_the_desk_and_the_person()
    {
        var b = OrganisationBuilder.Hierarchy(Parameters.Default with { Departments = 2, Levels = 2, Span = 2, MaxDepartmentsPerIssue = 2 });
        var stranger = P(b.PersonCount);
        Assert.Contains("A member of group is not a person", Assert.Throws<ArgumentOutOfRangeException>(() => b.AddBody("group", P(0), [stranger], [], ChannelKind.Meeting)).Message, StringComparison.Ordinal);
        Assert.Contains("Desk 0 of group is not held by a person", Assert.Throws<ArgumentOutOfRangeException>(() => b.AddBody("group", P(0), [P(0)], [(stranger, 0.5)], ChannelKind.Meeting)).Message, StringComparison.Ordinal);
        Assert.Contains("attention share of desk 0 of group must lie in (0, 1)", Assert.Throws<ArgumentOutOfRangeException>(() => b.AddBody("group", P(0), [P(0)], [(P(1), 1.5)], ChannelKind.Meeting)).Message, StringComparison.Ordinal);
        b.AddBody("a", P(1), [P(1)], [(P(1), 0.5)], ChannelKind.Meeting);
        b.AddBody("b", P(1), [P(1)], [(P(1), 0.5)], ChannelKind.Meeting);
        Assert.Contains("Person 1 has given all of their attention", Assert.Throws<InvalidOperationException>(() => b.Build()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_widest_span_whose_tree_fits_exactly_is_taken()
    {
        // 7 people over 3 levels are exactly the complete tree of span 2: 1, 2, 4.
        Assert.Equal([1, 2, 4], OrganisationBuilder.FlattenedLevelSizes(7, 1.0, 3));
        Assert.Equal([1, 2, 5], OrganisationBuilder.FlattenedLevelSizes(8, 1.0, 3));
    }

    [Fact]
    public void A_two_level_flattened_department_has_its_frontline_as_its_span_and_invalid_parameters_are_refused()
    {
        // Levels 4, span 4: 85 people in the comparable department, all kept (cap 1) over 4 − 2 = 2 levels: a head over 84.
        var b = OrganisationBuilder.Flattened(Parameters.Default with { Levels = 4, Span = 4, LevelsRemoved = 2, StaffingCap = 1 });
        Assert.Equal(2, b.Levels);
        Assert.Equal(84, b.Span);
        Assert.Equal(84, b.FrontlineCount(0));
        Assert.Equal(b.HeadOf(0), b.SuperiorOf(b.Frontline(0, 83)));
        Assert.Equal(b.Frontline(1, 0).Value + 5, b.Frontline(1, 5).Value);
        Assert.Throws<ParameterException>(() => OrganisationBuilder.Flattened(Parameters.Default with { Span = 0 }));
    }

    [Fact]
    public void Level_titles_and_ids_read_as_words()
    {
        Assert.Equal("division", OrganisationBuilder.LevelTitle(1, 3));
        Assert.Equal("person 3", P(3).ToString());
        Assert.Equal("desk 4", new DeskId(4).ToString());
        Assert.Equal("body 5", new BodyId(5).ToString());
    }
}
