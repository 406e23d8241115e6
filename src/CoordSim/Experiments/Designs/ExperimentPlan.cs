using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CoordSim.Engine;
using CoordSim.Metrics;
using CoordSim.Structures;

namespace CoordSim.Experiments;

/// <summary>
/// A checked experiment, expanded: its design points, structures and replications, and for every
/// run its parameters and seed. Runs are numbered in result order, by point, then replication, then
/// structure in the spec's order. Made by <see cref="ExperimentSpec.Plan"/>.
/// </summary>
/// <remarks>
/// <para>
/// The seed of a run is <c>SeedDerivation.DerivePublic(spec.Seed, point.SeedKey, replication)</c>: it
/// depends on the experiment's seed, the point's parameter values and the replication only. The
/// structures compared at a point and replication share it, so they face the same issue stream
/// (common random numbers). Adding replications, points, or values to a factor (anywhere in its
/// list) never changes the seed of a run that was there before.
/// </para>
/// <para>
/// The point's <see cref="DesignPoint.SeedKey"/> is the first 63 bits of the SHA-256 of the lines
/// <c>name=value</c> of every parameter whose value at the point (base and point settings, not the
/// structures' overrides) differs from <see cref="Parameters.Default"/>, sorted by name; when a design
/// repeats a point (a Latin hypercube over integers can), the k-th repetition (k ≥ 1) appends
/// <c>#k</c> so repeated points get independent runs.
/// </para>
/// </remarks>
public sealed class ExperimentPlan
{
    /// <summary>The measures every sweep keeps whatever its <c>measures</c> selection: the pending count and the stability flag, which belong beside every latency.</summary>
    public static readonly IReadOnlyList<string> AlwaysKept = ["issuesPending", ResultsFormat.StableMeasure];

    private ExperimentPlan(ExperimentSpec spec, Parameters baseParameters, IReadOnlyList<DesignPoint> points, IReadOnlyList<Measure> measures)
    {
        Spec = spec;
        BaseParameters = baseParameters;
        Points = points;
        Measures = measures;
        RunCount = points.Count * spec.Replications * spec.Structures.Count;
        var named = spec.Base.Select(b => b.Name)
            .Concat(spec.Design.Varied)
            .Concat(spec.Structures.SelectMany(s => s.Overrides.Select(o => o.Name)))
            .ToHashSet(StringComparer.Ordinal);
        ParameterColumns = [.. ParameterCatalog.All, .. ParameterCatalog.AllBodyFields.Where(f => named.Contains(f.Name))];
    }

    /// <summary>
    /// The parameters result files have a column for, in order: every parameter of <see cref="ParameterCatalog.All"/>,
    /// then each body design field the spec sets or varies (<c>bodies[i].FIELD</c>), by body and in the design's order. A body
    /// field's column is empty for a run whose point and structure leave it unset.
    /// </summary>
    public IReadOnlyList<ParameterInfo> ParameterColumns { get; }

    /// <summary>The spec this plan expands.</summary>
    public ExperimentSpec Spec { get; }

    /// <summary>The defaults with the spec's base settings applied.</summary>
    public Parameters BaseParameters { get; }

    /// <summary>The design's points in order.</summary>
    public IReadOnlyList<DesignPoint> Points { get; }

    /// <summary>The structures compared, in the spec's order.</summary>
    public IReadOnlyList<ComparedStructure> Structures => Spec.Structures;

    /// <summary>Replications of every (point, structure).</summary>
    public int Replications => Spec.Replications;

    /// <summary>Points × replications × structures.</summary>
    public int RunCount { get; }

    /// <summary>The parameters the design varies.</summary>
    public IReadOnlyList<string> Varied => Spec.Design.Varied;

    /// <summary>The measures kept in result files, in <see cref="MeasureCatalog"/> order.</summary>
    public IReadOnlyList<Measure> Measures { get; }

