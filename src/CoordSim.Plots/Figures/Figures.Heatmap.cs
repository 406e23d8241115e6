using CoordSim.Plots.Results;
using ScottPlot;

namespace CoordSim.Plots;

public static partial class Figures
{
    /// <summary>
    /// A measure's mean over two varied parameters: one heatmap panel per structure, side by side
    /// on one plot, with one colour scale shared by all panels and a labelled colour bar. Cells
    /// are labelled with their value when a panel has at most 64 cells; combinations without a
    /// result are grey. A cell whose row had runs without a steady state has a black ✕ in its
    /// top-right corner (<see cref="UnstableMarks"/>, explained by a legend below the figure); the
    /// subtitle counts them, or says the results do not record stability, and for a latency
    /// measure (<see cref="IsLatencyMeasure"/>) gives the range of the issues pending at the end.
    /// </summary>
    /// <param name="summary">The summary results.</param>
    /// <param name="measure">The measure coloured.</param>
    /// <param name="xParameter">The parameter across each panel.</param>
    /// <param name="yParameter">The parameter up each panel.</param>
    /// <param name="at">Values of the other varied parameters to hold fixed; required when others vary.</param>
    /// <exception cref="ArgumentException">Unknown measure or parameters, the same parameter twice, or other parameters vary and are not fixed by <paramref name="at"/>.</exception>
    /// <exception cref="ResultsFormatException">The measure is known but its columns are missing from summary.csv.</exception>
    public static Plot Heatmap(SummaryTable summary, string measure, string xParameter, string yParameter, IReadOnlyDictionary<string, string>? at = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        summary.RequireMeasure(measure);
        summary.RequireParameter(xParameter);
        summary.RequireParameter(yParameter);
        if (xParameter == yParameter)
        {
            throw new ArgumentException($"A heatmap needs two different parameters; both are '{xParameter}'.", nameof(yParameter));
        }

        var rows = Select(summary, at);
        var unfixed = Unfixed(summary, rows, [xParameter, yParameter, .. at?.Keys ?? []]);
        if (unfixed.Length > 0)
        {
            var values = string.Join("; ", unfixed.Select(p => $"{p}: {string.Join(", ", ParameterValues.Order(p, rows.Select(r => r.Parameters[p])))}"));
            throw new ArgumentException(
                $"A heatmap of {xParameter} and {yParameter} needs the other varied parameters held fixed; give a value for each of {string.Join(", ", unfixed)} ({values}).",
                nameof(at));
        }

        var xAxis = ParameterAxis.For(xParameter, rows.Select(r => r.Parameters[xParameter]));
        var yAxis = ParameterAxis.For(yParameter, rows.Select(r => r.Parameters[yParameter]));
        var (nx, ny) = (xAxis.Values.Count, yAxis.Values.Count);
        var structures = StructuresOf(summary, rows).ToArray();
        var grids = structures.Select(s => Grid(rows, s, measure, xAxis, yAxis)).ToArray();
        var finite = grids.SelectMany(g => g.Cast<double>()).Where(double.IsFinite).ToArray();
        var range = finite.Length == 0 ? new ScottPlot.Range(0, 1) : new ScottPlot.Range(finite.Min(), finite.Max());
        if (range.Max <= range.Min)
        {
            var pad = Math.Max(Math.Abs(range.Min) * 0.01, 1e-9);
            range = new ScottPlot.Range(range.Min - pad, range.Max + pad);
        }

        var plot = FigureStyle.NewPlot();
        var gap = 0.6;
        var colormap = new ScottPlot.Colormaps.Viridis();
        ScottPlot.Plottables.Heatmap? first = null;
        var xTicks = new List<Tick>();
        for (var k = 0; k < structures.Length; k++)
        {
            var left = k * (nx + gap);
            var heatmap = plot.Add.Heatmap(grids[k]);
            heatmap.Rectangle = new CoordinateRect(left, left + nx, 0, ny);
            heatmap.ManualRange = range;
            heatmap.Colormap = colormap;
            heatmap.NaNCellColor = Colors.LightGray;
            heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();
            first ??= heatmap;

            var title = plot.Add.Text(structures[k], left + nx / 2.0, ny + 0.08);
            title.LabelFontSize = FigureStyle.AxisLabelSize;
            title.LabelBold = true;
            title.LabelFontColor = StructurePalette.ColorOf(structures[k], summary.Structures);
            title.LabelFontName = FigureStyle.FontName;
            title.LabelAlignment = Alignment.LowerCenter;

            for (var i = 0; i < nx; i++)
            {
                xTicks.Add(new Tick(left + i + 0.5, xAxis.Values[i], true));
            }

            if (nx * ny <= 64)
            {
                LabelCells(plot, grids[k], left, ny, range, colormap);
            }
        }

        var cells = structures
            .SelectMany((structure, k) => rows.Where(r => r.Structure == structure).Select(r => (Row: r, Left: (k * (nx + gap)) + xAxis.IndexOf(r.Parameters[xParameter]), Bottom: (double)yAxis.IndexOf(r.Parameters[yParameter]))))
            .ToArray();
        var stability = Stability(summary, cells.Select(c => c.Row), "cell", IsLatencyMeasure(measure));
        var marks = MarkUnstable(plot, cells.Where((_, i) => stability.Unstable[i]).Select(c => UnstableMarks.CornerOf(c.Left, c.Left + 1, c.Bottom, c.Bottom + 1)));
        if (marks is not null)
        {
            marks.Cell = (1, 1);
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xTicks.ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, ny).Select(j => new Tick(j + 0.5, yAxis.Values[j], true)).ToArray());
        plot.HideGrid();
        plot.Axes.SetLimits(-0.1, structures.Length * (nx + gap) - gap + 0.1, 0, ny + 0.6);

