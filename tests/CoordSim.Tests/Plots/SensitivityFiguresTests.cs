using System.Globalization;
using System.Text.Json.Nodes;
using CoordSim.Experiments;
using CoordSim.Plots;
using CoordSim.Plots.Results;
using CoordSim.Structures;
using ScottPlot;
using ScottPlot.Plottables;
using ResultsFolder = CoordSim.Plots.Results.ResultsFolder;

namespace CoordSim.Tests.Plots;

/// <summary>
/// The one-factor-at-a-time figures on results whose numbers are chosen by hand (so each winner,
/// flip and tie is known in advance), on a real small one-at-a-time sweep, and on the factorial
/// fixture they must refuse.
/// </summary>
[Collection(SmallResultsCollection.Name)]
public sealed class SensitivityFiguresTests(SmallResults fixture) : IDisposable
{
    private const int Width = 900;
    private const int Height = 600;

    private static readonly string[] Structures = ["hierarchy", "task-force", "office"];

    // Base point: crossDepartmentShare 0.3, arrivalRate 40, dispatchInterval 7 (the default, not among the listed values).
    private static readonly (string Factor, double Base, double[] Others)[] Factors =
    [
        ("crossDepartmentShare", 0.3, [0.1, 0.5, 0.7]),
        ("arrivalRate", 40, [20, 80]),
        ("dispatchInterval", 7, [1, 2, 4, 8]),
    ];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "coordsim-ofat-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>
    /// latencyMeanResolved by hand: hierarchy 4 + 10·share + 0.05·(rate - 40), task-force 6 - 2·share +
    /// 0.06·(rate - 40) + 0.1·dispatch, office always 9.5. Along crossDepartmentShare hierarchy
    /// wins at 0.1 (5 against 6.5) and task-force from 0.3 on (6.1 against 7): the flip. With
    /// higher better, office wins up to 0.5 and hierarchy at 0.7 (11). Every CI is mean ± 0.2
    /// (none with one replication), so these are all separated, except at arrivalRate 80 (<see cref="Tie"/>).
    /// </summary>
    private static double Latency(string structure, double share, double rate, double dispatch) => structure switch
    {
        "hierarchy" => 4 + (10 * share) + (0.05 * (rate - 40)),
        "task-force" => 6 - (2 * share) + (0.06 * (rate - 40)) + (0.1 * dispatch),
        _ => 9.5,
    };

    /// <summary>At arrivalRate 80 hierarchy is put 0.1 below task-force (8.4 against 8.5): best, but within task-force's CI.</summary>
    private static double Tie(string structure, double share, double rate, double dispatch, double value) =>
        rate == 80 && structure == "hierarchy" ? Latency("task-force", share, rate, dispatch) - 0.1 : value;

    private static double Distortion(string structure, double share) => structure == "office" ? 0.2 : 0.3 + share;

    private static List<Dictionary<string, double>> Points(double[]? dispatch)
    {
        var points = new List<Dictionary<string, double>> { Factors.ToDictionary(f => f.Factor, f => f.Base) };
        foreach (var (factor, _, others) in Factors)
        {
            foreach (var value in factor == "dispatchInterval" && dispatch is not null ? dispatch : others)
            {
                var point = Factors.ToDictionary(f => f.Factor, f => f.Base);
                point[factor] = value;
                points.Add(point);
            }
        }

        return points;
    }

    private static double Mean(string structure, Dictionary<string, double> p)
    {
        var (share, rate, dispatch) = (p["crossDepartmentShare"], p["arrivalRate"], p["dispatchInterval"]);
        return Tie(structure, share, rate, dispatch, Latency(structure, share, rate, dispatch));
    }

