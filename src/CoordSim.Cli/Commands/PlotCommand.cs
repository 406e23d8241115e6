using System.CommandLine;
using CoordSim.Plots;
using CoordSim.Plots.Results;

namespace CoordSim.Cli.Commands;

/// <summary>
/// <c>coordsim plot DIR</c>: redraws the default figures of a results folder into DIR/figures/
/// (see <see cref="FigureSet"/>). Bad input (missing folder, file or column, empty results,
/// unknown measure, format or point, size out of range) prints a message naming what is wrong
/// and exits with code 2.
/// </summary>
public static class PlotCommand
{
    /// <summary>The exit code for bad input.</summary>
    public const int InputError = 2;

    /// <summary>Creates the <c>plot</c> command.</summary>
    public static Command Create()
    {
        var directory = new Argument<string>("results")
        {
            Description = "The results folder a sweep wrote (runs.csv, summary.csv, manifest.json, optional issues.csv and timeseries.csv).",
        };
        var measures = new Option<string[]>("--measure")
        {
            Description = $"Measure to draw against the varied parameters and as heatmaps; repeat or separate with commas for several. Default: {string.Join(", ", Figures.DefaultMeasures)}.",
        };
        var formats = new Option<string[]>("--format")
        {
            Description = "Image format: png or svg; repeat (or png,svg) for both. Default: png and svg.",
        };
        var width = new Option<int>("--width")
        {
            Description = $"Image width in pixels ({FigureOptions.MinSize} to {FigureOptions.MaxSize}).",
            DefaultValueFactory = _ => FigureStyle.DefaultWidth,
        };
        var height = new Option<int>("--height")
        {
            Description = $"Image height in pixels ({FigureOptions.MinSize} to {FigureOptions.MaxSize}).",
            DefaultValueFactory = _ => FigureStyle.DefaultHeight,
        };
        var point = new Option<int?>("--point")
        {
            Description = "Design point (pointId) of the latency distribution, breakdown and backlog-over-time figures. Default: the first point; for a morris or sobol design, drawn only at a point given here.",
        };

        var command = new Command("plot", "Draw the default figures of a results folder into its figures/ folder.")
        {
            directory, measures, formats, width, height, point,
        };
        command.SetAction(parse => Run(
            parse.GetValue(directory)!,
            parse.GetValue(measures) ?? [],
            parse.GetValue(formats) ?? [],
            parse.GetValue(width),
            parse.GetValue(height),
            parse.GetValue(point),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Draws and writes the figures; returns 0, or <see cref="InputError"/> after writing the problem to <paramref name="error"/>.</summary>
    internal static int Run(string directory, string[] measures, string[] formats, int width, int height, int? point, TextWriter output, TextWriter error)
    {
        try
        {
            var chosen = ParseFormats(formats);
            var options = new FigureOptions
            {
                Width = width,
                Height = height,
                Measures = measures.Length == 0 ? null : SplitLists(measures),
                PointId = point,
            };
            // A sweep's folder is held while the figures are drawn, so that they are never drawn from a sweep still
            // writing there, nor two plots write the same files at once.
            using var held = File.Exists(Path.Combine(directory, CoordSim.Experiments.SweepManifest.FileName))
                ? CoordSim.Experiments.ResultsFolderLock.Acquire(Path.GetFullPath(directory), "plot")
                : null;
            var written = FigureSet.WriteDefaults(directory, chosen, options);
            output.WriteLine($"Wrote {written.Count} figures to {Path.Combine(directory, ResultFiles.Figures)}:");
            foreach (var path in written)
            {
                output.WriteLine($"  {Path.GetFileName(path)}");
            }

            return 0;
        }
        catch (ResultsFormatException e)
        {
            error.WriteLine($"error: {e.Message}");
            return InputError;
        }
        catch (CoordSim.Experiments.SweepException e)
        {
            return InputErrors.Report(error, [SweepCommand.Worded(e)]);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: {FirstLine(e.Message)}");
            return InputError;
        }
    }

    private static FigureFormat[] ParseFormats(string[] formats)
    {
        if (formats.Length == 0)
        {
            return [FigureFormat.Png, FigureFormat.Svg];
        }

        return SplitLists(formats)
            .Select(f => f.ToLowerInvariant() switch
            {
                "png" => FigureFormat.Png,
                "svg" => FigureFormat.Svg,
                _ => throw new ArgumentException($"--format = \"{f}\" is not allowed: png or svg."),
            })
            .Distinct()
            .ToArray();
    }

    /// <summary>The values of a repeated option, each of which may be a comma-separated list.</summary>
    private static string[] SplitLists(string[] values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    /// <summary>The message without the " (Parameter 'x')" suffix ArgumentException adds.</summary>
    private static string FirstLine(string message)
    {
        var index = message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return index < 0 ? message : message[..index];
    }
}
