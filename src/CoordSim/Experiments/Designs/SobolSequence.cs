using System.Globalization;
using System.Numerics;
using CoordSim.Engine;

namespace CoordSim.Experiments;

/// <summary>
/// The Sobol' low-discrepancy sequence in up to <see cref="MaxDimensions"/> dimensions, with Joe and
/// Kuo's (2008) direction numbers (<c>new-joe-kuo-6.21201</c>), 32 binary digits per coordinate:
/// point n is the XOR of the direction numbers picked by the bits of n's Gray code, so point 0 is the
/// origin and the first 2^m points of every coordinate hold one point in each interval [k/2^m, (k+1)/2^m).
/// </summary>
/// <remarks>
/// With a scrambling seed the sequence is randomised by Matoušek's (1998) random linear matrix
/// scrambling followed by a random digital shift (each dimension's generator matrix is multiplied by a
/// random lower-triangular binary matrix with a unit diagonal, then every point is XORed with a random
/// 32-bit word): the randomised points are still a digital net, so the stratification above is kept,
/// each point is uniformly distributed on the cube, and different seeds give independent replicates of
/// the integration error. Deterministic in the seed.
/// </remarks>
public sealed class SobolSequence
{
    /// <summary>The most dimensions the sequence has (the direction numbers held).</summary>
    public const int MaxDimensions = JoeKuoDirectionNumbers.Dimensions;

    /// <summary>The most points the sequence has: 2^32.</summary>
    public const long MaxPoints = 1L << Bits;

    private const int Bits = 32;
    private const double Unit = 1.0 / (1L << Bits);
    private static readonly Lazy<uint[][]> Unscrambled = new(ReadDirections);

    private readonly uint[][] directions;
    private readonly uint[] shifts;

    /// <summary>The first <paramref name="dimensions"/> dimensions of the sequence, scrambled with <paramref name="scrambleSeed"/> or, when it is null, as published.</summary>
    public SobolSequence(int dimensions, long? scrambleSeed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        Dimensions = dimensions;
        directions = new uint[dimensions][];
        shifts = new uint[dimensions];
        if (scrambleSeed is not { } seed)
        {
            for (var j = 0; j < dimensions; j++)
            {
                directions[j] = Unscrambled.Value[j];
            }

            return;
        }

        var random = new RandomStream(SeedDerivation.Derive((ulong)seed, 0x534F_424CUL)); // "SOBL"
        var rows = new uint[Bits];
        for (var j = 0; j < dimensions; j++)
        {
            // Row r (digit r + 1 of the output, counted from the most significant) of a random lower-triangular
            // matrix with a unit diagonal: random bits for the digits before it, a one on its own digit.
            for (var r = 0; r < Bits; r++)
            {
                var own = 1u << (Bits - 1 - r);
                var before = r == 0 ? 0u : ~(own | (own - 1));
                rows[r] = own | ((uint)random.NextUInt64() & before);
            }

            var scrambled = new uint[Bits];
            for (var k = 0; k < Bits; k++)
            {
                var v = Unscrambled.Value[j][k];
                var w = 0u;
                for (var r = 0; r < Bits; r++)
                {
                    w |= (uint)(BitOperations.PopCount(rows[r] & v) & 1) << (Bits - 1 - r);
                }

                scrambled[k] = w;
            }

            directions[j] = scrambled;
            shifts[j] = (uint)random.NextUInt64();
        }
    }

    /// <summary>The number of coordinates of each point.</summary>
    public int Dimensions { get; }

    /// <summary>Point <paramref name="index"/> (0 ≤ index &lt; <see cref="MaxPoints"/>): its coordinates, each in [0, 1).</summary>
    public double[] Point(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxPoints);
        var gray = (uint)(index ^ (index >> 1));
        var point = new double[Dimensions];
        for (var j = 0; j < Dimensions; j++)
        {
            var x = shifts[j];
            var bits = gray;
            while (bits != 0)
            {
                var k = BitOperations.TrailingZeroCount(bits);
                x ^= directions[j][k];
                bits &= bits - 1;
            }

            point[j] = x * Unit;
        }

        return point;
    }

    /// <summary>The first <paramref name="count"/> points: <c>result[i][j]</c> is coordinate j of point i.</summary>
    public double[][] Points(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new double[count][];
        for (var i = 0; i < count; i++)
        {
            result[i] = Point(i);
        }

        return result;
    }

    /// <summary>
    /// Each dimension's 32 direction numbers v_1 … v_32 as binary fractions in the high bits of a word:
    /// dimension 1 has m_k = 1; the others start from Joe and Kuo's m_1 … m_s and continue with
    /// m_k = 2a_1 m_{k−1} ⊕ 4a_2 m_{k−2} ⊕ … ⊕ 2^{s−1}a_{s−1} m_{k−s+1} ⊕ 2^s m_{k−s} ⊕ m_{k−s}; v_k = m_k / 2^k.
    /// </summary>
    private static uint[][] ReadDirections()
    {
        var result = new uint[MaxDimensions][];
        result[0] = new uint[Bits];
        for (var k = 0; k < Bits; k++)
        {
            result[0][k] = 1u << (Bits - 1 - k);
        }

        var lines = JoeKuoDirectionNumbers.Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var j = 1; j < MaxDimensions; j++)
        {
            var fields = lines[j - 1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => ulong.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var s = (int)fields[1];
            var a = fields[2];
            var m = new ulong[Bits];
            for (var k = 0; k < Bits; k++)
            {
                if (k < s)
                {
                    m[k] = fields[3 + k];
                    continue;
                }

                var next = m[k - s] ^ (m[k - s] << s);
                for (var l = 1; l < s; l++)
                {
                    if (((a >> (s - 1 - l)) & 1) != 0)
                    {
                        next ^= m[k - l] << l;
                    }
                }

                m[k] = next;
            }

            result[j] = new uint[Bits];
            for (var k = 0; k < Bits; k++)
            {
                result[j][k] = (uint)(m[k] << (Bits - 1 - k));
            }
        }

        return result;
    }
}
