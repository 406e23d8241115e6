using CoordSim.Metrics;

namespace CoordSim.Tests.Docs;

/// <summary>docs/model.md carries the table of every measure exactly as <see cref="MeasureCatalog"/> describes it.</summary>
public class MeasureTableTests
{
    private static readonly MarkedSection Section = new("measures");

    /// <summary>The Markdown table of every measure: stable name, the label figures show, unit and meaning.</summary>
    internal static string Render() => MarkdownTable.Render(
        ["Name", "Label in figures", "Unit", "Meaning"],
        MeasureCatalog.All.Select(m => (IReadOnlyList<string>)
        [
            MarkdownTable.Code(m.Name),
            MarkdownTable.Cell(m.Label),
            MarkdownTable.Cell(m.Unit),
            MarkdownTable.Cell(m.Meaning),
        ]));

    [Fact]
    public void The_measure_table_in_the_model_doc_matches_the_catalog() =>
        GeneratedDocSection.Check("docs/model.md", Section, Render(), nameof(MeasureTableTests));

    [Fact]
    public void Pipes_in_meanings_are_escaped_so_the_table_keeps_four_columns()
    {
        foreach (var line in Render().Split('\n'))
        {
            var unescaped = line.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|');
            Assert.Equal(5, unescaped);
        }
    }
}
