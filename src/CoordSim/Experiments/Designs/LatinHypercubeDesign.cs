using CoordSim.Engine;

namespace CoordSim.Experiments;

/// <summary>
/// A Latin hypercube sample of <see cref="Samples"/> points: each factor's range is cut into
/// <see cref="Samples"/> equally likely strata and every stratum of every factor is used by exactly
/// one point (<see cref="LatinHypercube"/>). Ranges are sampled continuously (integers: each integer
/// equally likely; log scale: uniform in the logarithm); a list of values is picked from with equal
/// probability. The sample is fixed by <see cref="Seed"/>, or, when it is null, by a seed derived
/// from the experiment's seed (<see cref="SampleSeed"/>).
/// </summary>
/// <param name="Samples">Number of points.</param>
/// <param name="Factors">The factors: ranges (from, to, scale) or lists of values.</param>
/// <param name="Seed">The seed of the sample, or null to derive it from the experiment's seed.</param>
public sealed record LatinHypercubeDesign(int Samples, IReadOnlyList<Factor> Factors, long? Seed = null) : Design
{
    private const long SampleStream = 0x4C48_5344; // "LHSD"

    /// <inheritdoc />
    public override string Kind => "latin-hypercube";

    /// <inheritdoc />
    public override IReadOnlyList<string> Varied => Factors.Select(f => f.Name).ToArray();

    /// <summary>The seed the sample is drawn with: <see cref="Seed"/>, or <c>SeedDerivation.DerivePublic(experimentSeed, 0x4C485344, 0)</c>.</summary>
    public long SampleSeed(long experimentSeed) => Seed ?? SeedDerivation.DerivePublic(experimentSeed, SampleStream, 0);

    /// <inheritdoc />
    internal override IReadOnlyList<IReadOnlyList<ParameterSetting>> Generate(Parameters basePoint, long experimentSeed, List<SpecError> errors)
    {
        var before = errors.Count;
        if (Samples < 1 || Samples > MaxPoints)
        {
            errors.Add(new SpecError("$.design.samples", Samples.ToString(System.Globalization.CultureInfo.InvariantCulture), $"an integer from 1 to {MaxPoints}"));
        }

        if (Seed is { } seed && (seed < 0 || seed > SeedDerivation.MaxPublicSeed))
        {
            errors.Add(new SpecError("$.design.seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), $"an integer from 0 to {SeedDerivation.MaxPublicSeed}"));
        }

        if (Factors.Count == 0)
        {
            errors.Add(new SpecError("$.design.factors", "{}", "at least one factor"));
        }

        var infos = Resolve(Factors, errors);
        for (var i = 0; i < Factors.Count; i++)
        {
            if (infos[i] is { } info)
            {
                Factors[i].Levels.CheckSampling(info, FactorPath(Factors[i].Name), Kind, errors);
            }
        }

        if (errors.Count > before)
        {
            return [];
        }

        var unit = LatinHypercube.Sample(Samples, Factors.Count, SampleSeed(experimentSeed));
        var points = new List<IReadOnlyList<ParameterSetting>>(Samples);
        for (var i = 0; i < Samples; i++)
        {
            var point = new ParameterSetting[Factors.Count];
            for (var f = 0; f < Factors.Count; f++)
            {
                point[f] = Factors[f].Levels.Sample(infos[f]!, unit[i][f]);
            }

            points.Add(point);
        }

        return points;
    }
}
