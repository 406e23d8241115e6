namespace CoordSim;

/// <summary>Suggests the known name closest to a mistyped one (Levenshtein distance, case-insensitive), for error messages.</summary>
internal static class NameSuggestion
{
    /// <summary>The candidate closest to <paramref name="name"/> when it is at most <paramref name="maxDistance"/> edits away; otherwise null.</summary>
    public static string? Closest(IEnumerable<string> candidates, string name, int maxDistance = 3)
    {
        var closest = candidates.MinBy(c => Distance(c, name));
        return closest is not null && Distance(closest, name) <= maxDistance ? closest : null;
    }

    /// <summary>The number of single-character edits between <paramref name="a"/> and <paramref name="b"/>, ignoring case.</summary>
    public static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }
}
