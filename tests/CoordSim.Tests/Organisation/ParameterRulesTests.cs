using CoordSim.Mechanisms;

namespace CoordSim.Tests.Organisation;

/// <summary>
/// The small rules the parameters carry, each against figures worked out by hand: the geometric service rate by level,
/// the decision level −1, the crisis window, the effort rule, the name suggestions of error messages and the presets'
/// look-up. The simulation uses each of them on every run; these checks pin their arithmetic where a run would only
/// show it through its measures.
/// </summary>
public class ParameterRulesTests
{
    /// <summary>serviceRate 4 and headServiceRate 1 over three levels: 4, 4·(1/4)^½ = 2, 1; one level is its head's.</summary>
    [Fact]
    public void Service_rate_rises_or_falls_geometrically_from_the_frontline_to_the_head()
    {
        var p = Parameters.Default with { Levels = 3, ServiceRate = 4, HeadServiceRate = 1 };
        Assert.Equal(4, p.ServiceRateAtLevel(0), 12);
        Assert.Equal(2, p.ServiceRateAtLevel(1), 12);
        Assert.Equal(1, p.ServiceRateAtLevel(2), 12);

        Assert.Equal(1, (p with { Levels = 1 }).ServiceRateAtLevel(0), 12);
    }

    [Fact]
    public void Decision_level_minus_one_is_the_department_head_and_any_other_is_itself()
    {
        var p = Parameters.Default with { Levels = 4 };
        Assert.Equal(-1, Parameters.Default.DecisionLevel);
        Assert.Equal(3, p.EffectiveDecisionLevel);
        Assert.Equal(0, (p with { DecisionLevel = 0 }).EffectiveDecisionLevel);
        Assert.Equal(2, (p with { DecisionLevel = 2 }).EffectiveDecisionLevel);
    }

    /// <summary>A crisis from day 10 for 5 days covers [10, 15): its start, not its end.</summary>
    [Fact]
    public void A_crisis_covers_its_start_and_not_its_end()
    {
        var crisis = new CrisisSettings(10, 5, 2, 0.5);
        Assert.True(crisis.Happens);
        Assert.Equal(15, crisis.End);
        Assert.False(crisis.Covers(9.999));
        Assert.True(crisis.Covers(10));
        Assert.True(crisis.Covers(14.999));
        Assert.False(crisis.Covers(15));

        var none = new CrisisSettings(10, 0, 2, 0.5);
        Assert.False(none.Happens);
        Assert.False(none.Covers(10));

        var p = Parameters.Default with { CrisisStart = 3, CrisisDays = 4, CrisisMultiplier = 2.5, CrisisEmergencyShare = 0.25 };
        Assert.Equal(new CrisisSettings(3, 4, 2.5, 0.25), CrisisSettings.From(p));
    }

    /// <summary>
    /// Elasticity ½, reference share ¼ (a reference team of 4), effort between 0.1 and 10: a person expecting share 1
    /// works at (1 / ¼)^½ = 2, one expecting 1/16 at (¼)^½ = ½; share 100 would give 20, clamped to 10; elasticity 0 is 1.
    /// </summary>
    [Fact]
    public void Effort_is_the_share_over_the_reference_to_the_elasticity_within_floor_and_ceiling()
    {
        var effort = new EffortSettings(0.5, 0.25, 0.1, 10);
        Assert.Equal(2, effort.At(1), 12);
        Assert.Equal(0.5, effort.At(1.0 / 16), 12);
        Assert.Equal(10, effort.At(100), 12);
        Assert.Equal(0.1, new EffortSettings(2, 1, 0.1, 10).At(0.01), 12);
        Assert.Equal(1, new EffortSettings(0, 0.25, 0.1, 10).At(1), 12);

        var p = Parameters.Default with { EffortElasticity = 0.5, ReferenceTeamSize = 4, EffortFloor = 0.2, EffortCeiling = 3 };
        Assert.Equal(new EffortSettings(0.5, 0.25, 0.2, 3), EffortSettings.From(p));
    }

