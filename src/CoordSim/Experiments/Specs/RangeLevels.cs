using System.Globalization;

namespace CoordSim.Experiments;

/// <summary>
/// A numeric range of factor values from <see cref="From"/> to <see cref="To"/> (both included).
/// Grid designs need either a <see cref="Step"/> (linear only: from, from+step, ... up to to) or a
/// <see cref="Count"/> of values spaced evenly on the <see cref="Scale"/> (ends included); values
/// are rounded to 15 significant digits so 0.1 + 2×0.1 is written 0.3, and integer parameters are
/// rounded to the nearest integer with duplicates dropped. The Latin hypercube samples the range
/// continuously and takes neither step nor count; for an integer parameter every integer from
/// from to to is equally likely (linear) or has probability proportional to ln((k+1)/k) (log).
/// </summary>
/// <param name="From">The first value.</param>
/// <param name="To">The last value; greater than <paramref name="From"/>.</param>
/// <param name="Step">The difference between values (linear grids).</param>
/// <param name="Count">How many values (grids), at least 2.</param>
/// <param name="Scale">Linear or logarithmic spacing.</param>
public sealed record RangeLevels(double From, double To, double? Step = null, int? Count = null, RangeScale Scale = RangeScale.Linear) : FactorLevels
{
    /// <summary>The most values one range may expand to.</summary>
    public const int MaxValues = 100_000;

    /// <inheritdoc />
    internal override IReadOnlyList<ParameterSetting> Expand(ParameterInfo parameter, string path, List<SpecError> errors)
    {
        if (!CheckEnds(parameter, path, errors))
        {
            return [];
        }

        if (Step is not null && Count is not null)
        {
            errors.Add(new SpecError(path, "a range with step and count", "a step or a count, not both"));
            return [];
        }

        if (Step is null && Count is null)
        {
            errors.Add(new SpecError(path, "a range without step or count", "a step (linear ranges) or a count of values"));
            return [];
        }

        var raw = new List<double>();
        if (Step is { } step)
        {
            if (Scale == RangeScale.Log)
            {
                errors.Add(new SpecError(path + ".step", Format(step), "no step on a log scale: give a count of values instead"));
                return [];
            }

            if (!double.IsFinite(step) || step <= 0)
            {
                errors.Add(new SpecError(path + ".step", Format(step), "a number > 0"));
                return [];
            }

            var n = Math.Floor(((To - From) / step) + 1e-9) + 1;
            if (n > MaxValues)
            {
                errors.Add(new SpecError(path + ".step", Format(step), $"a step that gives at most {MaxValues} values (this gives {Format(n)})"));
                return [];
            }

            for (var i = 0; i < (int)n; i++)
            {
                raw.Add(Math.Min(Tidy(From + (i * step)), To));
            }
        }
        else
        {
            var count = Count!.Value;
            if (count < 2 || count > MaxValues)
            {
                errors.Add(new SpecError(path + ".count", count.ToString(CultureInfo.InvariantCulture), $"an integer from 2 to {MaxValues}"));
                return [];
            }

            for (var i = 0; i < count; i++)
            {
                var t = (double)i / (count - 1);
                var v = Scale == RangeScale.Log
                    ? Math.Exp(Math.Log(From) + (t * (Math.Log(To) - Math.Log(From))))
                    : From + (t * (To - From));
                raw.Add(i == 0 ? From : i == count - 1 ? To : Tidy(v));
            }
        }

        var settings = new List<ParameterSetting>(raw.Count);
        var seen = new HashSet<ParameterSetting>(raw.Count);
        foreach (var r in raw)
        {
            var v = parameter.IsInteger ? Math.Round(r, MidpointRounding.AwayFromZero) : r;
            if (!ParameterSetting.TryCreate(parameter, v, out var setting, out var error))
            {
                errors.Add(new SpecError(path, error!.Value, error.Allowed));
                return [];
            }

            if (seen.Add(setting!))
            {
                settings.Add(setting!);
            }
        }

        return settings;
    }

    /// <inheritdoc />
    internal override bool CheckSampling(ParameterInfo parameter, string path, string designKind, List<SpecError> errors)
    {
        if (!CheckEnds(parameter, path, errors))
        {
            return false;
        }

        if (Step is not null || Count is not null)
        {
            errors.Add(new SpecError(path + (Step is not null ? ".step" : ".count"), Step is { } s ? Format(s) : Count!.Value.ToString(CultureInfo.InvariantCulture),
                $"no step or count in a {designKind} design: it samples the range from..to continuously"));
            return false;
        }

        if (parameter.MinPositive > 0 && From < parameter.MinPositive)
        {
            // A period that 0 switches off allows 0 and values from its shortest period on, nothing between: a continuous
            // sample from 0 would draw values in that gap.
            var shortest = Format(parameter.MinPositive);
            errors.Add(new SpecError(path + ".from", Format(From),
                $"a number >= {shortest}: {parameter.Name} is 0 or at least {shortest}, and a {designKind} design samples every value from..to; " +
                $"sample from {shortest}, or compare 0 as a value of a factorial design"));
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    internal override ParameterSetting Sample(ParameterInfo parameter, double u)
    {
        double v;
        if (parameter.IsInteger)
        {
            v = Scale == RangeScale.Log
                ? Math.Floor(Math.Exp(Math.Log(From) + (u * (Math.Log(To + 1) - Math.Log(From)))))
                : From + Math.Floor(u * (To - From + 1));
        }
        else
        {
            v = Scale == RangeScale.Log
                ? Math.Exp(Math.Log(From) + (u * (Math.Log(To) - Math.Log(From))))
                : From + (u * (To - From));
        }

        v = Math.Clamp(v, From, To);
        return ParameterSetting.TryCreate(parameter, v, out var setting, out var error)
            ? setting!
            : throw new InvalidOperationException($"Sampled value of {parameter.Name} was not allowed: {error!.Message}");
    }

    /// <summary>Rounds to 15 significant digits, so that sums of decimal steps print as written (0.1 + 0.2 → 0.3).</summary>
    internal static double Tidy(double value) =>
        double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    private bool CheckEnds(ParameterInfo parameter, string path, List<SpecError> errors)
    {
        if (!parameter.IsNumeric)
        {
            var example = string.Join(", ", parameter.AllowedValues.Select(v => $"\"{v}\""));
            errors.Add(new SpecError(path, "a range", $"a list of values for {parameter.Name}, for example [{example}]"));
            return false;
        }

        var ok = true;
        foreach (var (end, name) in new[] { (From, "from"), (To, "to") })
        {
            if (!parameter.TryConvertNumber(end, out _, out var error))
            {
                errors.Add(new SpecError($"{path}.{name}", error!.Value, error.Allowed));
                ok = false;
            }
        }

        if (!ok)
        {
            return false;
        }

        if (!(To > From))
        {
            errors.Add(new SpecError(path + ".to", Format(To), $"a number greater than from = {Format(From)}"));
            return false;
        }

        if (Scale == RangeScale.Log && From <= 0)
        {
            errors.Add(new SpecError(path + ".from", Format(From), "a number > 0 on a log scale"));
            return false;
        }

        return true;
    }

    private static string Format(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
