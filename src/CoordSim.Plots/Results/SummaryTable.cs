using CoordSim.Experiments;
using CoordSim.Metrics;

namespace CoordSim.Plots.Results;

/// <summary>
/// <c>summary.csv</c> as typed rows: per design point and structure, the parameter values and
/// each measure's mean, sd and 95% CI. Knows the structures, the measures present, the varied
/// parameters and the scenario the figures' titles name.
/// </summary>
public sealed class SummaryTable
{
    /// <summary>Suffixes of the four columns each measure M has: M_mean, M_sd, M_ciLow, M_ciHigh.</summary>
    public static readonly IReadOnlyList<string> StatSuffixes = ResultsFormat.StatisticSuffixes;

    private static readonly string[] Fixed = [.. ResultsFormat.SummaryKeys, .. ResultsFormat.SummaryCounts];

    private SummaryTable(CsvTable table, SummaryRow[] rows, string[] structures, string[] measures, string[] parameters, Scenario scenario)
    {
        Table = table;
        Rows = rows;
        Structures = structures;
        Measures = measures;
        ParameterColumns = parameters;
        Scenario = scenario;
    }

    /// <summary>The file as a generic table (every column, as text).</summary>
    public CsvTable Table { get; }

    /// <summary>The file read.</summary>
    public string FilePath => Table.FilePath;

    /// <summary>Every row, in file order.</summary>
    public IReadOnlyList<SummaryRow> Rows { get; }

    /// <summary>The structures: the manifest's order first, then others in order of appearance.</summary>
    public IReadOnlyList<string> Structures { get; }

    /// <summary>The measures that have all four columns, in file order.</summary>
    public IReadOnlyList<string> Measures { get; }

    /// <summary>The parameter columns, in file order.</summary>
    public IReadOnlyList<string> ParameterColumns { get; }

    /// <summary>The scenario: name, varied parameters and non-default fixed parameters.</summary>
    public Scenario Scenario { get; }

    /// <summary>The design points present, ascending.</summary>
    public IReadOnlyList<int> PointIds => Rows.Select(r => r.PointId).Distinct().Order().ToArray();

    /// <summary>
    /// Reads <paramref name="path"/>. Throws <see cref="ResultsFormatException"/> naming the file and
    /// column when a required column (pointId, structure, n, or one of a measure's four) is missing,
    /// when there are no rows, or when a value is malformed.
    /// </summary>
    /// <param name="path">The summary.csv file.</param>
    /// <param name="manifest">The manifest, for the scenario's name, the varied parameters and the structure order (optional).</param>
    public static SummaryTable Load(string path, Manifest? manifest = null) => From(CsvTable.Load(path), manifest);

    /// <summary>
    /// The summary of runs in memory, <paramref name="rows"/> of <paramref name="plan"/> (from
    /// <see cref="Sweep.Rows(ExperimentSpec, int, CancellationToken)"/> or <see cref="SweepOptions.OnRow"/>): exactly what a
    /// sweep of them writes to summary.csv (<see cref="RunSummary"/>, the code the sweep writes it with), read as
    /// <see cref="Load"/> reads the file, with the plan's manifest (<see cref="Manifest.Of"/>) for the scenario. Nothing is written.
    /// </summary>
    /// <exception cref="ResultsFormatException">There are no rows.</exception>
    /// <exception cref="ArgumentException">A row is not a run of the plan.</exception>
    public static SummaryTable FromRows(ExperimentPlan plan, IEnumerable<RunRow> rows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        return From(CsvTable.InMemory(ResultsFormat.SummaryFile, RunSummary.ColumnsOf(plan), RunSummary.Of(plan, rows)), Manifest.Of(plan));
    }

