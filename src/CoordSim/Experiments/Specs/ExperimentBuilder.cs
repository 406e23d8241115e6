using CoordSim.Structures;

namespace CoordSim.Experiments;

/// <summary>
/// Builds an <see cref="ExperimentSpec"/> in code, step by step; <see cref="Build"/> checks it.
/// Converts implicitly to a spec, so a builder can be passed to <see cref="Sweep.Run(ExperimentSpec, string, SweepOptions?)"/> directly.
/// </summary>
/// <example>
/// <code>
/// var rows = Sweep.Rows(ExperimentSpec.Create("share")
///     .Compare(Structure.Hierarchy())
///     .Set("horizonDays", 180)
///     .Vary("crossDepartmentShare", 0.1, 0.3, 0.5)
///     .Replications(5)
///     .Seed(1));
/// </code>
/// </example>
public sealed class ExperimentBuilder
{
    private readonly List<ComparedStructure> _structures = [];
    private readonly List<ParameterSetting> _base = [];
    private readonly List<Factor> _factors = [];
    private ExperimentSpec _spec;
    private Func<IReadOnlyList<Factor>, Design>? _design;
    private Design? _fixedDesign;

    internal ExperimentBuilder(string name)
    {
        _spec = new ExperimentSpec { Name = name, Structures = [] };
    }

    /// <summary>Describes what the experiment asks.</summary>
    public ExperimentBuilder Describe(string description)
    {
        _spec = _spec with { Description = description };
        return this;
    }

    /// <summary>Adds structures to compare, each under its own name.</summary>
    public ExperimentBuilder Compare(params Structure[] structures)
    {
        ArgumentNullException.ThrowIfNull(structures);
        _structures.AddRange(structures.Select(ComparedStructure.Of));
        return this;
    }

    /// <summary>Adds a structure under <paramref name="label"/> with parameters of its own, such as a flatter hierarchy.</summary>
    /// <exception cref="ParameterException">An override names an unknown parameter or a value that is not allowed.</exception>
    public ExperimentBuilder Compare(Structure structure, string label, params (string Name, object Value)[] overrides)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(overrides);
        _structures.Add(new ComparedStructure(structure, label, overrides.Select(o => ParameterSetting.Create(o.Name, o.Value)).ToArray()));
        return this;
    }

    /// <summary>Sets a base parameter for every run (a later call for the same parameter replaces an earlier one).</summary>
    /// <exception cref="ParameterException">The name is unknown or the value is not allowed.</exception>
    public ExperimentBuilder Set(string name, object value)
    {
        var setting = ParameterSetting.Create(name, value);
        _base.RemoveAll(s => s.Name == setting.Name);
        _base.Add(setting);
        return this;
    }

    /// <summary>Varies <paramref name="name"/> over the listed values (a factor of the grid design).</summary>
    public ExperimentBuilder Vary(string name, params object[] values) => Vary(Factor.Values(name, values));

    /// <summary>Adds a factor to the design (a full factorial grid unless <see cref="OneAtATime"/>, <see cref="LatinHypercube"/>, <see cref="Morris"/> or <see cref="Sobol"/> says otherwise).</summary>
    public ExperimentBuilder Vary(Factor factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        _factors.Add(factor);
        return this;
    }

    /// <summary>Runs the factors one at a time around the base point instead of their full grid.</summary>
    public ExperimentBuilder OneAtATime()
    {
        _design = f => new OneFactorAtATimeDesign(f);
        return this;
    }

    /// <summary>Samples the factors (ranges from <see cref="Factor.Interval"/> or lists) with a Latin hypercube of <paramref name="samples"/> points.</summary>
    public ExperimentBuilder LatinHypercube(int samples, long? seed = null)
    {
        _design = f => new LatinHypercubeDesign(samples, f, seed);
        return this;
    }

    /// <summary>
    /// Screens the factors (ranges from <see cref="Factor.Interval"/>) with <paramref name="trajectories"/> Morris trajectories on a grid of
    /// <paramref name="levels"/> levels; with <paramref name="candidates"/>, the trajectories are the ones furthest apart of that many drawn.
    /// </summary>
    public ExperimentBuilder Morris(int trajectories, int levels = 4, int? candidates = null, long? seed = null)
    {
        _design = f => new MorrisDesign(trajectories, levels, f, candidates, seed);
        return this;
    }

    /// <summary>
    /// Samples the factors (ranges from <see cref="Factor.Interval"/> or lists) with Saltelli's scheme on a scrambled Sobol' sequence:
    /// <paramref name="samples"/> base rows, N(k + 2) points, or N(2k + 2) with <paramref name="secondOrder"/>.
    /// </summary>
    public ExperimentBuilder Sobol(int samples, bool secondOrder = false, long? seed = null)
    {
        _design = f => new SobolDesign(samples, f, secondOrder, seed);
        return this;
    }

    /// <summary>Uses <paramref name="design"/> as it is (factors added with <c>Vary</c> are then not allowed).</summary>
    public ExperimentBuilder Design(Design design)
    {
        _fixedDesign = design ?? throw new ArgumentNullException(nameof(design));
        return this;
    }

    /// <summary>Sets the number of replications of every (point, structure).</summary>
    public ExperimentBuilder Replications(int replications)
    {
        _spec = _spec with { Replications = replications };
        return this;
    }

    /// <summary>Sets the experiment's seed.</summary>
    public ExperimentBuilder Seed(long seed)
    {
        _spec = _spec with { Seed = seed };
        return this;
    }

    /// <summary>Keeps only these measures in result files.</summary>
    public ExperimentBuilder Measures(params string[] measures)
    {
        _spec = _spec with { Measures = measures };
        return this;
    }

    /// <summary>Also writes issues.csv (one row per resolved issue).</summary>
    public ExperimentBuilder Issues(bool write = true)
    {
        _spec = _spec with { Output = _spec.Output with { Issues = write } };
        return this;
    }

    /// <summary>Also writes timeseries.csv: every run's time series sampled every <paramref name="intervalDays"/> days (null: none).</summary>
    public ExperimentBuilder TimeSeries(double? intervalDays)
    {
        _spec = _spec with { Output = _spec.Output with { TimeSeriesInterval = intervalDays } };
        return this;
    }

    /// <summary>The spec, checked.</summary>
    /// <exception cref="SpecException">The spec is not valid; every problem is listed with the JSON path it would have in a spec file.</exception>
    public ExperimentSpec Build()
    {
        if (_fixedDesign is not null && _factors.Count > 0)
        {
            throw new SpecException([new SpecError("$.design", "a design and factors added with Vary", "one or the other")]);
        }

        var design = _fixedDesign ?? (_factors.Count == 0 && _design is null
            ? Experiments.Design.BasePoint
            : (_design ?? (f => new FactorialDesign(f)))(_factors.ToArray()));
        var spec = _spec with { Structures = _structures.ToArray(), Base = _base.ToArray(), Design = design };
        spec.Plan();
        return spec;
    }

    /// <summary>The built spec (see <see cref="Build"/>).</summary>
    public static implicit operator ExperimentSpec(ExperimentBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Build();
    }
}
