namespace CoordSim.Plots.Results;

/// <summary>
/// The results of a one-factor-at-a-time design read back into its factors: the base point (the
/// first design point, normally 0) and, for each factor, the points that move that factor alone
/// with every other factor at its base value. The data must have that shape; the manifest's
/// design kind, when present, must be one-at-a-time.
/// </summary>
internal sealed class OneAtATimeResults
{
    private OneAtATimeResults(SummaryTable summary, int basePointId, IReadOnlyList<OneAtATimeFactor> factors)
    {
        Summary = summary;
        BasePointId = basePointId;
        Factors = factors;
    }

    public SummaryTable Summary { get; }

    /// <summary>The base point's id (the smallest point id).</summary>
    public int BasePointId { get; }

    /// <summary>The factors, in the spec's order.</summary>
    public IReadOnlyList<OneAtATimeFactor> Factors { get; }

    /// <summary>"a = 1, b = 2": every factor at its base value.</summary>
    public string BaseText => string.Join(", ", Factors.Select(f => $"{f.Name} = {f.BaseValue}"));

    /// <summary>
    /// Splits the results into factors. Throws <see cref="ArgumentException"/> when the manifest
    /// names another design kind, when no factor varies, or when a point moves more than one
    /// factor (or none) away from the base point; <see cref="ResultsFormatException"/> when a
    /// factor the manifest names has no column in summary.csv.
    /// </summary>
    public static OneAtATimeResults From(ResultsFolder results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var manifest = results.Manifest;
        var summary = results.Summary;
        if (manifest.DesignKind is { } kind && !manifest.IsOneAtATime)
        {
            throw new ArgumentException(
                $"These results come from a '{kind}' design ({Path.GetFileName(manifest.FilePath)}: spec.design.kind); this figure needs a " +
                $"'{Manifest.OneAtATimeKind}' design, which moves one factor at a time away from a base point (point 0).",
                nameof(results));
        }

        var names = manifest.DesignFactors.Count > 0 ? manifest.DesignFactors : summary.Scenario.VariedParameters;
        foreach (var name in names)
        {
            summary.Table.IndexOf(name, $"the factor '{name}' of the design in {ResultFiles.Manifest}");
        }

        if (names.Count == 0)
        {
            throw new ArgumentException(
                $"No parameter varies in {summary.Table.FileName} and {ResultFiles.Manifest} names no design factors: there is no factor to show one at a time.",
                nameof(results));
        }

        var basePoint = summary.PointIds[0];
        var baseRows = summary.Rows.Where(r => r.PointId == basePoint).ToArray();
        var baseOf = baseRows.ToDictionary(r => r.Structure, StringComparer.Ordinal);
        var byFactor = names.ToDictionary(n => n, _ => new List<SummaryRow>(baseRows), StringComparer.Ordinal);
        foreach (var point in summary.Rows.Where(r => r.PointId != basePoint).GroupBy(r => r.PointId))
        {
            var moved = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in point)
            {
                var reference = baseOf.GetValueOrDefault(row.Structure) ?? baseRows[0];
                moved.UnionWith(names.Where(n => !ParameterValues.Same(row.Parameters[n], reference.Parameters[n])));
            }

            if (moved.Count != 1)
            {
                var values = string.Join(", ", names.Select(n => $"{n} = {point.First().Parameters[n]}"));
                var what = moved.Count == 0
                    ? "repeats the base point"
                    : $"moves {string.Join(" and ", names.Where(moved.Contains))} away from the base point together";
                throw new ArgumentException(
                    $"Point {point.Key} ({values}) {what}; in a one-at-a-time design every point but the base point (point {basePoint}: " +
                    $"{string.Join(", ", names.Select(n => $"{n} = {baseRows[0].Parameters[n]}"))}) moves exactly one factor.",
                    nameof(results));
            }

            byFactor[moved.Single()].AddRange(point);
        }

        var factors = names.Select(name =>
        {
            var rows = byFactor[name];
            var values = rows.Select(r => r.Parameters[name]).ToArray();
            var log = manifest.LogScaleFactors.Contains(name) || ParameterAxis.LooksLogSpaced(values);
            return new OneAtATimeFactor(name, baseRows[0].Parameters[name], ParameterAxis.For(name, values, log), rows);
        }).ToArray();
        return new OneAtATimeResults(summary, basePoint, factors);
    }
}

/// <summary>One factor of a one-at-a-time design.</summary>
/// <param name="Name">The parameter.</param>
/// <param name="BaseValue">Its value at the base point, as written.</param>
/// <param name="Axis">Its values in order, the base value included; a log axis when the values are log-spaced.</param>
/// <param name="Rows">The base point's rows and the rows of the points that move this factor alone.</param>
internal sealed record OneAtATimeFactor(string Name, string BaseValue, ParameterAxis Axis, IReadOnlyList<SummaryRow> Rows)
{
    /// <summary>The rows at one of the factor's values, one per structure.</summary>
    public IEnumerable<SummaryRow> At(string value) => Rows.Where(r => ParameterValues.Same(r.Parameters[Name], value));
}
