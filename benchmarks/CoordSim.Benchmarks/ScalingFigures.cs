using System.Globalization;
using CoordSim.Plots;
using ScottPlot;

namespace CoordSim.Benchmarks;

/// <summary>
/// The <c>--scaling-plot CSV OUTDIR [WHERE]</c> mode: draws, from the CSV that <c>--scaling</c>
/// writes, wall time and peak memory against organisation size (the "people" series) and issue
/// count (the "issues" series) on log-log axes, as scaling-time.png and scaling-memory.png.
/// Values are plotted as their base-10 logarithms with decade ticks labelled in the original units.
/// </summary>
public static class ScalingFigures
{
    /// <summary>The file name of the time figure.</summary>
    public const string TimeFile = "scaling-time.png";

    /// <summary>The file name of the memory figure.</summary>
    public const string MemoryFile = "scaling-memory.png";

    /// <summary>The series drawn, in legend order, with their legend text.</summary>
    public static IReadOnlyList<(string Series, string Legend)> Series { get; } =
    [
        ("people", "people series: x = people; 10 000 issues"),
        ("issues", "issues series: x = issues; 681 people"),
    ];

    /// <summary>Runs the mode; returns 0, or 2 with a message on standard error for bad arguments or a bad CSV.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count is < 2 or > 3)
        {
            Console.Error.WriteLine("--scaling-plot takes CSV OUTDIR [WHERE]: the CSV written by --scaling, the folder for the figures, and optionally where it was measured (shown in the subtitle).");
            return 2;
        }

        IReadOnlyList<ScalingRow> rows;
        try
        {
            rows = ScalingRow.Read(args[0]);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"CSV: {e.Message}");
            return 2;
        }

        if (!Series.Any(s => rows.Count(r => r.Series == s.Series) > 0))
        {
            Console.Error.WriteLine($"CSV: {args[0]} has no rows of the series {string.Join(" or ", Series.Select(s => s.Series))}.");
            return 2;
        }

        var where = args.Count > 2 ? args[2] : string.Empty;
        foreach (var path in Write(rows, args[1], where))
        {
            Console.WriteLine(path);
        }

        return 0;
    }

    /// <summary>Writes both figures into <paramref name="directory"/> (created if needed) and returns their paths.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<ScalingRow> rows, string directory, string where)
    {
        Directory.CreateDirectory(directory);
        var time = Path.Combine(directory, TimeFile);
        var memory = Path.Combine(directory, MemoryFile);
        Time(rows, where).SavePng(time, FigureStyle.DefaultWidth, FigureStyle.DefaultHeight);
        Memory(rows, where).SavePng(memory, FigureStyle.DefaultWidth, FigureStyle.DefaultHeight);
        return [time, memory];
    }

    /// <summary>Wall time (setup + event loop) against size, log-log.</summary>
    public static Plot Time(IReadOnlyList<ScalingRow> rows, string where) => Draw(
        rows,
        r => r.Seconds,
        "CoordSim scaling: wall time of one run against organisation size and issue count",
        where,
        "wall time of one run: organisation build + event loop (s, log scale)");

    /// <summary>Peak working set against size, log-log.</summary>
    public static Plot Memory(IReadOnlyList<ScalingRow> rows, string where) => Draw(
        rows,
        r => r.PeakMebibytes,
        "CoordSim scaling: peak memory of one run against organisation size and issue count",
        where,
        "peak working set of the process (MiB, log scale)");

    private static Plot Draw(IReadOnlyList<ScalingRow> rows, Func<ScalingRow, double> value, string title, string where, string yLabel)
    {
        var plot = FigureStyle.NewPlot();
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var (series, legend) in Series)
        {
            var points = rows.Where(r => r.Series == series).OrderBy(r => series == "people" ? r.People : r.Issues).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            var x = points.Select(r => Math.Log10(series == "people" ? r.People : r.Issues)).ToArray();
            var y = points.Select(r => Math.Log10(value(r))).ToArray();
            var scatter = plot.Add.Scatter(x, y);
            scatter.LegendText = legend;
            scatter.LineWidth = 2.5f;
            scatter.MarkerSize = 11;
            xs.AddRange(x);
            ys.AddRange(y);
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(LogTicks(xs.Min(), xs.Max()));
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(LogTicks(ys.Min(), ys.Max()));
        var subtitle = "hierarchy structure, seed 20261124, one child process per point after a 1 s warm-up, simulation on one thread";
        if (!string.IsNullOrWhiteSpace(where))
        {
            subtitle += "; measured on " + where;
        }

        FigureStyle.Apply(plot, title, subtitle, "people in the organisation, or issues handled (log scale)", yLabel, legend: false);
        plot.Legend.FontSize = FigureStyle.LegendSize;
        plot.Legend.FontName = FigureStyle.FontName;
        plot.ShowLegend(Alignment.UpperLeft);
        var padX = Math.Max(0.1, 0.05 * (xs.Max() - xs.Min()));
        var padY = Math.Max(0.1, 0.05 * (ys.Max() - ys.Min()));
        plot.Axes.SetLimits(xs.Min() - padX, xs.Max() + padX, ys.Min() - padY, ys.Max() + padY);
        return plot;
    }

    /// <summary>
    /// Ticks for an axis that shows log10 of its values: a labelled major tick at every 1, 2 and 5 ×
    /// 10^k when the range spans under three decades, else at every decade, and minor ticks at 2…9 × 10^k.
    /// </summary>
    public static Tick[] LogTicks(double min, double max)
    {
        var ticks = new List<Tick>();
        int[] labelled = max - min < 3 ? [1, 2, 5] : [1];
        for (var decade = (int)Math.Floor(min) - 1; decade <= (int)Math.Ceiling(max) + 1; decade++)
        {
            for (var k = 1; k <= 9; k++)
            {
                var position = decade + Math.Log10(k);
                if (labelled.Contains(k))
                {
                    ticks.Add(new Tick(position, Label(k * Math.Pow(10, decade)), true));
                }
                else
                {
                    ticks.Add(new Tick(position, string.Empty, false));
                }
            }
        }

        return [.. ticks];
    }

    /// <summary>A tick label in the original units, invariant culture, thousands separated by spaces: "0.05", "200", "10 000".</summary>
    public static string Label(double value) => value >= 1000
        ? value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ')
        : value.ToString("0.####", CultureInfo.InvariantCulture);
}
