using System.CommandLine;
using CoordSim.Metrics;
using Spectre.Console;

namespace CoordSim.Cli.Commands;

/// <summary><c>coordsim run</c>: one structure, one parameter set, one seed; a table or the run's JSON.</summary>
internal static class RunCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var structure = new Option<string>("--structure")
        {
            Description = "Coordination structure to run ('coordsim structures' lists them).",
            HelpName = "name",
            DefaultValueFactory = _ => StructureChoice.DefaultName,
        };
        var set = CommonOptions.Set();
        var preset = CommonOptions.Preset();
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();

        var command = new Command("run", "Run one structure and print its measures.") { structure, set, preset, seed, json };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var errors = new List<ParameterError>();
            var chosen = StructureChoice.Find("structure", parse.GetValue(structure)!, errors);
            var runSeed = SeedParser.Parse(parse.GetValue(seed)!, errors);
            var parameters = SetOptionParser.Parse(parse.GetValue(set) ?? [], errors, parse.GetValue(preset));
            if (errors.Count > 0)
            {
                return InputErrors.Report(stderr, errors);
            }

            RunResult result;
            try
            {
                result = Simulation.Run(chosen!, parameters!, runSeed!.Value);
            }
            catch (ParameterException e)
            {
                return InputErrors.Report(stderr, e.Errors);
            }

            if (parse.GetValue(json))
            {
                stdout.WriteLine(result.ToJson());
            }
            else
            {
                var console = Terminal.Over(stdout);
                console.WriteLine(ResultTable.Header(result));
                console.Write(ResultTable.Run(result));
            }

            if (ResultTable.StabilityWarning(result) is { } warning)
            {
                stderr.WriteLine(warning);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