    /// <summary>Levenshtein distances worked out by hand, ignoring case; the empty string is as far as the other's length.</summary>
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("", "abcd", 4)]
    [InlineData("Span", "span", 0)]
    [InlineData("levels", "lvels", 1)]
    [InlineData("flaw", "lawn", 2)]
    public void Edit_distance_counts_single_character_edits_ignoring_case(string a, string b, int expected)
    {
        Assert.Equal(expected, NameSuggestion.Distance(a, b));
        Assert.Equal(expected, NameSuggestion.Distance(b, a));
    }

    [Fact]
    public void A_name_is_suggested_up_to_the_largest_distance_allowed_and_not_beyond()
    {
        string[] known = ["arrivalRate", "span", "levels"];
        Assert.Equal("arrivalRate", NameSuggestion.Closest(known, "arivalrate"));
        Assert.Equal("span", NameSuggestion.Closest(known, "spxy", maxDistance: 2));
        Assert.Null(NameSuggestion.Closest(known, "spxy", maxDistance: 1));
        Assert.Null(NameSuggestion.Closest([], "span"));
    }

    [Fact]
    public void Presets_are_found_by_name_ignoring_case_and_an_unknown_name_is_none()
    {
        Assert.Equal("v1", ParameterPresets.Find("V1")!.Name);
        Assert.Null(ParameterPresets.Find("v9"));
        Assert.Equal(string.Join(", ", ParameterPresets.All.Select(p => p.Name)), ParameterPresets.Names);
        Assert.Contains("v1", ParameterPresets.Names, StringComparison.Ordinal);
    }

    /// <summary>A number given for a yes/no parameter is 0 or 1; for a choice, the position of a value in its list.</summary>
    [Fact]
    public void Numbers_convert_to_yes_no_and_to_choices_by_position_and_nothing_else()
    {
        var flag = ParameterCatalog.Get("emergencyMeeting");
        Assert.True(flag.TryConvertNumber(1, out var yes, out _));
        Assert.Equal(true, yes);
        Assert.True(flag.TryConvertNumber(0, out var no, out _));
        Assert.Equal(false, no);
        Assert.False(flag.TryConvertNumber(0.5, out _, out var half));
        Assert.Equal(new ParameterError("emergencyMeeting", "0.5", "true or false"), half);

        var choice = ParameterCatalog.Get("queueDiscipline");
        Assert.True(choice.TryConvertNumber(0, out var first, out _));
        Assert.Equal(QueueDiscipline.Fifo, first);
        Assert.True(choice.TryConvertNumber(1, out var second, out _));
        Assert.Equal(QueueDiscipline.UrgentFirst, second);
        foreach (var bad in new[] { -1, 2, 0.5 })
        {
            Assert.False(choice.TryConvertNumber(bad, out _, out var error), $"{bad}");
            Assert.Equal("one of fifo, urgent-first", error!.Allowed);
        }

        var withUrgent = choice.With(flag.With(Parameters.Default, false), QueueDiscipline.UrgentFirst);
        Assert.Equal(0, flag.GetNumber(withUrgent));
        Assert.Equal(1, flag.GetNumber(Parameters.Default));
        Assert.Equal(1, choice.GetNumber(withUrgent));
    }

    /// <summary>−0 is stored as 0, so it is written "0" and gives the seeds 0 gives (common random numbers hold).</summary>
    [Fact]
    public void Minus_zero_converts_to_plus_zero()
    {
        Assert.True(ParameterCatalog.Get("faultProbability").TryConvertNumber(-0.0, out var value, out _));
        Assert.Equal(0.0, (double)value!);
        Assert.False(double.IsNegative((double)value!), "the sign of zero was kept");
    }

    [Fact]
    public void Text_that_is_not_a_number_is_quoted_in_the_error()
    {
        Assert.False(ParameterCatalog.Get("span").TryParse("abc", out _, out var error));
        Assert.Equal("\"abc\"", error!.Value);
    }

    /// <summary>
    /// A body field set as a parameter belongs to one body: bodies[1] does not read bodies[0]'s setting, setting bodies[0]
    /// again replaces its value and keeps bodies[1]'s, and an unset field reads as null (a number NaN) and needs no range check.
    /// </summary>
    [Fact]
    public void A_body_field_parameter_reads_and_replaces_only_its_own_bodys_setting()
    {
        var first = ParameterCatalog.Get("bodies[0].meetingInterval");
        var second = ParameterCatalog.Get("bodies[1].meetingInterval");
        var p = second.With(first.With(Parameters.Default, 5.0), 9.0);

        Assert.Equal(5.0, first.GetValue(p));
        Assert.Equal(9.0, second.GetValue(p));
        Assert.Null(first.GetValue(Parameters.Default));
        Assert.True(double.IsNaN(first.GetNumber(Parameters.Default)));
        Assert.Null(first.Check(Parameters.Default));
        Assert.Null(first.Check(p));

        var again = first.With(p, 7.0);
        Assert.Equal(2, again.BodyFields.Count);
        Assert.Equal(7.0, first.GetValue(again));
        Assert.Equal(9.0, second.GetValue(again));
    }

    [Theory]
    [InlineData(typeof(string), double.NegativeInfinity, double.PositiveInfinity, "a non-empty text")]
    [InlineData(typeof(double), double.NegativeInfinity, 5.0, "a number <= 5")]
    [InlineData(typeof(double), 1.0, double.PositiveInfinity, "a number >= 1")]
    [InlineData(typeof(double), double.NegativeInfinity, double.PositiveInfinity, "a number")]
    [InlineData(typeof(double), 0.0, 2.0, "a number >= 0 and <= 2")]
    public void Allowed_values_are_described_by_their_bounds(Type type, double min, double max, string expected) =>
        Assert.Equal(expected, ParameterInfo.DescribeAllowed(type, [], min, max, minExclusive: false, minPositive: 0, "a number"));
}
