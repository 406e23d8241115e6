using System.Globalization;
using System.Text.Json;

namespace CoordSim.Tests.Cli.Fuzzing;

/// <summary>
/// The inputs the fuzzer generates but does not run, because they are valid and take longer than a case's time bound:
/// an organisation of more than <see cref="MaxPeople"/> people, or a workload not bounded by <c>maxIssues</c> with a
/// huge arrival rate or horizon. They end (the event budget <c>maxEvents</c> ends every run, and the resource guard
/// refuses what would not fit in memory) but in minutes, not seconds. Periods below a day's hundredth, which once never
/// finished (<c>officeMeetingInterval=1e-300</c>, <c>missionDays=1e-300 restartAfter=1e-300</c>, found by this fuzzer),
/// are refused now and run as any other case. The generators still produce these values;
/// <see cref="KnownExpensive(IEnumerable{string})"/> says why a case is set aside, so that the reason shows in the
/// test's statistics.
/// </summary>
internal static class FuzzBudget
{
    /// <summary>The most people an organisation may have in a case that is run.</summary>
    public const double MaxPeople = 20_000;

    /// <summary>Why running the command line <paramref name="args"/> is known to take unbounded time or memory, or null.</summary>
    public static string? KnownExpensive(IEnumerable<string> args)
    {
        var list = args.ToList();
        var values = new List<(string Name, double Value)>();
        for (var i = 0; i < list.Count; i++)
        {
            var token = list[i];
            if (token == "--time-series" && i + 1 < list.Count && Number(list[i + 1]) is { } every)
            {
                values.Add(("--time-series", every));
            }

            foreach (var word in token.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var part = word.StartsWith("--set=", StringComparison.Ordinal) ? word["--set=".Length..] : word;
                var eq = part.LastIndexOf('=');
                if (eq > 0 && Number(part[(eq + 1)..]) is { } value)
                {
                    values.Add((part[..eq], value));
                }
            }
        }

        // run and compare start from maxIssues=150 (see CliFuzzing): the last assignment counts.
        return Judge(values, lastWins: true);
    }

    /// <summary>Why sweeping (or running a structure file of) this JSON text is known to take unbounded time or memory, or null.</summary>
    public static string? KnownExpensiveJson(byte[] json)
    {
        // JsonDocument, not JsonNode: a fuzzed file may repeat a key, which JsonObject refuses.
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 1_000 });
        }
        catch (JsonException)
        {
            return null; // Not JSON: nothing will run.
        }

        using (document)
        {
            var values = new List<(string Name, double Value)>();
            try
            {
                Collect(document.RootElement, null, values);
            }
            catch (InvalidOperationException)
            {
                return null; // A name or string of invalid UTF-8: no valid input, nothing will run.
            }

            return Judge(values, lastWins: false);
        }
    }

    private static void Collect(JsonElement element, string? name, List<(string, double)> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    // A range's ends and a point's members belong to the parameter that holds them.
                    Collect(member.Value, member.Name is "from" or "to" or "step" or "count" && name is not null ? name : member.Name, values);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, name, values);
                }

                break;
            case JsonValueKind.Number when name is not null:
                if (element.TryGetDouble(out var d))
                {
                    values.Add((name, d));
                }

                break;
            case JsonValueKind.String when name is not null:
                if (Number(element.GetString()!) is { } parsed)
                {
                    values.Add((name, parsed));
                }

                break;
        }
    }

    private static string? Judge(List<(string Name, double Value)> values, bool lastWins)
    {
        static string Bare(string name) => name.StartsWith("bodies[", StringComparison.Ordinal) && name.IndexOf("].", StringComparison.Ordinal) is var at and > 0 ? name[(at + 2)..] : name;

        double Largest(string name, double fallback) =>
            values.Where(v => Bare(v.Name) == name && double.IsFinite(v.Value)).Select(v => v.Value).DefaultIfEmpty(fallback).Max();

        var departments = Math.Min(64, Largest("departments", 8));
        var levels = Math.Min(10, Largest("levels", 4));
        var span = Math.Min(64, Largest("span", 4));
        var people = departments * Math.Pow(Math.Max(1, span), Math.Max(0, levels - 1));
        var executors = departments * Largest("executorsPerDepartment", 8);
        if (people > MaxPeople || executors > MaxPeople)
        {
            return $"an organisation of {Math.Max(people, executors).ToString("G3", CultureInfo.InvariantCulture)} people (known: unbounded memory)";
        }

        // maxIssues bounds a run's work unless it is 0 (the default: no bound); in a spec every value it takes counts.
        var bounds = values.Where(v => v.Name == "maxIssues").Select(v => v.Value).ToList();
        var taken = lastWins ? bounds.TakeLast(1).ToList() : bounds;
        if (taken.Count == 0 || taken.Any(m => !(m > 0 && m <= 20_000)))
        {
            if (Largest("arrivalRate", 40) * Math.Max(1, Largest("crisisMultiplier", 3)) > 2_000 || Largest("horizonDays", 365) > 2_000)
            {
                return "a workload not bounded by maxIssues with a huge arrival rate or horizon (known: unbounded time and memory)";
            }
        }

        return null;
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
