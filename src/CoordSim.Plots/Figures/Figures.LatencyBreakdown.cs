using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

public static partial class Figures
{
    /// <summary>
    /// Fill colours of the latency components (queueing, service, meeting wait, transmission, consultation): five of
    /// Paul Tol's colour-blind-safe "light" scheme (light blue, orange, light yellow, mint, pale grey; P. Tol, "Colour
    /// Schemes", SRON/EPS/TN/09-002, 2021), pale fills that do not read as a structure's (saturated Okabe-Ito) outline.
    /// Every pair stays at least 14 CIELAB ΔE apart under simulated protanopia, deuteranopia and tritanopia.
    /// </summary>
    public static readonly IReadOnlyList<Color> ComponentColors =
    [
        new(0x77, 0xAA, 0xDD),
        new(0xEE, 0x88, 0x66),
        new(0xEE, 0xDD, 0x88),
        new(0x44, 0xBB, 0x99),
        new(0xDD, 0xDD, 0xDD),
    ];

    /// <summary>
    /// Where the latency goes, per structure at one design point: stacked bars of the mean days
    /// on the critical path spent queueing, in service, waiting for a meeting and in transmission
    /// (they add up to the mean latency, written above each bar). Bars are outlined in the
    /// structure's colour; components are filled with <see cref="ComponentColors"/>. A bar whose row had runs without a
    /// steady state has a black ✕ above its total (<see cref="UnstableMarks"/>); the subtitle
    /// counts them, or says the results do not record stability, and gives the range of the
    /// issues pending at the end (the bars are over the resolved issues only).
    /// </summary>
    /// <param name="summary">The summary results.</param>
    /// <param name="pointId">The design point.</param>
    public static Plot LatencyBreakdown(SummaryTable summary, int pointId)
    {
        ArgumentNullException.ThrowIfNull(summary);
        foreach (var component in LatencyComponents)
        {
            summary.RequireMeasure(component);
        }

        var rows = PointRows(summary, pointId);
        var structures = StructuresOf(summary, rows).ToArray();
        var plot = FigureStyle.NewPlot();
        var bars = new List<Bar>();
        var drawn = new List<(SummaryRow Row, Coordinates Top, ScottPlot.Plottables.Text Label)>();
        for (var i = 0; i < structures.Length; i++)
        {
            var row = rows.First(r => r.Structure == structures[i]);
            var outline = StructurePalette.ColorOf(structures[i], summary.Structures);
            var bottom = 0.0;
            for (var c = 0; c < LatencyComponents.Count; c++)
            {
                var value = row.Measures[LatencyComponents[c]].Mean;
                if (!double.IsFinite(value))
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = i,
                    ValueBase = bottom,
                    Value = bottom + value,
                    FillColor = ComponentColors[c],
                    LineColor = outline,
                    LineWidth = 3,
                    Size = 0.6,
                });
                bottom += value;
            }

            var total = row.Measures.TryGetValue("latencyMeanResolved", out var mean) && double.IsFinite(mean.Mean) ? mean.Mean : bottom;
            if (bottom <= 0 && !double.IsFinite(mean.Mean))
            {
                continue;
            }

            var label = plot.Add.Text(Format(total), i, bottom);
            label.LabelFontSize = FigureStyle.DataLabelSize;
            label.LabelFontName = FigureStyle.FontName;
            label.LabelBold = true;
            label.LabelAlignment = Alignment.LowerCenter;
            label.OffsetY = -4;
            drawn.Add((row, new Coordinates(i, bottom), label));
        }

        plot.Add.Bars(bars);
        var stability = Stability(summary, drawn.Select(d => d.Row), "bar", latency: true);
        var marks = MarkUnstable(plot, drawn.Where((_, i) => stability.Unstable[i]).Select(d => d.Top), legend: false);
        if (marks is not null)
        {
            // Above the total: its offset, its height and a gap of 4 px.
            using var paint = Paint.NewDisposablePaint();
            var height = drawn.Max(d => d.Label.LabelStyle.Measure(d.Label.LabelText, paint).Height);
            marks.OffsetY = -(4 + height + 4 + (marks.Size / 2));
        }

        for (var c = 0; c < LatencyComponents.Count; c++)
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = ComponentName(LatencyComponents[c]),
                FillColor = ComponentColors[c],
                OutlineColor = Colors.Black,
                OutlineWidth = 1,
            });
        }

        if (marks is not null)
        {
            AddUnstableLegend(plot);
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, structures.Length).Select(i => (double)i).ToArray(), structures);
        plot.Axes.Margins(bottom: 0, top: marks is null ? 0.12 : 0.22);
        FigureStyle.Apply(plot,
            $"{summary.Scenario.Name}: where the latency goes",
            Subtitle(summary, stability, PointText(summary, pointId), $"mean days on the critical path of the resolved issues ({Replications(rows)} replications); totals above the bars are the mean latency of the resolved issues"),
            "structure",
            "mean latency (days)");
        return plot;
    }

    private static string ComponentName(string measure) => measure switch
    {
        "latencyQueueingResolved" => "queueing",
        "latencyServiceResolved" => "service",
        "latencyMeetingWaitResolved" => "meeting wait",
        "latencyTransmissionResolved" => "transmission",
        "latencyConsultationResolved" => "consultation",
        _ => measure,
    };
}
