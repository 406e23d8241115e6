using System.CommandLine;
using CoordSim.Metrics;
using Spectre.Console;

namespace CoordSim.Cli.Commands;

/// <summary>
/// <c>coordsim compare</c>: every structure (or the listed ones) with the same parameters and seed, so all face the
/// same issue stream (common random numbers); side by side as a table, or a JSON array.
/// </summary>
internal static class CompareCommand
{
    /// <summary>The note printed under the comparison table.</summary>
    public const string CommonRandomNumbersNote = "same seed and issue stream for every structure";

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var structures = new Option<string[]>("--structures")
        {
            Description = "Structures to compare, comma-separated (default: every structure of 'coordsim structures').",
            HelpName = "a,b,...",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var set = CommonOptions.Set();
        var preset = CommonOptions.Preset();
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();

        var command = new Command("compare", "Run several structures on the same issue stream and show them side by side.")
        {
            structures, set, preset, seed, json,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var errors = new List<ParameterError>();
            var chosen = StructureChoice.FindAll(parse.GetValue(structures) ?? [], errors);
            var runSeed = SeedParser.Parse(parse.GetValue(seed)!, errors);
            var parameters = SetOptionParser.Parse(parse.GetValue(set) ?? [], errors, parse.GetValue(preset));
            if (errors.Count > 0)
            {
                return InputErrors.Report(stderr, errors);
            }

            IReadOnlyList<RunResult> results;
            try
            {
                results = Simulation.Compare(chosen, parameters!, runSeed!.Value);
            }
            catch (ParameterException e)
            {
                return InputErrors.Report(stderr, e.Errors);
            }

            if (parse.GetValue(json))
            {
                stdout.WriteLine(RunResult.ToJson(results));
            }
            else
            {
                var console = Terminal.Over(stdout);
                console.WriteLine(ResultTable.Header(results));
                console.Write(ResultTable.Compare(results));
                console.WriteLine(CommonRandomNumbersNote);
            }

            foreach (var warning in results.Select(ResultTable.StabilityWarning).OfType<string>())
            {
                stderr.WriteLine(warning);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
