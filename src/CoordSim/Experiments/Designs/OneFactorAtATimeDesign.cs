namespace CoordSim.Experiments;

/// <summary>
/// One factor at a time around the base point: point 0 sets every factor to its base value (the
/// experiment's base parameters, or the defaults), then, for each factor in order, one point per
/// listed value other than the base value, with the other factors at their base values.
/// </summary>
/// <param name="Factors">The factors, each with a list of values or a range with a step or a count.</param>
public sealed record OneFactorAtATimeDesign(IReadOnlyList<Factor> Factors) : Design
{
    /// <inheritdoc />
    public override string Kind => "one-at-a-time";

    /// <inheritdoc />
    public override IReadOnlyList<string> Varied => Factors.Select(f => f.Name).ToArray();

    /// <inheritdoc />
    internal override IReadOnlyList<IReadOnlyList<ParameterSetting>> Generate(Parameters basePoint, long experimentSeed, List<SpecError> errors)
    {
        var before = errors.Count;
        if (Factors.Count == 0)
        {
            errors.Add(new SpecError("$.design.factors", "{}", "at least one factor"));
            return [];
        }

        var infos = Resolve(Factors, errors);
        var levels = ExpandLevels(Factors, infos, errors);

        if (errors.Count > before)
        {
            return [];
        }

        var center = new ParameterSetting[Factors.Count];
        for (var i = 0; i < Factors.Count; i++)
        {
            if (infos[i]!.GetValue(basePoint) is null)
            {
                // A body design field has no value of its own in the parameters: each structure has its own.
                errors.Add(new SpecError(FactorPath(Factors[i].Name), $"\"{Factors[i].Name}\"",
                    $"a factor with a base value: a one-at-a-time design moves each factor away from its base value, so set {Factors[i].Name} in \"base\" too (each structure's own value is in 'coordsim structures --json')"));
                continue;
            }

            ParameterSetting.TryCreate(infos[i]!, infos[i]!.GetValue(basePoint), out var setting, out _);
            center[i] = setting!;
        }

        if (errors.Count > before)
        {
            return [];
        }

        var points = new List<IReadOnlyList<ParameterSetting>> { center };
        for (var f = 0; f < Factors.Count; f++)
        {
            foreach (var value in levels[f])
            {
                if (value.Equals(center[f]))
                {
                    continue;
                }

                var point = (ParameterSetting[])center.Clone();
                point[f] = value;
                points.Add(point);
            }
        }

        if (points.Count > MaxPoints)
        {
            errors.Add(new SpecError("$.design.factors", $"{points.Count} points", $"at most {MaxPoints:N0} points"));
            return [];
        }

        return points;
    }
}
