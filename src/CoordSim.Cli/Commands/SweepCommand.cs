using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using CoordSim.Experiments;
using Spectre.Console;

namespace CoordSim.Cli.Commands;

/// <summary>
/// <c>coordsim sweep SPEC --out DIR</c>: runs every point, structure and replication of an
/// experiment spec on several threads, streaming results to DIR (runs.csv, summary.csv,
/// codebook.csv, manifest.json, optionally issues.csv and timeseries.csv). Shows a progress bar on a terminal and plain progress
/// lines otherwise. Ctrl+C (or SIGTERM) stops cleanly: runs in progress finish, the files stay
/// consistent, and <c>--resume</c> continues; a second Ctrl+C ends the process at once, which
/// <c>--resume</c> also recovers from.
/// </summary>
internal static class SweepCommand
{
    /// <summary>Exit code of a sweep stopped by Ctrl+C or SIGTERM before it finished (128 + SIGINT).</summary>
    public const int Interrupted = 130;

    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var spec = new Argument<string>("spec") { Description = "The experiment spec, a JSON file (docs/experiments.md)." };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Results folder (created if needed; must be empty unless --resume or --force).",
            HelpName = "dir",
            Required = true,
        };
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Runs at once, one per thread; results do not depend on it. Default: the number of processors.",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var resume = new Option<bool>("--resume") { Description = "Continue the sweep in the folder (same spec): finished runs are kept, the rest are run." };
        var force = new Option<bool>("--force") { Description = "Replace the results of an earlier sweep in the folder." };
        var issues = new Option<bool>("--issues") { Description = "Also write issues.csv, one row per resolved issue of every run (large)." };
        var allowLarge = ResourceGuard.Create();
        var shard = new Option<string?>("--shard")
        {
            Description = "Run only the i-th of N interleaved slices of the runs (1 <= i <= N), to merge with the others by 'coordsim merge' " +
                          "(docs/cluster.md). Default: from a Slurm or Grid Engine job array task's variables when they are set, else every run.",
            HelpName = "i/N",
        };
        var series = TimeSeriesOption.Create("Also write timeseries.csv: every run's time series (issues, backlog, utilisation by level, meetings) sampled every this many days (overrides the spec's output.timeSeries).");

        var command = new Command("sweep", "Run an experiment spec: every point, structure and replication, results streamed to a folder.")
        {
            spec, output, threads, resume, force, issues, series, shard, allowLarge,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var specPath = parse.GetValue(spec)!;
            var threadCount = parse.GetValue(threads);
            if (threadCount < 1)
            {
                return InputErrors.Report(stderr, [$"--threads = {threadCount.ToString(CultureInfo.InvariantCulture)} is not allowed: an integer >= 1."]);
            }

            if (parse.GetValue(resume) && parse.GetValue(force))
            {
                return InputErrors.Report(stderr, ["--resume and --force are not allowed together: --resume continues the results in the folder, --force replaces them."]);
            }

            var errors = new List<ParameterError>();
            var interval = TimeSeriesOption.Parse(parse.GetValue(series), errors);
            if (errors.Count > 0)
            {
                return InputErrors.Report(stderr, errors);
            }

            var (slice, source, shardProblem) = ShardOf(parse.GetValue(shard));
            if (shardProblem is not null)
            {
                return InputErrors.Report(stderr, [shardProblem]);
            }

            if (!ValidateCommand.TryLoad(specPath, stderr, out var plan))
            {
                return ExitCodes.BadInput;
            }

            if (interval is { } days && !TryCheckInterval(plan!, days, stderr))
            {
                return ExitCodes.BadInput;
            }

            var options = new SweepOptions
            {
                Threads = threadCount,
                Resume = parse.GetValue(resume),
                Force = parse.GetValue(force),
                Issues = parse.GetValue(issues) ? true : null,
                TimeSeriesInterval = interval,
                Shard = slice,
            };
            var outPath = parse.GetValue(output)!;
            if (OutputProblem(outPath) is { } problem)
            {
                return InputErrors.Report(stderr, [problem]);
            }

            // The plan again only when the options change the spec (a large design takes seconds to expand).
            var effective = Sweep.Effective(plan!.Spec, options);
            var effectivePlan = ReferenceEquals(effective, plan.Spec) ? plan : effective.Plan();
            if (slice is not null && slice.Count > effectivePlan.RunCount)
            {
                return InputErrors.Report(stderr, [string.Create(CultureInfo.InvariantCulture,
                    $"--shard = {slice} is not allowed: i/N with N at most the sweep's {effectivePlan.RunCount} runs, so that no shard is empty.")]);
            }

            var estimate = ResourceEstimate.Of(effectivePlan, threadCount, outPath);
            if (slice is not null)
            {
                // The shard's share of the runs and of the disk; a run's memory and time are those of the whole sweep's.
                var runs = slice.Runs(effectivePlan).Count;
                estimate = estimate with { Runs = runs, DiskBytes = (long)((double)estimate.DiskBytes * runs / Math.Max(1, effectivePlan.RunCount)) };
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Shard {slice}{(source is null ? "" : $" (from {source})")}: {runs} of the sweep's {effectivePlan.RunCount} runs."));
            }
            if (ResourceGuard.Check(estimate, parse.GetValue(allowLarge), "the sweep", stderr) is { } refused)
            {
                return refused;
            }

            return Execute(plan!.Spec, specPath, outPath, options, stdout, stderr);
        });
        return command;
    }

    /// <summary>
    /// The shard to run: <c>--shard</c> when given, else a job array task's (Slurm, Grid Engine) when its variables are
    /// set, else null (every run); with where it came from, or the problem with it.
    /// </summary>
    internal static (Shard? Shard, string? Source, string? Problem) ShardOf(string? option)
    {
        if (option is not null)
        {
            var parsed = Shard.TryParse(option, out var allowed);
            return parsed is null ? (null, null, $"--shard = \"{InputErrors.Shown(option)}\" is not allowed: {allowed}.") : (parsed, null, null);
        }

        var fromArray = Shard.FromJobArray(Environment.GetEnvironmentVariable, out var source, out var problem);
        return (fromArray, source, problem is null ? null : problem + ".");
    }

    /// <summary>The files the manifest in <paramref name="directory"/> lists: what the sweep (or merge) wrote there, in the manifest's order.</summary>
    internal static IReadOnlyList<string> FilesOf(string directory) => SweepManifest.ReadFiles(Path.Combine(directory, ResultsFormat.ManifestFile));

    /// <summary>Why <paramref name="path"/> cannot be a results folder before anything is tried (empty, or an existing file or device), or null.</summary>
    internal static string? OutputProblem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return $"--out = \"{InputErrors.Shown(path)}\" is not allowed: a folder path.";
        }

        return File.Exists(path) && !Directory.Exists(path)
            ? $"--out = \"{InputErrors.Shown(path)}\" is not allowed: a folder (new or empty, or holding an earlier sweep's results), not a file."
            : null;
    }

    private static int Execute(ExperimentSpec spec, string specPath, string directory, SweepOptions options, TextWriter stdout, TextWriter stderr)
    {
        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            if (!stop.IsCancellationRequested)
            {
                context.Cancel = true;
                stderr.WriteLine("Stopping: runs in progress finish and are kept; press Ctrl+C again to quit at once (--resume recovers either way).");
                stop.Cancel();
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        // The default figures are drawn while the sweep still holds its folder, so that no other coordsim process (a
        // plot, a second sweep) writes there before they are done; they are drawn from the finished files, so a failure
        // here leaves the CSVs intact.
        IReadOnlyList<string>? figures = null;
        Exception? notDrawn = null;
        options = options with
        {
            CancellationToken = stop.Token,
            OnComplete = finished =>
            {
                try
                {
                    figures = CoordSim.Plots.FigureSet.WriteDefaults(finished.Directory);
                }
                catch (Exception e) when (e is CoordSim.Plots.Results.ResultsFormatException or ArgumentException or IOException or InvalidOperationException)
                {
                    notDrawn = e;
                }
            },
        };
        SweepReport report;
        try
        {
            report = ShowsProgressBar(stdout) ? WithProgressBar(spec, directory, options) : WithProgressLines(spec, directory, options, stdout);
        }
        catch (SweepException e)
        {
            return InputErrors.Report(stderr, [Worded(e)]);
        }
        catch (RunFailedException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.Failure;
        }
        catch (StandardOutputException)
        {
            // The progress lines, not the folder, could not be written: reported as standard output's by Program.
            throw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder cannot be made or written (no permission, a read-only or full disk, a path under /proc):
            // one line with the path and the system's reason; the manifest is not marked complete.
            return InputErrors.Report(stderr, [$"--out = \"{InputErrors.Shown(directory)}\" cannot be written: {e.Message}"]);
        }

        var elapsed = report.Elapsed.TotalSeconds;
        var fresh = report.Done - report.Resumed;
        var rate = elapsed > 0 ? fresh / elapsed : 0;
        if (report.Cancelled)
        {
            stderr.WriteLine($"Stopped after {report.Done} of {report.Total} runs; results so far are in {report.Directory}.");
            stderr.WriteLine($"Continue with: coordsim sweep {specPath} --out {directory}{(options.Shard is { Count: > 1 } sliced ? $" --shard {sliced}" : "")} --resume");
            return Interrupted;
        }

        if (report.RerunReason is { } reason)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: {report.Rerun} runs found in {report.Directory} were run again because {InputErrors.Shown(reason)}: the results there had been changed, cut or lost since they were written."));
        }

        var resumed = report.Resumed > 0 ? $" ({report.Resumed} found done, {fresh} run now)" : "";
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Done: {report.Total} runs{resumed} in {elapsed:F1} s ({rate:F1} runs/s). Results in {report.Directory}: {string.Join(", ", FilesOf(report.Directory))}."));
        if (report.Unstable > 0)
        {
            stderr.WriteLine(
                $"warning: {report.Unstable.ToString(CultureInfo.InvariantCulture)} of {report.Done.ToString(CultureInfo.InvariantCulture)} runs did not reach a steady state " +
                "(their backlog grew beyond what sampling explains, or a guard, maxPending or maxEvents, stopped them); summary.csv counts them per point and structure in 'unstableRuns', and " +
                FiguresOnUnstable(report.Directory) + ".");
        }

        if (notDrawn is not null)
        {
            stderr.WriteLine("error: the results were written but the figures could not be drawn: " + notDrawn.Message);
            return ExitCodes.Failure;
        }

        stdout.WriteLine(figures!.Count == 0 && options.Shard is { Count: > 1 }
            ? "Figures: none for a shard of a morris or sobol sweep: its indices need every run; 'coordsim merge' of the shards draws them."
            : string.Create(CultureInfo.InvariantCulture,
                $"Figures: {figures.Count} files in {Path.Combine(report.Directory, "figures")} (redraw with: coordsim plot {report.Directory})."));
        foreach (var line in SensitivitySummary.Lines(report.Directory))
        {
            stdout.WriteLine(line);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// How the figures of the results in <paramref name="directory"/> show runs without a steady state: the figures of
    /// design points mark those points; the index figures of a morris or sobol sweep (which has sensitivity.csv) pool
    /// every point, so their subtitles count them instead.
    /// </summary>
    internal static string FiguresOnUnstable(string directory) =>
        File.Exists(Path.Combine(directory, ResultsFormat.SensitivityFile))
            ? "the sensitivity figures' subtitles count them (the indices pool every point, theirs included)"
            : "the figures mark those points";

    /// <summary>
    /// Checks the spec with the <c>--time-series</c> interval in place of its own: an interval too short for a run's
    /// horizon is reported against the option, not against the spec's <c>output.timeSeries</c>.
    /// </summary>
    private static bool TryCheckInterval(ExperimentPlan plan, double days, TextWriter stderr)
    {
        var problems = (plan.Spec with { Output = plan.Spec.Output with { TimeSeriesInterval = days } }).Validate();
        foreach (var problem in problems)
        {
            var allowed = problem.Path == "$.output.timeSeries" ? problem.Allowed : $"a spec that is valid with it ({problem.Path}: {problem.Allowed})";
            stderr.WriteLine($"error: {TimeSeriesOption.Name} = {days.ToString(CultureInfo.InvariantCulture)} is not allowed: {allowed}.");
        }

        return problems.Count == 0;
    }

    private static bool ShowsProgressBar(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private static SweepReport WithProgressBar(ExperimentSpec spec, string directory, SweepOptions options) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("starting", autoStart: true, maxValue: 1);
                var report = Sweep.Run(spec, directory, options with
                {
                    Progress = p =>
                    {
                        task.MaxValue = p.Total;
                        task.Value = p.Done;
                        task.Description = Describe(p);
                    },
                });
                task.MaxValue = report.Total;
                task.Value = report.Done;
                return report;
            });

    private static SweepReport WithProgressLines(ExperimentSpec spec, string directory, SweepOptions options, TextWriter stdout)
    {
        var last = TimeSpan.Zero;
        return Sweep.Run(spec, directory, options with
        {
            Progress = p =>
            {
                if (p.Elapsed - last >= PlainInterval || p.Done == p.Total)
                {
                    last = p.Elapsed;
                    stdout.WriteLine(Describe(p));
                    stdout.Flush();
                }
            },
        });
    }

    private static string Describe(SweepProgress p)
    {
        var eta = p.Remaining is { } r ? Duration(r) : "?";
        return string.Create(CultureInfo.InvariantCulture,
            $"{p.Done}/{p.Total} runs ({100 * p.Fraction:F0}%), {p.RunsPerSecond:F1} runs/s, ETA {eta}");
    }

    private static string Duration(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes:00}:{t.Seconds:00}");

    /// <summary>
    /// A refused sweep's message for the command line: what the library found, then advice that names this command's
    /// options (<c>--resume</c>, <c>--force</c>) where the library's names <see cref="SweepOptions"/> properties.
    /// </summary>
    internal static string Worded(SweepException e) => e.Finding + " " + e.Reason switch
    {
        SweepRefusal.ResumeAndForce => "--resume and --force are not allowed together: --resume continues the results in the folder, --force replaces them.",
        SweepRefusal.FolderNotEmpty => "Use --resume to continue the sweep there, --force to replace its results, or another folder.",
        SweepRefusal.ForeignFiles => "--force only replaces sweep results. Choose an empty or new folder.",
        SweepRefusal.NotASweepFolder => "Choose another folder.",
        SweepRefusal.SpecChanged => "Resume with the same spec and options, or start again with --force or in another folder.",
        SweepRefusal.LibraryChanged => "Start again with --force or in another folder.",
        SweepRefusal.UnreadableManifest => "Start the sweep again in an empty folder or with --force.",
        SweepRefusal.FolderInUse => "Wait for it to finish or stop it, then run again (with --resume to continue its results), or choose another folder.",
        SweepRefusal.ShardChanged => "Resume with the shard the folder holds (--shard i/N, or none for every run), or start again with --force or in another folder.",
        SweepRefusal.TooManyShards => "Use --shard i/N with N at most the number of runs.",
        SweepRefusal.ShardsDoNotMerge => "Merge the folders of one sweep's shards, each once; run a missing shard with 'coordsim sweep SPEC --out DIR --shard i/N', and finish an unfinished one by adding --resume.",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Reason, "Unknown sweep refusal."),
    };
}
