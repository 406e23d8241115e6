using System.Globalization;
using CoordSim.Engine;

namespace CoordSim.Experiments;

/// <summary>
/// Saltelli's (2002, 2010) sample for variance-based (Sobol') sensitivity indices over k factors: two
/// independent N × k matrices A and B, the first and the last k coordinates of the first N points of a
/// scrambled 2k-dimensional Sobol' sequence (<see cref="SobolSequence"/>), and for every factor i the
/// matrix A_B^(i), A with column i taken from B; with <see cref="SecondOrder"/> also B_A^(i), B with column
/// i taken from A. That is N(k + 2) points, or N(2k + 2) with second order. Points are numbered base row
/// by base row: row j gives A_j, A_B^(1)_j … A_B^(k)_j, then (second order) B_A^(1)_j … B_A^(k)_j, then B_j.
/// </summary>
/// <remarks>
/// A factor is a range (sampled continuously; integers: each integer equally likely; log scale: uniform
/// in the logarithm) or a list of values, each equally likely, as in <see cref="LatinHypercubeDesign"/>.
/// <see cref="Samples"/> is best a power of two: the first 2^m Sobol' points are then evenly spread in
/// every coordinate. The sequence is scrambled with <see cref="Seed"/>, or, when it is null, with a seed
/// derived from the experiment's seed (<see cref="SampleSeed"/>). The indices are computed by
/// <c>CoordSim.Sensitivity.SobolIndices</c>.
/// </remarks>
/// <param name="Samples">N: the number of base rows.</param>
/// <param name="Factors">The factors: ranges (from, to, scale) without step or count, or lists of values.</param>
/// <param name="SecondOrder">Whether to add the B_A^(i) matrices, for second-order indices S_ij.</param>
/// <param name="Seed">The scrambling seed, or null to derive it from the experiment's seed.</param>
public sealed record SobolDesign(int Samples, IReadOnlyList<Factor> Factors, bool SecondOrder = false, long? Seed = null) : Design
{
    /// <summary>The most factors a Sobol' design varies: half the dimensions of <see cref="SobolSequence"/>.</summary>
    public const int MaxFactors = SobolSequence.MaxDimensions / 2;

    private const long SampleStream = 0x534F_4244; // "SOBD"

    /// <inheritdoc />
    public override string Kind => "sobol";

    /// <inheritdoc />
    public override IReadOnlyList<string> Varied => Factors.Select(f => f.Name).ToArray();

    /// <summary>The points of one base row: k + 2, or 2k + 2 with second order.</summary>
    public int RowLength => SecondOrder ? (2 * Factors.Count) + 2 : Factors.Count + 2;

    /// <summary>The scrambling seed: <see cref="Seed"/>, or <c>SeedDerivation.DerivePublic(experimentSeed, 0x534F4244, 0)</c>.</summary>
    public long SampleSeed(long experimentSeed) => Seed ?? SeedDerivation.DerivePublic(experimentSeed, SampleStream, 0);

    /// <summary>
    /// Every point of the design on the unit cube, in the design's order: <c>result[j·RowLength + c][f]</c> is factor f's
    /// coordinate in [0, 1) in column c of base row j. Call it only for a design that <see cref="ExperimentSpec.Plan"/> accepted.
    /// </summary>
    public double[][] UnitPoints(long experimentSeed)
    {
        var k = Factors.Count;
        var sequence = new SobolSequence(2 * k, SampleSeed(experimentSeed));
        var result = new double[checked(Samples * RowLength)][];
        for (var j = 0; j < Samples; j++)
        {
            var ab = sequence.Point(j);
            var a = ab[..k];
            var b = ab[k..];
            var at = j * RowLength;
            result[at] = a;
            for (var i = 0; i < k; i++)
            {
                var abi = (double[])a.Clone();
                abi[i] = b[i];
                result[at + 1 + i] = abi;
                if (SecondOrder)
                {
                    var bai = (double[])b.Clone();
                    bai[i] = a[i];
                    result[at + 1 + k + i] = bai;
                }
            }

            result[at + RowLength - 1] = b;
        }

        return result;
    }

    /// <inheritdoc />
    internal override IReadOnlyList<IReadOnlyList<ParameterSetting>> Generate(Parameters basePoint, long experimentSeed, List<SpecError> errors)
    {
        var before = errors.Count;
        if (Factors.Count > MaxFactors)
        {
            errors.Add(new SpecError("$.design.factors", $"{Factors.Count} factors", $"at most {MaxFactors} factors (the Sobol' sequence holds {SobolSequence.MaxDimensions} dimensions, two per factor)"));
        }

        var maxSamples = Math.Max(2, MaxPoints / Math.Max(RowLength, 1));
        if (Samples < 2 || Samples > maxSamples)
        {
            errors.Add(new SpecError("$.design.samples", Samples.ToString(CultureInfo.InvariantCulture),
                $"an integer from 2 to {maxSamples} (samples × {RowLength} points, at most {MaxPoints}), best a power of two"));
        }

        var infos = CheckSampledFactors(Factors, Seed, Kind, rangesOnly: false, errors);
        return errors.Count > before || infos is null ? [] : AtUnitPoints(Factors, infos, UnitPoints(experimentSeed));
    }
}
