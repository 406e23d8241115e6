using CoordSim.Organisation;
using CoordSim.Mechanisms;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CoordSim.Tests.Organisation;

public class ParameterCatalogTests
{
    [Fact]
    public void Every_settable_property_of_Parameters_is_a_catalogued_parameter()
    {
        // BodyFields holds the body design fields a spec sets by name (bodies[0].FIELD); each is found by the catalog, not listed in All.
        var settable = typeof(Parameters).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && p.Name != nameof(Parameters.BodyFields))
            .ToArray();
        Assert.All(settable, p => Assert.NotNull(p.GetCustomAttribute<ParameterAttribute>()));

        var attributed = settable.Where(p => p.GetCustomAttribute<ParameterAttribute>() is not null)
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Order(StringComparer.Ordinal);
        Assert.Equal(attributed, ParameterCatalog.All.Select(i => i.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Names_are_camelCase_unique_and_findable()
    {
        var names = ParameterCatalog.All.Select(i => i.Name).ToArray();
        Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var info in ParameterCatalog.All)
        {
            Assert.Matches(new Regex("^[a-z][A-Za-z0-9]*$"), info.Name);
            Assert.Same(info, ParameterCatalog.Find(info.Name));
            Assert.Same(info, ParameterCatalog.Get(info.Name));
            Assert.False(string.IsNullOrWhiteSpace(info.Group), info.Name);
            Assert.False(string.IsNullOrWhiteSpace(info.Meaning), info.Name);
            Assert.False(string.IsNullOrWhiteSpace(info.Rationale), info.Name);
        }
    }

    [Fact]
    public void Every_meaning_is_one_line_of_plain_text_ending_in_a_full_stop()
    {
        // The meanings come from ParameterDescriptions.Of, which the generator writes: were it to emit no arms,
        // every meaning would be empty (and with no file at all, CoordSim would not compile).
        Assert.NotEmpty(ParameterCatalog.All);
        Assert.All(ParameterCatalog.All, info =>
        {
            Assert.False(string.IsNullOrWhiteSpace(info.Meaning), $"{info.Name} has no meaning");
            Assert.EndsWith(".", info.Meaning, StringComparison.Ordinal);
            Assert.DoesNotContain("<", info.Meaning, StringComparison.Ordinal);
            Assert.DoesNotContain("cref", info.Meaning, StringComparison.Ordinal);
            Assert.Equal(Regex.Replace(info.Meaning, @"\s+", " ").Trim(), info.Meaning);
        });
    }

    [Fact]
    public void Every_meaning_is_the_summary_of_its_property_doc_comment()
    {
        // CoordSim.xml is the documentation file the compiler writes next to the library. The summaries of
        // Parameters use only <c>, whose text the generator keeps, so the element's text is the meaning.
        var path = Path.ChangeExtension(typeof(Parameters).Assembly.Location, ".xml");
        var members = XDocument.Load(path).Descendants("member")
            .ToDictionary(m => (string)m.Attribute("name")!, StringComparer.Ordinal);
        Assert.All(ParameterCatalog.All, info =>
        {
            var property = char.ToUpperInvariant(info.Name[0]) + info.Name[1..];
            var summary = members[$"P:CoordSim.Parameters.{property}"].Element("summary");
            Assert.NotNull(summary);
            Assert.Equal(Regex.Replace(summary.Value, @"\s+", " ").Trim(), info.Meaning);
        });
    }

    [Fact]
    public void Defaults_are_valid_and_round_trip_through_text()
    {
        Assert.Empty(Parameters.Default.Validate());
        Assert.Same(Parameters.Default, Parameters.Default.EnsureValid());
        foreach (var info in ParameterCatalog.All)
        {
            Assert.Null(info.Check(Parameters.Default));
            Assert.Equal(Parameters.Default, ParameterCatalog.With(Parameters.Default, info.Name, info.DefaultText));
            Assert.True(info.TryParse(info.DefaultText, out var value, out var error), info.Name);
            Assert.Null(error);
            Assert.Equal(info.GetValue(Parameters.Default), value);
        }

        Assert.Equal(ParameterCatalog.All.Concat(ParameterCatalog.AllBodyFields).Select(i => i.Name), ParameterCatalog.Describe(Parameters.Default).Select(kv => kv.Key));
    }

    [Fact]
    public void Default_scenario_matches_the_documented_size()
    {
        // 8 departments of 85 people, the government head and three deputies in charge.
        Assert.Equal(684, ParameterCatalog.OrganisationSize(Parameters.Default));
        Assert.Equal(OrganisationBuilder.Hierarchy(Parameters.Default).Build().PersonCount, ParameterCatalog.OrganisationSize(Parameters.Default));
    }

    [Fact]
    public void The_v1_preset_names_only_catalog_parameters_with_allowed_values()
    {
        var v1 = ParameterPresets.V1;
        Assert.Same(v1, ParameterPresets.Find("V1"));
        Assert.Empty(v1.Parameters.Validate());
        Assert.All(v1.Values, kv => Assert.NotNull(ParameterCatalog.Find(kv.Key)));
        Assert.Equal(v1.Values.Count, v1.Values.Select(kv => kv.Key).Distinct().Count());
        foreach (var (name, value) in v1.Values)
        {
            Assert.Equal(value, ParameterCatalog.Get(name).Format(v1.Parameters));
        }

        // Every value the preset sets differs from the default: a preset entry that changes nothing is a stale one.
        Assert.All(v1.Values, kv => Assert.NotEqual(ParameterCatalog.Get(kv.Key).DefaultText, kv.Value));
    }

    [Fact]
    public void A_renamed_parameter_is_named_with_its_new_name()
    {
        var error = Assert.Throws<ParameterException>(() => ParameterCatalog.With(Parameters.Default, "meetingInterval", "30"));
        Assert.Contains("plenaryInterval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_parse_with_a_decimal_point_whatever_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        try
        {
            CultureInfo.CurrentCulture = comma;
            var p = ParameterCatalog.With(Parameters.Default, "crossDepartmentShare", "0.45");
            Assert.Equal(0.45, p.CrossDepartmentShare);
            Assert.Equal("0.45", ParameterCatalog.Get("crossDepartmentShare").Format(p));
            var q = ParameterCatalog.Apply(Parameters.Default, [new("arrivalRate", "12.5"), new("levels", "3"), new("horizonDays", "1e2")]);
            Assert.Equal(12.5, q.ArrivalRate);
            Assert.Equal(3, q.Levels);
            Assert.Equal(100, q.HorizonDays);

            var error = Assert.Throws<ParameterException>(() => ParameterCatalog.With(Parameters.Default, "crossDepartmentShare", "0,45"));
            Assert.Equal("crossDepartmentShare", Assert.Single(error.Errors).Name);
            Assert.Contains("decimal point", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Enum_values_are_written_and_read_in_kebab_case()
    {
        var info = ParameterCatalog.Get("serviceDistribution");
        Assert.Equal(["exponential", "log-normal"], info.AllowedValues);
        Assert.Equal(ServiceDistribution.LogNormal, ParameterCatalog.With(Parameters.Default, "serviceDistribution", "log-normal").ServiceDistribution);
        Assert.Equal(ServiceDistribution.LogNormal, ParameterCatalog.With(Parameters.Default, "serviceDistribution", "LogNormal").ServiceDistribution);
        Assert.Equal(QueueDiscipline.UrgentFirst, ParameterCatalog.With(Parameters.Default, "queueDiscipline", "urgent-first").QueueDiscipline);
        Assert.Equal("urgent-first", ParameterCatalog.Get("queueDiscipline").Format(Parameters.Default with { QueueDiscipline = QueueDiscipline.UrgentFirst }));
        var error = Assert.Throws<ParameterException>(() => ParameterCatalog.With(Parameters.Default, "queueDiscipline", "lifo"));
        var e = Assert.Single(error.Errors);
        Assert.Equal("queueDiscipline", e.Name);
        Assert.Contains("fifo", e.Allowed, StringComparison.Ordinal);
        Assert.Contains("urgent-first", e.Allowed, StringComparison.Ordinal);
    }

    public static TheoryData<string> NumericNames() => [.. ParameterCatalog.All.Where(i => i.IsNumeric).Select(i => i.Name)];

    [Theory]
    [MemberData(nameof(NumericNames))]
    public void Out_of_range_and_malformed_values_name_the_parameter(string name)
    {
        var info = ParameterCatalog.Get(name);
        var bad = new List<string> { "abc", "", "NaN", "Infinity" };
        if (!double.IsNegativeInfinity(info.Min))
        {
            bad.Add((info.MinExclusive ? info.Min : info.Min - 1).ToString("R", CultureInfo.InvariantCulture));
        }

        if (!double.IsPositiveInfinity(info.Max))
        {
            bad.Add((info.Max + 1).ToString("R", CultureInfo.InvariantCulture));
        }

        if (info.IsInteger)
        {
            bad.Add("1.5");
        }

        foreach (var text in bad)
        {
            Assert.False(info.TryParse(text, out _, out var error), $"{name} = '{text}' was accepted");
            Assert.Equal(name, error!.Name);
            Assert.StartsWith(name + " = ", error.Message, StringComparison.Ordinal);
            Assert.Contains(info.AllowedText, error.Message, StringComparison.Ordinal);
            var thrown = Assert.Throws<ParameterException>(() => ParameterCatalog.With(Parameters.Default, name, text));
            Assert.Equal(name, Assert.Single(thrown.Errors).Name);
        }
    }

    [Theory]
    [MemberData(nameof(NumericNames))]
    public void Validate_flags_an_out_of_range_value_set_in_code(string name)
    {
        var info = ParameterCatalog.Get(name);
        var number = !double.IsPositiveInfinity(info.Max) ? info.Max + 1 : info.MinExclusive ? info.Min : info.Min - 1;
        var value = info.Type == typeof(int) ? (object)(int)number : info.Type == typeof(long) ? (object)(long)number : number;
        var p = info.With(Parameters.Default, value);
        Assert.Contains(p.Validate(), e => e.Name == name);
        var thrown = Assert.Throws<ParameterException>(() => p.EnsureValid());
        Assert.Contains(thrown.Errors, e => e.Name == name);
    }

    [Fact]
    public void Decision_level_must_lie_below_levels()
    {
        var p = Parameters.Default with { Levels = 3, DecisionLevel = 3 };
        var error = Assert.Single(p.Validate());
        Assert.Equal("decisionLevel", error.Name);
        Assert.Equal("3", error.Value);
        Assert.Empty((p with { DecisionLevel = 2 }).Validate());
        Assert.Empty((p with { DecisionLevel = -1 }).Validate());
    }

    [Fact]
    public void Departments_per_issue_cannot_exceed_departments_when_issues_cross()
    {
        var p = Parameters.Default with { Departments = 2, MaxDepartmentsPerIssue = 3 };
        Assert.Equal("maxDepartmentsPerIssue", Assert.Single(p.Validate()).Name);
        Assert.Empty((p with { MaxDepartmentsPerIssue = 2 }).Validate());
        Assert.Empty((p with { CrossDepartmentShare = 0 }).Validate());
    }

    [Fact]
    public void One_department_cannot_have_cross_department_issues()
    {
        var p = Parameters.Default with { Departments = 1, MaxDepartmentsPerIssue = 2, CrossDepartmentShare = 0.1 };
        Assert.Contains(p.Validate(), e => e.Name == "crossDepartmentShare");
        Assert.Empty((p with { CrossDepartmentShare = 0 }).Validate());
    }

    [Fact]
    public void Warm_up_must_end_before_the_horizon_and_size_is_capped()
    {
        Assert.Equal("warmupDays", Assert.Single((Parameters.Default with { WarmupDays = 365 }).Validate()).Name);
        Assert.Equal("span", Assert.Single((Parameters.Default with { Span = 64, Levels = 6 }).Validate()).Name);
    }

    [Fact]
    public void Unknown_names_are_refused_with_a_suggestion()
    {
        Assert.Null(ParameterCatalog.Find("ArrivalRate"));
        var thrown = Assert.Throws<ParameterException>(() => ParameterCatalog.Get("arivalRate"));
        var error = Assert.Single(thrown.Errors);
        Assert.Equal("arivalRate", error.Name);
        Assert.Contains("did you mean arrivalRate?", error.Allowed, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", ParameterCatalog.UnknownName("zzzzzzzzzzzz").Allowed, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_sets_in_order_and_reports_every_problem_at_once()
    {
        var p = ParameterCatalog.Apply(Parameters.Default, [new("levels", "3"), new("levels", "5"), new("span", "2")]);
        Assert.Equal(5, p.Levels);
        Assert.Equal(2, p.Span);

        var thrown = Assert.Throws<ParameterException>(() =>
            ParameterCatalog.Apply(Parameters.Default, [new("levels", "0"), new("nosuch", "1"), new("span", "x"), new("departments", "4")]));
        Assert.Equal(["levels", "nosuch", "span"], thrown.Errors.Select(e => e.Name));
        Assert.Equal(3, thrown.Message.Split(Environment.NewLine).Length);
    }

    [Fact]
    public void Allowed_text_describes_the_range()
    {
        Assert.Equal("an integer >= 1 and <= 64", ParameterCatalog.Get("departments").AllowedText);
        Assert.Equal("a number > 0", ParameterCatalog.Get("serviceRate").AllowedText);
        Assert.Equal("a number >= 0 and <= 1", ParameterCatalog.Get("dropProbability").AllowedText);
        Assert.Equal("departments = 0 is not allowed: an integer >= 1 and <= 64.", new ParameterError("departments", "0", "an integer >= 1 and <= 64").Message);
    }

    [Fact]
    public void Numbers_convert_to_the_parameter_type_or_are_refused()
    {
        var levels = ParameterCatalog.Get("levels");
        Assert.True(levels.TryConvertNumber(3, out var value, out _));
        Assert.IsType<int>(value);
        Assert.False(levels.TryConvertNumber(3.5, out _, out var error));
        Assert.Equal("levels", error!.Name);
        var maxIssues = ParameterCatalog.Get("maxIssues");
        Assert.True(maxIssues.TryConvertNumber(1e6, out var big, out _));
        Assert.Equal(1_000_000L, big);
        var distribution = ParameterCatalog.Get("serviceDistribution");
        Assert.True(distribution.TryConvertNumber(1, out var e, out _));
        Assert.Equal(ServiceDistribution.LogNormal, e);
        Assert.False(distribution.TryConvertNumber(2, out _, out _));
        Assert.Equal(1.0, distribution.GetNumber(Parameters.Default with { ServiceDistribution = ServiceDistribution.LogNormal }));
    }
}
