using System.CommandLine;
using CoordSim.Metrics;
using Spectre.Console;

namespace CoordSim.Cli.Commands;

/// <summary>
/// <c>coordsim run</c>: one structure, one parameter set, one seed; a table or the run's JSON. With
/// <c>--time-series DAYS</c> the run's time series follows the table as a second table, or is the <c>timeSeries</c>
/// member of the JSON object; without it the output is what it always was.
/// </summary>
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
        var series = TimeSeriesOption.Create("Also sample the run's time series every this many days: a second table, or the 'timeSeries' member of the JSON.");
        var file = StructureFile.Create("Run the structure in this JSON file instead: one entry as a spec's \"structures\" takes it (a structure of the catalogue with fields fixed, or one built from \"bodies\"; 'coordsim structures --json' prints every structure in this form); its overrides apply on top of --set.");

        var allowLarge = ResourceGuard.Create();
        var command = new Command("run", "Run one structure and print its measures.") { structure, file, set, preset, seed, json, series, allowLarge };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var errors = new List<ParameterError>();
            var filePath = parse.GetValue(file);
            var chosen = filePath is null ? StructureChoice.Find("structure", parse.GetValue(structure)!, errors) : null;
            var runSeed = SeedParser.Parse(parse.GetValue(seed)!, errors);
            var parameters = SetOptionParser.Parse(parse.GetValue(set) ?? [], errors, parse.GetValue(preset));
            var interval = TimeSeriesOption.Parse(parse.GetValue(series), errors);
            var fileErrors = new List<string>();
            if (filePath is not null)
            {
                if (parse.GetResult(structure) is { Implicit: false })
                {
                    fileErrors.Add($"{StructureFile.Name} and --structure: give one of them, not both.");
                }
                else if (StructureFile.Read(filePath, fileErrors) is { } entries)
                {
                    if (entries.Count != 1)
                    {
                        fileErrors.Add($"{StructureFile.Name} = \"{filePath}\" is not allowed: one structure entry for 'run' (it holds {entries.Count}; 'compare' takes several).");
                    }
                    else
                    {
                        chosen = entries[0].Structure;
                        parameters = parameters is null ? null : TryApply(entries[0], parameters, errors);
                    }
                }
            }

            if (errors.Count > 0 || fileErrors.Count > 0)
            {
                return InputErrors.Report(stderr, errors.Select(e => e.Message).Concat(fileErrors));
            }

            RunResult result;
            TimeSeries? timeSeries = null;
            try
            {
                if (ResourceGuard.Check(CoordSim.Experiments.ResourceEstimate.OfRuns([parameters!]), parse.GetValue(allowLarge), "the run", stderr) is { } refused)
                {
                    return refused;
                }

                if (interval is { } days)
                {
                    (result, timeSeries) = Simulation.RunWithTimeSeries(chosen!, parameters!, runSeed!.Value, days);
                }
                else
                {
                    result = Simulation.Run(chosen!, parameters!, runSeed!.Value);
                }
            }
            catch (ParameterException e)
            {
                // The library names the interval intervalDays; here it is the option, as the user wrote it.
                return InputErrors.Report(stderr, e.Errors.Select(error =>
                    error.Name == "intervalDays" ? error with { Name = TimeSeriesOption.Name, Value = $"\"{parse.GetValue(series)}\"" } : error));
            }

            if (parse.GetValue(json))
            {
                stdout.WriteLine(timeSeries is null ? result.ToJson() : TimeSeriesJson.WithRun(result, timeSeries));
            }
            else
            {
                var console = Terminal.Over(stdout);
                console.WriteLine(ResultTable.Header(result));
                console.Write(ResultTable.Run(result));
                if (timeSeries is not null)
                {
                    console.WriteLine(SeriesTable.Header(timeSeries));
                    console.Write(SeriesTable.Create(timeSeries));
                }
            }

            if (ResultTable.StabilityWarning(result) is { } warning)
            {
                stderr.WriteLine(warning);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The parameters with an entry's overrides applied, or null with the problems added to <paramref name="errors"/>.</summary>
    internal static Parameters? TryApply(CoordSim.Experiments.ComparedStructure entry, Parameters parameters, List<ParameterError> errors)
    {
        try
        {
            return entry.Apply(parameters);
        }
        catch (ParameterException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }
    }
}
