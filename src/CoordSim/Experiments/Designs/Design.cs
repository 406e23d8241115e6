namespace CoordSim.Experiments;

/// <summary>
/// Which parameter points an experiment runs: a full factorial grid (<see cref="FactorialDesign"/>),
/// one factor at a time around the base point (<see cref="OneFactorAtATimeDesign"/>), a Latin
/// hypercube sample (<see cref="LatinHypercubeDesign"/>) or an explicit list (<see cref="PointListDesign"/>).
/// A point is a list of parameter settings applied on top of the experiment's base parameters.
/// </summary>
public abstract record Design
{
    private protected Design()
    {
    }

    /// <summary>The single base point: no parameter varied (what a spec without a design runs).</summary>
    public static Design BasePoint { get; } = new PointListDesign([[]]);

    /// <summary>The design's kind as written in a spec: factorial, one-at-a-time, latin-hypercube or points.</summary>
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

    /// <summary>The JSON path of a factor.</summary>
    private protected static string FactorPath(string name) => "$.design.factors." + name;
}
