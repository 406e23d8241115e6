using System.CommandLine;
using System.Globalization;
using CoordSim.Metrics;

namespace CoordSim.Cli;

/// <summary>
/// <c>--time-series DAYS</c> of <c>coordsim run</c> and <c>coordsim sweep</c>: sample every run's time series every
/// DAYS days. Read as text so that every bad value gets the same message: the option, the value and what is allowed.
/// </summary>
internal static class TimeSeriesOption
{
    /// <summary>The option's name, as messages name it.</summary>
    public const string Name = "--time-series";

    /// <summary>The option, with <paramref name="description"/> saying what the command does with the series.</summary>
    public static Option<string?> Create(string description) => new(Name)
    {
        Description = description,
        HelpName = "days",
    };

    /// <summary>The interval written in <paramref name="text"/> (null when the option was not given), or null with the problem added to <paramref name="errors"/>.</summary>
    public static double? Parse(string? text, ICollection<ParameterError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var days) && double.IsFinite(days) && days > 0)
        {
            return days;
        }

        errors.Add(new ParameterError(Name, $"\"{text}\"", TimeSeries.AllowedText + ", written with a decimal point"));
        return null;
    }
}
