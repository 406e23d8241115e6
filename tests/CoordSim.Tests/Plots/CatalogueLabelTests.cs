using System.Text.RegularExpressions;
using CoordSim.Metrics;

namespace CoordSim.Tests.Plots;

/// <summary>Every measure and parameter has a human label for figures: words, not its camelCase identifier, and no two alike.</summary>
public partial class CatalogueLabelTests
{
    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex CamelCase();

    [Fact]
    public void Every_measure_has_a_distinct_label_in_words()
    {
        foreach (var measure in MeasureCatalog.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(measure.Label), measure.Name);
            Assert.False(CamelCase().IsMatch(measure.Label), $"{measure.Name}: '{measure.Label}'");
            Assert.Equal(measure.Label.Trim(), measure.Label);
        }

        Assert.Equal(MeasureCatalog.All.Count, MeasureCatalog.All.Select(m => m.Label).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Every_parameter_and_body_field_has_a_distinct_label_in_words()
    {
        var all = ParameterCatalog.All.Concat(ParameterCatalog.AllBodyFields).ToArray();
        foreach (var parameter in all)
        {
            Assert.False(string.IsNullOrWhiteSpace(parameter.Label), parameter.Name);
            Assert.False(CamelCase().IsMatch(parameter.Label), $"{parameter.Name}: '{parameter.Label}'");
        }

        Assert.Equal(all.Length, all.Select(p => p.Label).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("arrivalRate", "arrival rate")]
    [InlineData("maxDepartmentsPerIssue", "max departments per issue")]
    [InlineData("serviceCV", "service CV")]
    [InlineData("HTTPServer", "HTTP server")]
    [InlineData("level2Share", "level 2 share")]
    [InlineData("departments", "departments")]
    public void Words_split_a_camel_case_name_keeping_acronyms(string name, string words) =>
        Assert.Equal(words, ParameterLabel.Words(name));

    [Fact]
    public void The_unit_is_added_unless_the_label_names_it()
    {
        Assert.Equal("restricted mean latency (days)", MeasureCatalog.Find("latencyRestrictedMean")!.LabelWithUnit);
        Assert.Equal("issues arrived", MeasureCatalog.Find("issuesArrived")!.LabelWithUnit);
        Assert.Equal("share of blame on those at fault", MeasureCatalog.Find("blamePrecision")!.LabelWithUnit);
        Assert.Equal("days in meetings (person-days)", MeasureCatalog.Find("meetingDays")!.LabelWithUnit);
        Assert.Equal("service time CV", ParameterCatalog.Find("serviceCv")!.Label);
        Assert.Equal("cross-department share", ParameterCatalog.Find("crossDepartmentShare")!.Label);
        Assert.Equal("body 1 collectivity", ParameterCatalog.Find("bodies[0].collectivity")!.Label);
    }
}
