using CoordSim.Organisation;

namespace CoordSim.Tests.Organisation;

public class OrganisationBuilderTests
{
    private static CoordSim.Organisation.Organisation Default() => OrganisationBuilder.Hierarchy(Parameters.Default).Build();

    private static PersonId P(int id) => new(id);

    [Fact]
    public void Default_hierarchy_has_681_people()
    {
        var p = Parameters.Default;
        var org = Default();
        var expected = (p.Departments * ((int)Math.Pow(p.Span, p.Levels) - 1) / (p.Span - 1)) + 1 + p.Deputies;
        Assert.Equal(684, expected);
        Assert.Equal(expected, org.PersonCount);
        Assert.Equal(expected, org.DeskCount);
        Assert.Equal(8, org.Departments);
        Assert.Equal(4, org.Levels);
        Assert.Empty(org.Bodies);
        Assert.Equal(1 + p.Deputies, org.CountAtLevel(4));
        Assert.Equal(8, org.CountAtLevel(3));
        Assert.Equal(32, org.CountAtLevel(2));
        Assert.Equal(128, org.CountAtLevel(1));
        Assert.Equal(512, org.CountAtLevel(0));
    }

    [Fact]
    public void Government_head_is_person_zero_and_every_department_head_reports_to_it()
    {
        var org = Default();
        Assert.Equal(P(0), org.GovernmentHead);
        Assert.True(CoordSim.Organisation.Organisation.IsNobody(org.SuperiorOf(P(0))));
        Assert.Null(org.Person(P(0)).Superior);
        Assert.Equal(-1, org.DepartmentOf(P(0)));
        Assert.Equal(org.Levels, org.LevelOf(P(0)));
        Assert.Equal("government head", org.Person(P(0)).Title);
        for (var d = 0; d < org.Departments; d++)
        {
            var head = org.HeadOf(d);
            Assert.Equal(P(0), org.SuperiorOf(head));
            Assert.Equal(d, org.DepartmentOf(head));
            Assert.Equal(org.Levels - 1, org.LevelOf(head));
            Assert.Equal("department head", org.Person(head).Title);
        }

        Assert.Equal(Enumerable.Range(0, org.Departments).Select(org.HeadOf).Concat(org.Deputies).Order(), org.SubordinatesOf(P(0)).Order());
    }

    [Fact]
    public void Every_person_below_the_top_reports_to_someone_one_level_up_in_the_same_department()
    {
        var p = Parameters.Default;
        var org = Default();
        foreach (var person in org.People.Where(x => x.Id != P(0) && x.Level < org.Levels - 1))
        {
            var boss = org.Person(person.Superior!.Value);
            Assert.Equal(person.Level + 1, boss.Level);
            Assert.Equal(person.Department, boss.Department);
            Assert.Contains(person.Id, org.SubordinatesOf(boss.Id));
        }

        foreach (var person in org.People.Where(x => x.Level > 0 && x.Level < org.Levels))
        {
            Assert.Equal(p.Span, org.SubordinatesOf(person.Id).Count);
        }

        Assert.All(org.People.Where(x => x.Level == 0), x => Assert.Empty(org.SubordinatesOf(x.Id)));
    }

    [Theory]
    [InlineData(3, 8)]
    [InlineData(1, 5)]
    [InlineData(4, 3)]
    [InlineData(0, 8)]
    public void Deputies_sit_beside_the_government_head_with_departments_dealt_round_robin(int deputies, int departments)
    {
        var p = Parameters.Default with { Deputies = deputies, Departments = departments, TopServiceRate = 30, TopAttention = 0.4 };
        var org = OrganisationBuilder.Hierarchy(p).Build();
        Assert.Equal(deputies, org.Deputies.Count);
        foreach (var deputy in org.Deputies)
        {
            var person = org.Person(deputy);
            Assert.Equal(org.Levels, person.Level);
            Assert.Equal(-1, person.Department);
            Assert.Equal(P(0), person.Superior);
            Assert.Equal("deputy in charge", person.Title);
            Assert.Equal(12.0, person.ServiceRate, 12);
            Assert.True(deputy.Value > org.Frontline(departments - 1, org.FrontlineCount(departments - 1) - 1).Value, "deputies are numbered after every department's people");
        }

        for (var d = 0; d < departments; d++)
        {
            Assert.Equal(deputies == 0 ? P(0) : org.Deputies[d % deputies], org.DeputyOf(d));
            Assert.Equal(P(0), org.SuperiorOf(org.HeadOf(d)));
        }

        Assert.Equal(12.0, org.ServiceRateOf(P(0)), 12);
        Assert.Equal(deputies > 0 ? "government leaders" : "government head", org.TitleOfLevel(org.Levels));
    }

