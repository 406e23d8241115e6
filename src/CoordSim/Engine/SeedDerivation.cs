namespace CoordSim.Engine;

/// <summary>
/// Derives independent seeds from a root seed and a path of integers (for example
/// experiment, point, replication, purpose) by SplitMix64 mixing. A derived seed depends
/// only on its inputs, never on how many other seeds were derived before it, so adding
/// points, replications or threads never changes another run's random numbers.
/// </summary>
public static class SeedDerivation
{
    /// <summary>Largest seed handed to users: 2^53 − 1, so seeds survive a round trip through R and JavaScript doubles.</summary>
    public const long MaxPublicSeed = (1L << 53) - 1;

    /// <summary>One step of SplitMix64: advances <paramref name="state"/> and returns a well-mixed 64-bit value.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>The SplitMix64 finaliser: a bijective avalanche of 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A 64-bit seed derived from <paramref name="root"/> and one component.</summary>
    public static ulong Derive(ulong root, ulong a) => Mix(Mix(root ^ 0x5851F42D4C957F2DUL) + Mix(a + 0x14057B7EF767814FUL));

    /// <summary>A 64-bit seed derived from <paramref name="root"/> and two components.</summary>
    public static ulong Derive(ulong root, ulong a, ulong b) => Derive(Derive(root, a), b);

    /// <summary>A 64-bit seed derived from <paramref name="root"/> and three components.</summary>
    public static ulong Derive(ulong root, ulong a, ulong b, ulong c) => Derive(Derive(Derive(root, a), b), c);

    /// <summary>A seed derived like <see cref="Derive(ulong, ulong, ulong)"/> but reduced to [0, <see cref="MaxPublicSeed"/>] so it can be printed, stored in CSV and typed back exactly.</summary>
    public static long DerivePublic(long root, long a, long b) =>
        (long)(Derive((ulong)root, (ulong)a, (ulong)b) & (ulong)MaxPublicSeed);

    /// <summary>
    /// The stream seed of one purpose of a run (the model numbers its purposes; the engine does not know them):
    /// seeds of different purposes are independent.
    /// </summary>
    public static ulong ForPurpose(long runSeed, ulong purpose) => Derive((ulong)runSeed, 0xC0FFEE, purpose);
}
