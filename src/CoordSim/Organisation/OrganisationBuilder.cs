namespace CoordSim.Organisation;

/// <summary>
/// Builds an <see cref="Organisation"/>: the departmental hierarchy from parameters (span, levels,
/// service rates by level), the government head and the deputies in charge above it, and, on top
/// of it, the office staff and desks that coordination bodies add.
/// </summary>
public sealed class OrganisationBuilder
{
    private readonly OrganisationSettings _settings;
    private readonly List<int> _department = [];
    private readonly List<int> _level = [];
    private readonly List<int> _superior = [];
    private readonly List<double> _rate = [];
    private readonly List<string> _title = [];
    private readonly int[] _head;
    private readonly int[] _frontlineStart;
    private readonly int[] _frontlineCount;
    private readonly int[] _deputyOf;
    private readonly List<PersonId> _deputies = [];
    private readonly List<Desk> _bodyDesks = [];
    private readonly List<CoordinationBody> _bodies = [];
    private readonly Dictionary<int, double> _homeShare = [];
    private readonly Dictionary<int, int> _memberships = [];
    private readonly string[] _levelTitles;
    private double _switchingOverhead;

    private OrganisationBuilder(OrganisationSettings settings)
    {
        _settings = settings;
        _head = new int[settings.Departments];
        _frontlineStart = new int[settings.Departments];
        _frontlineCount = new int[settings.Departments];
        _deputyOf = new int[settings.Departments];
        _levelTitles = new string[settings.Levels + 1];
        for (var k = 0; k <= settings.Levels; k++)
        {
            _levelTitles[k] = LevelTitle(k, settings.Levels, settings.Deputies);
        }
    }

    /// <summary>
    /// Starts from the departmental hierarchy of <paramref name="p"/>: a government head (id 0) over
    /// <c>departments</c> complete trees of span <c>span</c> and <c>levels</c> levels, and <c>deputies</c>
    /// deputies in charge (numbered after every department's people) among whom the departments are dealt
    /// round-robin into portfolios. Within a department people are numbered from the head down, level by
    /// level, so the frontline of each department is a contiguous block.
    /// </summary>
    public static OrganisationBuilder Hierarchy(Parameters p)
    {
        p.EnsureValid();
        return Hierarchy(OrganisationSettings.From(p));
    }

    /// <summary>Starts from the departmental hierarchy that <paramref name="s"/> describes (see <see cref="Hierarchy(Parameters)"/>).</summary>
    internal static OrganisationBuilder Hierarchy(OrganisationSettings s)
    {
        var sizes = new int[s.Levels];
        sizes[0] = 1;
        for (var k = 1; k < s.Levels; k++)
        {
            sizes[k] = checked(sizes[k - 1] * s.Span);
        }

        return Tree(s, sizes);
    }

    /// <summary>
    /// Starts from the flattened hierarchy of <paramref name="p"/> (docs/model.md §4.7): each department has
    /// max(1, <c>levels</c> − <c>levelsRemoved</c>) levels and floor(<c>staffingCap</c> × the comparable department's
    /// people) people, at least one per level. The levels between the head and the frontline are as full as the widest
    /// even span s' allows (1, s', s'², …, the largest s' whose full tree fits), and the frontline takes every other
    /// person; each level's people are dealt to the level above as evenly as possible, so spans differ by at most one.
    /// </summary>
    public static OrganisationBuilder Flattened(Parameters p)
    {
        p.EnsureValid();
        var s = OrganisationSettings.From(p);
        var levels = Math.Max(1, p.Levels - p.LevelsRemoved);
        var sizes = FlattenedLevelSizes(ComparableDepartmentSize(p.Levels, p.Span), p.StaffingCap, levels);
        var span = levels >= 2 ? sizes[1] : 1;
        return Tree(s with { Levels = levels, Span = span }, sizes);
    }

    /// <summary>
    /// People in a complete department tree of <paramref name="levels"/> levels and span <paramref name="span"/>:
    /// 1 + span + … + span^(levels − 1) (the comparable hierarchy's department; the sum stops growing past int's range).
    /// </summary>
    internal static long ComparableDepartmentSize(int levels, int span)
    {
        long size = 0;
        long width = 1;
        for (var k = 0; k < levels && size <= int.MaxValue; k++)
        {
            size += width;
            width *= span;
        }

        return size;
    }

