namespace CoordSim.Experiments;

/// <summary>
/// summary.csv of runs in memory: per design point and structure, the parameters, <c>n</c>, <c>unstableRuns</c> and each
/// kept measure's mean, sd and 95% CI, as text exactly as a sweep's summary.csv holds it (the sweep writes its summary.csv
/// with the same code). CoordSim.Plots' <c>SummaryTable.FromRows</c> reads it for the figures.
/// </summary>
public static class RunSummary
{
    /// <summary>The columns of summary.csv for <paramref name="plan"/>, in file order.</summary>
    public static IReadOnlyList<string> ColumnsOf(ExperimentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return SummaryTable.Header(plan);
    }

    /// <summary>
    /// The rows of summary.csv, as text in column order, of <paramref name="rows"/>, runs of <paramref name="plan"/> (from
    /// <see cref="Sweep.Rows(ExperimentSpec, int, CancellationToken)"/> or <see cref="SweepOptions.OnRow"/>; all of them or
    /// some, in any order: they are summarised in result order, as runs.csv holds them).
    /// </summary>
    /// <exception cref="ArgumentException">A row's structure or point is not one of the plan's.</exception>
    public static IReadOnlyList<IReadOnlyList<string>> Of(ExperimentPlan plan, IEnumerable<RunRow> rows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        var structures = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < plan.Structures.Count; s++)
        {
            structures[plan.Structures[s].Label] = s;
        }

        var runs = rows.OrderBy(r => r.Index).Select(r =>
        {
            if (!structures.TryGetValue(r.Structure, out var structure))
            {
                throw new ArgumentException(
                    $"Run {r.Index} has structure '{r.Structure}', which is not one of the plan's: {string.Join(", ", structures.Keys)}.", nameof(rows));
            }

            if (r.PointId < 0 || r.PointId >= plan.Points.Count)
            {
                throw new ArgumentException(
                    $"Run {r.Index} has pointId {r.PointId}; the plan's points are 0 to {plan.Points.Count - 1}.", nameof(rows));
            }

            return (r.PointId, structure, RunsTable.Measures(plan, r.Result));
        });
        return SummaryTable.Rows(plan, runs).ToArray();
    }
}
