using CoordSim.Experiments;
using CoordSim.Metrics;
using CoordSim.Structures;

namespace CoordSim.Tests.Experiments;

public class SpecValidationTests
{
    private const string Valid = """
        {
          "name": "v",
          "structures": ["hierarchy"],
          "base": { "horizonDays": 20, "warmupDays": 0 },
          "design": { "kind": "factorial", "factors": { "crossDepartmentShare": [0.1, 0.3] } },
          "replications": 2,
          "seed": 1
        }
        """;

    private static IReadOnlyList<SpecError> Errors(string json)
    {
        var e = Assert.Throws<SpecException>(() => ExperimentSpec.Parse(json, "spec.json"));
        Assert.Contains("spec.json", e.Message);
        Assert.All(e.Errors, x => Assert.Contains(x.Message, e.Message));
        return e.Errors;
    }

    private static SpecError Single(string json) => Assert.Single(Errors(json));

    private static string Edit(string from, string to)
    {
        Assert.Contains(from, Valid);
        return Valid.Replace(from, to);
    }

    [Fact]
    public void The_valid_spec_reads()
    {
        var spec = ExperimentSpec.Parse(Valid);

        Assert.Equal(2, spec.Plan().RunCount / spec.Replications);
    }

    [Fact]
    public void A_syntax_error_gives_its_line_and_column()
    {
        var e = Single(Edit("\"replications\": 2,", "\"replications\": 2\n  \"oops\": 1,"));

        Assert.Equal(7, e.Line);
        Assert.Equal(3, e.Column);
        Assert.Contains("JSON syntax error", e.Message);
        Assert.StartsWith("line 7, column 3: ", e.Message);
    }

    [Fact]
    public void An_unknown_parameter_is_named_with_its_path_line_and_a_suggestion()
    {
        var e = Single(Edit("\"horizonDays\": 20, \"warmupDays\": 0", "\"horizonDays\": 20, \"warmupDays\": 0, \"crossDepartmentShar\": 0.4"));

        Assert.Equal("$.base.crossDepartmentShar", e.Path);
        Assert.Equal(4, e.Line);
        Assert.Contains("did you mean crossDepartmentShare?", e.Allowed);
    }

    [Fact]
    public void An_unknown_parameter_in_the_design_is_named_too()
    {
        var e = Single(Edit("\"crossDepartmentShare\": [0.1, 0.3]", "\"spam\": [1, 2]"));

        Assert.Equal("$.design.factors.spam", e.Path);
        Assert.Equal(5, e.Line);
        Assert.Contains("did you mean span?", e.Allowed);
    }

