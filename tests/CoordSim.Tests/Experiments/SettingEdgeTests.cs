using CoordSim.Experiments;
using CoordSim.Mechanisms;

namespace CoordSim.Tests.Experiments;

/// <summary>
/// Edges of settings and ranges that no spec in the other tests reaches: a boolean given as a boolean, integers of
/// every width, a range of exactly the most values allowed, and null arguments.
/// </summary>
public class SettingEdgeTests
{
    [Fact]
    public void A_boolean_parameter_takes_a_boolean_and_a_number_parameter_takes_integers_of_every_width()
    {
        Assert.Equal(true, ParameterSetting.Create("coLocated", true).Value);
        Assert.Equal(false, ParameterSetting.Create("coLocated", false).Value);
        foreach (var three in new object[] { (byte)3, (sbyte)3, (short)3, (ushort)3, 3, 3U, 3L, 3UL, 3f, 3.0, 3m })
        {
            Assert.Equal(3, ParameterSetting.Create("departments", three).Value);
        }
    }

    [Fact]
    public void A_range_may_give_exactly_the_most_values_allowed_and_not_one_more()
    {
        // From 1 to MaxValues in steps of 1: MaxValues values, allowed; to MaxValues + 1: one more, refused.
        var info = ParameterCatalog.Find("arrivalRate")!;
        var errors = new List<SpecError>();
        var most = new RangeLevels(1, RangeLevels.MaxValues, Step: 1).Expand(info, "$.factors[0]", errors);
        Assert.Empty(errors);
        Assert.Equal(RangeLevels.MaxValues, most.Count);
        Assert.Equal((double)RangeLevels.MaxValues, most[^1].Value);

        var tooMany = new RangeLevels(1, RangeLevels.MaxValues + 1, Step: 1).Expand(info, "$.factors[0]", errors);
        Assert.Empty(tooMany);
        var error = Assert.Single(errors);
        Assert.Equal("$.factors[0].step", error.Path);
    }

    [Fact]
    public void A_grid_range_with_a_value_in_the_gap_of_a_period_that_zero_switches_off_names_that_value()
    {
        // dispatchInterval is 0 or at least 0.01: both ends of 0..0.015 are allowed, its second value 0.005 is not.
        var info = ParameterCatalog.Get("dispatchInterval");
        var errors = new List<SpecError>();
        Assert.Empty(new RangeLevels(0, 0.015, Count: 4).Expand(info, "$.design.factors.dispatchInterval", errors));
        Assert.Equal(new SpecError("$.design.factors.dispatchInterval", "0.005", info.AllowedText), Assert.Single(errors));
        Assert.Equal("0 or a number >= 0.01", info.AllowedText);

        // A grid whose values jump the gap is fine.
        errors.Clear();
        Assert.Equal([0, 0.01, 0.02], new RangeLevels(0, 0.02, Step: 0.01).Expand(info, "$.design.factors.dispatchInterval", errors).Select(v => (double)v.Value));
        Assert.Empty(errors);
    }

    [Fact]
    public void An_enum_parameter_refuses_a_value_of_another_enum_naming_it_and_its_own_words()
    {
        var discipline = ParameterCatalog.Get("queueDiscipline");
        Assert.True(ParameterSetting.TryCreate(discipline, QueueDiscipline.UrgentFirst, out var own, out _));
        Assert.Equal(QueueDiscipline.UrgentFirst, own!.Value);

        Assert.False(ParameterSetting.TryCreate(discipline, DayOfWeek.Monday, out var setting, out var error));
        Assert.Null(setting);
        Assert.Equal(new ParameterError("queueDiscipline", "Monday", discipline.AllowedText), error);
        Assert.Equal(error, Assert.Single(Assert.Throws<ParameterException>(() => ParameterSetting.Create("queueDiscipline", DayOfWeek.Monday)).Errors));
    }

    [Fact]
    public void A_number_parameter_refuses_a_boolean_naming_the_value_as_written()
    {
        var departments = ParameterCatalog.Get("departments");
        foreach (var (value, text) in new[] { (true, "true"), (false, "false") })
        {
            Assert.False(ParameterSetting.TryCreate(departments, value, out var setting, out var error));
            Assert.Null(setting);
            Assert.Equal(new ParameterError("departments", text, departments.AllowedText), error);
        }
    }

    [Fact]
    public void A_range_whose_ends_the_parameter_does_not_take_names_each_end_with_its_path()
    {
        // crossDepartmentShare is a share in [0, 1]: both ends outside it, each reported at its own path, and no values.
        var info = ParameterCatalog.Get("crossDepartmentShare");
        var errors = new List<SpecError>();

        var values = new RangeLevels(-0.5, 1.5, Step: 0.5).Expand(info, "$.design.factors.crossDepartmentShare", errors);

        Assert.Empty(values);
        Assert.False(info.TryConvertNumber(-0.5, out _, out var from));
        Assert.False(info.TryConvertNumber(1.5, out _, out var to));
        Assert.Equal(
            [new SpecError("$.design.factors.crossDepartmentShare.from", from!.Value, from.Allowed), new SpecError("$.design.factors.crossDepartmentShare.to", to!.Value, to.Allowed)],
            errors);
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => ExperimentSpec.Parse((string)null!)).ParamName);
        Assert.Equal("plan", Assert.Throws<ArgumentNullException>(() => RunSummary.ColumnsOf(null!)).ParamName);
        Assert.Equal("structure", Assert.Throws<ArgumentNullException>(() => ComparedStructure.Of(null!)).ParamName);
        Assert.All(SummaryTable.Statistics, s => Assert.Equal("measure", Assert.Throws<ArgumentNullException>(() => s.Column(null!)).ParamName));
    }
}
