using System.Globalization;
using CoordSim.Metrics;

namespace CoordSim.Experiments;

/// <summary>
/// One statistic summary.csv gives for every kept measure M: its column <c>M_suffix</c>, what it means,
/// and how it is read from the measure's <see cref="MeanEstimate"/> over the runs of a point and structure.
/// </summary>
/// <param name="Suffix">The part of the column name after the measure's name, one of <see cref="ResultsFormat.StatisticSuffixes"/>, for example <c>_sd</c>.</param>
/// <param name="Meaning">The meaning as a composite format string; <c>{0}</c> is the measure's name.</param>
/// <param name="Value">Reads the statistic from the estimate.</param>
internal sealed record SummaryStatistic(string Suffix, string Meaning, Func<MeanEstimate, double> Value)
{
    /// <summary>The column of this statistic of <paramref name="measure"/>: a number in the measure's unit.</summary>
    public ResultColumn Column(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return new ResultColumn(ResultsFormat.StatisticColumn(measure.Name, Suffix), ColumnRole.Statistic, ColumnType.Number, measure.Unit,
            string.Format(CultureInfo.InvariantCulture, Meaning, measure.Name));
    }
}
