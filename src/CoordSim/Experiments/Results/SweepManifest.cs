using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace CoordSim.Experiments;

/// <summary>
/// <c>manifest.json</c> of a results folder: what the sweep is (the spec in canonical form and its
/// hash, the library version, the varied parameters and kept measures), how far it got (status,
/// runs finished) and its timing. Only <c>threads</c>, <c>startedUtc</c>, <c>finishedUtc</c> and
/// <c>wallSeconds</c> differ between an interrupted-and-resumed sweep and one that ran straight
/// through. Replaced atomically (written beside and renamed), so it is never torn.
/// </summary>
/// <param name="Status">running, complete, cancelled or failed.</param>
/// <param name="CompletedRuns">Runs finished and written to runs.csv.</param>
/// <param name="Threads">Threads of the last session.</param>
/// <param name="StartedUtc">When the first session started.</param>
/// <param name="FinishedUtc">When the last session ended, or null while it runs.</param>
/// <param name="WallSeconds">Wall time of every session, added up.</param>
internal sealed record SweepManifest(string Status, int CompletedRuns, int Threads, DateTime StartedUtc, DateTime? FinishedUtc, double WallSeconds)
{
    /// <summary>The file name.</summary>
    public const string FileName = ResultsFormat.ManifestFile;

    /// <summary>The slice of the runs this folder holds (its number, count and runs are written as <c>shard</c>), or null for every run.</summary>
    public Shard? Shard { get; init; }

    /// <summary>The format tag of the manifest.</summary>
    public const string Format = "coordsim-sweep/1";

    /// <summary>The library and its version, as manifests record it.</summary>
    public static string Library { get; } = "CoordSim " +
        (typeof(SweepManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
         ?? typeof(SweepManifest).Assembly.GetName().Version?.ToString() ?? "unknown");

    /// <summary>Writes the manifest of <paramref name="plan"/> to <paramref name="path"/>, replacing the old one at once.</summary>
    public void Write(string path, ExperimentPlan plan, IReadOnlyList<string> files)
    {
        var shard = Shard is { Count: > 1 } sliced ? sliced : null;
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            using (var w = new Utf8JsonWriter(stream, JsonText.Options))
            {
                w.WriteStartObject();
                w.WriteString("format", Format);
                w.WriteString("name", plan.Spec.Name);
                w.WriteString("library", Library);
                w.WriteString("specHash", plan.Spec.Hash);
                w.WriteString("status", Status);
                w.WriteNumber("runs", plan.RunCount);
                if (shard is not null)
                {
                    // Only in a shard's folder, so that merged shards write the manifest of a sweep run on one machine.
                    w.WriteStartObject("shard");
                    w.WriteNumber("number", shard.Number);
                    w.WriteNumber("count", shard.Count);
                    w.WriteNumber("runs", shard.Runs(plan).Count);
                    w.WriteEndObject();
                }

                w.WriteNumber("completedRuns", CompletedRuns);
                w.WriteNumber("points", plan.Points.Count);
                Strings(w, "structures", plan.Structures.Select(s => s.Label));
                w.WriteNumber("replications", plan.Replications);
                Strings(w, "varied", plan.Varied);
                Strings(w, "measures", plan.Measures.Select(m => m.Name));
                Strings(w, "files", files);
                w.WriteNumber("threads", Threads);
                w.WriteString("startedUtc", Iso(StartedUtc));
                if (FinishedUtc is { } finished)
                {
                    w.WriteString("finishedUtc", Iso(finished));
                }
                else
                {
                    w.WriteNull("finishedUtc");
                }

                w.WriteNumber("wallSeconds", Math.Round(WallSeconds, 3));
                w.WritePropertyName("spec");
                SpecWriter.Write(w, plan.Spec);
                w.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads the manifest at <paramref name="path"/>: its spec hash, library and the progress fields.</summary>
    /// <exception cref="SweepException">The file is not a sweep manifest.</exception>
    public static (string SpecHash, string Library, SweepManifest Manifest) Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != Format)
            {
                throw new SweepException(SweepRefusal.UnreadableManifest, $"{path} is not a manifest of a coordsim sweep (format {Format}).", UnreadableAdvice);
            }

            var finished = root.GetProperty("finishedUtc");
            var manifest = new SweepManifest(
                root.GetProperty("status").GetString()!,
                root.GetProperty("completedRuns").GetInt32(),
                root.GetProperty("threads").GetInt32(),
                ParseIso(root.GetProperty("startedUtc").GetString()!),
                finished.ValueKind == JsonValueKind.Null ? null : ParseIso(finished.GetString()!),
                root.GetProperty("wallSeconds").GetDouble())
            {
                Shard = root.TryGetProperty("shard", out var shard)
                    ? new Shard(shard.GetProperty("number").GetInt32(), shard.GetProperty("count").GetInt32())
                    : null,
            };
            return (root.GetProperty("specHash").GetString()!, root.GetProperty("library").GetString()!, manifest);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            throw Unreadable(path, e);
        }
    }

    /// <summary>The files the manifest at <paramref name="path"/> lists: what its sweep (or merge) writes, in order.</summary>
    /// <exception cref="SweepException">The file is not a sweep manifest.</exception>
    public static IReadOnlyList<string> ReadFiles(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw Unreadable(path, e);
        }
    }

    /// <summary>The spec recorded in the manifest at <paramref name="path"/> (the canonical form the sweep ran).</summary>
    /// <exception cref="SweepException">The file is not a sweep manifest, or its spec cannot be read.</exception>
    public static ExperimentSpec ReadSpec(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return ExperimentSpec.Parse(document.RootElement.GetProperty("spec").GetRawText(), path + "#spec");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or SpecException)
        {
            throw Unreadable(path, e);
        }
    }

    private const string UnreadableAdvice = "Start the sweep again in an empty folder or with SweepOptions.Force.";

    /// <summary>The refusal of a manifest that <paramref name="e"/> says cannot be read, naming the file and the reason.</summary>
    private static SweepException Unreadable(string path, Exception e) =>
        new(SweepRefusal.UnreadableManifest, $"{path} cannot be read as a sweep manifest ({e.Message}).", UnreadableAdvice);

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTime ParseIso(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
