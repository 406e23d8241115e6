using System.Text;
using CoordSim.Plots.Results;

namespace CoordSim.Plots;

/// <summary>
/// The default figures of a results folder, written into its <c>figures/</c> folder:
/// <list type="bullet">
/// <item>for each measure (latencyRestrictedMean, distortionRms, responsibilityEffectiveCount and blamePrecision by default) and
/// each varied parameter: the measure against the parameter, one figure per combination of the
/// other varied parameters (<c>M-vs-P--Q=v.png</c>), or one pooled figure when there are more
/// than <see cref="FigureOptions.MaxSlices"/> combinations;</item>
/// <item>with two or more varied parameters, for each measure: a heatmap over the first two
/// (per combination of the others, when the design is a grid);</item>
/// <item>when the manifest says the design is one-at-a-time, for each measure instead of the above: the measure
/// against each factor with the other factors at their base values (<c>M-vs-P.png</c>), the sensitivity
/// panels (<c>sensitivity-M.png</c>, <see cref="Figures.SensitivityPanels"/>) and, when
/// <see cref="MeasureDirection"/> declares whether lower or higher is better, the map of the best
/// structure per factor value (<c>winners-M.png</c>, <see cref="Figures.WinnerMap"/>);</item>
/// <item>when the manifest says the design is morris or sobol, for each measure instead of all the above: the indices of
/// sensitivity.csv, Morris's μ* against σ (<c>morris-M.png</c>, <see cref="Figures.MorrisScreening"/>) or Sobol's S1 and
/// ST (<c>sobol-M.png</c>, <see cref="Figures.SobolIndices"/>), and, when sensitivity-convergence.csv has the measure at
/// two or more sample sizes, their convergence (<c>sensitivity-convergence-M.png</c>,
/// <see cref="Figures.SensitivityConvergence"/>). Not the measure against each varied parameter: with every factor
/// sampled at once, each figure would pool all the others into a cloud (and a screening varies dozens). A shard's folder
/// and results in memory have no indices, and get none of these;</item>
/// <item>at one design point: the latency ECDF and histogram when issues.csv holds resolved issues there
/// (<c>latency-ecdf-pointP.png</c>, <c>latency-histogram-pointP.png</c>), else the run-level latency quantiles with
/// their CIs (<c>latency-quantiles-pointP.png</c>, <see cref="Figures.LatencyQuantilePlot"/>); and the latency breakdown;</item>
/// <item>when the folder holds timeseries.csv, the backlog over time at that point (<c>backlog-over-time-pointP.png</c>, <see cref="Figures.BacklogOverTime(ResultsFolder, int)"/>);</item>
/// <item>the trade-offs latencyRestrictedMean vs distortionRms and vs responsibilityEffectiveCount.</item>
/// </list>
/// For a morris or sobol design the figures of one point (latency distribution, breakdown, backlog over time) are drawn
/// only when <see cref="FigureOptions.PointId"/> names a point: the design's points are samples of the parameter space,
/// and its first is no more telling than any other. Its trade-offs are not drawn: they would pool every sample of every
/// factor, each point labelled with all the factors' values.
/// </summary>
public static class FigureSet
{
    /// <summary>
    /// Reads the results folder, draws the default figures and writes each in every format into
    /// <c>DIR/figures/</c>; returns the files written, in order. Every figure is drawn before any
    /// file is written, and each file is written to a temporary name and then renamed, so a
    /// failure leaves no half-written figure.
    /// </summary>
    /// <param name="resultsDirectory">The results folder.</param>
    /// <param name="formats">Formats to write; null for PNG and SVG.</param>
    /// <param name="options">Size, measures, design point; null for <see cref="FigureOptions.Default"/>.</param>
    /// <exception cref="ResultsFormatException">The folder, a file or a column is missing, or the results are empty.</exception>
    /// <exception cref="ArgumentException">An option names an unknown measure or point, or a size is out of range.</exception>
    public static IReadOnlyList<string> WriteDefaults(string resultsDirectory, IEnumerable<FigureFormat>? formats = null, FigureOptions? options = null)
    {
        var results = ResultsFolder.Load(resultsDirectory);
        return WriteDefaults(results, formats, options);
    }