    /// <summary>The run at <paramref name="index"/> (0 ≤ index &lt; <see cref="RunCount"/>).</summary>
    public PlannedRun Run(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, RunCount);
        var structures = Structures.Count;
        var s = index % structures;
        var rest = index / structures;
        var replication = rest % Replications;
        var point = Points[rest / Replications];
        return new PlannedRun(index, point, s, Structures[s], replication, SeedOf(point, replication), ParametersOf(point, s));
    }

    /// <summary>Every run in result order.</summary>
    public IEnumerable<PlannedRun> Runs()
    {
        for (var i = 0; i < RunCount; i++)
        {
            yield return Run(i);
        }
    }

    /// <summary>The index of the run of (<paramref name="pointId"/>, <paramref name="replication"/>, <paramref name="structureIndex"/>).</summary>
    public int IndexOf(int pointId, int replication, int structureIndex) =>
        (((pointId * Replications) + replication) * Structures.Count) + structureIndex;

    /// <summary>The parameters of structure <paramref name="structureIndex"/> at <paramref name="point"/>.</summary>
    public Parameters ParametersOf(DesignPoint point, int structureIndex)
    {
        ArgumentNullException.ThrowIfNull(point);
        return Structures[structureIndex].Apply(ParameterSetting.ApplyAll(BaseParameters, point.Settings));
    }

    /// <summary>The seed of every run at <paramref name="point"/> and <paramref name="replication"/>.</summary>
    public long SeedOf(DesignPoint point, int replication)
    {
        ArgumentNullException.ThrowIfNull(point);
        return SeedDerivation.DerivePublic(Spec.Seed, point.SeedKey, replication);
    }

    /// <summary>The seed key of a point with parameters <paramref name="pointParameters"/> (see the remarks of <see cref="ExperimentPlan"/>).</summary>
    public static long SeedKeyOf(Parameters pointParameters, int occurrence = 0) => SeedKeyOf(SeedText(pointParameters), occurrence);

    /// <summary>Checks <paramref name="spec"/> and expands it; every problem goes to <paramref name="errors"/> and the result is then null.</summary>
    internal static ExperimentPlan? Create(ExperimentSpec spec, List<SpecError> errors)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            errors.Add(new SpecError("$.name", $"\"{spec.Name}\"", "a non-empty name"));
        }

        if (spec.Replications < 1 || spec.Replications > 1_000_000)
        {
            errors.Add(new SpecError("$.replications", Invariant(spec.Replications), "an integer from 1 to 1000000"));
        }

        if (spec.Seed < 0 || spec.Seed > SeedDerivation.MaxPublicSeed)
        {
            errors.Add(new SpecError("$.seed", Invariant(spec.Seed), $"an integer from 0 to {SeedDerivation.MaxPublicSeed}"));
        }

        CheckSettings(spec.Base, "$.base", errors);
        var varied = new HashSet<string>(spec.Design.Varied, StringComparer.Ordinal);
        CheckStructures(spec, varied, errors);
        var measures = CheckMeasures(spec, errors);
        CheckOutput(spec, errors);
        var baseParameters = ParameterSetting.ApplyAll(Parameters.Default, spec.Base);
        var settings = spec.Design.Generate(baseParameters, spec.Seed, errors);
        if (errors.Count > before)
        {
            // Still report what is wrong with the base point itself (rules tying base parameters together).
            if (spec.Structures.Count > 0)
            {
                Check(spec, [[]], varied, errors);
            }

            return null;
        }

        var runs = (long)settings.Count * spec.Replications * spec.Structures.Count;
        if (runs > int.MaxValue)
        {
            errors.Add(new SpecError("$.replications", Invariant(spec.Replications), $"fewer runs in all: points x structures x replications = {runs:N0}, at most {int.MaxValue:N0}"));
            return null;
        }

        var points = Check(spec, settings, varied, errors);
        return errors.Count > before ? null : new ExperimentPlan(spec, baseParameters, points, measures);
    }

    /// <summary>Makes the design points with their seed keys and checks every run's parameters (rules that tie parameters together).</summary>
    private static DesignPoint[] Check(ExperimentSpec spec, IReadOnlyList<IReadOnlyList<ParameterSetting>> settings, HashSet<string> varied, List<SpecError> errors)
    {
        var baseParameters = ParameterSetting.ApplyAll(Parameters.Default, spec.Base);
        var points = new DesignPoint[settings.Count];
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new Dictionary<string, (SpecError Error, int Count)>(StringComparer.Ordinal);
        for (var i = 0; i < settings.Count; i++)
        {
            var pointParameters = ParameterSetting.ApplyAll(baseParameters, settings[i]);
            var text = SeedText(pointParameters);
            occurrences.TryGetValue(text, out var occurrence);
            occurrences[text] = occurrence + 1;
            points[i] = new DesignPoint(i, settings[i], SeedKeyOf(text, occurrence));
            for (var s = 0; s < spec.Structures.Count; s++)
            {
                var runParameters = spec.Structures[s].Apply(pointParameters);
                var runProblems = runParameters.Validate();
                if (runProblems.Count == 0 && spec.Output.TimeSeriesInterval is { } interval && TimeSeries.IntervalProblem(interval, 0) is null
                    && TimeSeries.IntervalProblem(interval, runParameters.HorizonDays) is { } allowed)
                {
                    // Positive but too short for this run's horizon: more samples than a series may hold.
                    runProblems = [new ParameterError(OutputTimeSeriesPath, Invariant(interval), allowed)];
                }

                foreach (var problem in runProblems)
                {
                    var path = problem.Name == OutputTimeSeriesPath ? OutputTimeSeriesPath : PathOf(spec, problem.Name, s, i, varied);
                    var key = path + "\n" + problem.Allowed;
                    if (problems.TryGetValue(key, out var seen))
                    {
                        problems[key] = (seen.Error, seen.Count + 1);
                    }
                    else
                    {
                        var where = settings[i].Count == 0 ? "" : $" at point {i} ({string.Join(", ", settings[i])})";
                        var who = spec.Structures.Count > 1 ? $" for structure {spec.Structures[s].Label}" : "";
                        problems[key] = (new SpecError(path, problem.Value, problem.Allowed + where + who), 1);
                    }
                }
            }
        }

        foreach (var (error, count) in problems.Values)
        {
            errors.Add(count == 1 ? error : error with { Allowed = $"{error.Allowed} (and {count - 1} more {(count == 2 ? "run" : "runs")} alike)" });
        }

        return points;
    }

    /// <summary>The JSON path of the spec's time-series interval.</summary>
    private const string OutputTimeSeriesPath = "$.output.timeSeries";

    private static void CheckOutput(ExperimentSpec spec, List<SpecError> errors)
    {
        if (spec.Output.TimeSeriesInterval is { } interval && TimeSeries.IntervalProblem(interval, 0) is { } allowed)
        {
            errors.Add(new SpecError(OutputTimeSeriesPath, Invariant(interval), allowed));
        }
    }

    private static void CheckSettings(IReadOnlyList<ParameterSetting> settings, string path, List<SpecError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in settings)
        {
            if (!seen.Add(s.Name))
            {
                errors.Add(new SpecError($"{path}.{s.Name}", s.Text, "each parameter set once"));
            }
        }
    }

    private static void CheckStructures(ExperimentSpec spec, HashSet<string> varied, List<SpecError> errors)
    {
        if (spec.Structures.Count == 0)
        {
            errors.Add(new SpecError("$.structures", "[]", $"at least one structure: {CoordSim.Structures.StructureCatalog.Names}"));
        }

        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < spec.Structures.Count; i++)
        {
            var entry = spec.Structures[i];
            if (!IsLabel(entry.Label))
            {
                errors.Add(new SpecError($"$.structures[{i}].label", $"\"{entry.Label}\"", "letters, digits, '.', '_' and '-', starting with a letter or digit"));
            }
            else if (!labels.Add(entry.Label))
            {
                errors.Add(new SpecError($"$.structures[{i}].label", $"\"{entry.Label}\"",
                    "a label no other structure of the spec has: give entries of the same structure a \"label\" each"));
            }

            CheckSettings(entry.Overrides, $"$.structures[{i}].overrides", errors);
            foreach (var o in entry.Overrides.Where(o => varied.Contains(o.Name)))
            {
                errors.Add(new SpecError($"$.structures[{i}].overrides.{o.Name}", o.Text,
                    "no override of a parameter the design varies (remove it from the overrides or from the design)"));
            }

            if (entry.Structure is BodyStructure { Settings.Count: > 0 } body)
            {
                foreach (var fixedField in body.Settings.Where(f => varied.Contains(ParameterInfo.BodyFieldName(f.Body, f.Name))))
                {
                    var name = ParameterInfo.BodyFieldName(fixedField.Body, fixedField.Name);
                    errors.Add(new SpecError($"$.structures[{i}].{name}", fixedField.Text,
                        $"no field the design varies as {name} (remove it from the entry's bodies or from the design)"));
                }
            }
            else if (entry.Structure is not BodyStructure)
            {
                foreach (var o in entry.Overrides.Where(o => o.Parameter.BodyField is not null))
                {
                    errors.Add(new SpecError($"$.structures[{i}].overrides.{o.Name}", o.Text,
                        $"no body design field: {entry.Structure.Name} has no coordination body"));
                }
            }
        }
    }

    private static Measure[] CheckMeasures(ExperimentSpec spec, List<SpecError> errors)
    {
        if (spec.Measures is null)
        {
            return MeasureCatalog.All.ToArray();
        }

        if (spec.Measures.Count == 0)
        {
            errors.Add(new SpecError("$.measures", "[]", "at least one measure, or no \"measures\" field to keep them all"));
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Measures.Count; i++)
        {
            var name = spec.Measures[i];
            if (MeasureCatalog.RenamedTo(name) is { } renamed)
            {
                var why = name.StartsWith("latency", StringComparison.Ordinal)
                    ? " (the mean and quantiles over resolved issues only say so; latencyKm* and latencyRestrictedMean count the backlog)"
                    : " (the name now says what it measures)";
                errors.Add(new SpecError($"$.measures[{i}]", $"\"{name}\"", $"a current measure name: it was renamed {renamed}{why}"));
            }
            else if (MeasureCatalog.Find(name) is null)
            {
                errors.Add(new SpecError($"$.measures[{i}]", $"\"{name}\"", "one of " + string.Join(", ", MeasureCatalog.All.Select(m => m.Name))));
            }
            else if (!kept.Add(name))
            {
                errors.Add(new SpecError($"$.measures[{i}]", $"\"{name}\"", "each measure listed once"));
            }
        }

        // Whatever the selection, every run's result says how many issues were still pending and whether it reached a
        // steady state: no latency is written without them beside it.
        foreach (var always in AlwaysKept)
        {
            kept.Add(always);
        }

        return MeasureCatalog.All.Where(m => kept.Contains(m.Name)).ToArray();
    }

    private static string PathOf(ExperimentSpec spec, string parameter, int structure, int point, HashSet<string> varied)
    {
        if (spec.Structures[structure].Overrides.Any(o => o.Name == parameter))
        {
            return $"$.structures[{structure}].overrides.{parameter}";
        }

        if (varied.Contains(parameter))
        {
            return spec.Design is PointListDesign ? $"$.design.points[{point}]" : "$.design.factors." + parameter;
        }

        return "$.base." + parameter;
    }

    private static bool IsLabel(string label) =>
        label.Length > 0 && char.IsAsciiLetterOrDigit(label[0]) &&
        label.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static string SeedText(Parameters p)
    {
        var lines = new List<string>();
        foreach (var info in ParameterCatalog.All.Concat(p.BodyFields.Select(f => ParameterCatalog.Find(ParameterInfo.BodyFieldName(f.Body, f.Name))!)))
        {
            var text = info.Format(p);
            if (!string.Equals(text, info.DefaultText, StringComparison.Ordinal))
            {
                lines.Add(info.Name + "=" + text);
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }

    private static long SeedKeyOf(string text, int occurrence)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(occurrence == 0 ? text : text + "\n#" + Invariant(occurrence)));
        return System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(hash) & long.MaxValue;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
