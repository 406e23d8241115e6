using System.Security.Cryptography;
using System.Text;
using CoordSim.Structures;

namespace CoordSim.Experiments;

/// <summary>
/// An experiment as data: which structures to compare (each with its own overrides), the base
/// parameters, the design of parameter points, the replications, the seed, the measures to keep
/// and what to write. Read one from JSON with <see cref="Load"/> (the format is in
/// docs/experiments.md and schemas/experiment.schema.json) or build one in code with
/// <see cref="Create"/>; run it with <see cref="Sweep"/>.
/// </summary>
/// <example>
/// <code>
/// var spec = ExperimentSpec.Create("share")
///     .Compare(Structure.Hierarchy())
///     .Vary("crossDepartmentShare", 0.1, 0.3, 0.5)
///     .Replications(5)
///     .Seed(1)
///     .Build();
/// Sweep.Run(spec, "results/share");
/// </code>
/// </example>
public sealed record ExperimentSpec
{
    /// <summary>A short name of the experiment, written to the manifest.</summary>
    public required string Name { get; init; }

    /// <summary>What the experiment asks, in a sentence or two (optional).</summary>
    public string Description { get; init; } = "";

    /// <summary>The structures compared at every point, in the order result rows list them.</summary>
    public required IReadOnlyList<ComparedStructure> Structures { get; init; }

    /// <summary>Parameters set for every run, on top of the defaults (<see cref="Parameters.Default"/>).</summary>
    public IReadOnlyList<ParameterSetting> Base { get; init; } = [];

    /// <summary>The design: which parameter points to run. Defaults to the base point alone.</summary>
    public Design Design { get; init; } = Design.BasePoint;

    /// <summary>Runs of every (point, structure), each with its own seed.</summary>
    public int Replications { get; init; } = 1;

    /// <summary>The experiment's seed, from 0 to 2^53 − 1: with the point and the replication it fixes every run.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The measures to keep in result files (names from <see cref="Metrics.MeasureCatalog"/>), or null for all of them.</summary>
    public IReadOnlyList<string>? Measures { get; init; }

    /// <summary>What to write besides the run and summary tables.</summary>
    public OutputOptions Output { get; init; } = OutputOptions.Default;

    /// <summary>The file the spec was read from, or null for a spec made in code.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Where each JSON path of the source file is, to give errors a line and column.</summary>
    internal SpecLocations? Locations { get; init; }

    /// <summary>Starts a spec in code.</summary>
    public static ExperimentBuilder Create(string name) => new(name);

    /// <summary>Reads and checks the spec in the JSON file at <paramref name="path"/>.</summary>
    /// <exception cref="SpecException">The file is not valid JSON or not a valid spec; every problem is listed with its JSON path, line and column.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static ExperimentSpec Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = ReadBounded(path);
        return Parse(bytes, path);
    }

    /// <summary>Reads and checks a spec from JSON text; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="SpecException">The text is not valid JSON or not a valid spec.</exception>
    public static ExperimentSpec Parse(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), source);
    }

    /// <summary>
    /// Reads the structures in the JSON file at <paramref name="path"/>: one entry as a spec's <c>structures</c> takes it
    /// (a catalogue name, or an object with <c>name</c>, <c>label</c>, <c>description</c>, <c>overrides</c> and
    /// <c>bodies</c>, which can build a structure of your own), or a list of them. What <c>coordsim structures --json</c>
    /// prints for a structure, renamed and edited, is such an entry.
    /// </summary>
    /// <exception cref="SpecException">The file is not valid JSON or an entry is not valid; every problem is listed with its JSON path, line and column.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static IReadOnlyList<ComparedStructure> LoadStructures(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ParseStructures(ReadBounded(path), path);
    }

    /// <summary>Reads structures from JSON text as <see cref="LoadStructures"/> does; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="SpecException">The text is not valid JSON or an entry is not valid.</exception>
    public static IReadOnlyList<ComparedStructure> ParseStructures(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseStructures(Encoding.UTF8.GetBytes(json), source);
    }

    /// <summary>The most bytes a spec or structure file may hold (a device such as /dev/zero is never read to its end).</summary>
    public const int MaxFileBytes = 64 * 1024 * 1024;

    /// <summary>The file's bytes, at most <see cref="MaxFileBytes"/>; a longer file (or an endless device) is refused.</summary>
    private static byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                throw new SpecException([new SpecError("$", "(more than 64 MB)", $"a JSON file of at most {MaxFileBytes / (1024 * 1024)} MB")], path);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IReadOnlyList<ComparedStructure> ParseStructures(byte[] utf8, string? source) =>
        SpecReader.ReadStructureFile(utf8, out var errors) is { } structures ? structures : throw new SpecException(errors, source);

    private static ExperimentSpec Parse(byte[] utf8, string? source)
    {
        var spec = SpecReader.Read(utf8, source, out var errors);
        if (spec is null)
        {
            throw new SpecException(errors, source);
        }

        var problems = spec.Validate();
        return problems.Count > 0 ? throw new SpecException(problems, source) : spec;
    }

    /// <summary>Every problem with the spec (empty when it is valid), with lines and columns when it was read from a file.</summary>
    public IReadOnlyList<SpecError> Validate()
    {
        var errors = new List<SpecError>();
        ExperimentPlan.Create(this, errors);
        return Locations is null ? errors : errors.Select(Locations.Locate).ToArray();
    }

    /// <summary>Checks the spec and expands it into points and runs.</summary>
    /// <exception cref="SpecException">The spec is not valid; every problem is listed.</exception>
    public ExperimentPlan Plan()
    {
        var errors = new List<SpecError>();
        var plan = ExperimentPlan.Create(this, errors);
        return plan ?? throw new SpecException(Locations is null ? errors : errors.Select(Locations.Locate).ToArray(), SourcePath);
    }

    /// <summary>The spec as indented JSON in canonical form (what manifests store; <see cref="Parse(string, string?)"/> reads it back).</summary>
    public string ToJson() => SpecWriter.Write(this);

    /// <summary>
    /// A fingerprint of everything that decides the runs and files of a sweep: the SHA-256 of
    /// <see cref="ToJson"/>, as <c>sha256:</c> and 64 hex digits. Formatting and comments of the source file do not change it.
    /// </summary>
    public string Hash => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())));
}
