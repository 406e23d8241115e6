namespace CoordSim.Tests.Docs;

/// <summary>docs/model.md carries the table of every parameter exactly as <see cref="ParameterCatalog"/> describes it.</summary>
public class ParameterTableTests
{
    private static readonly MarkedSection Section = new("parameters");

    /// <summary>The Markdown table of every parameter: name, group, default, allowed values, unit, meaning and rationale.</summary>
    internal static string Render() => MarkdownTable.Render(
        ["Name", "Group", "Default", "Allowed", "Unit", "Meaning", "Rationale / source"],
        ParameterCatalog.All.Select(p => (IReadOnlyList<string>)
        [
            MarkdownTable.Code(p.Name),
            MarkdownTable.Cell(p.Group),
            MarkdownTable.Code(p.DefaultText),
            MarkdownTable.Cell(p.AllowedText),
            MarkdownTable.Cell(p.Unit),
            MarkdownTable.Cell(p.Meaning),
            MarkdownTable.Cell(p.Rationale),
        ]));

    [Fact]
    public void The_parameter_table_in_the_model_doc_matches_the_catalog() =>
        GeneratedDocSection.Check("docs/model.md", Section, Render(), nameof(ParameterTableTests));

    [Fact]
    public void The_rendered_table_has_one_row_per_parameter_and_every_default_appears()
    {
        var lines = Render().Split('\n');
        Assert.Equal(ParameterCatalog.All.Count + 2, lines.Length);
        foreach (var (info, line) in ParameterCatalog.All.Zip(lines.Skip(2)))
        {
            Assert.StartsWith($"| `{info.Name}` | {info.Group} | `{info.DefaultText}` |", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_parameter_has_a_meaning_and_a_rationale()
    {
        Assert.All(ParameterCatalog.All, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Meaning), $"{p.Name} has no meaning");
            Assert.False(string.IsNullOrWhiteSpace(p.Rationale), $"{p.Name} has no rationale");
        });
    }
}
