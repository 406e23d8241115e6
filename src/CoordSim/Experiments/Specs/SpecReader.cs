using System.Globalization;
using System.Text.Json;
using CoordSim.Engine;
using CoordSim.Structures;

namespace CoordSim.Experiments;

/// <summary>
/// Reads the JSON form of an <see cref="ExperimentSpec"/> (docs/experiments.md): checks syntax,
/// field names and value types, converts parameter values, and reports every problem with its
/// JSON path, line and column. The checks that need the whole spec (designs, labels, ranges that
/// tie parameters together) are <see cref="ExperimentSpec.Validate"/>'s.
/// </summary>
internal sealed class SpecReader
{
    /// <summary>The fields of a spec object.</summary>
    public static readonly string[] SpecFields = ["$schema", "name", "description", "structures", "base", "design", "replications", "seed", "measures", "output"];

    /// <summary>The design kinds and the fields each takes.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> DesignFields = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["factorial"] = ["kind", "factors"],
        ["one-at-a-time"] = ["kind", "factors"],
        ["latin-hypercube"] = ["kind", "samples", "factors", "seed"],
        ["morris"] = ["kind", "trajectories", "levels", "candidates", "factors", "seed"],
        ["sobol"] = ["kind", "samples", "secondOrder", "factors", "seed"],
        ["points"] = ["kind", "points"],
    };

    /// <summary>The fields of the output object.</summary>
    public static readonly string[] OutputFields = ["issues", "timeSeries"];

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly string[] StructureFields = ["name", "label", "description", "organisation", "overrides", "bodies"];
    private static readonly string[] RangeFields = ["from", "to", "step", "count", "scale"];

    private readonly List<SpecError> _errors = [];

    private SpecReader()
    {
    }

    /// <summary>Reads a spec from UTF-8 JSON; null when there were problems, which are then in <paramref name="errors"/>.</summary>
    public static ExperimentSpec? Read(byte[] utf8, string? source, out IReadOnlyList<SpecError> errors) =>
        Read<ExperimentSpec>(utf8, (reader, root) => reader.ReadSpec(root), out errors, out var locations) is { } spec
            ? spec with { SourcePath = source, Locations = locations }
            : null;

    /// <summary>
    /// Reads a file of structure entries (<c>coordsim run --structure-file</c>): one entry, as a spec's
    /// <c>structures</c> takes it, or a non-empty list of them; null when there were problems, which are then in
    /// <paramref name="errors"/> with their paths from the file's root (<c>$</c> or <c>$[i]</c>).
    /// </summary>
    public static ComparedStructure[]? ReadStructureFile(byte[] utf8, out IReadOnlyList<SpecError> errors) =>
        Read<ComparedStructure[]>(utf8, (reader, root) => reader.ReadStructureEntries(root), out errors, out _);

    /// <summary>
    /// Parses UTF-8 JSON (a byte-order mark, comments and trailing commas allowed) and reads its root with
    /// <paramref name="read"/>; the result, or null with every problem located by line and column.
    /// </summary>
    private static T? Read<T>(byte[] utf8, Func<SpecReader, JsonElement, T?> read, out IReadOnlyList<SpecError> errors, out SpecLocations? locations)
        where T : class
    {
        ReadOnlyMemory<byte> json = utf8;
        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        {
            json = json[3..];
        }

        locations = null;
        if (InvalidUtf8(json.Span) is { } notUtf8)
        {
            // Checked first: JsonDocument checks the bytes of a string or name only when it is read, and then throws.
            errors = [notUtf8];
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            errors = [Syntax(e)];
            return null;
        }

        using (document)
        {
            if (LoneSurrogate(json.Span) is { } lone)
            {
                // Checked before anything reads a name or string: GetString throws on such an escape.
                errors = [lone];
                return null;
            }

            locations = SpecLocations.Index(json.Span, ReaderOptions);
            var reader = new SpecReader();
            var result = read(reader, document.RootElement);
            errors = reader._errors.Select(locations.Locate).ToArray();
            return errors.Count > 0 ? null : result;
        }
    }

    /// <summary>The first byte that is not UTF-8 (a Latin-1 or UTF-16 file, a cut sequence), located by line and byte column as syntax errors are; null when every byte is.</summary>
    private static SpecError? InvalidUtf8(ReadOnlySpan<byte> json)
    {
        if (System.Text.Unicode.Utf8.IsValid(json))
        {
            return null;
        }

        var (line, lineStart, at) = (1, 0, 0);
        while (at < json.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(json[at..], out _, out var length) != System.Buffers.OperationStatus.Done)
            {
                return new SpecError("$", $"byte 0x{json[at]:X2}", "UTF-8 text (save the file as UTF-8)", line, at - lineStart + 1);
            }

            if (json[at] == (byte)'\n')
            {
                (line, lineStart) = (line + 1, at + 1);
            }

            at += length;
        }

        return null;
    }

    /// <summary>
    /// The first name or string of valid JSON that escapes half of a surrogate pair (<c>"\ud800"</c>), which is no
    /// text, located by line and column in characters as other problems are (the text is valid UTF-8 here); null when
    /// there is none.
    /// </summary>
    private static SpecError? LoneSurrogate(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && reader.ValueIsEscaped)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    var start = (int)reader.TokenStartIndex;
                    var before = json[..start];
                    var line = before.Count((byte)'\n') + 1;
                    var lineStart = before.LastIndexOf((byte)'\n') + 1;
                    var column = System.Text.Encoding.UTF8.GetCharCount(json[lineStart..start]) + 1;
                    var shown = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                    return new SpecError("$", $"\"{(shown.Length > 100 ? shown[..100] + "..." : shown)}\"", "text; \\ud800 to \\udfff escape the halves of a surrogate pair, which come in pairs", line, column);
                }
            }
        }

        return null;
    }

    private static SpecError Syntax(JsonException e)
    {
        var detail = e.Message;
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var cut = detail.IndexOf(marker, StringComparison.Ordinal);
            if (cut >= 0)
            {
                detail = detail[..cut];
            }
        }

        detail = detail.Trim().TrimEnd('.', ' ', '|');
        var line = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
        var column = e.BytePositionInLine is { } b ? (int)b + 1 : (int?)null;
        return new SpecError(string.IsNullOrEmpty(e.Path) ? "$" : e.Path, "", "JSON syntax error: " + detail, line, column);
    }

    private ExperimentSpec? ReadSpec(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error("$", root, "a JSON object with the fields name, structures, replications and seed (docs/experiments.md)");
            return null;
        }

        CheckFields(root, "$", SpecFields);
        var name = ReadString(root, "name", "$", required: true);
        var description = ReadString(root, "description", "$", required: false) ?? "";
        var structures = ReadStructures(root);
        var baseSettings = root.TryGetProperty("base", out var b) ? ReadSettings(b, "$.base") : [];
        var design = root.TryGetProperty("design", out var d) ? ReadDesign(d) : Design.BasePoint;
        var replications = ReadInteger(root, "replications", "$", 1, 1_000_000);
        var seed = ReadInteger(root, "seed", "$", 0, SeedDerivation.MaxPublicSeed);
        var measures = root.TryGetProperty("measures", out var m) ? ReadMeasures(m) : null;
        var output = root.TryGetProperty("output", out var o) ? ReadOutput(o) : OutputOptions.Default;
        if (_errors.Count > 0)
        {
            return null;
        }

        return new ExperimentSpec
        {
            Name = name!,
            Description = description,
            Structures = structures,
            Base = baseSettings,
            Design = design!,
            Replications = (int)replications!.Value,
            Seed = seed!.Value,
            Measures = measures,
            Output = output,
        };
    }

    private ComparedStructure[] ReadStructures(JsonElement root)
    {
        if (!root.TryGetProperty("structures", out var list))
        {
            Missing("$.structures", $"a list of structure names, for example [\"{StructureCatalog.All[0].Name}\"]; known structures: {StructureCatalog.Names}");
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            Error("$.structures", list, $"a non-empty list of structure names or objects {{\"name\", \"label\", \"overrides\", \"bodies\"}}; known structures: {StructureCatalog.Names}");
            return [];
        }

        return ReadStructureList(list.EnumerateArray().Select((item, i) => (item, $"$.structures[{i}]")));
    }

    /// <summary>The structure entries at the root of a structure file: one entry, or a non-empty list of them.</summary>
    private ComparedStructure[] ReadStructureEntries(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0)
        {
            return ReadStructureList(root.EnumerateArray().Select((item, i) => (item, $"$[{i}]")));
        }

        if (root.ValueKind is JsonValueKind.Object or JsonValueKind.String)
        {
            return ReadStructureList([(root, "$")]);
        }

        Error("$", root, "a structure entry as a spec's \"structures\" takes it (a name, or an object {\"name\", \"label\", \"description\", \"overrides\", \"bodies\"}), or a non-empty list of them");
        return [];
    }

    private ComparedStructure[] ReadStructureList(IEnumerable<(JsonElement Item, string Path)> entries)
    {
        var result = new List<ComparedStructure>();
        foreach (var (item, path) in entries)
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                if (FindStructure(item, path) is { } structure)
                {
                    result.Add(ComparedStructure.Of(structure));
                }

                continue;
            }

            if (item.ValueKind != JsonValueKind.Object)
            {
                Error(path, item, $"a structure name or an object {{\"name\", \"label\", \"overrides\", \"bodies\"}}; known structures: {StructureCatalog.Names}");
                continue;
            }

            CheckFields(item, path, StructureFields);
            Structure? found = null;
            var hasBodies = item.TryGetProperty("bodies", out var bodies);
            if (!item.TryGetProperty("name", out var nameElement))
            {
                Missing(path + ".name", "the name of a structure: " + StructureCatalog.Names + ", or a new name with \"bodies\" that build it");
            }
            else if (nameElement.ValueKind == JsonValueKind.String && StructureCatalog.Find(nameElement.GetString()!) is null && hasBodies)
            {
                found = ReadBuiltStructure(item, nameElement, bodies, path);
            }
            else
            {
                found = FindStructure(nameElement, path + ".name");
                if (found is not null && item.TryGetProperty("organisation", out var organisation))
                {
                    Error(path + ".organisation", organisation, $"no organisation for {found.Name}, a structure of the catalogue (give a new name to build bodies on the flattened hierarchy)");
                    found = null;
                }
                else if (found is not null && item.TryGetProperty("description", out var d) && !(d.ValueKind == JsonValueKind.String && d.GetString() == found.Description))
                {
                    Error(path + ".description", d, $"the catalogue's description of {found.Name} or none (give a new name to describe a structure of your own)");
                    found = null;
                }
                else if (found is not null && hasBodies)
                {
                    found = ReadBodies(bodies, path + ".bodies", found);
                }
            }

            var label = ReadString(item, "label", path, required: false);
            var overrides = item.TryGetProperty("overrides", out var o) ? ReadSettings(o, path + ".overrides") : [];
            if (found is not null)
            {
                result.Add(new ComparedStructure(found, label ?? found.Name, overrides));
            }
        }

        return result.ToArray();
    }

    /// <summary>
    /// A structure of the spec's own (a name the catalogue does not have): the hierarchy with the coordination bodies
    /// <c>bodies</c> lists, each <c>like</c> a catalogue body, with its <c>parent</c> and the fields it fixes.
    /// </summary>
    private BodyStructure? ReadBuiltStructure(JsonElement item, JsonElement nameElement, JsonElement bodies, string path)
    {
        var name = nameElement.GetString()!;
        if (!IsStructureName(name))
        {
            Error(path + ".name", nameElement, "a name of letters, digits, '.', '_' and '-', starting with a letter or digit");
            return null;
        }

        var description = ReadString(item, "description", path, required: false) ?? $"Built from parts: the hierarchy with {DescribeBodies(bodies)}.";
        var errors = _errors.Count;
        var parts = ReadParts(bodies, path + ".bodies", preset: null, out var settings);
        if (parts is null || _errors.Count > errors)
        {
            return null;
        }

        var organisation = OrganisationForm.Hierarchy;
        if (item.TryGetProperty("organisation", out var form))
        {
            if (form.ValueKind == JsonValueKind.String && Array.FindIndex(OrganisationForms, f => string.Equals(f, form.GetString(), StringComparison.OrdinalIgnoreCase)) is var index and >= 0)
            {
                organisation = (OrganisationForm)index;
            }
            else
            {
                Error(path + ".organisation", form, "the organisation the bodies are built on: one of " + string.Join(", ", OrganisationForms));
                return null;
            }
        }

        return new BodyStructure(name, description, parts) { Organisation = organisation }.WithBody([.. settings]);
    }

    /// <summary>The organisations a structure of the spec's own may be built on, in kebab case.</summary>
    private static readonly string[] OrganisationForms = Enum.GetNames<OrganisationForm>().Select(ParameterInfo.ToKebab).ToArray();

    /// <summary>The names of the bodies a <c>bodies</c> list is like, for a default description.</summary>
    private static string DescribeBodies(JsonElement bodies) =>
        bodies.ValueKind != JsonValueKind.Array ? "bodies" : string.Join(" and ", bodies.EnumerateArray()
            .Select(b => b.ValueKind == JsonValueKind.Object && b.TryGetProperty("like", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : "a body")
            .Select(l => l + " bodies"));

    private static bool IsStructureName(string name) =>
        name.Length > 0 && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>
    /// The catalogue structure <paramref name="structure"/> with what <c>bodies</c> changes: one object per body of the
    /// structure, each the fields it fixes, and optionally its <c>like</c> and <c>parent</c>.
    /// </summary>
    private Structure? ReadBodies(JsonElement element, string path, Structure structure)
    {
        if (structure is not BodyStructure preset)
        {
            if (element.ValueKind == JsonValueKind.Array && element.GetArrayLength() == 0)
            {
                // What 'coordsim structures --json' prints for a structure without bodies.
                return structure;
            }

            Error(path, element, $"no 'bodies': {structure.Name} has no coordination body (bodies apply to " +
                string.Join(", ", StructureCatalog.All.OfType<BodyStructure>().Select(s => s.Name)) + "; give a new name to build a structure with bodies)");
            return null;
        }

        var errors = _errors.Count;
        var parts = ReadParts(element, path, preset, out var settings);
        if (parts is null || _errors.Count > errors)
        {
            return null;
        }

        var built = parts.SequenceEqual(preset.Bodies) ? preset : new BodyStructure(preset.Name, preset.Description, parts);
        return built.WithBody([.. settings]);
    }

    /// <summary>
    /// Reads a <c>bodies</c> list: for a catalogue structure, one object per body it has (each may change its
    /// <c>like</c> and <c>parent</c>); for a structure of the spec's own, from 1 to <see cref="BodyStructure.MaxBodies"/>
    /// objects, each with a <c>like</c>. Every other member is a body design field and its value.
    /// </summary>
    private StructureBody[]? ReadParts(JsonElement element, string path, BodyStructure? preset, out List<BodySetting> settings)
    {
        settings = [];
        var count = element.ValueKind == JsonValueKind.Array ? element.GetArrayLength() : -1;
        if (preset is not null && count != preset.Bodies.Count)
        {
            Error(path, element, $"a list of {preset.Bodies.Count} {(preset.Bodies.Count == 1 ? "object" : "objects")} of body design fields, one per body of {preset.Name}, for example [{string.Join(", ", preset.Bodies.Select(_ => "{}").Skip(1).Prepend("{\"collectivity\": 0.5}"))}] ('coordsim structures --json' shows every field)");
            return null;
        }

        if (preset is null && (count < 1 || count > BodyStructure.MaxBodies))
        {
            Error(path, element, $"a list of 1 to {BodyStructure.MaxBodies} bodies, each an object with \"like\" (one of {BodyTemplates.NamesText}), an optional \"parent\" and body design fields, for example [{{\"like\": \"task-force\", \"parent\": 1}}, {{\"like\": \"leading-group\", \"coversCrossDepartment\": false}}]");
            return null;
        }

        var parts = new StructureBody[count];
        for (var b = 0; b < count; b++)
        {
            var fields = element[b];
            var here = $"{path}[{b}]";
            if (fields.ValueKind != JsonValueKind.Object)
            {
                Error(here, fields, "an object of body design fields and values, for example {\"collectivity\": 0.5} ('coordsim structures --json' shows every field)");
                return null;
            }

            var part = preset?.Bodies[b];
            if (fields.TryGetProperty("like", out var like))
            {
                if (like.ValueKind == JsonValueKind.String && StructureBody.Of(like.GetString()!) is { } template)
                {
                    part = template with { Parent = part?.Parent };
                }
                else
                {
                    Error(here + ".like", like, "the catalogue body the design starts from: one of " + BodyTemplates.NamesText);
                }
            }
            else if (part is null)
            {
                Missing(here + ".like", "the catalogue body the design starts from: one of " + BodyTemplates.NamesText);
            }

            if (fields.TryGetProperty("parent", out var parent))
            {
                if (parent.ValueKind == JsonValueKind.Null)
                {
                    part = part is null ? null : part with { Parent = null };
                }
                else if (parent.ValueKind == JsonValueKind.Number && parent.TryGetInt32(out var index) && index >= 0 && index < count && index != b)
                {
                    part = part is null ? null : part with { Parent = index };
                }
                else
                {
                    Error(here + ".parent", parent, count == 1
                        ? "null: the only body of a structure has no parent"
                        : $"the index of another body of the list (0 to {count - 1}, not {b}) whose meetings decide this body's contested items, or null for none");
                }
            }

            parts[b] = part!;
            foreach (var property in fields.EnumerateObject())
            {
                if (property.Name is "like" or "parent")
                {
                    continue;
                }

                var at = $"{here}.{property.Name}";
                if (BodyDesignFields.Find(property.Name) is not { } field)
                {
                    _errors.Add(new SpecError(at, $"\"{property.Name}\"", BodyDesignFields.UnknownText(property.Name) + " (or \"like\", \"parent\")"));
                    continue;
                }

                if (settings.Any(x => x.Name == field.Name && x.Body == b))
                {
                    Error(at, property.Value, "each field set once");
                    continue;
                }

                if (BodySetting.TryCreate(field, RawValue(property.Value), out var setting, out var allowed))
                {
                    settings.Add(setting!.ForBody(b));
                }
                else
                {
                    Error(at, property.Value, allowed!);
                }
            }
        }

        if (parts.Any(p => p is null))
        {
            return null;
        }

        if (BodyStructure.ParentError(parts) is { } cycle)
        {
            Error(path, element, cycle);
            return null;
        }

        return parts;
    }

    private Structure? FindStructure(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String && StructureCatalog.Find(element.GetString()!) is { } structure)
        {
            return structure;
        }

        Error(path, element, $"one of {StructureCatalog.Names} (coordsim structures lists them)");
        return null;
    }

    private ParameterSetting[] ReadSettings(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, element, "an object of parameter names and values, for example {\"horizonDays\": 180}");
            return [];
        }

        var settings = new List<ParameterSetting>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var here = $"{path}.{property.Name}";
            if (!seen.Add(property.Name))
            {
                Error(here, property.Value, "each parameter set once");
                continue;
            }

            if (ReadSetting(property.Name, property.Value, here) is { } setting)
            {
                settings.Add(setting);
            }
        }

        return settings.ToArray();
    }

    private ParameterSetting? ReadSetting(string name, JsonElement value, string path)
    {
        var info = ParameterCatalog.Find(name);
        if (info is null)
        {
            _errors.Add(new SpecError(path, $"\"{name}\"", "a parameter name; " + ParameterCatalog.UnknownName(name).Allowed));
            return null;
        }

        if (RawValue(value) is not { } raw)
        {
            Error(path, value, info.AllowedText);
            return null;
        }

        if (info.IsNumeric && value.ValueKind == JsonValueKind.String)
        {
            // As replications and seed are: a number in JSON is written without quotes.
            Error(path, value, info.AllowedText + ", written as a JSON number (without quotes)");
            return null;
        }

        if (!ParameterSetting.TryCreate(info, raw, out var setting, out var error))
        {
            _errors.Add(new SpecError(path, Show(value), error!.Allowed));
            return null;
        }

        return setting;
    }

    private Design? ReadDesign(JsonElement element)
    {
        const string path = "$.design";
        var kinds = string.Join(", ", DesignFields.Keys);
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, element, $"an object with a \"kind\": {kinds}");
            return null;
        }

        var kind = ReadString(element, "kind", path, required: true);
        if (kind is null)
        {
            return null;
        }

        if (!DesignFields.TryGetValue(kind, out var fields))
        {
            Error(path + ".kind", element.GetProperty("kind"), "one of " + kinds);
            return null;
        }

        CheckFields(element, path, fields);
        switch (kind)
        {
            case "points":
                return ReadPoints(element);
            case "latin-hypercube":
            {
                var samples = ReadInteger(element, "samples", path, 1, Design.MaxPoints);
                var seed = element.TryGetProperty("seed", out _) ? ReadInteger(element, "seed", path, 0, SeedDerivation.MaxPublicSeed) : null;
                var factors = ReadFactors(element);
                return samples is null ? null : new LatinHypercubeDesign((int)samples.Value, factors, seed);
            }

            case "morris":
            {
                var trajectories = ReadInteger(element, "trajectories", path, 2, Design.MaxPoints);
                var levels = ReadInteger(element, "levels", path, 2, MorrisDesign.MaxLevels);
                var candidates = element.TryGetProperty("candidates", out _) ? ReadInteger(element, "candidates", path, 1, MorrisDesign.MaxCandidates) : null;
                var seed = element.TryGetProperty("seed", out _) ? ReadInteger(element, "seed", path, 0, SeedDerivation.MaxPublicSeed) : null;
                var factors = ReadFactors(element);
                return trajectories is null || levels is null ? null
                    : new MorrisDesign((int)trajectories.Value, (int)levels.Value, factors, candidates is null ? null : (int)candidates.Value, seed);
            }

            case "sobol":
            {
                var samples = ReadInteger(element, "samples", path, 2, Design.MaxPoints);
                var secondOrder = false;
                if (element.TryGetProperty("secondOrder", out var second))
                {
                    if (second.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        secondOrder = second.GetBoolean();
                    }
                    else
                    {
                        Error(path + ".secondOrder", second, "true or false");
                    }
                }

                var seed = element.TryGetProperty("seed", out _) ? ReadInteger(element, "seed", path, 0, SeedDerivation.MaxPublicSeed) : null;
                var factors = ReadFactors(element);
                return samples is null ? null : new SobolDesign((int)samples.Value, factors, secondOrder, seed);
            }

            case "one-at-a-time":
                return new OneFactorAtATimeDesign(ReadFactors(element));
            default:
                return new FactorialDesign(ReadFactors(element));
        }
    }

    private Factor[] ReadFactors(JsonElement design)
    {
        const string path = "$.design.factors";
        if (!design.TryGetProperty("factors", out var factors))
        {
            Missing(path, "an object of parameter names and their values, for example {\"crossDepartmentShare\": [0.1, 0.3, 0.5]}");
            return [];
        }

        if (factors.ValueKind != JsonValueKind.Object)
        {
            Error(path, factors, "an object of parameter names and their values, for example {\"crossDepartmentShare\": [0.1, 0.3, 0.5]}");
            return [];
        }

        var result = new List<Factor>();
        foreach (var property in factors.EnumerateObject())
        {
            var here = $"{path}.{property.Name}";
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Array)
            {
                var values = new List<object>();
                var i = 0;
                var numeric = ParameterCatalog.Find(property.Name) is { IsNumeric: true };
                foreach (var item in value.EnumerateArray())
                {
                    if (numeric && item.ValueKind == JsonValueKind.String)
                    {
                        Error($"{here}[{i}]", item, "a number written as a JSON number (without quotes)");
                    }
                    else if (RawValue(item) is { } raw)
                    {
                        values.Add(raw);
                    }
                    else
                    {
                        Error($"{here}[{i}]", item, "a number, a string or true/false");
                    }

                    i++;
                }

                result.Add(new Factor(property.Name, new ValueLevels(values)));
            }
            else if (value.ValueKind == JsonValueKind.Object)
            {
                if (ReadRange(value, here) is { } range)
                {
                    result.Add(new Factor(property.Name, range));
                }
            }
            else
            {
                Error(here, value, "a list of values [..] or a range {\"from\", \"to\", \"step\"} or {\"from\", \"to\", \"count\", \"scale\"}");
            }
        }

        return result.ToArray();
    }

    private RangeLevels? ReadRange(JsonElement range, string path)
    {
        CheckFields(range, path, RangeFields);
        var from = ReadNumber(range, "from", path, required: true);
        var to = ReadNumber(range, "to", path, required: true);
        var step = ReadNumber(range, "step", path, required: false);
        var count = range.TryGetProperty("count", out _) ? ReadInteger(range, "count", path, 2, RangeLevels.MaxValues) : null;
        var scale = RangeScale.Linear;
        if (range.TryGetProperty("scale", out var s))
        {
            switch (s.ValueKind == JsonValueKind.String ? s.GetString() : null)
            {
                case "linear":
                    break;
                case "log":
                    scale = RangeScale.Log;
                    break;
                default:
                    Error(path + ".scale", s, "\"linear\" or \"log\"");
                    return null;
            }
        }

        return from is null || to is null ? null : new RangeLevels(from.Value, to.Value, step, count is null ? null : (int)count.Value, scale);
    }

    private PointListDesign? ReadPoints(JsonElement design)
    {
        const string path = "$.design.points";
        if (!design.TryGetProperty("points", out var points))
        {
            Missing(path, "a list of points, each an object of parameter names and values");
            return null;
        }

        if (points.ValueKind != JsonValueKind.Array)
        {
            Error(path, points, "a list of points, each an object of parameter names and values");
            return null;
        }

        var result = new List<IReadOnlyList<ParameterSetting>>();
        var i = 0;
        foreach (var point in points.EnumerateArray())
        {
            result.Add(ReadSettings(point, $"{path}[{i++}]"));
        }

        return new PointListDesign(result);
    }

    private string[]? ReadMeasures(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Error("$.measures", element, "a list of measure names (docs/experiments.md lists them), or no \"measures\" field to keep them all");
            return null;
        }

        var names = new List<string>();
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                names.Add(item.GetString()!);
            }
            else
            {
                Error($"$.measures[{i}]", item, "a measure name in quotes");
            }

            i++;
        }

        return names.ToArray();
    }

    private OutputOptions ReadOutput(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error("$.output", element, "an object such as {\"issues\": true, \"timeSeries\": 7}");
            return OutputOptions.Default;
        }

        CheckFields(element, "$.output", OutputFields);
        var output = OutputOptions.Default;
        if (element.TryGetProperty("issues", out var issues))
        {
            if (issues.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                output = output with { Issues = issues.GetBoolean() };
            }
            else
            {
                Error("$.output.issues", issues, "true or false");
            }
        }

        if (element.TryGetProperty("timeSeries", out var series))
        {
            if (series.ValueKind == JsonValueKind.Number && series.TryGetDouble(out var interval) && double.IsFinite(interval) && interval > 0)
            {
                output = output with { TimeSeriesInterval = interval };
            }
            else if (series.ValueKind == JsonValueKind.False)
            {
                output = output with { TimeSeriesInterval = null };
            }
            else
            {
                Error("$.output.timeSeries", series, Metrics.TimeSeries.AllowedText + ", or false to write no time series (left out: every " +
                    OutputOptions.DefaultTimeSeriesInterval.ToString(System.Globalization.CultureInfo.InvariantCulture) + " days)");
            }
        }

        return output;
    }

    private void CheckFields(JsonElement element, string path, string[] allowed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var here = $"{path}.{property.Name}";
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                var closest = NameSuggestion.Closest(allowed, property.Name);
                var hint = closest is not null ? $"did you mean \"{closest}\"? " : "";
                _errors.Add(new SpecError(here, "(unknown field)", $"{hint}the fields here are {string.Join(", ", allowed.Where(a => a != "$schema"))}"));
            }
            else if (!seen.Add(property.Name))
            {
                Error(here, property.Value, "each field once");
            }
        }
    }

    private string? ReadString(JsonElement element, string field, string path, bool required)
    {
        if (!element.TryGetProperty(field, out var value))
        {
            if (required)
            {
                Missing($"{path}.{field}", "a text in quotes");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || (required && string.IsNullOrWhiteSpace(value.GetString())))
        {
            Error($"{path}.{field}", value, "a non-empty text in quotes");
            return null;
        }

        return value.GetString();
    }

    private long? ReadInteger(JsonElement element, string field, string path, long min, long max)
    {
        var allowed = $"an integer from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
        if (!element.TryGetProperty(field, out var value))
        {
            Missing($"{path}.{field}", allowed);
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < min || number > max)
        {
            Error($"{path}.{field}", value, allowed);
            return null;
        }

        return number;
    }

    private double? ReadNumber(JsonElement element, string field, string path, bool required)
    {
        if (!element.TryGetProperty(field, out var value))
        {
            if (required)
            {
                Missing($"{path}.{field}", "a number");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Error($"{path}.{field}", value, "a number");
            return null;
        }

        return number;
    }

    private static object? RawValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetDouble(out var d) ? d : null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private void Error(string path, JsonElement value, string allowed) => _errors.Add(new SpecError(path, Show(value), allowed));

    private void Missing(string path, string allowed) => _errors.Add(new SpecError(path, "(missing)", "a required field: " + allowed));

    private static string Show(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Object => "{...}",
            JsonValueKind.Array => "[...]",
            _ => value.GetRawText(),
        };
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