    /// <summary>Writes a one-at-a-time results folder with the numbers above: summary.csv, runs.csv and manifest.json.</summary>
    /// <param name="kind">The design kind the manifest names (null: no design in the manifest).</param>
    /// <param name="n">Replications (1: no CI).</param>
    /// <param name="logRange">True: dispatchInterval is a log range in the spec; false: a list of values.</param>
    /// <param name="dispatch">Other dispatchInterval values than 1, 2, 4, 8 (with a list).</param>
    /// <param name="unstable">Unstable runs by point id and structure: when given, summary.csv has the unstableRuns column and the measure issuesPending (10 × point id + 1), as sweeps write them now; null: neither, as older versions wrote.</param>
    private string Write(string? kind = "one-at-a-time", int n = 3, bool logRange = true, double[]? dispatch = null, Func<int, string, int>? unstable = null)
    {
        var folder = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var names = Factors.Select(f => f.Factor).ToArray();
        string[] measures = unstable is null ? ["latencyMeanResolved", "distortionMean", "meetings"] : ["latencyMeanResolved", "distortionMean", "meetings", "issuesPending"];
        var summary = new List<string>
        {
            string.Join(",", ["pointId", "structure", .. names, "n", .. unstable is null ? Array.Empty<string>() : ["unstableRuns"],
                .. measures.SelectMany(m => new[] { m + "_mean", m + "_sd", m + "_ciLow", m + "_ciHigh" })]),
        };
        var runs = new List<string> { string.Join(",", ["pointId", "structure", "replication", "seed", .. names, "latencyMeanResolved"]) };
        var points = Points(dispatch);
        for (var id = 0; id < points.Count; id++)
        {
            foreach (var structure in Structures)
            {
                var latency = Mean(structure, points[id]);
                var distortion = Distortion(structure, points[id]["crossDepartmentShare"]);
                var values = names.Select(f => Text(points[id][f])).ToArray();
                string[] stability = unstable is null ? [] : [Text(unstable(id, structure))];
                string[] pending = unstable is null ? [] : Stats((10 * id) + 1, n);
                summary.Add(string.Join(",", [Text(id), structure, .. values, Text(n), .. stability, .. Stats(latency, n), .. Stats(distortion, n), .. Stats(3, n), .. pending]));
                runs.Add(string.Join(",", [Text(id), structure, "0", "1", .. values, Text(latency)]));
            }
        }

        File.WriteAllLines(Path.Combine(folder, "summary.csv"), summary);
        File.WriteAllLines(Path.Combine(folder, "runs.csv"), runs);
        var factors = new JsonObject
        {
            ["crossDepartmentShare"] = new JsonArray(0.1, 0.3, 0.5, 0.7),
            ["arrivalRate"] = new JsonArray(20, 80),
            ["dispatchInterval"] = logRange
                ? new JsonObject { ["from"] = 1, ["to"] = 8, ["count"] = 4, ["scale"] = "log" }
                : new JsonArray((dispatch ?? [1, 2, 4, 8]).Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
        };
        var spec = new JsonObject
        {
            ["name"] = "ofat-by-hand",
            ["structures"] = new JsonArray(Structures.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
            ["replications"] = n,
        };
        if (kind is not null)
        {
            spec["design"] = new JsonObject { ["kind"] = kind, ["factors"] = factors };
        }

        var manifest = new JsonObject
        {
            ["name"] = "ofat-by-hand",
            ["varied"] = new JsonArray(names.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
            ["spec"] = spec,
        };
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());
        return folder;
    }

    private static string[] Stats(double mean, int n) =>
        n < 2 ? [Text(mean), "", "", ""] : [Text(mean), "0.1", Text(mean - 0.2), Text(mean + 0.2)];

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static Color ColorOf(string structure) => StructurePalette.ColorOf(structure, Structures);

    private static PanelGrid Grid(Plot plot) => plot.GetPlottables<PanelGrid>().Single();

    [Fact]
    public void Sensitivity_panels_have_one_panel_per_factor_with_each_structures_means_and_ci()
    {
        var results = ResultsFolder.Load(Write());

        var plot = Figures.SensitivityPanels(results, "latencyMeanResolved");

        var panels = Grid(plot).Panels;
        Assert.Equal(Factors.Length, panels.Count);
        for (var k = 0; k < Factors.Length; k++)
        {
            var (factor, baseValue, others) = Factors[k];
            var log = factor == "dispatchInterval";
            double Position(double x) => log ? Math.Log10(x) : x;
            var values = others.Append(baseValue).Order().ToArray();
            var lines = panels[k].GetPlottables<Scatter>().ToArray();
            var bands = panels[k].GetPlottables<Polygon>().ToArray();
            Assert.Equal(Structures, lines.Select(l => l.LegendText));
            for (var s = 0; s < Structures.Length; s++)
            {
                var means = values.Select(v =>
                {
                    var point = Factors.ToDictionary(f => f.Factor, f => f.Base);
                    point[factor] = v;
                    return Mean(Structures[s], point);
                }).ToArray();
                var expected = values.Select((v, i) => new Coordinates(Position(v), means[i])).ToArray();
                var actual = lines[s].Data.GetScatterPoints();
                Assert.Equal(expected.Length, actual.Count);
                for (var i = 0; i < expected.Length; i++)
                {
                    Assert.Equal(expected[i].X, actual[i].X, 12);
                    Assert.Equal(expected[i].Y, actual[i].Y, 12);
                }

                Assert.Equal(ColorOf(Structures[s]), lines[s].Color);
                var upper = expected.Select(c => c.Y + 0.2);
                var lower = expected.Reverse().Select(c => c.Y - 0.2);
                Assert.Equal(upper.Concat(lower).ToArray(), bands[s].Coordinates.Select(c => c.Y).ToArray(), new ToleranceComparer(1e-9));
            }

            var baseLine = Assert.Single(panels[k].GetPlottables<VerticalLine>());
            Assert.Equal(Position(baseValue), baseLine.X, 12);
            Assert.Equal(LinePattern.Dashed, baseLine.LinePattern);
            Assert.StartsWith(FigureStyle.ParameterLabel(factor), panels[k].Axes.Bottom.Label.Text);
            Assert.Equal(log, panels[k].Axes.Bottom.Label.Text.Contains("log scale", StringComparison.Ordinal));
        }

        Assert.Equal("arrival rate (issues/day)", panels[1].Axes.Bottom.Label.Text);
        Assert.Equal("mean latency of resolved issues (days)", panels[0].Axes.Left.Label.Text);
        Assert.Contains("one factor at a time around the base point (others at base), mean ± 95% CI over 3 replications", plot.Axes.Title.Label.Text.Replace("\n", " ", StringComparison.Ordinal));
        Assert.Contains("crossDepartmentShare = 0.3, arrivalRate = 40, dispatchInterval = 7", FigureStyle.SubtitleOf(plot));
        Assert.Equal([.. Structures, "base value"], plot.Legend.ManualItems.Select(i => i.LabelText));
        Assert.Equal(Structures.Select(ColorOf), plot.Legend.ManualItems.Take(3).Select(i => i.LineColor));
    }

    [Fact]
    public void The_base_value_is_a_tick_of_its_own_and_the_axis_is_log_for_a_log_range()
    {
        var plot = Figures.SensitivityPanels(ResultsFolder.Load(Write()), "latencyMeanResolved");
        var panels = Grid(plot).Panels;
        plot.RenderInMemory(Width, Height);

        string[] Ticks(Plot panel) => panel.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToArray();
        Assert.Equal(["20", "40\n(base)", "80"], Ticks(panels[1]));
        // 8 sits too close to the base value 7 on a log axis for both labels: its tick stays, unlabelled.
        Assert.Equal(["1", "2", "4", "7\n(base)", ""], Ticks(panels[2]));
        Assert.Equal(Math.Log10(4), panels[2].Axes.Bottom.TickGenerator.Ticks.Single(t => t.Label == "4").Position, 12);
    }

    [Fact]
    public void Log_spacing_is_read_from_the_values_when_the_spec_lists_them()
    {
        // 1, 2, 4, 7, 8 span less than a decade: listed values give a linear axis ...
        var listed = Grid(Figures.SensitivityPanels(ResultsFolder.Load(Write(logRange: false)), "latencyMeanResolved")).Panels[2];
        Assert.Equal(7, listed.GetPlottables<VerticalLine>().Single().X, 12);
        Assert.DoesNotContain("log scale", listed.Axes.Bottom.Label.Text, StringComparison.Ordinal);

        // ... and values a decade and more apart, more even on a log scale, a log one.
        var spread = Grid(Figures.SensitivityPanels(ResultsFolder.Load(Write(logRange: false, dispatch: [0.7, 70, 700])), "latencyMeanResolved")).Panels[2];
        Assert.Equal(Math.Log10(7), spread.GetPlottables<VerticalLine>().Single().X, 12);
        Assert.Contains("log scale", spread.Axes.Bottom.Label.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_panels_drop_overlapping_tick_labels_but_the_bases_and_break_long_axis_titles()
    {
        var plot = Figures.SensitivityPanels(ResultsFolder.Load(Write()), "latencyMeanResolved");
        var grid = Grid(plot);
        using var paint = Paint.NewDisposablePaint();

        FigureStyle.Fit(plot, 640, 480);
        plot.RenderInMemory(640, 480);

        for (var k = 0; k < grid.Panels.Count; k++)
        {
            var panel = grid.Panels[k];
            var (data, limits, cell) = (panel.LastRender.DataRect, panel.LastRender.AxisLimits, grid.LastRects[k]);
            var labelled = panel.Axes.Bottom.TickGenerator.Ticks.Where(t => t.Label.Length > 0).Select(t =>
            {
                var x = data.Left + ((t.Position - limits.Left) / limits.HorizontalSpan * data.Width);
                var half = t.Label.Split('\n').Max(l => panel.Axes.Bottom.TickLabelStyle.Measure(l, paint).Width) / 2;
                return (Left: x - half, Right: x + half, t.Label);
            }).OrderBy(t => t.Left).ToArray();
            Assert.Contains(labelled, t => t.Label.EndsWith("\n(base)", StringComparison.Ordinal));
            Assert.All(labelled.Zip(labelled.Skip(1)), pair => Assert.True(pair.First.Right <= pair.Second.Left, $"{pair.First.Label} overlaps {pair.Second.Label}"));
            var title = panel.Axes.Bottom.Label;
            Assert.All(title.Text.Split('\n'), line => Assert.True(title.Measure(line, paint).Width <= cell.Width, $"'{line}' is wider than its panel"));
        }

        // 1, 2, 4, 7, 8 on a log axis a panel wide: 8 (at least) gives way to the base value's label.
        Assert.True(grid.Panels[2].Axes.Bottom.TickGenerator.Ticks.Count(t => t.Label.Length == 0) > 0);
        Assert.Contains("\n", grid.Panels[0].Axes.Bottom.Label.Text, StringComparison.Ordinal);

        // At the default size every value keeps its label and the titles their one line.
        FigureStyle.Fit(plot, FigureStyle.DefaultWidth, FigureStyle.DefaultHeight);
        plot.RenderInMemory(FigureStyle.DefaultWidth, FigureStyle.DefaultHeight);
        Assert.Equal(["0.1", "0.3\n(base)", "0.5", "0.7"], grid.Panels[0].Axes.Bottom.TickGenerator.Ticks.Select(t => t.Label));
        Assert.Equal("cross-department share", grid.Panels[0].Axes.Bottom.Label.Text);
    }

    private static (Rectangle Cell, Text Label)[] Row(Plot plot, int row, int rows)
    {
        var bottom = rows - 1 - row;
        var cells = plot.GetPlottables<Rectangle>().Where(r => Math.Min(r.Y1, r.Y2) > bottom && Math.Max(r.Y1, r.Y2) < bottom + 1).OrderBy(r => r.X1).ToArray();
        var labels = plot.GetPlottables<Text>().Where(t => t.Location.Y > bottom && t.Location.Y < bottom + 1).OrderBy(t => t.Location.X).ToArray();
        Assert.Equal(cells.Length, labels.Length);
        return cells.Zip(labels).ToArray();
    }

    [Fact]
    public void Winner_map_colours_each_value_by_the_best_structure_and_shows_the_flip()
    {
        var plot = Figures.WinnerMap(ResultsFolder.Load(Write()), "latencyMeanResolved");

        // crossDepartmentShare 0.1: hierarchy 5 against task-force 6.5; from 0.3 on task-force leads (6.1 against 7).
        var share = Row(plot, 0, 3);
        Assert.Equal(4, share.Length);
        var winners = share.Select(c => Structures.Single(s => c.Cell.FillColor == ColorOf(s))).ToArray();
        var points = new[] { 0.1, 0.3, 0.5, 0.7 }.Select(x => new Dictionary<string, double> { ["crossDepartmentShare"] = x, ["arrivalRate"] = 40, ["dispatchInterval"] = 7 });
        var expected = points.Select(p => Structures.MinBy(s => Mean(s, p))!).ToArray();
        Assert.Equal(expected, winners);
        Assert.Equal(["hierarchy", "task-force", "task-force", "task-force"], winners);
        Assert.All(share, c => Assert.Null(c.Cell.FillHatch));
        Assert.All(share.Zip(winners), c => Assert.Contains(c.Second, c.First.Label.LabelText));

        // The base value is outlined and labelled; the others are not.
        Assert.Equal([Colors.White, Colors.Black, Colors.White, Colors.White], share.Select(c => c.Cell.LineColor));
        Assert.Contains("0.3 (base)", share[1].Label.LabelText);
        Assert.Equal(["0.1", "0.3 (base)", "0.5", "0.7"], share.Select(c => c.Label.LabelText.Split('\n')[0]));

        Assert.Contains("best structure by mean latency of resolved issues (lower is better); ties where 95% CIs overlap", plot.Axes.Title.Label.Text.Replace("\n", " ", StringComparison.Ordinal));
        Assert.Equal([.. Structures, "tie (95% CIs overlap)", "base value"], plot.Legend.ManualItems.Select(i => i.LabelText));
        Assert.Equal(["cross-department share", "arrival rate (issues/day)", "dispatch interval (days)"],
            plot.Axes.Left.TickGenerator.Ticks.OrderByDescending(t => t.Position).Select(t => t.Label));
    }

    [Fact]
    public void Winner_map_marks_a_tie_where_the_best_two_cis_overlap()
    {
        var plot = Figures.WinnerMap(ResultsFolder.Load(Write()), "latencyMeanResolved");

        var rate = Row(plot, 1, 3);
        Assert.Equal(["20", "40 (base)", "80"], rate.Select(c => c.Label.LabelText.Split('\n')[0]));
        var (tied, label) = rate[2];
        Assert.NotNull(tied.FillHatch);
        Assert.NotEqual(ColorOf("hierarchy"), tied.FillColor);
        Assert.True(tied.FillColor.Luminance > ColorOf("hierarchy").Luminance, "a tie is lighter than a win");
        Assert.Contains("hierarchy", label.LabelText);
        Assert.Contains("tie", label.LabelText);
        Assert.All(rate.Take(2), c => Assert.DoesNotContain("tie", c.Label.LabelText));
    }

    [Fact]
    public void Winner_map_cell_labels_shorten_to_fit_small_cells_and_keep_the_tie()
    {
        var plot = Figures.WinnerMap(ResultsFolder.Load(Write()), "latencyMeanResolved");
        var full = Row(plot, 1, 3)[2].Label.LabelText;
        using var paint = Paint.NewDisposablePaint();

        FigureStyle.Fit(plot, 800, 600);
        plot.RenderInMemory(800, 600);

        var limits = plot.LastRender.AxisLimits;
        var cellWidth = plot.LastRender.DataRect.Width / limits.HorizontalSpan * 0.94;
        Assert.All(plot.GetPlottables<Text>(), t =>
            Assert.True(t.LabelText.Split('\n').Max(l => t.LabelStyle.Measure(l, paint).Width) <= cellWidth, $"'{t.LabelText}' is wider than its cell"));
        var small = Row(plot, 1, 3)[2].Label.LabelText;
        Assert.Contains("tie", small);
        Assert.True(small.Length < full.Length, $"'{small}' was not shortened from '{full}'");
    }

    [Fact]
    public void Ranking_separates_only_when_the_cis_do_not_overlap()
    {
        static SummaryRow Row(string structure, double mean, double low, double high) =>
            new(0, structure, new Dictionary<string, string>(), 3, new Dictionary<string, MeasureStats> { ["m"] = new(mean, 0.1, low, high) });

        var clear = Figures.Rank([Row("a", 5, 4.9, 5.1), Row("b", 4, 3.9, 4.1), Row("c", 9, 8, 10)], "m", lowerIsBetter: true);
        var overlap = Figures.Rank([Row("a", 5, 4.5, 5.5), Row("b", 4.8, 4.3, 5.3)], "m", lowerIsBetter: true);
        var higher = Figures.Rank([Row("a", 5, 4.9, 5.1), Row("b", 4, 3.9, 4.1), Row("c", 9, 8, 10)], "m", lowerIsBetter: false);
        var noInterval = Figures.Rank([Row("a", 5, double.NaN, double.NaN), Row("b", 4, double.NaN, double.NaN)], "m", lowerIsBetter: true);
        var alone = Figures.Rank([Row("a", 5, double.NaN, double.NaN), Row("b", double.NaN, double.NaN, double.NaN)], "m", lowerIsBetter: true);

        Assert.Equal(new Figures.Ranking("b", "a", false), clear);
        Assert.Equal(new Figures.Ranking("b", "a", true), overlap);
        Assert.Equal(new Figures.Ranking("c", "a", false), higher);
        Assert.Equal(new Figures.Ranking("b", "a", true), noInterval);
        Assert.Equal(new Figures.Ranking("a", null, false), alone);
    }

    [Fact]
    public void Higher_is_better_when_the_caller_says_so()
    {
        var plot = Figures.WinnerMap(ResultsFolder.Load(Write()), "latencyMeanResolved", lowerIsBetter: false);

        // Office's 9.5 is the highest latency until hierarchy's 4 + 10·share passes it at 0.7.
        var share = Row(plot, 0, 3);
        Assert.Equal(["office", "office", "office", "hierarchy"], share.Select(c => Structures.Single(s => c.Cell.FillColor == ColorOf(s))));
        Assert.Contains("(higher is better)", plot.Axes.Title.Label.Text.Replace("\n", " ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_measure_without_a_declared_direction_is_refused_unless_one_is_given()
    {
        var results = ResultsFolder.Load(Write());

        var e = Assert.Throws<ArgumentException>(() => Figures.WinnerMap(results, "meetings"));
        var plot = Figures.WinnerMap(results, "meetings", lowerIsBetter: true);

        Assert.Contains("'meetings'", e.Message);
        Assert.Contains("no declared direction", e.Message);
        Assert.Contains("lowerIsBetter", e.Message);
        Assert.Null(MeasureDirection.Find("meetings"));
        Assert.Null(MeasureDirection.Find("distortionSeverityBias"));
        Assert.Throws<ArgumentException>(() => { MeasureDirection.Resolve("speed"); });
        Assert.NotEmpty(plot.GetPlottables<Rectangle>());
    }

    [Fact]
    public void The_direction_table_covers_the_named_measures_and_only_catalog_measures()
    {
        Assert.All(MeasureDirection.LowerIsBetter.Keys, m => Assert.NotNull(CoordSim.Metrics.MeasureCatalog.Find(m)));
        foreach (var lower in new[] { "latencyMeanResolved", "latencyP95Resolved", "latencyQueueingResolved", "distortionMean", "distortionHops", "failedShare", "deadlineMissed", "issuesPending", "utilisationBusiest", "responsibilityEffectiveCount" })
        {
            Assert.True(MeasureDirection.Resolve(lower), lower);
        }

        foreach (var higher in new[] { "throughput", "issuesResolved", "blamePrecision", "onTimeShare", "stable" })
        {
            Assert.False(MeasureDirection.Resolve(higher), higher);
        }

        Assert.True(MeasureDirection.Resolve("throughput", lowerIsBetter: true));
    }

    [Fact]
    public void Results_that_are_not_one_at_a_time_are_refused()
    {
        var factorial = Assert.Throws<ArgumentException>(() => Figures.SensitivityPanels(ResultsFolder.Load(Write(kind: "factorial")), "latencyMeanResolved"));
        Assert.Contains("'factorial' design", factorial.Message);

        // The 2×2 fixture's manifest names no design; its last point moves both factors at once.
        var grid = Assert.Throws<ArgumentException>(() => Figures.WinnerMap(ResultsFolder.Load(fixture.Directory), "latencyMeanResolved"));
        Assert.Contains("moves crossDepartmentShare and arrivalRate away from the base point together", grid.Message);
    }

    [Fact]
    public void Without_a_design_in_the_manifest_the_factors_come_from_the_data()
    {
        var plot = Figures.SensitivityPanels(ResultsFolder.Load(Write(kind: null)), "distortionMean");

        var panels = Grid(plot).Panels;
        Assert.Equal(3, panels.Count);
        var office = panels[0].GetPlottables<Scatter>().Single(s => s.LegendText == "office").Data.GetScatterPoints();
        Assert.All(office, c => Assert.Equal(0.2, c.Y, 12));
    }

    [Fact]
    public void One_replication_has_no_interval_so_every_cell_is_a_tie_and_no_band_is_drawn()
    {
        var results = ResultsFolder.Load(Write(n: 1));

        var map = Figures.WinnerMap(results, "latencyMeanResolved");
        var panels = Grid(Figures.SensitivityPanels(results, "latencyMeanResolved")).Panels;

        Assert.All(map.GetPlottables<Text>(), t => Assert.Contains("tie", t.LabelText));
        Assert.All(panels, p => Assert.Empty(p.GetPlottables<Polygon>()));
    }

    [Fact]
    public void The_figures_render_to_png_with_every_panel_and_the_winner_colours()
    {
        var results = ResultsFolder.Load(Write());
        var folder = Path.Combine(_root, "png");
        Directory.CreateDirectory(folder);
        var panels = Figures.SensitivityPanels(results, "latencyMeanResolved");
        var map = Figures.WinnerMap(results, "latencyMeanResolved");
        FigureStyle.Fit(panels, Width, Height);
        FigureStyle.Fit(map, Width, Height);
        panels.SavePng(Path.Combine(folder, "s.png"), Width, Height);
        map.SavePng(Path.Combine(folder, "w.png"), Width, Height);

        var s = Rendering.AssertPng(Path.Combine(folder, "s.png"), Width, Height);
        var w = Rendering.AssertPng(Path.Combine(folder, "w.png"), Width, Height);

        // Every panel was drawn in its own cell, side by side, inside the image.
        var rects = Grid(panels).LastRects;
        Assert.Equal(3, rects.Count);
        Assert.True(rects[0].Right <= rects[1].Left && rects[1].Right <= rects[2].Left);
        Assert.All(Structures, structure => Assert.True(Rendering.CountColor(s, ColorOf(structure)) > 200, structure));
        Assert.True(Rendering.CountColor(w, ColorOf("hierarchy")) > 2000);
        Assert.True(Rendering.CountColor(w, ColorOf("task-force")) > 2000);
    }

    [Fact]
    public void The_default_set_of_a_real_one_at_a_time_sweep_adds_sensitivity_and_winner_figures()
    {
        var folder = Path.Combine(_root, "sweep");
        var spec = ExperimentSpec.Create("ofat-real")
            .Compare(Structure.Hierarchy(), Structure.TaskForce())
            .Set("horizonDays", 20)
            .Set("warmupDays", 0)
            .Set("departments", 3)
            .Vary("crossDepartmentShare", 0.1, 0.3, 0.5)
            .Vary("arrivalRate", 10, 40)
            .OneAtATime()
            .Replications(2)
            .Seed(3);
        Sweep.Run(spec, folder, new SweepOptions { Threads = 2 });

        var options = new FigureOptions { Width = 640, Height = 480, Measures = ["latencyMeanResolved", "meetings"] };
        var written = FigureSet.WriteDefaults(folder, [FigureFormat.Png, FigureFormat.Svg], options).Select(Path.GetFileName).ToArray();

        Assert.Contains("sensitivity-latencyMeanResolved.png", written);
        Assert.Contains("sensitivity-latencyMeanResolved.svg", written);
        Assert.Contains("winners-latencyMeanResolved.png", written);
        Assert.Contains("winners-latencyMeanResolved.svg", written);
        Assert.Contains("sensitivity-meetings.png", written);
        Assert.DoesNotContain("winners-meetings.png", written);
        // Each factor against its values with the other at its base value: no slices over combinations the design did not run, no heatmap.
        Assert.Contains("latencyMeanResolved-vs-crossDepartmentShare.png", written);
        Assert.Contains("latencyMeanResolved-vs-arrivalRate.png", written);
        Assert.DoesNotContain(written, f => f!.Contains("--", StringComparison.Ordinal) || f.StartsWith("heatmap-", StringComparison.Ordinal));
        var figures = Path.Combine(folder, "figures");
        Rendering.AssertPng(Path.Combine(figures, "sensitivity-latencyMeanResolved.png"), 640, 480);
        Rendering.AssertPng(Path.Combine(figures, "winners-latencyMeanResolved.png"), 640, 480);
        var svg = Rendering.AssertSvg(Path.Combine(figures, "sensitivity-latencyMeanResolved.svg"), 640, 480);
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToArray();
        Assert.Contains(texts, t => t.Contains("cross-department share", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("arrival rate", StringComparison.Ordinal));

        // The panels' base point is point 0 of the sweep: the defaults' 0.3 and 40.
        var results = ResultsFolder.Load(folder);
        Assert.True(results.Manifest.IsOneAtATime);
        Assert.Equal(["crossDepartmentShare", "arrivalRate"], results.Manifest.DesignFactors);
        var panels = Grid(Figures.SensitivityPanels(results, "latencyMeanResolved")).Panels;
        Assert.Equal(new[] { 0.3, 40 }, panels.Select(p => p.GetPlottables<VerticalLine>().Single().X));
        var hierarchy = panels[1].GetPlottables<Scatter>().Single(l => l.LegendText == "hierarchy").Data.GetScatterPoints();
        var rows = results.Summary.Rows.Where(r => r.Structure == "hierarchy" && r.Parameters["crossDepartmentShare"] == "0.3")
            .OrderBy(r => double.Parse(r.Parameters["arrivalRate"], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(rows.Select(r => new Coordinates(double.Parse(r.Parameters["arrivalRate"], CultureInfo.InvariantCulture), r.Measures["latencyMeanResolved"].Mean)), hierarchy);
    }

    [Fact]
    public void Sensitivity_panels_mark_an_unstable_point_in_every_panel_it_is_drawn_in()
    {
        // Office at the base point (drawn in all three panels) and hierarchy at arrivalRate 80 (point 5).
        var results = ResultsFolder.Load(Write(unstable: (id, s) => (id == 0 && s == "office") || (id == 5 && s == "hierarchy") ? 1 : 0));

        var plot = Figures.SensitivityPanels(results, "latencyMeanResolved");

        var panels = Grid(plot).Panels;
        var baseOffice = Factors.ToDictionary(f => f.Factor, f => f.Base);
        for (var k = 0; k < Factors.Length; k++)
        {
            var log = Factors[k].Factor == "dispatchInterval";
            var expected = new List<Coordinates> { new(log ? Math.Log10(Factors[k].Base) : Factors[k].Base, Mean("office", baseOffice)) };
            if (Factors[k].Factor == "arrivalRate")
            {
                var point = Factors.ToDictionary(f => f.Factor, f => f.Base);
                point["arrivalRate"] = 80;
                expected.Add(new(80, Mean("hierarchy", point)));
            }

            var marks = Assert.Single(panels[k].GetPlottables<UnstableMarks>());
            Assert.Equal(expected.OrderBy(c => c.X).ToArray(), marks.Points.OrderBy(c => c.X).ToArray());
        }

        // Ten points × three structures; the base point's office row counts once.
        var text = FigureStyle.SubtitleOf(plot);
        Assert.Contains("pending at the end: 1–91 issues per run (mean over replications); 2 of 30 points had runs without a steady state (marked ×)", text);
        Assert.Equal([.. Structures, "base value", UnstableMarks.LegendText], plot.Legend.ManualItems.Select(i => i.LabelText.Replace("\n", " ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Winner_map_marks_a_cell_when_any_structure_at_the_value_had_unstable_runs_not_only_the_winner()
    {
        // Office never wins on latency; its runs at crossDepartmentShare 0.5 (point 2) are unstable, task-force wins there.
        var results = ResultsFolder.Load(Write(unstable: (id, s) => id == 2 && s == "office" ? 2 : 0));

        var plot = Figures.WinnerMap(results, "latencyMeanResolved");

        var share = Row(plot, 0, 3);
        var cell = share[2].Cell;
        Assert.Equal(ColorOf("task-force"), cell.FillColor);
        var marks = Assert.Single(plot.GetPlottables<UnstableMarks>());
        Assert.Equal([UnstableMarks.CornerOf(Math.Min(cell.X1, cell.X2), Math.Max(cell.X1, cell.X2), Math.Min(cell.Y1, cell.Y2), Math.Max(cell.Y1, cell.Y2))], marks.Points);
        Assert.NotNull(marks.Cell);
        var text = FigureStyle.SubtitleOf(plot);
        Assert.Contains($"1 of 12 cells had runs without a steady state (marked ×: {Figures.WinnerMarkRule})", text);
        Assert.Equal(UnstableMarks.LegendText, plot.Legend.ManualItems[^1].LabelText.Replace("\n", " ", StringComparison.Ordinal));

        // Stable everywhere: no mark and the flag.
        var stable = Figures.WinnerMap(ResultsFolder.Load(Write(unstable: (_, _) => 0)), "latencyMeanResolved");
        Assert.Empty(stable.GetPlottables<UnstableMarks>());
        Assert.DoesNotContain(Figures.WinnerMarkRule, FigureStyle.SubtitleOf(stable));
        Assert.Contains(Figures.AllStableText, FigureStyle.SubtitleOf(stable));
    }

    [Fact]
    public void A_marked_winner_cell_keeps_its_label_clear_of_the_mark_when_it_is_small()
    {
        var results = ResultsFolder.Load(Write(unstable: (id, s) => id == 5 && s == "office" ? 1 : 0));
        var plot = Figures.WinnerMap(results, "latencyMeanResolved");
        var marks = plot.GetPlottables<UnstableMarks>().Single();
        using var paint = Paint.NewDisposablePaint();

        foreach (var (width, height) in new[] { (640, 480), (900, 600), (1200, 800) })
        {
            FigureStyle.Fit(plot, width, height);
            plot.RenderInMemory(width, height);

            // The tie cell at arrivalRate 80 (row 1, third value) is marked: its label's box and the mark's do not meet.
            var (cell, label) = Row(plot, 1, 3)[2];
            var size = label.LabelText.Split('\n').Select(l => label.LabelStyle.Measure(l, paint)).ToArray();
            var centre = plot.GetPixel(label.Location);
            var (w, h) = (size.Max(m => m.Width), size.Sum(m => m.Height));
            var mark = plot.GetPixel(marks.Points.Single());
            var cellPixels = plot.GetPixel(new Coordinates(Math.Max(cell.X1, cell.X2), Math.Max(cell.Y1, cell.Y2)));
            var half = (marks.SizeIn(Math.Abs(cellPixels.X - plot.GetPixel(new Coordinates(Math.Min(cell.X1, cell.X2), 0)).X), Math.Abs(cellPixels.Y - plot.GetPixel(new Coordinates(0, Math.Min(cell.Y1, cell.Y2))).Y)) / 2) + marks.HaloWidth;
            var apart = centre.X + (w / 2) <= mark.X - half || centre.Y - (h / 2) >= mark.Y + half;
            Assert.True(apart, $"at {width}×{height} the label '{label.LabelText}' meets the mark");
        }
    }

    [Fact]
    public void One_at_a_time_results_without_stability_say_it_is_not_recorded()
    {
        var results = ResultsFolder.Load(Write());

        Assert.Contains(Figures.NothingRecordedText, FigureStyle.SubtitleOf(Figures.WinnerMap(results, "latencyMeanResolved")));
        Assert.Contains(Figures.NothingRecordedText, FigureStyle.SubtitleOf(Figures.SensitivityPanels(results, "latencyMeanResolved")));
        Assert.Contains(Figures.StabilityNotRecordedText, FigureStyle.SubtitleOf(Figures.SensitivityPanels(results, "distortionMean")));
        Assert.Empty(Grid(Figures.SensitivityPanels(results, "latencyMeanResolved")).Panels.SelectMany(p => p.GetPlottables<UnstableMarks>()));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
