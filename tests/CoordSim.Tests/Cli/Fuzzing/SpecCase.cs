using System.Text;

namespace CoordSim.Tests.Cli.Fuzzing;

/// <summary>Which file a <see cref="GoodJson"/> is, and so which commands read it.</summary>
public enum JsonTarget
{
    /// <summary>An experiment spec: <c>validate</c>, then (when it is valid and cheap) <c>sweep</c>.</summary>
    Spec,

    /// <summary>A structure file: <c>run --structure-file</c> or <c>compare --structure-file</c>.</summary>
    StructureFile,
}

/// <summary>A small valid JSON file the fuzzer starts from: a spec of a few cheap runs, or a structure entry.</summary>
public sealed record GoodJson(string Name, JsonTarget Target, string Json)
{
    /// <summary>Its name.</summary>
    public override string ToString() => Name;
}

/// <summary>
/// One fuzz case of a JSON input: a <see cref="GoodJson"/>, the edits of its tree, the edits of its bytes, and whether
/// a valid spec is also swept (a structure file: whether <c>compare</c> reads it instead of <c>run</c>). Printed as the
/// edits, the command lines and the file's text.
/// </summary>
public sealed record SpecCase(GoodJson Good, IReadOnlyList<JsonMutation> Tree, IReadOnlyList<TextMutation> Text, bool Second)
{
    /// <summary>The file's bytes.</summary>
    public byte[] Bytes
    {
        get
        {
            var tree = JsonTree.Parse(Good.Json);
            foreach (var mutation in Tree)
            {
                tree = mutation.Apply(tree);
            }

            var bytes = Encoding.UTF8.GetBytes(tree.Write() + "\n");
            foreach (var mutation in Text)
            {
                bytes = mutation.Apply(bytes);
            }

            return bytes;
        }
    }

    /// <summary>The command lines the case runs, in order; the second runs only when the first succeeds (see <see cref="FuzzRunner"/>).</summary>
    public IReadOnlyList<string[]> CommandLines => Good.Target switch
    {
        JsonTarget.Spec when Second => [["validate", FuzzWorkspace.SpecFile], ["sweep", FuzzWorkspace.SpecFile, "--out", FuzzWorkspace.NewFolder, "--threads", "2"]],
        JsonTarget.Spec => [["validate", FuzzWorkspace.SpecFile]],
        _ when Second => [["compare", "--set", "maxIssues=150", "warmupDays=0", "--structures", "hierarchy", "--structure-file", FuzzWorkspace.StructureFile, "--json"]],
        _ => [["run", "--set", "maxIssues=150", "warmupDays=0", "--structure-file", FuzzWorkspace.StructureFile]],
    };

    /// <summary>The smaller cases FsCheck tries when this one fails: one edit fewer, or without the second command.</summary>
    public IEnumerable<SpecCase> Shrink()
    {
        for (var i = 0; i < Text.Count; i++)
        {
            yield return this with { Text = Text.Where((_, j) => j != i).ToArray() };
        }

        for (var i = 0; i < Tree.Count; i++)
        {
            yield return this with { Tree = Tree.Where((_, j) => j != i).ToArray() };
        }

        if (Second && Good.Target == JsonTarget.StructureFile)
        {
            yield return this with { Second = false };
        }
    }

    /// <summary>The edits, the command lines and the file as text (invalid UTF-8 shown as U+FFFD, a long file cut).</summary>
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Bytes);
        var file = Good.Target == JsonTarget.Spec ? FuzzWorkspace.SpecFile : FuzzWorkspace.StructureFile;
        return $"from: {Good}{Environment.NewLine}" +
               $"tree edits: {string.Join("; ", Tree)}{Environment.NewLine}" +
               $"byte edits: {string.Join("; ", Text)}{Environment.NewLine}" +
               $"commands: {string.Join(" && ", CommandLines.Select(FuzzRunner.Show))}{Environment.NewLine}" +
               $"{file} ({Bytes.Length} bytes):{Environment.NewLine}{(text.Length > 4000 ? text[..4000] + "..." : text)}";
    }
}