    [Fact]
    public void An_unknown_structure_lists_the_known_ones()
    {
        var e = Single(Edit("[\"hierarchy\"]", "[\"hierarchy\", \"matrix\"]"));

        Assert.Equal("$.structures[1]", e.Path);
        Assert.Equal("\"matrix\"", e.Value);
        Assert.Contains(StructureCatalog.Names, e.Allowed);
        Assert.Equal(3, e.Line);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"hierarchy\"")]
    [InlineData("{ \"name\": \"hierarchy\" }")]
    [InlineData("null")]
    public void Structures_that_are_not_a_non_empty_list_are_one_error_naming_the_known_ones(string structures)
    {
        var e = Single(Edit("[\"hierarchy\"]", structures));

        Assert.Equal("$.structures", e.Path);
        Assert.StartsWith("a non-empty list of structure names or objects", e.Allowed, StringComparison.Ordinal);
        Assert.Contains(StructureCatalog.Names, e.Allowed);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void A_spec_built_in_code_lists_its_problems_without_lines()
    {
        var built = SweepFixture.TwoStructures() with { Replications = 0, Name = "" };
        var errors = built.Validate();
        Assert.Equal(["$.name", "$.replications"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Equal((null, null), (e.Line, e.Column)));
        Assert.Equal(errors, Assert.Throws<SpecException>(built.Plan).Errors);
        Assert.Empty(SweepFixture.TwoStructures().Validate());
        Assert.Empty(ExperimentSpec.Parse(Valid).Validate());
    }

    [Fact]
    public void An_out_of_range_base_value_says_what_is_allowed()
    {
        var e = Single(Edit("\"horizonDays\": 20, \"warmupDays\": 0", "\"horizonDays\": 20, \"warmupDays\": 0, \"span\": 0"));

        Assert.Equal("$.base.span", e.Path);
        Assert.Equal("0", e.Value);
        Assert.Equal(ParameterCatalog.Get("span").AllowedText, e.Allowed);
    }

    [Fact]
    public void An_out_of_range_factor_value_is_named_by_its_index()
    {
        var e = Single(Edit("[0.1, 0.3]", "[0.1, 0.3, 1.5]"));

        Assert.Equal("$.design.factors.crossDepartmentShare[2]", e.Path);
        Assert.Equal("1.5", e.Value);
        Assert.Equal(ParameterCatalog.Get("crossDepartmentShare").AllowedText, e.Allowed);
        Assert.Equal(5, e.Line);
    }

    [Fact]
    public void A_wrong_enum_value_lists_the_allowed_words()
    {
        var e = Single(Edit("\"horizonDays\": 20, \"warmupDays\": 0", "\"horizonDays\": 20, \"warmupDays\": 0, \"queueDiscipline\": \"lifo\""));

        Assert.Equal("$.base.queueDiscipline", e.Path);
        Assert.Contains("fifo, urgent-first", e.Allowed);
    }

    [Fact]
    public void A_bad_design_kind_lists_the_kinds()
    {
        var e = Single(Edit("\"kind\": \"factorial\"", "\"kind\": \"grid\""));

        Assert.Equal("$.design.kind", e.Path);
        Assert.Equal("\"grid\"", e.Value);
        Assert.Contains("factorial, one-at-a-time, latin-hypercube, morris, sobol, points", e.Allowed);
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var e = Single(Edit(",\n  \"seed\": 1", ""));

        Assert.Equal("$.seed", e.Path);
        Assert.Equal("(missing)", e.Value);
        Assert.Contains("a required field", e.Allowed);
        Assert.Equal(1, e.Line);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("2.5")]
    [InlineData("\"five\"")]
    [InlineData("1000001")]
    public void Replications_must_be_a_positive_integer(string value)
    {
        var e = Single(Edit("\"replications\": 2", "\"replications\": " + value));

        Assert.Equal("$.replications", e.Path);
        Assert.Equal(value, e.Value);
        Assert.Equal("an integer from 1 to 1000000", e.Allowed);
        Assert.Equal(6, e.Line);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("9007199254740992")]
    [InlineData("1.5")]
    public void The_seed_must_be_a_public_seed(string value)
    {
        var e = Single(Edit("\"seed\": 1", "\"seed\": " + value));

        Assert.Equal("$.seed", e.Path);
        Assert.Equal("an integer from 0 to 9007199254740991", e.Allowed);
    }

    [Fact]
    public void An_unknown_factor_is_reported_with_its_quoted_name_and_what_a_factor_must_be()
    {
        var fromJson = Single(Edit("\"crossDepartmentShare\": [0.1, 0.3]", "\"spam\": [1, 2]"));
        var inCode = Assert.Single(Assert.Throws<SpecException>(() => SweepFixture.Small().Vary("spam", 1, 2).Build()).Errors);

        foreach (var e in new[] { fromJson, inCode })
        {
            Assert.Equal(("$.design.factors.spam", "\"spam\""), (e.Path, e.Value));
            Assert.Equal("a parameter name; " + ParameterCatalog.UnknownName("spam").Allowed, e.Allowed);
        }
    }

    [Fact]
    public void Settings_that_are_not_an_object_are_refused_with_an_example()
    {
        var e = Single(Edit("{ \"horizonDays\": 20, \"warmupDays\": 0 }", "[20, 0]"));

        Assert.Equal(("$.base", "[...]"), (e.Path, e.Value));
        Assert.Equal("an object of parameter names and values, for example {\"horizonDays\": 180}", e.Allowed);
    }

    [Fact]
    public void An_unknown_field_of_a_range_is_refused_with_a_suggestion_and_the_ranges_fields()
    {
        var e = Single(Edit("[0.1, 0.3]", "{ \"from\": 0.1, \"to\": 0.3, \"count\": 3, \"sacle\": \"log\" }"));

        Assert.Equal(("$.design.factors.crossDepartmentShare.sacle", "(unknown field)"), (e.Path, e.Value));
        Assert.Equal("did you mean \"scale\"? the fields here are from, to, step, count, scale", e.Allowed);
        Assert.Equal("the fields here are from, to, step, count, scale", Single(Edit("[0.1, 0.3]", "{ \"from\": 0.1, \"to\": 0.3, \"count\": 3, \"zzzzzzzz\": 1 }")).Allowed);
    }

    [Fact]
    public void A_misspelt_field_is_unknown_with_a_suggestion()
    {
        var e = Single(Edit("\"seed\": 1", "\"seed\": 1, \"replication\": 3"));

        Assert.Equal("$.replication", e.Path);
        Assert.Contains("did you mean \"replications\"?", e.Allowed);
    }

    [Fact]
    public void A_structure_may_not_override_a_varied_parameter()
    {
        var e = Single(Edit("[\"hierarchy\"]", "[{ \"name\": \"hierarchy\", \"overrides\": { \"crossDepartmentShare\": 0.2 } }]"));

        Assert.Equal("$.structures[0].overrides.crossDepartmentShare", e.Path);
        Assert.Contains("varies", e.Allowed);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Two_entries_of_one_structure_need_different_labels()
    {
        var e = Single(Edit("[\"hierarchy\"]", "[\"hierarchy\", { \"name\": \"hierarchy\", \"overrides\": { \"span\": 3 } }]"));

        Assert.Equal("$.structures[1].label", e.Path);
        Assert.Contains("label", e.Allowed);
    }

    [Fact]
    public void A_log_range_must_start_above_zero()
    {
        var e = Single(Edit("[0.1, 0.3]", "{ \"from\": 0, \"to\": 1, \"count\": 3, \"scale\": \"log\" }"));

        Assert.Equal("$.design.factors.crossDepartmentShare.from", e.Path);
        Assert.Contains("> 0 on a log scale", e.Allowed);
    }

    [Fact]
    public void A_grid_range_needs_a_step_or_a_count_but_not_both()
    {
        var both = Single(Edit("[0.1, 0.3]", "{ \"from\": 0, \"to\": 1, \"count\": 3, \"step\": 0.5 }"));
        var neither = Single(Edit("[0.1, 0.3]", "{ \"from\": 0, \"to\": 1 }"));

        Assert.Equal("$.design.factors.crossDepartmentShare", both.Path);
        Assert.Contains("not both", both.Allowed);
        Assert.Contains("a step", neither.Allowed);
    }

    [Fact]
    public void A_range_must_go_up()
    {
        var e = Single(Edit("[0.1, 0.3]", "{ \"from\": 0.5, \"to\": 0.1, \"step\": 0.1 }"));

        Assert.Equal("$.design.factors.crossDepartmentShare.to", e.Path);
        Assert.Contains("greater than from = 0.5", e.Allowed);
    }

    [Fact]
    public void An_enum_parameter_cannot_take_a_range()
    {
        var e = Single(Edit("\"crossDepartmentShare\": [0.1, 0.3]", "\"queueDiscipline\": { \"from\": 0, \"to\": 1, \"step\": 1 }"));

        Assert.Equal("$.design.factors.queueDiscipline", e.Path);
        Assert.Contains("a list of values", e.Allowed);
    }

    [Fact]
    public void A_latin_hypercube_range_takes_no_step()
    {
        var e = Single(Edit("{ \"kind\": \"factorial\", \"factors\": { \"crossDepartmentShare\": [0.1, 0.3] } }",
            "{ \"kind\": \"latin-hypercube\", \"samples\": 10, \"factors\": { \"crossDepartmentShare\": { \"from\": 0, \"to\": 1, \"step\": 0.1 } } }"));

        Assert.Equal("$.design.factors.crossDepartmentShare.step", e.Path);
    }

    [Fact]
    public void A_latin_hypercube_needs_its_samples()
    {
        var e = Single(Edit("{ \"kind\": \"factorial\", \"factors\": { \"crossDepartmentShare\": [0.1, 0.3] } }",
            "{ \"kind\": \"latin-hypercube\", \"factors\": { \"crossDepartmentShare\": { \"from\": 0, \"to\": 1 } } }"));

        Assert.Equal("$.design.samples", e.Path);
        Assert.Equal("(missing)", e.Value);
    }

    [Fact]
    public void A_field_of_another_design_kind_is_unknown()
    {
        var e = Single(Edit("\"kind\": \"factorial\",", "\"kind\": \"factorial\", \"samples\": 10,"));

        Assert.Equal("$.design.samples", e.Path);
        Assert.Contains("kind, factors", e.Allowed);
    }

    [Fact]
    public void An_unknown_measure_lists_the_measures()
    {
        var e = Single(Edit("\"seed\": 1", "\"seed\": 1, \"measures\": [\"latencyMeanResolved\", \"latency\"]"));

        Assert.Equal("$.measures[1]", e.Path);
        Assert.Contains("latencyMeanResolved", e.Allowed);
    }

    [Theory]
    [InlineData("latencyMean", "latencyMeanResolved", "latencyRestrictedMean count the backlog")]
    [InlineData("latencyP95", "latencyP95Resolved", "latencyRestrictedMean count the backlog")]
    [InlineData("responsibilityTraceability", "responsibilityOnWorstHandover", "the name now says what it measures")]
    public void A_renamed_measure_is_refused_with_its_new_name_and_why(string old, string renamed, string why)
    {
        var e = Single(Edit("\"seed\": 1", $"\"seed\": 1, \"measures\": [\"failedShare\", \"{old}\"]"));

        Assert.Equal("$.measures[1]", e.Path);
        Assert.Equal($"\"{old}\"", e.Value);
        Assert.StartsWith($"a current measure name: it was renamed {renamed} (", e.Allowed, StringComparison.Ordinal);
        Assert.Contains(why, e.Allowed, StringComparison.Ordinal);
        Assert.Equal(renamed, MeasureCatalog.RenamedTo(old));
    }

    [Fact]
    public void A_rule_tying_parameters_together_names_the_parameter_and_the_point()
    {
        var e = Single(Edit("\"crossDepartmentShare\": [0.1, 0.3]", "\"levels\": [2, 3, 4]").Replace("\"horizonDays\": 20, \"warmupDays\": 0", "\"horizonDays\": 20, \"warmupDays\": 0, \"decisionLevel\": 2"));

        Assert.Equal("$.base.decisionLevel", e.Path);
        Assert.Contains("levels=2", e.Allowed);
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void Every_problem_of_form_is_reported_at_once_and_then_every_problem_of_meaning()
    {
        // Reading reports every field that is missing, of the wrong type or out of range; the checks that need the
        // whole spec (designs, rules tying parameters together) come once the form is right.
        var meaning = Errors(Valid.Replace("[0.1, 0.3]", "[0.1, 7]").Replace("\"horizonDays\": 20, \"warmupDays\": 0", "\"horizonDays\": 20, \"warmupDays\": 30"));
        Assert.Equal(["$.design.factors.crossDepartmentShare[1]", "$.base.warmupDays"], meaning.Select(e => e.Path));

        var errors = Errors("""
            {
              "name": "",
              "structures": ["nonesuch"],
              "base": { "span": 0 },
              "design": { "kind": "factorial", "factors": { "crossDepartmentShare": [2] } },
              "replications": 0
            }
            """);

        Assert.Equal(["$.name", "$.structures[0]", "$.base.span", "$.replications", "$.seed"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.NotNull(e.Line));
    }

    [Fact]
    public void A_spec_that_is_not_an_object_is_rejected()
    {
        var e = Single("[1, 2]");

        Assert.Equal("$", e.Path);
    }

    [Fact]
    public void Specs_built_in_code_are_checked_with_the_same_paths()
    {
        var e = Assert.Throws<SpecException>(() => SweepFixture.Small().Vary("crossDepartmentShare", 0.1, 2.0).Replications(0).Build());

        Assert.Equal(["$.replications", "$.design.factors.crossDepartmentShare[1]"], e.Errors.Select(x => x.Path).Order(StringComparer.Ordinal).Reverse());
        Assert.All(e.Errors, x => Assert.Null(x.Line));
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var spec = ExperimentSpec.Parse(Valid.Replace("\"seed\": 1", "// the seed\n  \"seed\": 1,"));

        Assert.Equal(1, spec.Seed);
    }

    [Fact]
    public void A_value_listed_twice_is_refused_where_it_is_and_a_range_that_rounds_onto_itself_keeps_each_value_once()
    {
        var twice = Single(Edit("\"crossDepartmentShare\": [0.1, 0.3]", "\"crossDepartmentShare\": [0.1, 0.3, 0.1, 0.5]"));
        Assert.Equal(("$.design.factors.crossDepartmentShare[2]", "0.1", "a value not listed before (each value once)"), (twice.Path, twice.Value, twice.Allowed));

        // span from 2 to 3 in five steps: 2, 2.25, 2.5, 2.75, 3 round (away from zero) to 2, 2, 3, 3, 3.
        var spec = ExperimentSpec.Parse(Edit("\"crossDepartmentShare\": [0.1, 0.3]", "\"span\": { \"from\": 2, \"to\": 3, \"count\": 5 }"));
        Assert.Equal([2, 3], spec.Plan().Points.Select(p => (int)ParameterCatalog.Get("span").GetNumber(ParameterSetting.ApplyAll(Parameters.Default, p.Settings))));

        // Many distinct values close together are all kept (each checked against those before it in a set).
        var many = string.Join(", ", Enumerable.Range(0, 3000).Select(i => (1 + (i * 0.001)).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var large = ExperimentSpec.Parse(Edit("\"crossDepartmentShare\": [0.1, 0.3]", $"\"arrivalRate\": [{many}]"));
        Assert.Equal(3000, large.Plan().Points.Count);
    }

    [Fact]
    public void A_number_in_quotes_is_refused_for_a_numeric_parameter_as_it_is_for_replications()
    {
        var inBase = Single(Edit("\"horizonDays\": 20", "\"horizonDays\": \"20\""));
        Assert.Equal(("$.base.horizonDays", "\"20\""), (inBase.Path, inBase.Value));
        Assert.EndsWith("written as a JSON number (without quotes)", inBase.Allowed, StringComparison.Ordinal);

        var inFactor = Single(Edit("[0.1, 0.3]", "[0.1, \"0.3\"]"));
        Assert.Equal("$.design.factors.crossDepartmentShare[1]", inFactor.Path);

        var replications = Single(Edit("\"replications\": 2", "\"replications\": \"2\""));
        Assert.Equal("$.replications", replications.Path);

        // Enum values are words, and stay text.
        Assert.NotNull(ExperimentSpec.Parse(Edit("\"horizonDays\": 20", "\"horizonDays\": 20, \"queueDiscipline\": \"urgent-first\"")));
    }

    [Fact]
    public void A_list_of_100000_bad_values_on_one_line_is_located_value_by_value_in_linear_time()
    {
        // Found by the fuzzer (issue 12): each value's column was counted from the start of its line, so a factor of
        // 100,000 values written on one line took minutes to validate (the time grew with the square of the line).
        var json = Edit("[0.1, 0.3]", "[" + string.Join(",", Enumerable.Repeat("\"x\"", 100_000)) + "]");
        var line = json.Split('\n')[4];
        var first = line.IndexOf('[', StringComparison.Ordinal) + 2;

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var errors = Assert.Throws<SpecException>(() => ExperimentSpec.Parse(json, "spec.json")).Errors
            .Where(e => e.Path.StartsWith("$.design.factors.crossDepartmentShare[", StringComparison.Ordinal) && e.Value == "\"x\"")
            .ToArray();
        var elapsed = clock.Elapsed;

        Assert.Equal(100_000, errors.Length);
        Assert.All(new[] { 0, 1, 2, 50_000, 99_999 }, i =>
        {
            Assert.Equal($"$.design.factors.crossDepartmentShare[{i}]", errors[i].Path);
            Assert.Equal((5, first + 4 * i), (errors[i].Line, errors[i].Column));
        });
        Assert.InRange(elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Half_a_surrogate_pair_escaped_in_a_string_or_a_name_is_refused_with_its_line_and_column()
    {
        // Found by the fuzzer (issue 12): System.Text.Json parses "\ud800" but throws when the string is read, so a spec
        // with it in a measure, a structure or a key ended validate and sweep with an InvalidOperationException (exit 1).
        var inString = Single(Edit("\"structures\": [\"hierarchy\"]", "\"structures\": [\"hierarchy\\ud800\"]"));
        Assert.Equal("line 3, column 18: $ = \"hierarchy\\ud800\" is not allowed: text; \\ud800 to \\udfff escape the halves of a surrogate pair, which come in pairs.", inString.Message);

        var inName = Single(Edit("\"horizonDays\": 20", "\"\\udc00horizonDays\": 20"));
        Assert.Equal((4, 13), (inName.Line, inName.Column));

        // A whole pair is text like any other.
        Assert.Equal("v \U0001F600", ExperimentSpec.Parse(Edit("\"name\": \"v\"", "\"name\": \"v \\ud83d\\ude00\"")).Name);
    }
}