        var colorBar = plot.Add.ColorBar(first!);
        var fixedHere = Describe(at);
        FigureStyle.Apply(plot,
            $"{summary.Scenario.Name}: {FigureStyle.MeasureName(measure)} by {FigureStyle.ParameterName(xParameter)} and {FigureStyle.ParameterName(yParameter)}",
            Subtitle(summary, stability, $"mean over replications ({Replications(rows)}), one colour scale for all structures", fixedHere.Length == 0 ? null : fixedHere),
            FigureStyle.ParameterLabel(xParameter),
            FigureStyle.ParameterLabel(yParameter),
            legend: marks is not null,
            legendBelow: true);

        // The colour bar sizes its panel for default-size tick labels; the padding keeps its title clear of 15 pt ones.
        colorBar.Axis.Label.Text = FigureStyle.MeasureLabel(measure);
        colorBar.Axis.Label.FontSize = FigureStyle.AxisLabelSize;
        colorBar.Axis.Label.FontName = FigureStyle.FontName;
        colorBar.Axis.Label.Bold = true;
        colorBar.Axis.TickLabelStyle.FontSize = FigureStyle.TickLabelSize;
        colorBar.Axis.TickLabelStyle.FontName = FigureStyle.FontName;
        if (colorBar.Axis is ScottPlot.AxisPanels.AxisBase colorAxis)
        {
            colorAxis.PaddingBetweenTickAndAxisLabels = new PixelPadding(20);
        }

        return plot;
    }

    /// <summary>The means of one structure as a grid: row 0 is the top (largest y value), column 0 the smallest x value; NaN where there is no result.</summary>
    private static double[,] Grid(IReadOnlyList<SummaryRow> rows, string structure, string measure, ParameterAxis x, ParameterAxis y)
    {
        var (nx, ny) = (x.Values.Count, y.Values.Count);
        var grid = new double[ny, nx];
        for (var j = 0; j < ny; j++)
        {
            for (var i = 0; i < nx; i++)
            {
                grid[j, i] = double.NaN;
            }
        }

        foreach (var row in rows.Where(r => r.Structure == structure))
        {
            var i = x.IndexOf(row.Parameters[x.Parameter]);
            var j = y.IndexOf(row.Parameters[y.Parameter]);
            grid[ny - 1 - j, i] = row.Measures[measure].Mean;
        }

        return grid;
    }

    private static void LabelCells(Plot plot, double[,] grid, double left, int ny, ScottPlot.Range range, IColormap colormap)
    {
        for (var r = 0; r < grid.GetLength(0); r++)
        {
            for (var c = 0; c < grid.GetLength(1); c++)
            {
                var value = grid[r, c];
                if (!double.IsFinite(value))
                {
                    continue;
                }

                var cell = colormap.GetColor(range.Normalize(value, true));
                var text = plot.Add.Text(Format(value), left + c + 0.5, ny - r - 0.5);
                text.LabelFontSize = FigureStyle.DataLabelSize;
                text.LabelFontName = FigureStyle.FontName;
                text.LabelFontColor = cell.Luminance > 0.5 ? Colors.Black : Colors.White;
                text.LabelAlignment = Alignment.MiddleCenter;
            }
        }
    }
}
