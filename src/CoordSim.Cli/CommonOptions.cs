using System.CommandLine;
using System.Globalization;

namespace CoordSim.Cli;

/// <summary>The options several commands share, made fresh for each command (System.CommandLine symbols belong to one parent).</summary>
internal static class CommonOptions
{
    /// <summary><c>--set name=value</c>: may repeat, and one <c>--set</c> may be followed by several assignments.</summary>
    public static Option<string[]> Set() => new("--set")
    {
        Description = "Set a parameter: name=value (repeatable; several may follow one --set). Names: 'coordsim params'.",
        HelpName = "name=value",
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary><c>--seed N</c>: the run seed, 0 to 2^53 − 1, default 1. Read as text so that every bad value gets the same message.</summary>
    public static Option<string> Seed() => new("--seed")
    {
        Description = $"Run seed, {SeedParser.AllowedText}; the same seed gives the same result.",
        HelpName = "N",
        DefaultValueFactory = _ => 1.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary><c>--preset NAME</c>: start from a named set of parameter values (<see cref="ParameterPresets"/>) instead of the defaults.</summary>
    public static Option<string?> Preset() => new("--preset")
    {
        Description = $"Start from a named parameter preset instead of the defaults ({ParameterPresets.Names}); --set applies on top.",
        HelpName = "name",
    };

    /// <summary><c>--json</c>: write JSON on stdout instead of a table.</summary>
    public static Option<bool> Json() => new("--json")
    {
        Description = "Write JSON on stdout instead of a table.",
    };
}
