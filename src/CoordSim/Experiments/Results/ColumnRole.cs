namespace CoordSim.Experiments;

/// <summary>What a column of a result file holds, as <c>codebook.csv</c> names it in its <c>role</c> column.</summary>
internal enum ColumnRole
{
    /// <summary>Identifies the run, point or structure a row belongs to (<c>pointId</c>, <c>structure</c>, <c>replication</c>, <c>seed</c>).</summary>
    Key,

    /// <summary>A model parameter of <see cref="ParameterCatalog"/>: the value the run (or point and structure) had.</summary>
    Parameter,

    /// <summary>A measure of <see cref="Metrics.MeasureCatalog"/>: the value one run reported.</summary>
    Measure,

    /// <summary>A statistic over the runs of a point and structure in <c>summary.csv</c> (<c>n</c>, a measure's mean, sd and confidence interval).</summary>
    Statistic,

    /// <summary>A field of one resolved issue in <c>issues.csv</c>.</summary>
    Issue,

    /// <summary>A value of one sample of a run's time series in <c>timeseries.csv</c>: a count at the sample's day, or an amount over the interval that ended then.</summary>
    Series,
}
