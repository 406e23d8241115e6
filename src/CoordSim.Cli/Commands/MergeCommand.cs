using System.CommandLine;
using System.Globalization;
using CoordSim.Experiments;

namespace CoordSim.Cli.Commands;

/// <summary>
/// <c>coordsim merge SHARD... --out DIR</c>: merges the results folders of a sweep's shards (each run with
/// <c>sweep --shard i/N</c>) into one folder with the files a sweep of the whole spec on one machine writes, byte for
/// byte (manifest.json but for its timing), and draws the default figures. Refuses, writing nothing, shards of different
/// sweeps, a shard missing, unfinished, changed since it was written or given twice, and says how to run what is missing.
/// </summary>
internal static class MergeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var shards = new Argument<string[]>("shards")
        {
            Description = "The shards' results folders (each written by 'coordsim sweep --shard i/N'), in any order.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder for the merged results (created if needed; must be empty unless --force).",
            HelpName = "dir",
            Required = true,
        };
        var force = new Option<bool>("--force") { Description = "Replace the results of an earlier sweep or merge in the folder." };
        var command = new Command("merge", "Merge the results folders of a sweep's shards into the results of the whole sweep, with its figures.")
        {
            shards, output, force,
        };
        command.SetAction(parse => Run(
            parse.GetValue(shards) ?? [],
            parse.GetValue(output)!,
            parse.GetValue(force),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Merges and draws; returns 0, or 2 after one line per problem on <paramref name="stderr"/>, or 1 when the figures cannot be drawn.</summary>
    internal static int Run(string[] shards, string directory, bool force, TextWriter stdout, TextWriter stderr)
    {
        if (SweepCommand.OutputProblem(directory) is { } problem)
        {
            return InputErrors.Report(stderr, [problem]);
        }

        var notFolders = shards.Where(s => string.IsNullOrWhiteSpace(s) || !Directory.Exists(s)).ToList();
        if (notFolders.Count > 0)
        {
            return InputErrors.Report(stderr, notFolders.Select(s =>
                $"shard folder \"{InputErrors.Shown(s)}\" is not allowed: an existing folder that 'coordsim sweep --shard i/N' wrote ({(File.Exists(s) ? "this is a file" : "it does not exist")})."));
        }

        IReadOnlyList<string>? figures = null;
        Exception? notDrawn = null;
        SweepReport report;
        try
        {
            report = Sweep.Merge(shards, directory, new MergeOptions
            {
                Force = force,
                OnComplete = merged =>
                {
                    try
                    {
                        figures = CoordSim.Plots.FigureSet.WriteDefaults(merged.Directory);
                    }
                    catch (Exception e) when (e is CoordSim.Plots.Results.ResultsFormatException or ArgumentException or IOException or InvalidOperationException)
                    {
                        notDrawn = e;
                    }
                },
            });
        }
        catch (SweepException e) when (e.Gaps.Count > 0)
        {
            stderr.WriteLine("error: " + e.Finding);
            var spec = SpecName(shards);
            foreach (var gap in e.Gaps)
            {
                stderr.WriteLine(gap.Directory is null
                    ? $"  run it: coordsim sweep {spec} --out <new folder> --shard {gap.Shard}"
                    : $"  finish it: coordsim sweep {spec} --out {gap.Directory} --shard {gap.Shard} --resume");
            }

            stderr.WriteLine($"  ({spec} is the spec the shards ran; each shard's manifest.json holds a copy under \"spec\".) Then merge again.");
            return ExitCodes.BadInput;
        }
        catch (SweepException e)
        {
            return InputErrors.Report(stderr, [Worded(e)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return InputErrors.Report(stderr, [$"--out = \"{InputErrors.Shown(directory)}\" cannot be written, or a shard's files cannot be read: {e.Message}"]);
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Merged {shards.Length} folders: {report.Total} runs in {report.Directory}: {string.Join(", ", SweepCommand.FilesOf(report.Directory))}."));
        if (report.Unstable > 0)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: {report.Unstable} of {report.Done} runs did not reach a steady state; summary.csv counts them per point and structure in 'unstableRuns', and {SweepCommand.FiguresOnUnstable(report.Directory)}."));
        }

        if (notDrawn is not null)
        {
            stderr.WriteLine("error: the results were merged but the figures could not be drawn: " + notDrawn.Message);
            return ExitCodes.Failure;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Figures: {figures!.Count} files in {Path.Combine(report.Directory, ResultsFormat.FiguresFolder)} (redraw with: coordsim plot {report.Directory})."));
        foreach (var line in SensitivitySummary.Lines(report.Directory))
        {
            stdout.WriteLine(line);
        }

        return ExitCodes.Success;
    }

    /// <summary>A merge's refusal for the command line: the finding, with advice in this command's options.</summary>
    private static string Worded(SweepException e) => e.Reason switch
    {
        SweepRefusal.FolderNotEmpty => e.Finding + " Use --force to replace the results there, or another folder.",
        _ => SweepCommand.Worded(e),
    };

    /// <summary>The name of the spec the shards ran, from the first manifest that records it, for the commands shown.</summary>
    private static string SpecName(string[] shards)
    {
        foreach (var shard in shards)
        {
            try
            {
                return $"<spec of '{InputErrors.Shown(SweepManifest.ReadSpec(Path.Combine(shard, ResultsFormat.ManifestFile)).Name)}'>";
            }
            catch (Exception e) when (e is SweepException or IOException or UnauthorizedAccessException)
            {
                // Named by another shard, or generically below.
            }
        }

        return "<spec>";
    }
}