    [Fact]
    public void Office_staff_join_the_lead_department_below_its_head_and_must_come_before_bodies()
    {
        var builder = OrganisationBuilder.Hierarchy(Parameters.Default);
        var before = builder.PersonCount;
        var officer = builder.AddOfficer(2);
        Assert.Equal(before, officer.Value);
        builder.AddBody("group", P(0), [P(0), officer], [], ChannelKind.Meeting);
        Assert.Throws<InvalidOperationException>(() => builder.AddOfficer(2));
        var org = builder.Build();
        var person = org.Person(officer);
        Assert.Equal(2, person.Department);
        Assert.Equal(org.Levels - 2, person.Level);
        Assert.Equal(org.HeadOf(2), person.Superior);
        Assert.Equal(Parameters.Default.ServiceRateAtLevel(org.Levels - 2), person.ServiceRate, 12);
        Assert.Equal("office staff", person.Title);
        Assert.Equal(1.0, org.HomeDesk(officer).Share);
    }

    [Fact]
    public void AncestorAt_climbs_the_reporting_line()
    {
        var org = Default();
        var frontline = org.Frontline(5, 37);
        Assert.Equal(frontline, org.AncestorAt(frontline, 0));
        var section = org.AncestorAt(frontline, 1);
        Assert.Equal(org.SuperiorOf(frontline), section);
        Assert.Equal(org.SuperiorOf(section), org.AncestorAt(frontline, 2));
        Assert.Equal(org.HeadOf(5), org.AncestorAt(frontline, 3));
        Assert.Equal(P(0), org.AncestorAt(frontline, 4));
        Assert.Equal(org.HeadOf(5), org.AncestorAt(org.HeadOf(5), 2));
    }

    [Fact]
    public void Each_department_has_a_contiguous_frontline_block()
    {
        var p = Parameters.Default;
        var org = Default();
        var perDepartment = (int)Math.Pow(p.Span, p.Levels - 1);
        for (var d = 0; d < org.Departments; d++)
        {
            Assert.Equal(perDepartment, org.FrontlineCount(d));
            for (var i = 0; i < perDepartment; i++)
            {
                var person = org.Frontline(d, i);
                Assert.Equal(P(org.Frontline(d, 0).Value + i), person);
                Assert.Equal(0, org.LevelOf(person));
                Assert.Equal(d, org.DepartmentOf(person));
                Assert.Equal(org.HeadOf(d), org.AncestorAt(person, p.Levels - 1));
            }
        }

        var all = Enumerable.Range(0, org.Departments).SelectMany(d => Enumerable.Range(0, perDepartment).Select(i => org.Frontline(d, i)));
        Assert.Equal(org.CountAtLevel(0), all.Distinct().Count());
    }

    [Theory]
    [InlineData(4, 2.0, 16.0)]
    [InlineData(3, 1.5, 6.0)]
    [InlineData(6, 3.0, 3.0)]
    [InlineData(2, 5.0, 1.0)]
    public void Service_rate_rises_geometrically_from_frontline_to_head(int levels, double serviceRate, double headRate)
    {
        var p = Parameters.Default with { Levels = levels, ServiceRate = serviceRate, HeadServiceRate = headRate, Departments = 2, Span = 2, MaxDepartmentsPerIssue = 2 };
        var org = OrganisationBuilder.Hierarchy(p).Build();
        for (var k = 0; k < levels; k++)
        {
            var expected = serviceRate * Math.Pow(headRate / serviceRate, (double)k / (levels - 1));
            Assert.Equal(expected, p.ServiceRateAtLevel(k), 12);
            foreach (var person in org.People.Where(x => x.Level == k && x.Id != P(0)))
            {
                Assert.Equal(expected, person.ServiceRate, 12);
            }
        }

        Assert.Equal(serviceRate, p.ServiceRateAtLevel(0), 12);
        Assert.Equal(headRate, p.ServiceRateAtLevel(levels - 1), 12);
        Assert.Equal(p.TopServiceRate * p.TopAttention, org.ServiceRateOf(P(0)));
    }

    [Fact]
    public void One_level_departments_are_run_by_their_heads_at_the_head_rate()
    {
        var p = Parameters.Default with { Levels = 1 };
        var org = OrganisationBuilder.Hierarchy(p).Build();
        Assert.Equal(p.Departments + 1 + p.Deputies, org.PersonCount);
        Assert.Equal(p.HeadServiceRate, p.ServiceRateAtLevel(0));
        for (var d = 0; d < p.Departments; d++)
        {
            Assert.Equal(org.HeadOf(d), org.Frontline(d, 0));
            Assert.Equal(1, org.FrontlineCount(d));
            Assert.Equal(p.HeadServiceRate, org.ServiceRateOf(org.HeadOf(d)));
        }
    }

