using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

using CoordSim.Experiments;

namespace CoordSim.Plots.Results;

/// <summary>
/// What the figures need from <c>manifest.json</c>: the spec's name, the library version, the
/// varied parameters (which choose the axes), the structures in the spec's order and the design
/// (its kind and factors). The whole document stays available as <see cref="Json"/>.
/// </summary>
/// <remarks>
/// Keys read (camelCase): <c>spec.name</c> (else <c>name</c>), <c>libraryVersion</c> (else
/// <c>version</c>, else <c>library</c>, which sweeps write), <c>variedParameters</c> (else <c>varied</c>; an array of parameter names) and
/// <c>spec.structures</c> (an array of names, or of objects with a <c>name</c>), <c>spec.design.kind</c>,
/// the names of <c>spec.design.factors</c> (an object with one key per factor; a factor given as
/// a range with <c>"scale": "log"</c> is log-spaced), <c>spec.design.trajectories</c>, <c>levels</c>, <c>samples</c> and
/// <c>secondOrder</c> (morris and sobol designs), and <c>spec.output.timeSeries</c> (a number). Every key is optional; when the varied
/// parameters are missing, the figures find them from the data.
/// </remarks>
/// <param name="FilePath">The file read.</param>
/// <param name="SpecName">The spec's name, or null.</param>
/// <param name="LibraryVersion">The library version that wrote the results, or null.</param>
/// <param name="VariedParameters">The varied parameters named by the manifest, in its order (may be empty).</param>
/// <param name="Structures">The structures named by the spec, in its order (may be empty).</param>
/// <param name="Json">The whole document.</param>
public sealed record Manifest(
    string FilePath,
    string? SpecName,
    string? LibraryVersion,
    IReadOnlyList<string> VariedParameters,
    IReadOnlyList<string> Structures,
    JsonObject Json)
{
    /// <summary>The design's kind as the spec writes it (<c>factorial</c>, <c>one-at-a-time</c>, <c>latin-hypercube</c>, <c>morris</c>, <c>sobol</c>, <c>points</c>), or null when the manifest does not say.</summary>
    public string? DesignKind { get; init; }

    /// <summary>The design's factors, in the spec's order (empty when the manifest does not list them).</summary>
    public IReadOnlyList<string> DesignFactors { get; init; } = [];

    /// <summary>The factors given as a range on a log scale (<c>"scale": "log"</c>).</summary>
    public IReadOnlyList<string> LogScaleFactors { get; init; } = [];

    /// <summary>
    /// The days between the samples of timeseries.csv: the spec's <c>output.timeSeries</c>, the default
    /// (<see cref="CoordSim.Experiments.OutputOptions.DefaultTimeSeriesInterval"/>) when the spec leaves it out, null when it
    /// is <c>false</c> (no time series).
    /// </summary>
    public double? TimeSeriesInterval { get; init; }

    /// <summary>A morris design's number of trajectories r (<c>spec.design.trajectories</c>), or null when the manifest does not give it.</summary>
    public int? DesignTrajectories { get; init; }

    /// <summary>A morris design's number of grid levels p (<c>spec.design.levels</c>), or null when the manifest does not give it.</summary>
    public int? DesignLevels { get; init; }

    /// <summary>A sobol (or latin-hypercube) design's number of samples, for sobol the base rows N (<c>spec.design.samples</c>), or null when the manifest does not give it.</summary>
    public int? DesignSamples { get; init; }

    /// <summary>True when a sobol design also estimates second-order indices (<c>spec.design.secondOrder</c>).</summary>
    public bool DesignSecondOrder { get; init; }

    /// <summary>True when the manifest says the design is one factor at a time around a base point.</summary>
    public bool IsOneAtATime => string.Equals(DesignKind, OneAtATimeKind, StringComparison.Ordinal);

    /// <summary>True when the manifest says the design is Morris's elementary-effects screening.</summary>
    public bool IsMorris => string.Equals(DesignKind, MorrisKind, StringComparison.Ordinal);

    /// <summary>True when the manifest says the design is Saltelli's sample for Sobol' indices.</summary>
    public bool IsSobol => string.Equals(DesignKind, SobolKind, StringComparison.Ordinal);

    /// <summary>True for a global sensitivity design (<see cref="IsMorris"/> or <see cref="IsSobol"/>), whose whole sweep writes sensitivity indices.</summary>
    public bool IsGlobalSensitivity => IsMorris || IsSobol;

    /// <summary>The kind of a one-factor-at-a-time design, as specs write it.</summary>
    public const string OneAtATimeKind = "one-at-a-time";

    /// <summary>The kind of a Morris screening design, as specs write it.</summary>
    public const string MorrisKind = "morris";

    /// <summary>The kind of a Sobol' design, as specs write it.</summary>
    public const string SobolKind = "sobol";

    /// <summary>Reads <paramref name="path"/>; throws <see cref="ResultsFormatException"/> when it is missing, not JSON or has a key of the wrong type.</summary>
    public static Manifest Load(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            throw new ResultsFormatException(
                $"{name} was not found in '{folder}'. A results folder holds runs.csv, summary.csv and manifest.json (and optionally issues.csv), as written by 'coordsim sweep'.",
                path);
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ResultsFormatException($"{name} ('{path}') is not valid JSON: {e.Message}", path);
        }

        if (root is not JsonObject json)
        {
            throw new ResultsFormatException($"{name} ('{path}') must hold a JSON object, not {Describe(root)}.", path);
        }

        return From(json, path);
    }

    /// <summary>
    /// The manifest of a sweep of <paramref name="plan"/> as far as the figures read it: the spec (its name, structures,
    /// design and output options) and the varied parameters, for results in memory. <see cref="FilePath"/> is
    /// <see cref="ResultsFormat.ManifestFile"/>; <see cref="LibraryVersion"/> is this library's.
    /// </summary>
    public static Manifest Of(ExperimentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var json = new JsonObject
        {
            ["name"] = plan.Spec.Name,
            ["library"] = Library,
            ["varied"] = new JsonArray([.. plan.Varied.Select(v => (JsonNode?)JsonValue.Create(v))]),
            ["spec"] = JsonNode.Parse(plan.Spec.ToJson()),
        };
        return From(json, ResultsFormat.ManifestFile);
    }

    private static string Library =>
        "CoordSim " + (typeof(ExperimentPlan).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                       ?? typeof(ExperimentPlan).Assembly.GetName().Version?.ToString() ?? "unknown");

    private static Manifest From(JsonObject json, string path)
    {
        var spec = json["spec"] as JsonObject;
        var specName = Text(spec?["name"], path, "spec.name") ?? Text(json["name"], path, "name");
        var version = Text(json["libraryVersion"], path, "libraryVersion") ?? Text(json["version"], path, "version") ?? Text(json["library"], path, "library");
        var variedKey = json.ContainsKey("variedParameters") ? "variedParameters" : "varied";
        var varied = Names(json[variedKey], path, variedKey);
        var structures = Names(spec?["structures"], path, "spec.structures");
        var design = Section(spec?["design"], path, "spec.design");
        var kind = Text(design?["kind"], path, "spec.design.kind");
        var factors = Section(design?["factors"], path, "spec.design.factors");
        var log = factors?
            .Where(f => f.Value is JsonObject range && range["scale"] is JsonValue scale && scale.TryGetValue<string>(out var text) && text == "log")
            .Select(f => f.Key)
            .ToArray() ?? [];
        return new Manifest(path, specName, version, varied, structures, json)
        {
            DesignKind = kind,
            DesignFactors = factors?.Select(f => f.Key).ToArray() ?? [],
            LogScaleFactors = log,
            TimeSeriesInterval = SeriesInterval(Section(spec?["output"], path, "spec.output")?["timeSeries"], path),
            DesignTrajectories = Count(design?["trajectories"], path, "spec.design.trajectories"),
            DesignLevels = Count(design?["levels"], path, "spec.design.levels"),
            DesignSamples = Count(design?["samples"], path, "spec.design.samples"),
            DesignSecondOrder = Flag(design?["secondOrder"], path, "spec.design.secondOrder"),
        };
    }

    private static double? SeriesInterval(JsonNode? node, string path) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.False ? null
        : node is null ? CoordSim.Experiments.OutputOptions.DefaultTimeSeriesInterval
        : Number(node, path, "spec.output.timeSeries");

    private static double? Number(JsonNode? node, string path, string key)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<double>(out var number))
        {
            return number;
        }

        throw new ResultsFormatException($"{Path.GetFileName(path)} ('{path}'): '{key}' must be a number, not {Describe(node)}.", path, key);
    }

    private static int? Count(JsonNode? node, string path, string key)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<int>(out var count))
        {
            return count;
        }

        throw new ResultsFormatException($"{Path.GetFileName(path)} ('{path}'): '{key}' must be an integer, not {Describe(node)}.", path, key);
    }

    private static bool Flag(JsonNode? node, string path, string key) => node switch
    {
        null => false,
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.True => true,
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.False => false,
        _ => throw new ResultsFormatException($"{Path.GetFileName(path)} ('{path}'): '{key}' must be true or false, not {Describe(node)}.", path, key),
    };

    private static JsonObject? Section(JsonNode? node, string path, string key) => node switch
    {
        null => null,
        JsonObject o => o,
        _ => throw new ResultsFormatException($"{Path.GetFileName(path)} ('{path}'): '{key}' must be an object, not {Describe(node)}.", path, key),
    };

    private static string? Text(JsonNode? node, string path, string key)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        throw new ResultsFormatException($"{Path.GetFileName(path)} ('{path}'): '{key}' must be a string, not {Describe(node)}.", path, key);
    }

    private static string[] Names(JsonNode? node, string path, string key)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw new ResultsFormatException($"{Path.GetFileName(path)} ('{path}'): '{key}' must be an array of names, not {Describe(node)}.", path, key);
        }

        var names = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            var text = item is JsonObject o ? Text(o["name"], path, $"{key}[{i}].name") : Text(item, path, $"{key}[{i}]");
            if (string.IsNullOrEmpty(text))
            {
                throw new ResultsFormatException($"{Path.GetFileName(path)} ('{path}'): '{key}[{i}]' must be a non-empty name.", path, key);
            }

            names.Add(text);
        }

        return names.ToArray();
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        _ => $"the value {node.ToJsonString()}",
    };
}
