using System.Globalization;

namespace CoordSim.Benchmarks;

/// <summary>
/// The parameter sets the benchmarks run: three named organisation sizes for whole runs, and the
/// points of the two scaling series (organisation size, issue count). Every benchmark uses
/// <see cref="Seed"/>, so a benchmark case always simulates exactly the same events.
/// </summary>
public static class Scenarios
{
    /// <summary>The seed of every benchmarked run.</summary>
    public const long Seed = 20261124;

    /// <summary>The names accepted by <see cref="Sized"/>, smallest first.</summary>
    public static IReadOnlyList<string> Sizes { get; } = ["small", "default", "default-v1", "large"];

    /// <summary>
    /// A named organisation size: "small" (4 departments × 3 levels × span 3, 90 days, 10 issues a
    /// day so that its 36 frontline people are not saturated as they would be at the default 40), "default"
    /// (<see cref="Parameters.Default"/>: 8 × 4 × 4, one year), "default-v1" (the same under
    /// <see cref="ParameterPresets.V1"/>: the first model's pure queueing, no consultation, free meetings, to
    /// compare the kernel's throughput with the first model's) or "large" (8 × 5 × 6, one year).
    /// </summary>
    public static Parameters Sized(string size) => size switch
    {
        "small" => Parameters.Default with { Departments = 4, Levels = 3, Span = 3, HorizonDays = 90, ArrivalRate = 10 },
        "default" => Parameters.Default,
        "default-v1" => ParameterPresets.V1.Parameters,
        "large" => Parameters.Default with { Departments = 8, Levels = 5, Span = 6 },
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, $"Unknown size; allowed: {string.Join(", ", Sizes)}."),
    };

    /// <summary>
    /// An organisation of exactly <paramref name="people"/> people (a power of ten, 10 or more):
    /// nine departments of span 10, with log10(people) levels, so 9 × (10^L − 1) / 9 + 1 = 10^L.
    /// Arrivals stop after <paramref name="issues"/> issues and the run ends when they are resolved.
    /// </summary>
    public static Parameters Organisation(long people, long issues)
    {
        var levels = (int)Math.Round(Math.Log10(people));
        if (people < 10 || Pow10(levels) != people || levels > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(people), people, "The organisation size must be a power of ten from 10 to 10^10.");
        }

        return WithIssues(Parameters.Default with { Departments = 9, Levels = levels, Span = 10, Deputies = 0 }, issues);
    }

    /// <summary>The default organisation with arrivals stopped after <paramref name="issues"/> issues (the run drains them).</summary>
    public static Parameters Issues(long issues) => WithIssues(Parameters.Default, issues);

    /// <summary>
    /// An overloaded default organisation: <paramref name="issues"/> issues arrive at issues/8 a day
    /// (all of them within about eight of the ten simulated days), far beyond what the heads can
    /// decide, so nearly all of them are still in flight at the horizon. Used to measure the memory
    /// one in-flight issue takes.
    /// </summary>
    public static Parameters Backlog(long issues) =>
        Parameters.Default with { ArrivalRate = issues / 8.0, HorizonDays = 10, WarmupDays = 0, MaxIssues = issues, MaxPending = Math.Max(issues, 1) };

    /// <summary>Sets <c>maxIssues</c> and a horizon long enough for every issue to arrive and be resolved.</summary>
    private static Parameters WithIssues(Parameters p, long issues) =>
        p with { MaxIssues = issues, WarmupDays = 0, HorizonDays = Math.Ceiling((issues / p.ArrivalRate * 1.25) + 60) };

    /// <summary>A compact label such as "1e6" for a power of ten, otherwise the number.</summary>
    public static string Label(long value)
    {
        var exponent = (int)Math.Round(Math.Log10(Math.Max(1, value)));
        return Pow10(exponent) == value ? $"1e{exponent}" : value.ToString(CultureInfo.InvariantCulture);
    }

    private static long Pow10(int exponent)
    {
        long v = 1;
        for (var i = 0; i < exponent; i++)
        {
            v *= 10;
        }

        return v;
    }
}