    /// <summary>Draws the default figures of loaded results and writes them into <c>figures/</c>; see <see cref="WriteDefaults(string, IEnumerable{FigureFormat}?, FigureOptions?)"/>.</summary>
    /// <exception cref="InvalidOperationException">The results were built in memory (<see cref="ResultsFolder.IsInMemory"/>): there is no folder to write into; nothing is drawn.</exception>
    public static IReadOnlyList<string> WriteDefaults(ResultsFolder results, IEnumerable<FigureFormat>? formats = null, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var folder = results.FiguresDirectory;
        options ??= FigureOptions.Default;
        options.Validate();
        var chosen = (formats ?? [FigureFormat.Png, FigureFormat.Svg]).Distinct().ToArray();
        if (chosen.Length == 0)
        {
            throw new ArgumentException("No figure format was given: choose png, svg or both.", nameof(formats));
        }

        var figures = Defaults(results, options);
        if (figures.Count == 0)
        {
            // Nothing to draw (a shard of a morris or sobol sweep): no empty figures/ folder either.
            return [];
        }

        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var figure in figures)
        {
            FigureStyle.Fit(figure.Plot, options.Width, options.Height);
            foreach (var format in chosen)
            {
                var extension = format == FigureFormat.Png ? ".png" : ".svg";
                var path = Path.Combine(folder, figure.Name + extension);
                var temporary = Path.Combine(folder, $".{figure.Name}{extension}.tmp");
                try
                {
                    if (format == FigureFormat.Png)
                    {
                        figure.Plot.SavePng(temporary, options.Width, options.Height);
                    }
                    else
                    {
                        figure.Plot.SaveSvg(temporary, options.Width, options.Height);
                    }

                    File.Move(temporary, path, overwrite: true);
                }
                finally
                {
                    if (File.Exists(temporary))
                    {
                        File.Delete(temporary);
                    }
                }

                written.Add(path);
            }
        }

