using CoordSim.Cli;
using CoordSim.Experiments;
using CoordSim.Tests.Experiments;

namespace CoordSim.Tests.Cli;

/// <summary>The lines sweep and merge print at the end of a morris or sobol sweep: the factors that move each difference most.</summary>
public class SensitivitySummaryTests
{
    private static string Folder(string tag, params string[] rows)
    {
        var folder = SweepFixture.TempFolder(tag);
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, ResultsFormat.SensitivityFile), [string.Join(',', ResultsFormat.SensitivityColumns), .. rows]);
        return folder;
    }

    [Fact]
    public void A_morris_folder_gives_each_difference_its_five_factors_with_the_largest_mu_star()
    {
        // measure,structure,baseline,factor,factor2,index,estimate,ciLow,ciHigh,n
        string[] factors = ["a", "b", "c", "d", "e", "f", "g"];
        var rows = new List<string>();
        foreach (var (structure, baseline, scale) in new[] { ("h", "", 1.0), ("tf", "", 1.0), ("tf", "h", 10.0), ("lg", "h", 100.0) })
        {
            for (var i = 0; i < factors.Length; i++)
            {
                // muStar rises with the factor's position; mu (not ranked by) falls, so ranking by mu would reverse it.
                rows.Add(FormattableString.Invariant($"latencyRestrictedMean,{structure},{baseline},{factors[i]},,mu,{-i * scale},,,10"));
                rows.Add(FormattableString.Invariant($"latencyRestrictedMean,{structure},{baseline},{factors[i]},,muStar,{i * scale},{i * scale * 0.9},{i * scale * 1.1},10"));
                rows.Add(FormattableString.Invariant($"latencyRestrictedMean,{structure},{baseline},{factors[i]},,sigma,1,,,10"));
            }
        }

        var lines = SensitivitySummary.Lines(Folder("summary-morris", [.. rows]));

        Assert.Equal(3, lines.Count);
        Assert.StartsWith("Sensitivity (sensitivity.csv): of 7 factors, the 5 that move each structure's difference from h most, by μ*", lines[0]);
        Assert.Equal("  latencyRestrictedMean of tf − h: g 60 [54, 66]; f 50 [45, 55]; e 40 [36, 44]; d 30 [27, 33]; c 20 [18, 22]", lines[1]);
        Assert.Equal("  latencyRestrictedMean of lg − h: g 600 [540, 660]; f 500 [450, 550]; e 400 [360, 440]; d 300 [270, 330]; c 200 [180, 220]", lines[2]);
    }

    [Fact]
    public void A_sobol_folder_ranks_by_the_total_index_and_a_single_structure_by_its_own_measure()
    {
        var lines = SensitivitySummary.Lines(Folder("summary-sobol",
            "staffDays,h,,x,,S1,0.7,0.6,0.8,64",
            "staffDays,h,,x,,ST,0.1,0.05,0.2,64",
            "staffDays,h,,y,,S1,0.05,0,0.1,64",
            "staffDays,h,,y,,ST,0.3,0.2,0.4,64",
            "staffDays,h,,z,,S1,,,,64",
            "staffDays,h,,z,,ST,,,,64"));

        Assert.Equal(2, lines.Count);
        Assert.StartsWith("Sensitivity (sensitivity.csv): of 3 factors, the 3 that move the measure most, by total index ST", lines[0]);
        Assert.Equal("  staffDays of h: y 0.3 [0.2, 0.4]; x 0.1 [0.05, 0.2]", lines[1]);
    }

    [Fact]
    public void A_folder_without_sensitivity_csv_gives_no_lines()
    {
        var folder = SweepFixture.TempFolder("summary-none");
        Directory.CreateDirectory(folder);

        Assert.Empty(SensitivitySummary.Lines(folder));
    }

    private static string MorrisSpec()
    {
        var spec = Path.Combine(SweepFixture.TempFolder("summary-spec"), "spec.json");
        Directory.CreateDirectory(Path.GetDirectoryName(spec)!);
        File.WriteAllText(spec, """
            {
              "name": "screen",
              "structures": ["hierarchy", "task-force"],
              "base": { "departments": 3, "levels": 2, "span": 2, "arrivalRate": 6, "horizonDays": 20, "warmupDays": 0 },
              "design": { "kind": "morris", "trajectories": 4, "levels": 4, "factors": { "crossDepartmentShare": { "from": 0.1, "to": 0.6 }, "noiseSigma": { "from": 0.05, "to": 0.2 } } },
              "replications": 1,
              "measures": ["latencyRestrictedMean"],
              "seed": 3
            }
            """);
        return spec;
    }

    [Fact]
    public void The_sweep_command_prints_the_summary_after_a_morris_sweep()
    {
        var output = Path.Combine(SweepFixture.TempFolder("summary-out"), "out");

        var run = CliInvocation.Run("sweep", MorrisSpec(), "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("Sensitivity (sensitivity.csv): of 2 factors, the 2 that move each structure's difference from hierarchy most, by μ*", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("latencyRestrictedMean of task-force − hierarchy: ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shard_of_a_morris_sweep_says_it_has_no_figures_and_leaves_no_figures_folder()
    {
        var output = Path.Combine(SweepFixture.TempFolder("summary-shard"), "out");

        var run = CliInvocation.Run("sweep", MorrisSpec(), "--out", output, "--shard", "1/2");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Figures: none for a shard of a morris or sobol sweep: its indices need every run; 'coordsim merge' of the shards draws them.", run.Stdout);
        Assert.DoesNotContain("Sensitivity (", run.Stdout);
        Assert.False(Directory.Exists(Path.Combine(output, ResultsFormat.FiguresFolder)));
    }

    [Fact]
    public void The_unstable_runs_warning_says_how_the_figures_show_them()
    {
        var indices = Folder("unstable-note", "staffDays,h,,x,,S1,0.7,0.6,0.8,64");
        var plain = SweepFixture.TempFolder("unstable-note-plain");
        Directory.CreateDirectory(plain);

        Assert.Equal("the sensitivity figures' subtitles count them (the indices pool every point, theirs included)", CoordSim.Cli.Commands.SweepCommand.FiguresOnUnstable(indices));
        Assert.Equal("the figures mark those points", CoordSim.Cli.Commands.SweepCommand.FiguresOnUnstable(plain));
    }
}
