using System.Text;
using System.Text.Json;
using CoordSim.Metrics;
using CoordSim.Structures;

namespace CoordSim.Experiments;

/// <summary>
/// Writes an <see cref="ExperimentSpec"/> as JSON in canonical form: fixed field order, every
/// field written, values in their parameter's type. <see cref="SpecReader"/> reads it back to an
/// equal spec; its SHA-256 is <see cref="ExperimentSpec.Hash"/>.
/// </summary>
internal static class SpecWriter
{
    /// <summary>The spec as indented JSON ('\n' line ends).</summary>
    public static string Write(ExperimentSpec spec) => JsonText.Write(w => Write(w, spec));

    /// <summary>Writes the spec as a JSON object.</summary>
    public static void Write(Utf8JsonWriter w, ExperimentSpec spec)
    {
        w.WriteStartObject();
        w.WriteString("name", spec.Name);
        w.WriteString("description", spec.Description);
        w.WriteStartArray("structures");
        foreach (var s in spec.Structures)
        {
            if (s.IsPlain)
            {
                w.WriteStringValue(s.Structure.Name);
                continue;
            }

            w.WriteStartObject();
            w.WriteString("name", s.Structure.Name);
            w.WriteString("label", s.Label);
            var catalogued = s.IsCatalogued;
            if (!catalogued)
            {
                w.WriteString("description", s.Structure.Description);
                if (s.Structure is BodyStructure { Organisation: not OrganisationForm.Hierarchy } built)
                {
                    w.WriteString("organisation", ParameterInfo.ToKebab(built.Organisation.ToString()));
                }
            }

            w.WritePropertyName("overrides");
            WriteSettings(w, s.Overrides);
            if (s.Structure is BodyStructure body && (body.Settings.Count > 0 || !catalogued))
            {
                // Written only when fields are fixed or the bodies are not the catalogue's, so the canonical form and
                // hash of other specs stay as they were.
                w.WriteStartArray("bodies");
                for (var b = 0; b < body.Bodies.Count; b++)
                {
                    // A body that is not the catalogue's is written as what it is like, its parent, and the fields it
                    // fixes by definition and in this entry.
                    var part = catalogued ? null : body.Bodies[b];
                    WriteBody(w, (part?.Fixed ?? []).Concat(body.Settings.Where(x => x.Body == b)), part?.Like, part?.Parent);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("base");
        WriteSettings(w, spec.Base);
        w.WritePropertyName("design");
        WriteDesign(w, spec.Design);
        w.WriteNumber("replications", spec.Replications);
        w.WriteNumber("seed", spec.Seed);
        if (spec.Measures is not null)
        {
            w.WriteStartArray("measures");
            foreach (var m in spec.Measures)
            {
                w.WriteStringValue(m);
            }

            w.WriteEndArray();
        }

        w.WriteStartObject("output");
        w.WriteBoolean("issues", spec.Output.Issues);
        // Written only when not the default, so the canonical form and hash of a spec that does not mention it stay as they were.
        if (spec.Output.TimeSeriesInterval is not { } interval)
        {
            w.WriteBoolean("timeSeries", false);
        }
        else if (interval != OutputOptions.DefaultTimeSeriesInterval)
        {
            w.WriteNumber("timeSeries", interval);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes one body's fixed fields as an object, each field once with its last value, in the catalog's order; with <paramref name="like"/>, first the catalogue body it starts from and its parent.</summary>
    internal static void WriteBody(Utf8JsonWriter w, IEnumerable<BodySetting> settings, string? like = null, int? parent = null)
    {
        var last = settings.GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        w.WriteStartObject();
        if (like is not null)
        {
            // A body that is not the catalogue's: what it starts from and its parent (null included, which also
            // undoes a catalogue structure's parent).
            w.WriteString("like", like);
            if (parent is { } p)
            {
                w.WriteNumber("parent", p);
            }
            else
            {
                w.WriteNull("parent");
            }
        }

        foreach (var field in BodyDesignFields.All.Where(f => last.ContainsKey(f.Name)))
        {
            JsonMembers.Write(w, field.Name, last[field.Name].Value);
        }

        w.WriteEndObject();
    }

    private static void WriteDesign(Utf8JsonWriter w, Design design)
    {
        w.WriteStartObject();
        w.WriteString("kind", design.Kind);
        switch (design)
        {
            case PointListDesign points:
                w.WriteStartArray("points");
                foreach (var point in points.Points)
                {
                    WriteSettings(w, point);
                }

                w.WriteEndArray();
                break;
            case LatinHypercubeDesign lhs:
                w.WriteNumber("samples", lhs.Samples);
                if (lhs.Seed is { } seed)
                {
                    w.WriteNumber("seed", seed);
                }

                WriteFactors(w, lhs.Factors);
                break;
            case MorrisDesign morris:
                w.WriteNumber("trajectories", morris.Trajectories);
                w.WriteNumber("levels", morris.Levels);
                if (morris.Candidates is { } candidates)
                {
                    w.WriteNumber("candidates", candidates);
                }

                if (morris.Seed is { } morrisSeed)
                {
                    w.WriteNumber("seed", morrisSeed);
                }

                WriteFactors(w, morris.Factors);
                break;
            case SobolDesign sobol:
                w.WriteNumber("samples", sobol.Samples);
                if (sobol.SecondOrder)
                {
                    w.WriteBoolean("secondOrder", true);
                }

                if (sobol.Seed is { } sobolSeed)
                {
                    w.WriteNumber("seed", sobolSeed);
                }

                WriteFactors(w, sobol.Factors);
                break;
            case FactorialDesign factorial:
                WriteFactors(w, factorial.Factors);
                break;
            case OneFactorAtATimeDesign oat:
                WriteFactors(w, oat.Factors);
                break;
            default:
                throw new InvalidOperationException($"Unknown design {design.GetType().Name}.");
        }

        w.WriteEndObject();
    }

    private static void WriteFactors(Utf8JsonWriter w, IReadOnlyList<Factor> factors)
    {
        w.WriteStartObject("factors");
        foreach (var f in factors)
        {
            w.WritePropertyName(f.Name);
            switch (f.Levels)
            {
                case ValueLevels values:
                    var info = ParameterCatalog.Find(f.Name);
                    w.WriteStartArray();
                    foreach (var v in values.Values)
                    {
                        if (info is not null && ParameterSetting.TryCreate(info, v, out var setting, out _))
                        {
                            WriteValue(w, setting!.Value);
                        }
                        else
                        {
                            WriteValue(w, v);
                        }
                    }

                    w.WriteEndArray();
                    break;
                case RangeLevels range:
                    w.WriteStartObject();
                    w.WriteNumber("from", range.From);
                    w.WriteNumber("to", range.To);
                    if (range.Step is { } step)
                    {
                        w.WriteNumber("step", step);
                    }

                    if (range.Count is { } count)
                    {
                        w.WriteNumber("count", count);
                    }

                    w.WriteString("scale", range.Scale == RangeScale.Log ? "log" : "linear");
                    w.WriteEndObject();
                    break;
                default:
                    throw new InvalidOperationException($"Unknown levels {f.Levels.GetType().Name}.");
            }
        }

        w.WriteEndObject();
    }

    private static void WriteSettings(Utf8JsonWriter w, IReadOnlyList<ParameterSetting> settings)
    {
        w.WriteStartObject();
        foreach (var s in settings)
        {
            w.WritePropertyName(s.Name);
            WriteValue(w, s.Value);
        }

        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, object value)
    {
        switch (value)
        {
            case int i:
                w.WriteNumberValue(i);
                break;
            case long l:
                w.WriteNumberValue(l);
                break;
            case double d:
                w.WriteNumberValue(d);
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case IConvertible c and not string and not Enum:
                w.WriteNumberValue(c.ToDouble(System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                w.WriteStringValue(ParameterInfo.FormatValue(value));
                break;
        }
    }
}
