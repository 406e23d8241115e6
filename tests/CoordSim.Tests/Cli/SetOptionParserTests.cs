using CoordSim.Cli;
using CoordSim.Engine;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CoordSim.Tests.Cli;

public class SetOptionParserTests
{
    [Fact]
    public void Every_parameter_accepts_its_default_written_as_text()
    {
        var errors = new List<ParameterError>();
        var assignments = ParameterCatalog.All.Select(p => $"{p.Name}={p.DefaultText}").ToArray();

        var parameters = SetOptionParser.Parse(assignments, errors);

        Assert.Empty(errors);
        Assert.Equal(Parameters.Default, parameters);
    }

    [Fact]
    public void A_later_assignment_of_the_same_name_wins_and_values_may_hold_spaces()
    {
        var errors = new List<ParameterError>();

        var parameters = SetOptionParser.Parse(["span=2", " span = 3 "], errors);

        Assert.Empty(errors);
        Assert.Equal(3, parameters!.Span);
        Assert.Equal(["span=3"], SetOptionParser.NonDefault(parameters));
    }

    [Fact]
    public void No_assignments_give_the_defaults_and_no_changes()
    {
        var errors = new List<ParameterError>();

        var parameters = SetOptionParser.Parse([], errors);

        Assert.Equal(Parameters.Default, parameters);
        Assert.Empty(SetOptionParser.NonDefault(parameters!));
    }

    [Property]
    public Property Every_in_range_value_of_an_integer_parameter_is_set_exactly_from_text(NonNegativeInt pick, NonNegativeInt offset)
    {
        // What --set relies on: the text "name=value" becomes exactly that value (range checks only; the rules that tie
        // parameters together are SetOptionParser's next step and are tested through the CLI).
        var integers = ParameterCatalog.All.Where(p => p.IsInteger).ToArray();
        var info = integers[pick.Get % integers.Length];
        var value = (long)Math.Min(info.Min + offset.Get, info.Max);

        var parameters = ParameterCatalog.Apply(Parameters.Default, [new(info.Name, value.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        return (info.GetNumber(parameters) == value).Label($"{info.Name}={value}");
    }

    [Property]
    public Property Seeds_from_0_to_2_pow_53_minus_1_are_accepted_and_others_rejected()
    {
        var max = SeedDerivation.MaxPublicSeed;
        var seeds = Arb.From(FsCheck.FSharp.Gen.Choose64(-max, 3 * max));
        return Prop.ForAll(seeds, seed =>
        {
            var errors = new List<ParameterError>();

            var parsed = SeedParser.Parse(seed.ToString(System.Globalization.CultureInfo.InvariantCulture), errors);

            var allowed = seed >= 0 && seed <= max;
            return (allowed ? parsed == seed && errors.Count == 0 : parsed is null && errors.Single().Name == "seed")
                .Label($"seed {seed}");
        });
    }
}
