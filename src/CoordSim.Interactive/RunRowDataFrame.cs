using CoordSim.Experiments;
using CoordSim.Metrics;
using Microsoft.Data.Analysis;

namespace CoordSim.Interactive;

/// <summary>
/// The runs of a sweep (<see cref="Sweep.Rows"/>) as a <see cref="DataFrame"/> whose columns are those of the sweep's
/// <c>runs.csv</c>, in the same order: <c>pointId</c>, <c>structure</c>, <c>replication</c>, <c>seed</c>, every parameter,
/// then every kept measure. Integer parameters are <see cref="long"/> columns, other numbers <see cref="double"/>,
/// flags <see cref="bool"/>, and choices the text runs.csv holds; an undefined measure (an empty field in runs.csv) and
/// a body field a run leaves unset are null.
/// </summary>
public static class RunRowDataFrame
{
    /// <summary>The runs of <paramref name="spec"/> as a data frame with exactly the columns of its runs.csv.</summary>
    /// <param name="rows">The runs, as <see cref="Sweep.Rows"/> yields them for <paramref name="spec"/>.</param>
    /// <param name="spec">The spec the runs come from: it says which body fields have a column and which measures are kept.</param>
    /// <exception cref="SpecException">The spec is not valid.</exception>
    public static DataFrame ToDataFrame(this IEnumerable<RunRow> rows, ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var plan = spec.Plan();
        return Build(rows, plan.ParameterColumns, plan.Measures);
    }

    /// <summary>
    /// The runs as a data frame with a column for every parameter of <see cref="ParameterCatalog.All"/> and every measure
    /// of <see cref="MeasureCatalog.All"/>: the runs.csv of a spec that keeps every measure and sets no body field.
    /// </summary>
    /// <param name="rows">The runs.</param>
    public static DataFrame ToDataFrame(this IEnumerable<RunRow> rows) =>
        Build(rows, ParameterCatalog.All, MeasureCatalog.All);

    private static DataFrame Build(IEnumerable<RunRow> rows, IReadOnlyList<ParameterInfo> parameters, IReadOnlyList<Measure> measures)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var runs = rows.ToArray();
        var columns = new List<DataFrameColumn>
        {
            new Int32DataFrameColumn(ResultsFormat.PointId, runs.Select(r => r.PointId)),
            new StringDataFrameColumn(ResultsFormat.Structure, runs.Select(r => r.Structure)),
            new Int32DataFrameColumn(ResultsFormat.Replication, runs.Select(r => r.Replication)),
            new Int64DataFrameColumn(ResultsFormat.Seed, runs.Select(r => r.Seed)),
        };
        columns.AddRange(parameters.Select(p => ParameterColumn(p, runs)));
        columns.AddRange(measures.Select(m => new DoubleDataFrameColumn(m.Name, runs.Select(r => Defined(m.Read(r.Result))))));
        return new DataFrame(columns);
    }

    private static DataFrameColumn ParameterColumn(ParameterInfo parameter, RunRow[] runs)
    {
        var values = runs.Select(r => parameter.GetValue(r.Parameters)).ToArray();
        if (parameter.IsInteger)
        {
            return new Int64DataFrameColumn(parameter.Name, values.Select(v => v is null ? (long?)null : Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (parameter.IsNumeric)
        {
            return new DoubleDataFrameColumn(parameter.Name, values.Select(v => v is null ? (double?)null : Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (parameter.Type == typeof(bool))
        {
            return new BooleanDataFrameColumn(parameter.Name, values.Select(v => v as bool?));
        }

        return new StringDataFrameColumn(parameter.Name, values.Select(v => v is null ? null : ParameterInfo.FormatValue(v)));
    }

    private static double? Defined(double value) => double.IsFinite(value) ? value : null;
}
