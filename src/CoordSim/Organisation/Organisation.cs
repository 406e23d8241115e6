namespace CoordSim.Organisation;

/// <summary>
/// The organisation graph as data: people (in arrays indexed by id), their reporting lines,
/// departments, levels and service rates, the deputies in charge and their portfolios, and the desks
/// (assignments) at which work queues. Built by <see cref="OrganisationBuilder"/>; immutable once
/// built, so one organisation can be shared by many runs.
/// </summary>
public sealed class Organisation
{
    private readonly int[] _department;
    private readonly int[] _level;
    private readonly int[] _superior;
    private readonly double[] _serviceRate;
    private readonly string[] _title;
    private readonly int[] _departmentHead;
    private readonly int[] _frontlineStart;
    private readonly int[] _frontlineCount;
    private readonly int[] _deputyOf;
    private readonly PersonId[] _deputies;
    private readonly string[] _levelTitles;
    private readonly Desk[] _desks;
    private readonly PersonId[][] _subordinates;

    internal Organisation(OrganisationBuilder.Parts parts)
    {
        Departments = parts.Departments;
        Levels = parts.Levels;
        _department = parts.Department;
        _level = parts.Level;
        _superior = parts.Superior;
        _serviceRate = parts.ServiceRate;
        _title = parts.Title;
        _departmentHead = parts.DepartmentHead;
        _frontlineStart = parts.FrontlineStart;
        _frontlineCount = parts.FrontlineCount;
        _deputyOf = parts.DeputyOf;
        _deputies = parts.Deputies;
        _levelTitles = parts.LevelTitles;
        _desks = parts.Desks;
        Bodies = parts.Bodies;
        SwitchingOverhead = parts.SwitchingOverhead;
        var counts = new int[_department.Length];
        foreach (var s in _superior)
        {
            if (s >= 0)
            {
                counts[s]++;
            }
        }

        _subordinates = counts.Select(c => new PersonId[c]).ToArray();
        Array.Clear(counts);
        for (var i = 0; i < _superior.Length; i++)
        {
            if (_superior[i] >= 0)
            {
                _subordinates[_superior[i]][counts[_superior[i]]++] = new PersonId(i);
            }
        }
    }

    /// <summary>Number of departments.</summary>
    public int Departments { get; }

    /// <summary>Levels inside a department; the government head and the deputies are at level <see cref="Levels"/>.</summary>
    public int Levels { get; }

    /// <summary>Number of people, government head, deputies and office staff included.</summary>
    public int PersonCount => _department.Length;

    /// <summary>The government head, the lowest common superior of all departments.</summary>
    public PersonId GovernmentHead => PersonId.GovernmentHead;

    /// <summary>The deputies in charge (分管领导), each with a portfolio of departments; empty when there are none.</summary>
    public IReadOnlyList<PersonId> Deputies => _deputies;

    /// <summary>Number of desks (home desks first, one per person, then body memberships).</summary>
    public int DeskCount => _desks.Length;

    /// <summary>The coordination bodies of the organisation (none for a strict hierarchy).</summary>
    public IReadOnlyList<CoordinationBody> Bodies { get; }

    /// <summary>Attention lost per extra concurrent membership (γ): every desk of a person holding n body desks works at (1 − γ)^(n−1) of its share.</summary>
    public double SwitchingOverhead { get; }

    /// <summary>Department of <paramref name="person"/>, or −1 for the government head and the deputies.</summary>
    public int DepartmentOf(PersonId person) => _department[person.Value];

    /// <summary>Level of <paramref name="person"/> (government head and deputies: <see cref="Levels"/>).</summary>
    public int LevelOf(PersonId person) => _level[person.Value];

    /// <summary>Superior of <paramref name="person"/>; the government head has none (<see cref="IsNobody"/> is then true of the answer).</summary>
    public PersonId SuperiorOf(PersonId person) => new(_superior[person.Value]);

    /// <summary>True for the placeholder <see cref="SuperiorOf"/> returns for the government head.</summary>
    public static bool IsNobody(PersonId person) => person.Value < 0;

    /// <summary>Service rate (items/day) of <paramref name="person"/> at full attention; for principals the capacity left for coordination.</summary>
    public double ServiceRateOf(PersonId person) => _serviceRate[person.Value];

    /// <summary>Head of department <paramref name="department"/>.</summary>
    public PersonId HeadOf(int department) => new(_departmentHead[department]);

    /// <summary>The deputy in charge of <paramref name="department"/> (departments are dealt round-robin into portfolios), or the government head when there are no deputies.</summary>
    public PersonId DeputyOf(int department) => new(_deputyOf[department]);

    /// <summary>Number of frontline people in department <paramref name="department"/>.</summary>
    public int FrontlineCount(int department) => _frontlineCount[department];

    /// <summary>The <paramref name="position"/>-th frontline person of department <paramref name="department"/>.</summary>
    public PersonId Frontline(int department, int position) => new(_frontlineStart[department] + position);

    /// <summary>The people who report directly to <paramref name="person"/>.</summary>
    public IReadOnlyList<PersonId> SubordinatesOf(PersonId person) => _subordinates[person.Value];

    /// <summary>The ancestor of <paramref name="person"/> at <paramref name="level"/> (the person itself when already there).</summary>
    public PersonId AncestorAt(PersonId person, int level)
    {
        var p = person.Value;
        while (_level[p] < level)
        {
            p = _superior[p];
        }

        return new PersonId(p);
    }

    /// <summary>Title of a level in words.</summary>
    public string TitleOfLevel(int level) => _levelTitles[level];

    /// <summary>The desk <paramref name="desk"/>.</summary>
    public Desk Desk(DeskId desk) => _desks[desk.Value];

    /// <summary>The home desk of <paramref name="person"/> (its id is the person's).</summary>
    public Desk HomeDesk(PersonId person) => _desks[person.Value];

    /// <summary>Every desk.</summary>
    public IReadOnlyList<Desk> Desks => _desks;

    /// <summary>A read-only view of person <paramref name="id"/>.</summary>
    public Person Person(PersonId id)
    {
        var i = id.Value;
        PersonId? superior = _superior[i] >= 0 ? new PersonId(_superior[i]) : null;
        return new(id, _department[i], _level[i], superior, _serviceRate[i], _title[i]);
    }

    /// <summary>Every person, by id.</summary>
    public IEnumerable<Person> People => Enumerable.Range(0, PersonCount).Select(i => Person(new PersonId(i)));

    /// <summary>Number of people at <paramref name="level"/>.</summary>
    public int CountAtLevel(int level) => _level.Count(l => l == level);

    /// <summary>
    /// Every link of the graph: reporting lines (channel <see cref="ChannelKind.Relay"/>), and for each
    /// body a membership link from every member to the chair over the body's channel.
    /// </summary>
    public IEnumerable<Link> Links
    {
        get
        {
            for (var i = 0; i < PersonCount; i++)
            {
                if (_superior[i] >= 0)
                {
                    yield return new Link(new PersonId(i), new PersonId(_superior[i]), LinkKind.ReportsTo, ChannelKind.Relay);
                }
            }

            foreach (var body in Bodies)
            {
                foreach (var member in body.Members)
                {
                    if (member != body.Chair)
                    {
                        yield return new Link(member, body.Chair, LinkKind.Membership, body.Channel);
                    }
                }
            }
        }
    }
}
