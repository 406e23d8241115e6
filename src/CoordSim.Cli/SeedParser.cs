using System.Globalization;
using CoordSim.Engine;

namespace CoordSim.Cli;

/// <summary>Reads the <c>--seed</c> value: a whole number from 0 to 2^53 − 1 written without sign, spaces or separators.</summary>
internal static class SeedParser
{
    /// <summary>What <c>--seed</c> accepts, in words.</summary>
    public static string AllowedText { get; } =
        $"an integer from 0 to {SeedDerivation.MaxPublicSeed.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The seed written in <paramref name="text"/>, or null with the problem added to <paramref name="errors"/>.</summary>
    public static long? Parse(string text, ICollection<ParameterError> errors)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed)
            && seed >= 0 && seed <= SeedDerivation.MaxPublicSeed)
        {
            return seed;
        }

        errors.Add(new ParameterError("seed", $"\"{text}\"", AllowedText));
        return null;
    }
}
