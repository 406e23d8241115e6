namespace CoordSim.Experiments;

/// <summary>
/// An explicit list of points, each setting some parameters (the others keep their base values).
/// The varied parameters are every name some point sets.
/// </summary>
/// <param name="Points">The points in order; each sets a parameter at most once.</param>
public sealed record PointListDesign(IReadOnlyList<IReadOnlyList<ParameterSetting>> Points) : Design
{
    /// <inheritdoc />
    public override string Kind => "points";

    /// <inheritdoc />
    public override IReadOnlyList<string> Varied => Points.SelectMany(p => p).Select(s => s.Name).Distinct(StringComparer.Ordinal).ToArray();

    /// <inheritdoc />
    internal override IReadOnlyList<IReadOnlyList<ParameterSetting>> Generate(Parameters basePoint, long experimentSeed, List<SpecError> errors)
    {
        var before = errors.Count;
        if (Points.Count == 0)
        {
            errors.Add(new SpecError("$.design.points", "[]", "at least one point (an empty object {} is the base point)"));
        }
        else if (Points.Count > MaxPoints)
        {
            errors.Add(new SpecError("$.design.points", $"{Points.Count} points", $"at most {MaxPoints:N0} points"));
        }

        for (var i = 0; i < Points.Count; i++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var s in Points[i])
            {
                if (!seen.Add(s.Name))
                {
                    errors.Add(new SpecError($"$.design.points[{i}].{s.Name}", s.Text, "each parameter set once per point"));
                }
            }
        }

        return errors.Count > before ? [] : Points;
    }
}
