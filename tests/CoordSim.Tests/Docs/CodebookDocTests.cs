using CoordSim.Experiments;

namespace CoordSim.Tests.Docs;

/// <summary>docs/experiments.md explains every role and type word codebook.csv can write.</summary>
public class CodebookDocTests
{
    private const string SectionStart = "### `codebook.csv`";
    private const string SectionEnd = "### Measures";

    private static string Section()
    {
        var document = File.ReadAllText(RepositoryFiles.PathOf("docs/experiments.md")).Replace("\r\n", "\n");
        var start = document.IndexOf(SectionStart, StringComparison.Ordinal);
        var end = document.IndexOf(SectionEnd, start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/experiments.md has no section from '{SectionStart}' to '{SectionEnd}'.");
        return document[start..end];
    }

    /// <summary>The table row of the section whose first cell is <paramref name="column"/> in backticks.</summary>
    private static string Row(string column)
    {
        var row = Section().Split('\n').SingleOrDefault(line => line.StartsWith($"| `{column}` |", StringComparison.Ordinal));
        Assert.True(row is not null, $"the codebook section has no table row for `{column}`");
        return row;
    }

    [Fact]
    public void Every_role_is_explained_in_the_role_row()
    {
        var row = Row("role");

        Assert.All(Enum.GetValues<ColumnRole>(), role => Assert.Contains($"`{ResultColumn.Word(role)}`", row, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_type_is_explained_in_the_type_row()
    {
        var row = Row("type");

        Assert.All(Enum.GetValues<ColumnType>(), type => Assert.Contains($"`{ResultColumn.Word(type)}`", row, StringComparison.Ordinal));
    }

    [Fact]
    public void The_table_has_a_row_for_every_codebook_column_in_order()
    {
        var documented = Section().Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line[3..line.IndexOf('`', 3)]);

        Assert.Equal(Codebook.Header, documented);
    }
}