        return written;
    }

    /// <summary>
    /// The bytes of <paramref name="figure"/> in <paramref name="format"/> (PNG image, or SVG text in UTF-8) at the size of
    /// <paramref name="options"/> (null for <see cref="FigureOptions.Default"/>), laid out as <see cref="WriteDefaults(ResultsFolder, IEnumerable{FigureFormat}?, FigureOptions?)"/>
    /// lays out the files it writes; nothing is written.
    /// </summary>
    /// <exception cref="ArgumentException">A size is out of range.</exception>
    public static byte[] Render(NamedFigure figure, FigureFormat format = FigureFormat.Png, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        options ??= FigureOptions.Default;
        options.Validate();
        FigureStyle.Fit(figure.Plot, options.Width, options.Height);
        return format switch
        {
            FigureFormat.Png => figure.Plot.GetImageBytes(options.Width, options.Height, ScottPlot.ImageFormat.Png),
            FigureFormat.Svg => Encoding.UTF8.GetBytes(figure.Plot.GetSvgXml(options.Width, options.Height)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "A figure format is png or svg."),
        };
    }

    /// <summary>
    /// The default figures of loaded results, or of results built in memory (<see cref="ResultsFolder.FromRows"/>), named,
    /// without writing them (to tweak them in a notebook first, or to render them with <see cref="Render"/>).
    /// </summary>
    public static IReadOnlyList<NamedFigure> Defaults(ResultsFolder results, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        options ??= FigureOptions.Default;
        options.Validate();
        var summary = results.Summary;
        var measures = options.Measures ?? Figures.DefaultMeasures.Where(summary.Measures.Contains).ToArray();
        foreach (var measure in measures)
        {
            summary.RequireMeasure(measure);
        }

        var point = options.PointId ?? summary.PointIds[0];
        var figures = new List<NamedFigure>();
        var varied = summary.Scenario.VariedParameters;
        var oneAtATime = results.Manifest.IsOneAtATime ? OneAtATimeResults.From(results) : null;
        var global = results.Manifest.IsGlobalSensitivity;
        foreach (var measure in measures)
        {
            if (global)
            {
                // Morris or sobol: the indices, not the measure against each of (perhaps 70) sampled parameters, whose
                // points are pooled over all the others; a shard's folder, or results in memory, have no indices.
                if (results.HasSensitivity)
                {
                    figures.Add(results.Manifest.IsMorris
                        ? new($"morris-{measure}", Figures.MorrisScreening(results, measure))
                        : new($"sobol-{measure}", Figures.SobolIndices(results, measure)));
                }

                if (Figures.HasConvergence(results, measure))
                {
                    figures.Add(new($"sensitivity-convergence-{measure}", Figures.SensitivityConvergence(results, measure)));
                }

                continue;
            }

            if (oneAtATime is not null)
            {
                // One factor at a time: each factor against its values with every other factor at its base value (the
                // only combinations the design ran); no slices over the others and no heatmap, whose cells would be
                // mostly empty.
                foreach (var factor in oneAtATime.Factors)
                {
                    var atBase = oneAtATime.Factors.Where(f => f.Name != factor.Name).ToDictionary(f => f.Name, f => f.BaseValue, StringComparer.Ordinal);
                    figures.Add(new($"{measure}-vs-{FileSafe(factor.Name)}", Figures.MeasureVsParameter(summary, measure, factor.Name, atBase)));
                }

                figures.Add(new($"sensitivity-{measure}", Figures.SensitivityPanels(results, measure)));
                if (MeasureDirection.Find(measure) is not null)
                {
                    figures.Add(new($"winners-{measure}", Figures.WinnerMap(results, measure)));
                }

                continue;
            }

            foreach (var parameter in varied)
            {
                var slices = summary.Slices(parameter);
                if (slices.Count <= options.MaxSlices)
                {
                    foreach (var slice in slices)
                    {
                        figures.Add(new($"{measure}-vs-{FileSafe(parameter)}{SliceSuffix(slice)}", Figures.MeasureVsParameter(summary, measure, parameter, slice)));
                    }
                }
                else
                {
                    figures.Add(new($"{measure}-vs-{FileSafe(parameter)}", Figures.MeasureVsParameter(summary, measure, parameter)));
                }
            }

            if (varied.Count >= 2)
            {
                var (x, y) = (varied[0], varied[1]);
                var slices = summary.Slices(x, y);
                if (slices.Count <= options.MaxSlices && slices.All(s => IsGrid(summary, s, x, y)))
                {
                    foreach (var slice in slices)
                    {
                        figures.Add(new($"heatmap-{measure}-{FileSafe(x)}-{FileSafe(y)}{SliceSuffix(slice)}", Figures.Heatmap(summary, measure, x, y, slice)));
                    }
                }
            }

        }

        // A morris or sobol design's points are samples of the parameter space: its first point is no more telling than
        // any other, so the figures of one point are drawn only at a point asked for, and a trade-off would pool every
        // sample, each labelled with every factor's value.
        if (global && options.PointId is null)
        {
            return figures;
        }

        // The ECDF and histogram only from every resolved issue (issues.csv); without it, the run-level quantiles as a
        // quantile interval plot, never joined into a curve (a spec's "measures" may leave them out too).
        if (Figures.HasIssueLatencies(results, point))
        {
            figures.Add(new($"latency-ecdf-point{point}", Figures.LatencyEcdf(results, point)));
            figures.Add(new($"latency-histogram-point{point}", Figures.LatencyHistogram(results, point)));
        }
        else if (Figures.HasLatencyQuantiles(summary))
        {
            figures.Add(new($"latency-quantiles-point{point}", Figures.LatencyQuantilePlot(summary, point)));
        }

        if (Figures.LatencyComponents.All(summary.Measures.Contains))
        {
            figures.Add(new($"latency-breakdown-point{point}", Figures.LatencyBreakdown(summary, point)));
        }

        if (results.HasTimeSeries)
        {
            figures.Add(new($"backlog-over-time-point{point}", Figures.BacklogOverTime(results, point)));
        }

        foreach (var other in new[] { "distortionRms", "responsibilityEffectiveCount" })
        {
            if (!global && summary.Measures.Contains("latencyRestrictedMean") && summary.Measures.Contains(other))
            {
                figures.Add(new($"tradeoff-latencyRestrictedMean-{other}", Figures.TradeOff(summary, "latencyRestrictedMean", other)));
            }
        }

        return figures;
    }

    /// <summary>True when, within the slice, each structure has at most one row per (x, y) value pair.</summary>
    private static bool IsGrid(SummaryTable summary, IReadOnlyDictionary<string, string> slice, string x, string y) =>
        summary.Where(slice)
            .GroupBy(r => (r.Structure, r.Parameters[x], r.Parameters[y]))
            .All(g => g.Count() == 1);

    /// <summary>
    /// A parameter's name as it appears in a file name: a body design field's brackets dropped
    /// (<c>bodies[0].collectivity</c> becomes <c>bodies0.collectivity</c>, which a shell does not read as a pattern),
    /// any other character outside letters, digits, '.', '-' and '_' replaced by '_'.
    /// </summary>
    internal static string FileSafe(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '[' or ']')
            {
                continue;
            }

            text.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        return text.ToString();
    }

    /// <summary>"--a=1_b=x" for a slice (characters unsafe in file names become '_'); "" for no slice.</summary>
    internal static string SliceSuffix(IReadOnlyDictionary<string, string> slice)
    {
        if (slice.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("--");
        foreach (var (name, value) in slice)
        {
            if (text.Length > 2)
            {
                text.Append('_');
            }

            text.Append(FileSafe(name)).Append('=');
            foreach (var c in value)
            {
                text.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_');
            }
        }

        return text.ToString();
    }
}
