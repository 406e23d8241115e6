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
    public Property Integer_parameters_in_range_are_set_exactly(NonNegativeInt seed)
    {
        var integers = ParameterCatalog.All.Where(p => p.IsInteger && p.Name is not ("decisionLevel" or "maxDepartmentsPerIssue" or "levels" or "span" or "departments")).ToArray();
        var info = integers[seed.Get % integers.Length];
        var value = (long)Math.Min(info.Min + seed.Get / integers.Length, Math.Min(info.Max, 1e6));
        var errors = new List<ParameterError>();

        var parameters = SetOptionParser.Parse([$"{info.Name}={value}"], errors);

        return (errors.Count == 0 && info.GetNumber(parameters!) == value)
            .Label($"{info.Name}={value}: {string.Join("; ", errors)}");
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
