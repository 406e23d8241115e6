namespace CoordSim.Tests.Plots;

/// <summary>Edits results files the way a broken or truncated sweep might leave them (the fixture's CSVs hold no quoted fields).</summary>
internal static class ResultsFiles
{
    /// <summary>Removes a column from a CSV file.</summary>
    public static void DropColumn(string path, string column)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.IndexOf(lines[0].Split(','), column);
        Assert.True(index >= 0, $"{column} is not a column of {path}");
        File.WriteAllLines(path, lines.Select(l => string.Join(",", l.Split(',').Where((_, i) => i != index))));
    }

    /// <summary>Keeps only the header row.</summary>
    public static void KeepHeaderOnly(string path) => File.WriteAllText(path, File.ReadAllLines(path)[0] + "\n");

    /// <summary>Replaces the field of <paramref name="column"/> on data line <paramref name="line"/> (1-based, header = 1).</summary>
    public static void SetField(string path, int line, string column, string value)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.IndexOf(lines[0].Split(','), column);
        var fields = lines[line - 1].Split(',');
        fields[index] = value;
        lines[line - 1] = string.Join(",", fields);
        File.WriteAllLines(path, lines);
    }
}