    /// <summary>Reads a summary table, from a file or from memory.</summary>
    internal static SummaryTable From(CsvTable table, Manifest? manifest)
    {
        var path = table.FilePath;
        var pointColumn = table.IndexOf(ResultsFormat.PointId);
        var structureColumn = table.IndexOf(ResultsFormat.Structure);
        var nColumn = table.IndexOf(ResultsFormat.Runs);
        var unstableColumn = table.Columns.ToList().IndexOf(ResultsFormat.UnstableRuns);

        var measures = new List<string>();
        var statColumns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in table.Columns)
        {
            if (!column.EndsWith(ResultsFormat.MeanSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var measure = column[..^ResultsFormat.MeanSuffix.Length];
            foreach (var suffix in StatSuffixes)
            {
                table.IndexOf(measure + suffix, $"the summary of measure '{measure}', which has a '{column}' column");
                statColumns.Add(measure + suffix);
            }

            measures.Add(measure);
        }

        var orphan = table.Columns.FirstOrDefault(c => !statColumns.Contains(c) && StatSuffixes.Skip(1).Any(s => c.EndsWith(s, StringComparison.Ordinal)));
        if (orphan is not null)
        {
            var measure = orphan[..orphan.LastIndexOf('_')];
            table.IndexOf(ResultsFormat.StatisticColumn(measure, ResultsFormat.MeanSuffix), $"the summary of measure '{measure}', which has a '{orphan}' column");
        }

        var parameters = table.Columns.Where(c => !Fixed.Contains(c) && !statColumns.Contains(c)).ToArray();
        table.RequireRows();

        var rows = new SummaryRow[table.RowCount];
        var parameterIndexes = parameters.Select(p => table.IndexOf(p)).ToArray();
        var measureIndexes = measures.Select(m => StatSuffixes.Select(s => table.IndexOf(m + s)).ToArray()).ToArray();
        var seen = new HashSet<(int, string)>();
        for (var r = 0; r < rows.Length; r++)
        {
            var point = FieldParser.Index(table.Text(r, pointColumn), path, ResultsFormat.PointId, table.LineOf(r));
            var structure = FieldParser.Name(table.Text(r, structureColumn), path, ResultsFormat.Structure, table.LineOf(r));
            var n = FieldParser.Index(table.Text(r, nColumn), path, ResultsFormat.Runs, table.LineOf(r));
            if (!seen.Add((point, structure)))
            {
                throw new ResultsFormatException(
                    $"{table.FileName} ('{path}') line {table.LineOf(r)}: point {point} and structure '{structure}' appear twice; summary.csv has one row per (pointId, structure).",
                    path, ResultsFormat.Structure, table.LineOf(r));
            }

            var values = new Dictionary<string, string>(parameters.Length, StringComparer.Ordinal);
            for (var p = 0; p < parameters.Length; p++)
            {
                values[parameters[p]] = table.Text(r, parameterIndexes[p]);
            }

            var stats = new Dictionary<string, MeasureStats>(measures.Count, StringComparer.Ordinal);
            for (var m = 0; m < measures.Count; m++)
            {
                var c = measureIndexes[m];
                stats[measures[m]] = new MeasureStats(table.Number(r, c[0]), table.Number(r, c[1]), table.Number(r, c[2]), table.Number(r, c[3]));
            }

            rows[r] = new SummaryRow(point, structure, values, n, stats)
            {
                UnstableRuns = unstableColumn >= 0 ? FieldParser.Index(table.Text(r, unstableColumn), path, ResultsFormat.UnstableRuns, table.LineOf(r)) : 0,
            };
        }

        var structures = OrderStructures(rows.Select(r => r.Structure), manifest);
        var varied = FindVaried(table, rows, parameters, manifest);
        var scenario = new Scenario(SpecName(path, manifest), varied, FindFixed(rows, parameters, varied));
        return new SummaryTable(table, rows, structures, measures.ToArray(), parameters, scenario);
    }

    /// <summary>
    /// Checks that <paramref name="measure"/> can be plotted: throws <see cref="ArgumentException"/>
    /// when the name is not a measure at all, and <see cref="ResultsFormatException"/> naming the
    /// file and the missing column when it is a known measure without its columns here.
    /// </summary>
    public void RequireMeasure(string measure)
    {
        if (Measures.Contains(measure))
        {
            return;
        }

        if (MeasureCatalog.Find(measure) is not null)
        {
            Table.IndexOf(ResultsFormat.StatisticColumn(measure, ResultsFormat.MeanSuffix), $"the measure '{measure}'");
        }

        throw new ArgumentException(
            $"'{measure}' is not a measure of these results; measures in {Table.FileName}: {string.Join(", ", Measures)}.", nameof(measure));
    }

    /// <summary>Checks that <paramref name="parameter"/> is a parameter column; throws <see cref="ArgumentException"/> listing the varied parameters otherwise.</summary>
    public void RequireParameter(string parameter)
    {
        if (!ParameterColumns.Contains(parameter))
        {
            var varied = Scenario.VariedParameters.Count == 0 ? "none" : string.Join(", ", Scenario.VariedParameters);
            throw new ArgumentException(
                $"'{parameter}' is not a parameter column of {Table.FileName}; parameters varied in these results: {varied}.", nameof(parameter));
        }
    }

    /// <summary>The mean, sd and CI of <paramref name="measure"/> in <paramref name="row"/>.</summary>
    public MeasureStats Get(SummaryRow row, string measure)
    {
        RequireMeasure(measure);
        return row.Measures[measure];
    }

    /// <summary>The distinct values of <paramref name="parameter"/>, numerically ascending when all are numbers, else in the parameter's allowed order or order of appearance.</summary>
    public IReadOnlyList<string> Values(string parameter)
    {
        RequireParameter(parameter);
        return ParameterValues.Order(parameter, Rows.Select(r => r.Parameters[parameter]));
    }

    /// <summary>The rows whose parameters equal every value in <paramref name="at"/> (all rows when null or empty); throws <see cref="ArgumentException"/> on an unknown parameter.</summary>
    public IReadOnlyList<SummaryRow> Where(IReadOnlyDictionary<string, string>? at)
    {
        if (at is null || at.Count == 0)
        {
            return Rows;
        }

        foreach (var name in at.Keys)
        {
            RequireParameter(name);
        }

        return Rows.Where(r => at.All(kv => ParameterValues.Same(r.Parameters[kv.Key], kv.Value))).ToArray();
    }

    /// <summary>
    /// Every combination of values that the varied parameters other than <paramref name="except"/>
    /// take together in the rows, in order of appearance sorted by value: the slices that
    /// hold all varied parameters but the excepted ones fixed.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Slices(params string[] except)
    {
        var others = Scenario.VariedParameters.Where(p => !except.Contains(p)).ToArray();
        var combos = Rows
            .Select(r => others.Select(p => r.Parameters[p]).ToArray())
            .DistinctBy(values => string.Join("\u001f", values))
            .ToList();
        var orders = others.Select(p => Values(p).ToList()).ToArray();
        combos.Sort((a, b) =>
        {
            for (var i = 0; i < a.Length; i++)
            {
                var c = orders[i].IndexOf(a[i]).CompareTo(orders[i].IndexOf(b[i]));
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        });
        return combos
            .Select(values => (IReadOnlyDictionary<string, string>)others.Select((p, i) => new KeyValuePair<string, string>(p, values[i]))
                .ToDictionary(StringComparer.Ordinal))
            .ToArray();
    }

    private static string[] OrderStructures(IEnumerable<string> names, Manifest? manifest)
    {
        var present = names.Distinct(StringComparer.Ordinal).ToList();
        var ordered = (manifest?.Structures ?? []).Where(present.Contains).Distinct(StringComparer.Ordinal).ToList();
        ordered.AddRange(present.Where(s => !ordered.Contains(s)));
        return ordered.ToArray();
    }

    private static string[] FindVaried(CsvTable table, SummaryRow[] rows, string[] parameters, Manifest? manifest)
    {
        var varied = new List<string>();
        foreach (var name in manifest?.VariedParameters ?? [])
        {
            table.IndexOf(name, $"the parameter '{name}', which {ResultFiles.Manifest} lists as varied");
            if (!varied.Contains(name))
            {
                varied.Add(name);
            }
        }

        foreach (var name in parameters)
        {
            if (!varied.Contains(name) && rows.Select(r => r.Parameters[name]).Distinct(StringComparer.Ordinal).Skip(1).Any())
            {
                varied.Add(name);
            }
        }

        return varied.ToArray();
    }

    private static KeyValuePair<string, string>[] FindFixed(SummaryRow[] rows, string[] parameters, string[] varied)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var name in parameters.Where(p => !varied.Contains(p)))
        {
            var value = rows[0].Parameters[name];
            var info = ParameterCatalog.Find(name);
            if (info is null || !ParameterValues.Same(value, info.DefaultText))
            {
                result.Add(new(name, value));
            }
        }

        return result.ToArray();
    }

    private static string SpecName(string path, Manifest? manifest)
    {
        if (!string.IsNullOrWhiteSpace(manifest?.SpecName))
        {
            return manifest.SpecName;
        }

        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        return string.IsNullOrEmpty(folder) ? "results" : folder;
    }
}
