namespace CoordSim.Experiments;

/// <summary>
/// Every combination of the factors' values (a full factorial grid). Points are numbered like
/// nested loops with the first factor outermost and the last factor changing fastest.
/// </summary>
/// <param name="Factors">The factors, each with a list of values or a range with a step or a count.</param>
public sealed record FactorialDesign(IReadOnlyList<Factor> Factors) : Design
{
    /// <inheritdoc />
    public override string Kind => "factorial";

    /// <inheritdoc />
    public override IReadOnlyList<string> Varied => Factors.Select(f => f.Name).ToArray();

    /// <inheritdoc />
    internal override IReadOnlyList<IReadOnlyList<ParameterSetting>> Generate(Parameters basePoint, long experimentSeed, List<SpecError> errors)
    {
        var before = errors.Count;
        var infos = Resolve(Factors, errors);
        var levels = ExpandLevels(Factors, infos, errors);

        if (errors.Count > before)
        {
            return [];
        }

        double count = 1;
        foreach (var l in levels)
        {
            count *= l.Count;
        }

        if (count > MaxPoints)
        {
            errors.Add(new SpecError("$.design.factors", $"{count:0} combinations", $"at most {MaxPoints:N0} points; use a latin-hypercube design to sample a large space"));
            return [];
        }

        var points = new List<IReadOnlyList<ParameterSetting>>((int)count);
        var digits = new int[levels.Length];
        for (var p = 0; p < (int)count; p++)
        {
            var point = new ParameterSetting[levels.Length];
            for (var f = 0; f < levels.Length; f++)
            {
                point[f] = levels[f][digits[f]];
            }

            points.Add(point);
            for (var f = levels.Length - 1; f >= 0; f--)
            {
                if (++digits[f] < levels[f].Count)
                {
                    break;
                }

                digits[f] = 0;
            }
        }

        return points;
    }
}
