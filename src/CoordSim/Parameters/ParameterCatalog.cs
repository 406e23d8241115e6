using System.Reflection;

namespace CoordSim;

/// <summary>
/// Every model parameter by its camelCase name, in declaration order, with defaults,
/// ranges and meanings: the single source the console (<c>coordsim params</c>), the docs,
/// experiment specs and result columns read from.
/// </summary>
public static class ParameterCatalog
{
    private static readonly ParameterInfo[] Items = typeof(Parameters)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => (Property: p, Attribute: p.GetCustomAttribute<ParameterAttribute>()))
        .Where(x => x.Attribute is not null)
        .OrderBy(x => x.Property.MetadataToken)
        .Select(x => new ParameterInfo(x.Property, x.Attribute!))
        .ToArray();

    /// <summary>Parameters of the first model that model v2 renamed or replaced, with what to use instead.</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["meetingInterval"] = "plenaryInterval (the leading group's plenary; the first model's monthly meeting is plenaryInterval=30 in the v1 preset, 'coordsim params --preset v1')",
    };

    private static readonly Dictionary<string, ParameterInfo> ByName =
        Items.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Every parameter, in declaration order (grouped as in <see cref="Parameters"/>).</summary>
    public static IReadOnlyList<ParameterInfo> All => Items;

    /// <summary>Per body index, the fields of that body's design addressed as parameters (<c>bodies[i].FIELD</c>), in the design's order.</summary>
    private static readonly ParameterInfo[][] BodyFieldItems = Enumerable.Range(0, CoordSim.Structures.BodyStructure.MaxBodies)
        .Select(body => CoordSim.Structures.BodyDesignFields.All
            .Where(f => f.Type != typeof(string))
            .Select(f => new ParameterInfo(f, body))
            .ToArray())
        .ToArray();

    private static readonly Dictionary<string, ParameterInfo> BodyFieldsByName = BodyFieldItems.SelectMany(b => b).ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>
    /// The parameter named <paramref name="name"/> (camelCase, exact), or null. Besides the parameters of
    /// <see cref="All"/>, a field of the structure's body design is found by <c>bodies[0].FIELD</c>
    /// (<see cref="ParameterInfo.BodyField"/>): a spec's base, design and overrides, and <c>--set</c>, take it like a
    /// parameter, and it is kept in <see cref="Parameters.BodyFields"/>.
    /// </summary>
    public static ParameterInfo? Find(string name) => ByName.GetValueOrDefault(name) ?? BodyFieldsByName.GetValueOrDefault(name);

    /// <summary>The first body's design fields addressed as parameters (<c>bodies[0].FIELD</c>), in the design's order; not part of <see cref="All"/>.</summary>
    public static IReadOnlyList<ParameterInfo> BodyFields => BodyFieldItems[0];

    /// <summary>Every body's design fields addressed as parameters (<c>bodies[i].FIELD</c>), by body index and then in the design's order; not part of <see cref="All"/>.</summary>
    public static IReadOnlyList<ParameterInfo> AllBodyFields { get; } = BodyFieldItems.SelectMany(b => b).ToArray();

    /// <summary>The parameter named <paramref name="name"/>, or a <see cref="ParameterException"/> that lists the names that exist.</summary>
    public static ParameterInfo Get(string name) =>
        Find(name) ?? throw new ParameterException(UnknownName(name));

    /// <summary>The error for an unknown parameter name, suggesting the closest known one.</summary>
    public static ParameterError UnknownName(string name)
    {
        if (Renamed.TryGetValue(name, out var renamed))
        {
            return new ParameterError(name, "(renamed in model v2)", renamed);
        }

        var closest = NameSuggestion.Closest(name.StartsWith("bodies[", StringComparison.Ordinal) ? BodyFieldsByName.Keys : Items.Select(p => p.Name), name);
        if (closest is null && name.StartsWith("bodies[", StringComparison.Ordinal))
        {
            return new ParameterError(name, "(unknown parameter)", $"bodies[i].FIELD with i from 0 to {CoordSim.Structures.BodyStructure.MaxBodies - 1} and a field of a body design ('coordsim structures --json' lists them)");
        }

        var hint = closest is not null ? $"did you mean {closest}? " : "";
        return new ParameterError(name, "(unknown parameter)", $"{hint}known parameters are listed by 'coordsim params'");
    }

    /// <summary>A copy of <paramref name="parameters"/> with the named parameter set from text; throws <see cref="ParameterException"/> on a bad name or value.</summary>
    public static Parameters With(Parameters parameters, string name, string value)
    {
        var info = Get(name);
        if (!info.TryParse(value, out var parsed, out var error))
        {
            throw new ParameterException(error!);
        }

        return info.With(parameters, parsed!);
    }

    /// <summary>Applies <c>name=value</c> assignments in order; every problem is collected and thrown together.</summary>
    public static Parameters Apply(Parameters parameters, IEnumerable<KeyValuePair<string, string>> assignments)
    {
        var errors = new List<ParameterError>();
        foreach (var (name, value) in assignments)
        {
            var info = Find(name);
            if (info is null)
            {
                errors.Add(UnknownName(name));
                continue;
            }

            if (info.TryParse(value, out var parsed, out var error))
            {
                parameters = info.With(parameters, parsed!);
            }
            else
            {
                errors.Add(error!);
            }
        }

        if (errors.Count > 0)
        {
            throw new ParameterException(errors);
        }

        return parameters;
    }

    /// <summary>Every parameter's value on <paramref name="parameters"/> as (name, invariant text), in catalog order, then every body design field addressed as a parameter (<see cref="AllBodyFields"/>; empty text when not set).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Describe(Parameters parameters) =>
        Items.Concat(AllBodyFields).Select(p => new KeyValuePair<string, string>(p.Name, p.Format(parameters)));

    /// <summary>Checks ranges and the rules that tie parameters together.</summary>
    public static IReadOnlyList<ParameterError> Validate(Parameters p)
    {
        var errors = new List<ParameterError>();
        foreach (var info in Items)
        {
            if (info.Check(p) is { } error)
            {
                errors.Add(error);
            }
        }

        if (p.DecisionLevel >= p.Levels)
        {
            errors.Add(new ParameterError("decisionLevel", p.DecisionLevel.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"-1 (the department head) or a level from 0 to levels-1 = {p.Levels - 1}"));
        }

        if (p.MaxDepartmentsPerIssue > p.Departments && p.CrossDepartmentShare > 0)
        {
            errors.Add(new ParameterError("maxDepartmentsPerIssue", p.MaxDepartmentsPerIssue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"at most departments = {p.Departments} when crossDepartmentShare > 0"));
        }

        if (p.Departments < 2 && p.CrossDepartmentShare > 0)
        {
            errors.Add(new ParameterError("crossDepartmentShare", ParameterInfo.FormatNumber(p.CrossDepartmentShare),
                "0 when there is only one department"));
        }

        var people = OrganisationSize(p);
        if (people > 50_000_000)
        {
            errors.Add(new ParameterError("span", p.Span.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"a span and depth that give at most 50,000,000 people (departments x (span^levels - 1)/(span - 1) = {people:N0})"));
        }

        if (p.WarmupDays >= p.HorizonDays)
        {
            errors.Add(new ParameterError("warmupDays", ParameterInfo.FormatNumber(p.WarmupDays),
                $"less than horizonDays = {ParameterInfo.FormatNumber(p.HorizonDays)} (issues discovered in the warm-up are not measured; for a run this short set warmupDays too, for example warmupDays=0)"));
        }

        return errors;
    }

    /// <summary>The number of people the hierarchy of <paramref name="p"/> holds, government head and deputies included (office staff that bodies add are not counted).</summary>
    public static double OrganisationSize(Parameters p)
    {
        double perDepartment = 0, width = 1;
        for (var k = 0; k < p.Levels; k++)
        {
            perDepartment += width;
            width *= p.Span;
        }

        return (p.Departments * perDepartment) + 1 + p.Deputies;
    }
}