    [Fact]
    public void Links_are_exactly_the_reporting_lines()
    {
        var org = Default();
        var links = org.Links.ToArray();
        Assert.Equal(org.PersonCount - 1, links.Length);
        Assert.All(links, l =>
        {
            Assert.Equal(LinkKind.ReportsTo, l.Kind);
            Assert.Equal(ChannelKind.Relay, l.Channel);
            Assert.Equal(org.SuperiorOf(l.From), l.To);
        });
        Assert.Equal(org.PersonCount - 1, links.Select(l => l.From).Distinct().Count());
    }

    [Fact]
    public void Home_desks_have_the_person_id_and_full_attention()
    {
        var org = Default();
        for (var i = 0; i < org.PersonCount; i++)
        {
            Assert.Equal(new Desk(new DeskId(i), P(i), null, 1.0, 0), org.Desk(new DeskId(i)));
        }
    }

    [Fact]
    public void Bodies_take_attention_from_home_desks_with_switching_overhead()
    {
        var p = Parameters.Default with { Departments = 2, Levels = 2, Span = 2, MaxDepartmentsPerIssue = 2 };
        var builder = OrganisationBuilder.Hierarchy(p).WithSwitchingOverhead(0.1);
        var a = builder.HeadOf(0);
        var b = builder.HeadOf(1);
        var (first, firstDesks) = builder.AddBody("group", a, [a, b], [(a, 0.2), (b, 0.3)], ChannelKind.Meeting);
        var (second, secondDesks) = builder.AddBody("force", b, [b], [(b, 0.25)], ChannelKind.Lateral);
        var org = builder.Build();

        Assert.Equal(2, org.Bodies.Count);
        Assert.Equal(new[] { a, b }, first.Members);
        Assert.Equal(new BodyId(1), second.Id);
        Assert.Equal(org.PersonCount + 3, org.DeskCount);
        Assert.Equal(new[] { new DeskId(org.PersonCount), new DeskId(org.PersonCount + 1) }, firstDesks);
        Assert.Equal(new[] { new DeskId(org.PersonCount + 2) }, secondDesks);

        // a has one membership (no overhead); b has two, so every desk of b is scaled by (1 - 0.1).
        Assert.Equal(0.8, org.HomeDesk(a).Share, 12);
        Assert.Equal(0.2, org.Desk(firstDesks[0]).Share, 12);
        Assert.Equal((1 - 0.3 - 0.25) * 0.9, org.HomeDesk(b).Share, 12);
        Assert.Equal(0.3 * 0.9, org.Desk(firstDesks[1]).Share, 12);
        Assert.Equal(0.25 * 0.9, org.Desk(secondDesks[0]).Share, 12);
        Assert.All(org.Desks.Where(d => d.Body is null), d => Assert.Equal(d.Id.Value, d.Person.Value));
        Assert.Equal(new BodyId?[] { new(0), new(0), new(1) }, org.Desks.Where(d => d.Body is not null).Select(d => d.Body));
        Assert.Equal(new[] { 0.2, 0.3, 0.25 }, org.Desks.Where(d => d.Body is not null).Select(d => d.Seconded));

        var membership = org.Links.Where(l => l.Kind == LinkKind.Membership).ToArray();
        Assert.Equal(new Link(b, a, LinkKind.Membership, ChannelKind.Meeting), Assert.Single(membership));
    }

    [Fact]
    public void Seconding_all_attention_or_strangers_is_refused()
    {
        var p = Parameters.Default with { Departments = 2, Levels = 2, Span = 2, MaxDepartmentsPerIssue = 2 };
        var builder = OrganisationBuilder.Hierarchy(p);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddBody("x", P(0), [P(builder.PersonCount)], [], ChannelKind.Meeting));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddBody("x", P(0), [P(0)], [(P(builder.PersonCount), 0.5)], ChannelKind.Meeting));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddBody("x", P(0), [P(0)], [(P(0), 0)], ChannelKind.Meeting));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddBody("x", P(0), [P(0)], [(P(0), 1.0)], ChannelKind.Meeting));
        builder.AddBody("a", P(1), [P(1)], [(P(1), 0.6)], ChannelKind.Meeting);
        builder.AddBody("b", P(1), [P(1)], [(P(1), 0.4)], ChannelKind.Meeting);
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public void Hierarchy_refuses_invalid_parameters()
    {
        var thrown = Assert.Throws<ParameterException>(() => OrganisationBuilder.Hierarchy(Parameters.Default with { Span = 0 }));
        Assert.Contains(thrown.Errors, e => e.Name == "span");
    }

    [Fact]
    public void Level_titles_name_the_common_ranks()
    {
        Assert.Equal(["frontline", "section", "division", "department head", "government head"], Enumerable.Range(0, 5).Select(k => OrganisationBuilder.LevelTitle(k, 4)));
        Assert.Equal("level 3", OrganisationBuilder.LevelTitle(3, 6));
        Assert.Equal("department head", OrganisationBuilder.LevelTitle(0, 1));
    }
}
