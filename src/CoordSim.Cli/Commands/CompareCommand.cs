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
        var allowLarge = ResourceGuard.Create();
        var file = StructureFile.Create("Also compare the structures in this JSON file: an entry as a spec's \"structures\" takes it, or a list of them (structures of the catalogue with fields fixed, or built from \"bodies\"); each entry's overrides apply on top of --set, and its label names its column.");

        var command = new Command("compare", "Run several structures on the same issue stream and show them side by side.")
        {
            structures, file, set, preset, seed, json, allowLarge,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var errors = new List<ParameterError>();
            var chosen = StructureChoice.FindAll(parse.GetValue(structures) ?? [], errors);
            var runSeed = SeedParser.Parse(parse.GetValue(seed)!, errors);
            var parameters = SetOptionParser.Parse(parse.GetValue(set) ?? [], errors, parse.GetValue(preset));
            var fileErrors = new List<string>();
            var entries = chosen.Select(CoordSim.Experiments.ComparedStructure.Of).ToList();
            if (parse.GetValue(file) is { } path && StructureFile.Read(path, fileErrors) is { } read)
            {
                foreach (var entry in read)
                {
                    // The same structure named twice (a catalogue structure listed in the file too) is compared once.
                    if (entries.FirstOrDefault(x => x.Label == entry.Label) is not { } same)
                    {
                        entries.Add(entry);
                    }
                    else if (!(same.Structure.Equals(entry.Structure) && same.Overrides.SequenceEqual(entry.Overrides)))
                    {
                        fileErrors.Add($"{path}: structure \"{entry.Label}\" is compared twice, as two different structures: give the file's entry a \"label\" of its own.");
                    }
                }
            }

            if (errors.Count > 0 || fileErrors.Count > 0)
            {
                return InputErrors.Report(stderr, errors.Select(e => e.Message).Concat(fileErrors));
            }

            IReadOnlyList<RunResult> results;
            try
            {
                var applied = entries.Select(e => e.Apply(parameters!)).ToArray();
                if (ResourceGuard.Check(CoordSim.Experiments.ResourceEstimate.OfRuns(applied), parse.GetValue(allowLarge), "the comparison", stderr) is { } refused)
                {
                    return refused;
                }

                results = entries.Select((e, i) => Simulation.Run(e.Structure, applied[i], runSeed!.Value) with { Structure = e.Label }).ToArray();
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
