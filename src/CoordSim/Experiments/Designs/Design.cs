using CoordSim.Engine;

namespace CoordSim.Experiments;

/// <summary>
/// Which parameter points an experiment runs: a full factorial grid (<see cref="FactorialDesign"/>),
/// one factor at a time around the base point (<see cref="OneFactorAtATimeDesign"/>), a Latin
/// hypercube sample (<see cref="LatinHypercubeDesign"/>), Morris trajectories for screening
/// (<see cref="MorrisDesign"/>), Saltelli's Sobol' sample for variance-based sensitivity indices
/// (<see cref="SobolDesign"/>) or an explicit list (<see cref="PointListDesign"/>).
/// A point is a list of parameter settings applied on top of the experiment's base parameters.
/// </summary>
public abstract record Design
{
    private protected Design()
    {
    }

    /// <summary>The single base point: no parameter varied (what a spec without a design runs).</summary>
    public static Design BasePoint { get; } = new PointListDesign([[]]);

    /// <summary>The design's kind as written in a spec: factorial, one-at-a-time, latin-hypercube, morris, sobol or points.</summary>
    public abstract string Kind { get; }

    /// <summary>The names of the parameters the design varies, in the order the design names them.</summary>
    public abstract IReadOnlyList<string> Varied { get; }

    /// <summary>
    /// The design's points in order, each as the settings it applies on top of
    /// <paramref name="basePoint"/>; problems (with JSON paths under <c>$.design</c>) go to <paramref name="errors"/>.
    /// </summary>
    internal abstract IReadOnlyList<IReadOnlyList<ParameterSetting>> Generate(Parameters basePoint, long experimentSeed, List<SpecError> errors);

    /// <summary>The largest number of points a design may have.</summary>
    public const int MaxPoints = 1_000_000;

    /// <summary>Looks up the factors' parameters; unknown or repeated names are reported and come back null.</summary>
    private protected static ParameterInfo?[] Resolve(IReadOnlyList<Factor> factors, List<SpecError> errors)
    {
        var infos = new ParameterInfo?[factors.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < factors.Count; i++)
        {
            var name = factors[i].Name;
            var path = FactorPath(name);
            var info = ParameterCatalog.Find(name);
            if (info is null)
            {
                errors.Add(new SpecError(path, $"\"{name}\"", "a parameter name; " + ParameterCatalog.UnknownName(name).Allowed));
            }
            else if (!seen.Add(name))
            {
                errors.Add(new SpecError(path, $"\"{name}\"", "each parameter varied once"));
            }
            else
            {
                infos[i] = info;
            }
        }

        return infos;
    }

    /// <summary>Each factor's values as settings of its parameter (empty for a factor whose name did not resolve); problems go to <paramref name="errors"/>.</summary>
    private protected static IReadOnlyList<ParameterSetting>[] ExpandLevels(IReadOnlyList<Factor> factors, ParameterInfo?[] infos, List<SpecError> errors)
    {
        var levels = new IReadOnlyList<ParameterSetting>[factors.Count];
        for (var i = 0; i < factors.Count; i++)
        {
            levels[i] = infos[i] is { } info ? factors[i].Levels.Expand(info, FactorPath(factors[i].Name), errors) : [];
        }

        return levels;
    }

    /// <summary>
    /// Checks the factors and seed of a design that samples its factors' ranges (<paramref name="kind"/>): at least one
    /// factor, each a known parameter with a range that has no step or count (or, unless <paramref name="rangesOnly"/>, a
    /// list of values), and a seed, when given, from 0 to <see cref="SeedDerivation.MaxPublicSeed"/>. Returns the factors'
    /// parameters, or null when something was wrong (reported to <paramref name="errors"/>).
    /// </summary>
    private protected static ParameterInfo[]? CheckSampledFactors(IReadOnlyList<Factor> factors, long? seed, string kind, bool rangesOnly, List<SpecError> errors)
    {
        var before = errors.Count;
        if (seed is { } s && (s < 0 || s > SeedDerivation.MaxPublicSeed))
        {
            errors.Add(new SpecError("$.design.seed", s.ToString(System.Globalization.CultureInfo.InvariantCulture), $"an integer from 0 to {SeedDerivation.MaxPublicSeed}"));
        }

        if (factors.Count == 0)
        {
            errors.Add(new SpecError("$.design.factors", "{}", "at least one factor"));
        }

        var infos = Resolve(factors, errors);
        for (var i = 0; i < factors.Count; i++)
        {
            if (infos[i] is not { } info)
            {
                continue;
            }

            if (rangesOnly && factors[i].Levels is ValueLevels)
            {
                errors.Add(new SpecError(FactorPath(factors[i].Name), "a list of values",
                    $"a range {{\"from\", \"to\"}} (optionally \"scale\": \"log\"): a {kind} design moves each factor across its range"));
                continue;
            }

            factors[i].Levels.CheckSampling(info, FactorPath(factors[i].Name), kind, errors);
        }

        return errors.Count > before ? null : infos.Select(i => i!).ToArray();
    }

    /// <summary>The points whose factors sit at the unit-cube coordinates <paramref name="unit"/> (0 = from, 1 = to of each factor's range).</summary>
    private protected static IReadOnlyList<IReadOnlyList<ParameterSetting>> AtUnitPoints(IReadOnlyList<Factor> factors, ParameterInfo[] infos, double[][] unit)
    {
        var points = new List<IReadOnlyList<ParameterSetting>>(unit.Length);
        foreach (var u in unit)
        {
            var point = new ParameterSetting[factors.Count];
            for (var f = 0; f < factors.Count; f++)
            {
                point[f] = factors[f].Levels.Sample(infos[f], u[f]);
            }

            points.Add(point);
        }

        return points;
    }

    /// <summary>The JSON path of a factor.</summary>
    private protected static string FactorPath(string name) => "$.design.factors." + name;
}
