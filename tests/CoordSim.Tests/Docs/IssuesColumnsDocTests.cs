using System.Text.RegularExpressions;
using CoordSim.Experiments;

namespace CoordSim.Tests.Docs;

/// <summary>docs/experiments.md describes every column of issues.csv, and no column that is not there.</summary>
public partial class IssuesColumnsDocTests
{
    private const string SectionStart = "### `issues.csv`";
    private const string SectionEnd = "### `manifest.json`";

    /// <summary>Column names in backticks in the first cell of a table row: "| `a`, `b` | ...".</summary>
    [GeneratedRegex(@"^\|\s*((?:`[A-Za-z]+`(?:,\s*)?)+)\s*\|", RegexOptions.Multiline)]
    private static partial Regex FirstCellNames();

    private static string Section()
    {
        var document = File.ReadAllText(RepositoryFiles.PathOf("docs/experiments.md")).Replace("\r\n", "\n");
        var start = document.IndexOf(SectionStart, StringComparison.Ordinal);
        var end = document.IndexOf(SectionEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/experiments.md has no section from '{SectionStart}' to '{SectionEnd}'.");
        return document[start..end];
    }

    private static HashSet<string> TabledColumns() =>
        FirstCellNames().Matches(Section())
            .SelectMany(m => Regex.Matches(m.Groups[1].Value, "`([A-Za-z]+)`").Select(n => n.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_issue_column_after_the_run_keys_has_a_row_in_the_table()
    {
        var missing = IssuesTable.Header.Skip(3).Where(c => !TabledColumns().Contains(c)).ToList();
        Assert.True(missing.Count == 0, "docs/experiments.md does not describe issues.csv columns: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_table_names_no_column_the_file_does_not_have()
    {
        var extra = TabledColumns().Where(c => !IssuesTable.Header.Contains(c)).ToList();
        Assert.True(extra.Count == 0, "docs/experiments.md describes issues.csv columns that do not exist: " + string.Join(", ", extra));
    }

    [Fact]
    public void The_run_keys_lead_the_file_as_the_text_says()
    {
        Assert.Equal(["pointId", "structure", "replication"], IssuesTable.Header.Take(3));
        Assert.Contains("`pointId`, `structure`, `replication`, then every field", Section(), StringComparison.Ordinal);
    }
}
