using MathNet.Numerics.Distributions;

namespace CoordSim.Engine;

/// <summary>
/// A xoshiro256** pseudo-random generator (Blackman &amp; Vigna) exposed as a
/// <see cref="System.Random"/> so that MathNet.Numerics distributions sample from it.
/// Its state is four 64-bit words seeded by SplitMix64, so any 64-bit seed gives a
/// well-mixed, independent-looking stream. Not thread-safe: one stream per run and purpose.
/// </summary>
public sealed class RandomStream : Random
{
    /// <summary>Number of standard normal values <see cref="NextStandardNormal"/> draws from the stream at a time.</summary>
    public const int NormalBatch = 512;

    private const double DoubleUnit = 1.0 / (1UL << 53);
    private ulong _s0, _s1, _s2, _s3;
    private double[]? _normals;
    private int _normalIndex;

    /// <summary>Creates a stream from a 64-bit seed.</summary>
    public RandomStream(ulong seed)
    {
        Reseed(seed);
    }

    /// <summary>Restarts the stream from <paramref name="seed"/> (as if newly created).</summary>
    public void Reseed(ulong seed)
    {
        var x = seed;
        _s0 = SeedDerivation.SplitMix64(ref x);
        _s1 = SeedDerivation.SplitMix64(ref x);
        _s2 = SeedDerivation.SplitMix64(ref x);
        _s3 = SeedDerivation.SplitMix64(ref x);
        _normalIndex = NormalBatch;
    }

    /// <summary>
    /// A standard normal value. Values are drawn <see cref="NormalBatch"/> at a time with
    /// MathNet's bulk sampler <c>Normal.Samples(Random, double[], 0, 1)</c>, which keeps both
    /// values of each polar pair and took about half the time per value of <c>Normal.Sample</c>
    /// (docs/performance.md); the batch is held in the stream and handed out in order. A batch reads
    /// ahead in the stream, so do not mix these values with other draws from the same stream
    /// where the order of draws must match another program. Deterministic for a given seed and
    /// sequence of calls; <see cref="Reseed"/> discards the batch. Refilling a batch allocates
    /// MathNet's working array of uniforms (about 10 bytes per value).
    /// </summary>
    public double NextStandardNormal()
    {
        var batch = _normals ??= new double[NormalBatch];
        if (_normalIndex == NormalBatch)
        {
            Normal.Samples(this, batch, 0.0, 1.0);
            _normalIndex = 0;
        }

        return batch[_normalIndex++];
    }

    /// <summary>The next raw 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = BitRotate(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitRotate(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => (NextUInt64() >> 11) * DoubleUnit;

    /// <summary>A uniform double in (0, 1): never zero, safe for logarithms.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * DoubleUnit;

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    /// <inheritdoc />
    public override int Next() => (int)(NextUInt64() >> 33) & int.MaxValue;

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)NextBounded((ulong)maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + (long)NextBounded((ulong)((long)maxValue - minValue)));
    }

    /// <inheritdoc />
    public override long NextInt64() => (long)(NextUInt64() >> 1);

    /// <inheritdoc />
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (long)NextBounded((ulong)maxValue);
    }

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (long)NextBounded((ulong)(maxValue - minValue));
    }

    /// <inheritdoc />
    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        var i = 0;
        while (i < buffer.Length)
        {
            var word = NextUInt64();
            for (var b = 0; b < 8 && i < buffer.Length; b++, i++)
            {
                buffer[i] = (byte)(word >> (8 * b));
            }
        }
    }

    /// <summary>An unbiased uniform integer in [0, <paramref name="bound"/>) by Lemire's multiply-and-reject method.</summary>
    public ulong NextBounded(ulong bound)
    {
        if (bound == 0)
        {
            return 0;
        }

        var product = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0UL - bound) % bound;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return product;
    }

    private static ulong BitRotate(ulong x, int k) => (x << k) | (x >> (64 - k));
}
