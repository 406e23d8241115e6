namespace CoordSim.Organisation;

/// <summary>
/// The organisation graph as data: people (in arrays indexed by id), their reporting lines,
/// departments, levels and service rates, and the desks (assignments) at which work queues.
/// Built by <see cref="OrganisationBuilder"/>; immutable once built, so one organisation can be
/// shared by many runs.
/// </summary>
public sealed class Organisation
{
    private readonly int[] _department;
    private readonly int[] _level;
    private readonly int[] _superior;
    private readonly double[] _serviceRate;
    private readonly int[] _departmentHead;
    private readonly int[] _frontlineStart;
    private readonly int[] _frontlineCount;
    private readonly string[] _levelTitles;
    private readonly Desk[] _desks;
    private readonly int[][] _subordinates;

    internal Organisation(
        int departments,
        int levels,
        int[] department,
        int[] level,
        int[] superior,
        double[] serviceRate,
        int[] departmentHead,
        int[] frontlineStart,
        int[] frontlineCount,
        string[] levelTitles,
        Desk[] desks,
        IReadOnlyList<CoordinationBody> bodies)
    {
        Departments = departments;
        Levels = levels;
        _department = department;
        _level = level;
        _superior = superior;
        _serviceRate = serviceRate;
        _departmentHead = departmentHead;
        _frontlineStart = frontlineStart;
        _frontlineCount = frontlineCount;
        _levelTitles = levelTitles;
        _desks = desks;
        Bodies = bodies;
        var counts = new int[department.Length];
        foreach (var s in superior)
        {
            if (s >= 0)
            {
                counts[s]++;
            }
        }

        _subordinates = counts.Select(c => new int[c]).ToArray();
        Array.Clear(counts);
        for (var i = 0; i < superior.Length; i++)
        {
            if (superior[i] >= 0)
            {
                _subordinates[superior[i]][counts[superior[i]]++] = i;
            }
        }
    }

    /// <summary>Number of departments.</summary>
    public int Departments { get; }

    /// <summary>Levels inside a department; the government head is at level <see cref="Levels"/>.</summary>
    public int Levels { get; }

    /// <summary>Number of people, government head included.</summary>
    public int PersonCount => _department.Length;

    /// <summary>Id of the government head, the lowest common superior of all departments.</summary>
    public int GovernmentHead => 0;

    /// <summary>Number of desks (home desks first, one per person, then body memberships).</summary>
    public int DeskCount => _desks.Length;

    /// <summary>The coordination bodies of the organisation (none for a strict hierarchy).</summary>
    public IReadOnlyList<CoordinationBody> Bodies { get; }

    /// <summary>Department of person <paramref name="person"/>, or −1 for the government head.</summary>
    public int DepartmentOf(int person) => _department[person];

    /// <summary>Level of person <paramref name="person"/> (government head: <see cref="Levels"/>).</summary>
    public int LevelOf(int person) => _level[person];

    /// <summary>Superior of person <paramref name="person"/>, or −1 for the government head.</summary>
    public int SuperiorOf(int person) => _superior[person];

    /// <summary>Service rate (items/day) of person <paramref name="person"/> at full attention.</summary>
    public double ServiceRateOf(int person) => _serviceRate[person];

    /// <summary>Head of department <paramref name="department"/>.</summary>
    public int HeadOf(int department) => _departmentHead[department];

    /// <summary>Number of frontline people in department <paramref name="department"/>.</summary>
    public int FrontlineCount(int department) => _frontlineCount[department];

    /// <summary>The <paramref name="position"/>-th frontline person of department <paramref name="department"/>.</summary>
    public int Frontline(int department, int position) => _frontlineStart[department] + position;

    /// <summary>The people who report directly to <paramref name="person"/>.</summary>
    public IReadOnlyList<int> SubordinatesOf(int person) => _subordinates[person];

    /// <summary>The ancestor of <paramref name="person"/> at <paramref name="level"/> (the person itself when already there).</summary>
    public int AncestorAt(int person, int level)
    {
        while (_level[person] < level)
        {
            person = _superior[person];
        }

        return person;
    }

    /// <summary>Title of a level in words.</summary>
    public string TitleOfLevel(int level) => _levelTitles[level];

    /// <summary>The desk with id <paramref name="desk"/>.</summary>
    public Desk Desk(int desk) => _desks[desk];

    /// <summary>Every desk.</summary>
    public IReadOnlyList<Desk> Desks => _desks;

    /// <summary>A read-only view of person <paramref name="id"/>.</summary>
    public Person Person(int id) =>
        new(id, _department[id], _level[id], _superior[id], _serviceRate[id], _levelTitles[_level[id]]);

    /// <summary>Every person, by id.</summary>
    public IEnumerable<Person> People => Enumerable.Range(0, PersonCount).Select(Person);

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
                    yield return new Link(i, _superior[i], LinkKind.ReportsTo, ChannelKind.Relay);
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