    /// <summary>
    /// The people at each level of a flattened department, head first: floor(<paramref name="cap"/> ×
    /// <paramref name="comparable"/>) people (at least one per level) over <paramref name="levels"/> levels, the middle
    /// levels as full as the widest even span allows and the frontline taking the rest.
    /// </summary>
    internal static int[] FlattenedLevelSizes(long comparable, double cap, int levels)
    {
        var total = (int)Math.Max(levels, Math.Floor(cap * comparable));
        var sizes = new int[levels];
        sizes[0] = 1;
        if (levels == 1)
        {
            return sizes;
        }

        // The widest span s' whose complete tree of these levels fits in the head count.
        var span = 1;
        while (ComparableDepartmentSize(levels, span + 1) <= total)
        {
            span++;
        }

        var above = 0;
        for (var k = 0; k < levels - 1; k++)
        {
            sizes[k] = (int)Math.Pow(span, k);
            above += sizes[k];
        }

        sizes[levels - 1] = total - above;
        return sizes;
    }

    /// <summary>
    /// A government head over <c>departments</c> trees whose levels, head first, hold <paramref name="sizes"/> people:
    /// each level's people dealt to the level above in contiguous blocks as even as possible (the first bosses take one
    /// more when the count does not divide), so the frontline of each department is a contiguous block; then the deputies.
    /// </summary>
    private static OrganisationBuilder Tree(OrganisationSettings s, int[] sizes)
    {
        var b = new OrganisationBuilder(s);
        b.Add(-1, s.Levels, -1, s.PrincipalRate, "government head");
        for (var d = 0; d < s.Departments; d++)
        {
            var previous = new List<int>();
            for (var level = s.Levels - 1; level >= 0; level--)
            {
                var current = new List<int>();
                if (level == s.Levels - 1)
                {
                    current.Add(b.Add(d, level, 0, s.RateAtLevel(level), b._levelTitles[level]));
                    b._head[d] = current[0];
                }
                else
                {
                    var count = sizes[s.Levels - 1 - level];
                    for (var j = 0; j < previous.Count; j++)
                    {
                        var under = (count / previous.Count) + (j < count % previous.Count ? 1 : 0);
                        for (var k = 0; k < under; k++)
                        {
                            current.Add(b.Add(d, level, previous[j], s.RateAtLevel(level), b._levelTitles[level]));
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

        for (var i = 0; i < s.Deputies; i++)
        {
            b._deputies.Add(new PersonId(b.Add(-1, s.Levels, 0, s.PrincipalRate, "deputy in charge")));
        }

        for (var d = 0; d < s.Departments; d++)
        {
            b._deputyOf[d] = s.Deputies > 0 ? b._deputies[d % s.Deputies].Value : 0;
        }

        return b;
    }

    /// <summary>Number of people so far.</summary>
    public int PersonCount => _department.Count;

    /// <summary>Number of departments.</summary>
    public int Departments => _settings.Departments;

    /// <summary>Levels inside each department.</summary>
    public int Levels => _settings.Levels;

    /// <summary>Subordinates per superior inside a department.</summary>
    public int Span => _settings.Span;

    /// <summary>Head of department <paramref name="department"/>.</summary>
    public PersonId HeadOf(int department) => new(_head[department]);

    /// <summary>The <paramref name="position"/>-th frontline person of <paramref name="department"/>.</summary>
    public PersonId Frontline(int department, int position) => new(_frontlineStart[department] + position);

    /// <summary>Number of frontline people in <paramref name="department"/>.</summary>
    public int FrontlineCount(int department) => _frontlineCount[department];

    /// <summary>Level of <paramref name="person"/>.</summary>
    public int LevelOf(PersonId person) => _level[person.Value];

    /// <summary>Superior of <paramref name="person"/> (−1 for the government head).</summary>
    public PersonId SuperiorOf(PersonId person) => new(_superior[person.Value]);

    /// <summary>Sets the switching overhead γ: each membership beyond the first scales every desk's share of that person by (1 − γ).</summary>
    public OrganisationBuilder WithSwitchingOverhead(double gamma)
    {
        _switchingOverhead = gamma;
        return this;
    }

    /// <summary>
    /// Adds an officer to <paramref name="department"/> who works full time for a body's office (a leading group's
    /// or working group's office, 领导小组办公室): a new person one level below the head (division rank in a
    /// four-level department), reporting to the head, at that level's service rate. Office staff are numbered
    /// after everyone else, so the ids of the departments' people do not move. Add every officer before the first
    /// body, because body desks are numbered after all people.
    /// </summary>
    public PersonId AddOfficer(int department)
    {
        if (_bodies.Count > 0)
        {
            throw new InvalidOperationException("Add office staff before the first body: body desks are numbered after all people.");
        }

        var level = Math.Max(0, _settings.Levels - 2);
        var superior = _settings.Levels >= 2 ? _head[department] : 0;
        return new PersonId(Add(department, level, superior, _settings.RateAtLevel(level), "office staff"));
    }

    /// <summary>
    /// Adds an officer of no department at the frontline level and rate, under the government head, titled
    /// <paramref name="title"/>: a platform unit of a flattened hierarchy, which relays what the frontline reports and
    /// decides nothing, or a grid platform's command centre, which sorts and dispatches. Numbered after everyone else;
    /// add them before the first body.
    /// </summary>
    public PersonId AddPlatformOfficer(string title = "platform officer")
    {
        if (_bodies.Count > 0)
        {
            throw new InvalidOperationException("Add platform officers before the first body: body desks are numbered after all people.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return new PersonId(Add(-1, 0, 0, _settings.RateAtLevel(0), title));
    }

    /// <summary>
    /// Adds a coordination body. <paramref name="members"/> lists every member (the chair included);
    /// <paramref name="desks"/> lists the seconded assignments: the person and the attention share the
    /// membership takes from their home unit (members without a desk meet, or work at their home desk).
    /// Returns the body and its desk ids in the order of <paramref name="desks"/>.
    /// </summary>
    public (CoordinationBody Body, DeskId[] Desks) AddBody(string name, PersonId chair, IReadOnlyList<PersonId> members, IReadOnlyList<(PersonId Person, double Share)> desks, ChannelKind channel)
    {
        var id = new BodyId(_bodies.Count);
        var deskIds = new DeskId[desks.Count];
        foreach (var member in members.Append(chair))
        {
            if (member.Value < 0 || member.Value >= PersonCount)
            {
                throw new ArgumentOutOfRangeException(nameof(members), member, $"A member of {name} is not a person of this organisation.");
            }
        }

        for (var i = 0; i < desks.Count; i++)
        {
            var (person, share) = desks[i];
            if (person.Value < 0 || person.Value >= PersonCount)
            {
                throw new ArgumentOutOfRangeException(nameof(desks), person, $"Desk {i} of {name} is not held by a person of this organisation.");
            }

            if (!(share > 0 && share < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(desks), share, $"The attention share of desk {i} of {name} must lie in (0, 1).");
            }

            _homeShare[person.Value] = _homeShare.GetValueOrDefault(person.Value, 1.0) - share;
            _memberships[person.Value] = _memberships.GetValueOrDefault(person.Value) + 1;
            deskIds[i] = new DeskId(PersonCount + _bodyDesks.Count);
            _bodyDesks.Add(new Desk(deskIds[i], person, id, share, share));
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

            desks[i] = new Desk(new DeskId(i), new PersonId(i), null, home * Overhead(i), 0);
        }

        foreach (var d in _bodyDesks)
        {
            desks[d.Id.Value] = d with { Share = d.Share * Overhead(d.Person.Value) };
        }

        return new Organisation(new Parts(
            _settings.Departments,
            _settings.Levels,
            [.. _department],
            [.. _level],
            [.. _superior],
            [.. _rate],
            [.. _title],
            (int[])_head.Clone(),
            (int[])_frontlineStart.Clone(),
            (int[])_frontlineCount.Clone(),
            (int[])_deputyOf.Clone(),
            [.. _deputies],
            (string[])_levelTitles.Clone(),
            desks,
            _bodies.ToArray(),
            _switchingOverhead));
    }

    /// <summary>The title of level <paramref name="level"/> in a department of <paramref name="levels"/> levels.</summary>
    public static string LevelTitle(int level, int levels) => LevelTitle(level, levels, deputies: 0);

    private static string LevelTitle(int level, int levels, int deputies)
    {
        if (level == levels)
        {
            return deputies > 0 ? "government leaders" : "government head";
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

    private int Add(int department, int level, int superior, double rate, string title)
    {
        _department.Add(department);
        _level.Add(level);
        _superior.Add(superior);
        _rate.Add(rate);
        _title.Add(title);
        return _department.Count - 1;
    }

    /// <summary>Everything an <see cref="Organisation"/> is made of.</summary>
    internal sealed record Parts(
        int Departments,
        int Levels,
        int[] Department,
        int[] Level,
        int[] Superior,
        double[] ServiceRate,
        string[] Title,
        int[] DepartmentHead,
        int[] FrontlineStart,
        int[] FrontlineCount,
        int[] DeputyOf,
        PersonId[] Deputies,
        string[] LevelTitles,
        Desk[] Desks,
        IReadOnlyList<CoordinationBody> Bodies,
        double SwitchingOverhead);
}
