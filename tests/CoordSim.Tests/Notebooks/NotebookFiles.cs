using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoordSim.Tests.Notebooks;

/// <summary>
/// Reads and writes the notebooks of <c>notebooks/</c>: Polyglot <c>.dib</c> files (cells introduced by <c>#!csharp</c> or
/// <c>#!markdown</c> lines after a <c>#!meta</c> header) and Jupyter <c>.ipynb</c> files (nbformat 4), and makes the
/// <c>.ipynb</c> of a <c>.dib</c> with its outputs cleared.
/// </summary>
internal static class NotebookFiles
{
    /// <summary>The <c>#!meta</c> line's JSON: C# is the default kernel.</summary>
    public const string KernelInfo = """{"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}}""";

    /// <summary>The notebooks folder of the repository.</summary>
    public static string Folder => CoordSim.Tests.Docs.RepositoryFiles.PathOf("notebooks");

    /// <summary>The names (without extension) of every notebook, from its .dib file, in order.</summary>
    public static IReadOnlyList<string> Names =>
        Directory.GetFiles(Folder, "*.dib").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The cells of a .dib text (the #!meta block is not a cell).</summary>
    public static IReadOnlyList<NotebookCell> ReadDib(string text)
    {
        var cells = new List<NotebookCell>();
        string? kernel = null;
        var lines = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith("#!", StringComparison.Ordinal) && line.Length > 2 && !line.Contains(' ', StringComparison.Ordinal))
            {
                Flush();
                kernel = line[2..];
                continue;
            }

            lines.Add(line);
        }

        Flush();
        return cells;

        void Flush()
        {
            if (kernel is not null and not "meta")
            {
                cells.Add(new NotebookCell(kernel, Trim(lines)));
            }

            lines.Clear();
        }
    }

    /// <summary>The cells of a .ipynb document.</summary>
    public static IReadOnlyList<NotebookCell> ReadIpynb(JsonNode notebook) =>
        notebook["cells"]!.AsArray().Select(c =>
        {
            var kernel = (string)c!["cell_type"]! == "markdown" ? "markdown" : (string?)c["metadata"]?["polyglot_notebook"]?["kernelName"] ?? "csharp";
            return new NotebookCell(kernel, Trim(string.Concat(c["source"]!.AsArray().Select(s => (string)s!)).Split('\n')));
        }).ToArray();

    /// <summary>The .dib text of <paramref name="cells"/>.</summary>
    public static string WriteDib(IEnumerable<NotebookCell> cells)
    {
        var text = new StringBuilder("#!meta\n\n").Append(KernelInfo).Append('\n');
        foreach (var cell in cells)
        {
            text.Append("\n#!").Append(cell.Kernel).Append("\n\n").Append(cell.Source).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The .ipynb text of <paramref name="cells"/>: outputs empty, no execution counts, the .NET (C#) kernel.</summary>
    public static string WriteIpynb(IEnumerable<NotebookCell> cells)
    {
        var array = new JsonArray();
        foreach (var cell in cells)
        {
            var source = new JsonArray(Lines(cell.Source).Select(l => (JsonNode)JsonValue.Create(l)).ToArray());
            array.Add(cell.IsCode
                ? new JsonObject
                {
                    ["cell_type"] = "code",
                    ["execution_count"] = null,
                    ["metadata"] = new JsonObject
                    {
                        ["dotnet_interactive"] = new JsonObject { ["language"] = cell.Kernel },
                        ["polyglot_notebook"] = new JsonObject { ["kernelName"] = cell.Kernel },
                    },
                    ["outputs"] = new JsonArray(),
                    ["source"] = source,
                }
                : new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = source });
        }

        var notebook = new JsonObject
        {
            ["cells"] = array,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
                ["polyglot_notebook"] = JsonNode.Parse(KernelInfo),
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 1, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static IEnumerable<string> Lines(string source)
    {
        var lines = source.Split('\n');
        return lines.Select((l, i) => i < lines.Length - 1 ? l + "\n" : l);
    }

    private static string Trim(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        while (list.Count > 0 && list[0].Trim().Length == 0)
        {
            list.RemoveAt(0);
        }

        while (list.Count > 0 && list[^1].Trim().Length == 0)
        {
            list.RemoveAt(list.Count - 1);
        }

        return string.Join("\n", list);
    }
}
