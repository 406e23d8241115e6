using System.Globalization;

namespace CoordSim.Experiments;

/// <summary>
/// An explicit list of values: numbers, bools, enum values or their kebab-case names. A grid takes
/// every value in order; the Latin hypercube picks among them with equal probability, one stratum
/// of the unit interval per value.
/// </summary>
/// <param name="Values">The values in order; each must be allowed for the parameter and appear once.</param>
public sealed record ValueLevels(IReadOnlyList<object> Values) : FactorLevels
{
    /// <inheritdoc />
    internal override IReadOnlyList<ParameterSetting> Expand(ParameterInfo parameter, string path, List<SpecError> errors)
    {
        if (Values.Count == 0)
        {
            errors.Add(new SpecError(path, "[]", "at least one value"));
            return [];
        }

        var settings = new List<ParameterSetting>(Values.Count);
        var seen = new HashSet<ParameterSetting>(Values.Count);
        for (var i = 0; i < Values.Count; i++)
        {
            if (!ParameterSetting.TryCreate(parameter, Values[i], out var setting, out var error))
            {
                errors.Add(new SpecError($"{path}[{i}]", error!.Value, error.Allowed));
                continue;
            }

            if (!seen.Add(setting!))
            {
                errors.Add(new SpecError($"{path}[{i}]", setting!.Text, "a value not listed before (each value once)"));
                continue;
            }

            settings.Add(setting!);
        }

        return settings;
    }

    /// <inheritdoc />
    internal override bool CheckSampling(ParameterInfo parameter, string path, string designKind, List<SpecError> errors)
    {
        var before = errors.Count;
        Expand(parameter, path, errors);
        return errors.Count == before;
    }

    /// <inheritdoc />
    internal override ParameterSetting Sample(ParameterInfo parameter, double u)
    {
        var index = Math.Min((int)(u * Values.Count), Values.Count - 1);
        return ParameterSetting.TryCreate(parameter, Values[index], out var setting, out _)
            ? setting!
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Value {index} of {parameter.Name} was not checked."));
    }
}
