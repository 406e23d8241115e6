namespace CoordSim.Organisation;

/// <summary>
/// Builds an <see cref="Organisation"/>: the departmental hierarchy from parameters (span,
/// levels, service rates by level) and, on top of it, the desks that coordination bodies add.
/// </summary>
public sealed class OrganisationBuilder
{
    private readonly int _departments;
    private readonly int _levels;
    private readonly List<int> _department = [];
    private readonly List<int> _level = [];
    private readonly List<int> _superior = [];
    private readonly List<double> _rate = [];
    private readonly int[] _head;
    private readonly int[] _frontlineStart;
    private readonly int[] _frontlineCount;
    private readonly List<Desk> _bodyDesks = [];
    private readonly List<CoordinationBody> _bodies = [];
    private readonly Dictionary<int, double> _homeShare = [];
    private readonly Dictionary<int, int> _memberships = [];
    private double _switchingOverhead;

    private OrganisationBuilder(int departments, int levels)
    {
        _departments = departments;
        _levels = levels;
        _head = new int[departments];
        _frontlineStart = new int[departments];
        _frontlineCount = new int[departments];
    }

    /// <summary>
    /// Starts from the strict departmental hierarchy of <paramref name="p"/>: a government head
    /// (id 0) over <c>departments</c> complete trees of span <c>span</c> and <c>levels</c> levels.
    /// Within a department people are numbered from the head down, level by level, so the
    /// frontline of each department is a contiguous block.
    /// </summary>
    public static OrganisationBuilder Hierarchy(Parameters p)
    {
        p.EnsureValid();
        var b = new OrganisationBuilder(p.Departments, p.Levels);
        b.Add(-1, p.Levels, -1, p.TopServiceRate);
        for (var d = 0; d < p.Departments; d++)
        {
            var previous = new List<int>();
            for (var level = p.Levels - 1; level >= 0; level--)
            {
                var current = new List<int>();
                if (level == p.Levels - 1)
                {
                    current.Add(b.Add(d, level, 0, p.ServiceRateAtLevel(level)));
                    b._head[d] = current[0];
                }
                else
                {
                    foreach (var boss in previous)
                    {
                        for (var k = 0; k < p.Span; k++)
                        {
                            current.Add(b.Add(d, level, boss, p.ServiceRateAtLevel(level)));
                        }
                    }
                }

                if (level == 0)
                {
                    b._frontlineStart[d] = current[0];
                    b._frontlineCount[d] = current.Count;
                }

                previous = current;
            }
        }

        return b;
    }

    /// <summary>Number of people so far.</summary>
    public int PersonCount => _department.Count;

    /// <summary>Head of department <paramref name="department"/>.</summary>
    public int HeadOf(int department) => _head[department];

    /// <summary>The <paramref name="position"/>-th frontline person of <paramref name="department"/>.</summary>
    public int Frontline(int department, int position) => _frontlineStart[department] + position;

    /// <summary>Number of frontline people in <paramref name="department"/>.</summary>
    public int FrontlineCount(int department) => _frontlineCount[department];

    /// <summary>Level of person <paramref name="person"/>.</summary>
    public int LevelOf(int person) => _level[person];

    /// <summary>Superior of person <paramref name="person"/>.</summary>
    public int SuperiorOf(int person) => _superior[person];

    /// <summary>Sets the switching overhead γ: each membership beyond the first scales every desk's share of that person by (1 − γ).</summary>
    public OrganisationBuilder WithSwitchingOverhead(double gamma)
    {
        _switchingOverhead = gamma;
        return this;
    }

    /// <summary>
    /// Adds a coordination body. <paramref name="members"/> lists every member (the chair included);
    /// <paramref name="desks"/> lists the seconded assignments: the person and the attention share the
    /// membership takes from their home unit (members without a desk meet, or work at their home desk).
    /// Returns the body and its desk ids in the order of <paramref name="desks"/>.
    /// </summary>
    public (CoordinationBody Body, int[] Desks) AddBody(string name, int chair, IReadOnlyList<int> members, IReadOnlyList<(int Person, double Share)> desks, ChannelKind channel)
    {
        var id = _bodies.Count;
        var deskIds = new int[desks.Count];
        foreach (var member in members.Append(chair))
        {
            if (member < 0 || member >= PersonCount)
            {
                throw new ArgumentOutOfRangeException(nameof(members), member, $"A member of {name} is not a person of this organisation.");
            }
        }

        for (var i = 0; i < desks.Count; i++)
        {
            var (person, share) = desks[i];
            if (person < 0 || person >= PersonCount)
            {
                throw new ArgumentOutOfRangeException(nameof(desks), person, $"Desk {i} of {name} is not held by a person of this organisation.");
            }

            if (!(share > 0 && share < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(desks), share, $"The attention share of desk {i} of {name} must lie in (0, 1).");
            }

            _homeShare[person] = _homeShare.GetValueOrDefault(person, 1.0) - share;
            _memberships[person] = _memberships.GetValueOrDefault(person) + 1;
            deskIds[i] = PersonCount + _bodyDesks.Count;
            _bodyDesks.Add(new Desk(deskIds[i], person, id, share));
        }

        var body = new CoordinationBody(id, name, chair, members.Distinct().ToArray(), channel);
        _bodies.Add(body);
        return (body, deskIds);
    }

    /// <summary>Finishes the organisation; checks that no one has given away more than all of their attention.</summary>
    public Organisation Build()
    {
        var n = PersonCount;
        var desks = new Desk[n + _bodyDesks.Count];
        for (var i = 0; i < n; i++)
        {
            var home = _homeShare.GetValueOrDefault(i, 1.0);
            if (home <= 1e-9)
            {
                throw new InvalidOperationException($"Person {i} has given all of their attention to bodies; at most a share below 1 can be seconded.");
            }

            desks[i] = new Desk(i, i, -1, home * Overhead(i));
        }

        foreach (var d in _bodyDesks)
        {
            desks[d.Id] = d with { Share = d.Share * Overhead(d.Person) };
        }

        var titles = new string[_levels + 1];
        for (var k = 0; k <= _levels; k++)
        {
            titles[k] = LevelTitle(k, _levels);
        }

        return new Organisation(
            _departments,
            _levels,
            [.. _department],
            [.. _level],
            [.. _superior],
            [.. _rate],
            (int[])_head.Clone(),
            (int[])_frontlineStart.Clone(),
            (int[])_frontlineCount.Clone(),
            titles,
            desks,
            _bodies.ToArray());
    }

    /// <summary>The title of level <paramref name="level"/> in a department of <paramref name="levels"/> levels.</summary>
    public static string LevelTitle(int level, int levels)
    {
        if (level == levels)
        {
            return "government head";
        }

        if (level == levels - 1)
        {
            return "department head";
        }

        if (level == 0)
        {
            return "frontline";
        }

        // Named ranks for the common depths; numbered ranks otherwise.
        return (levels, level) switch
        {
            (4, 1) => "section",
            (4, 2) => "division",
            (3, 1) => "division",
            _ => $"level {level}",
        };
    }

    private double Overhead(int person)
    {
        var n = _memberships.GetValueOrDefault(person);
        return n <= 1 ? 1.0 : Math.Pow(1 - _switchingOverhead, n - 1);
    }

    private int Add(int department, int level, int superior, double rate)
    {
        _department.Add(department);
        _level.Add(level);
        _superior.Add(superior);
        _rate.Add(rate);
        return _department.Count - 1;
    }
}
