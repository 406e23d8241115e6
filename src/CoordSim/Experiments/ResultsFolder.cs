namespace CoordSim.Experiments;

/// <summary>The files of a sweep's results folder and the rules for starting in it.</summary>
internal sealed class ResultsFolder
{
    /// <summary>The folder plotting writes figures into.</summary>
    public const string FiguresFolder = "figures";

    /// <summary>Creates the view of <paramref name="directory"/> (which need not exist yet).</summary>
    public ResultsFolder(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The folder's full path.</summary>
    public string Directory { get; }

    /// <summary>runs.csv.</summary>
    public string Runs => Path.Combine(Directory, RunsTable.FileName);

    /// <summary>summary.csv.</summary>
    public string Summary => Path.Combine(Directory, SummaryTable.FileName);

    /// <summary>issues.csv.</summary>
    public string Issues => Path.Combine(Directory, IssuesTable.FileName);

    /// <summary>timeseries.csv.</summary>
    public string TimeSeries => Path.Combine(Directory, TimeSeriesTable.FileName);

    /// <summary>codebook.csv.</summary>
    public string Codebook => Path.Combine(Directory, Experiments.Codebook.FileName);

    /// <summary>manifest.json.</summary>
    public string Manifest => Path.Combine(Directory, SweepManifest.FileName);

    /// <summary>True when the folder does not exist or holds nothing.</summary>
    public bool IsEmpty => !System.IO.Directory.Exists(Directory) || !System.IO.Directory.EnumerateFileSystemEntries(Directory).Any();

    /// <summary>True when the folder holds a manifest.</summary>
    public bool HasManifest => File.Exists(Manifest);

    /// <summary>
    /// Deletes the files a sweep writes (and figures/, when it holds only figures: PNG and SVG files); refuses when
    /// anything else is there, in the folder or in figures/ (a folder of drafts, a PDF).
    /// </summary>
    /// <exception cref="SweepException">The folder holds files a sweep does not write; nothing is deleted.</exception>
    public void Clear()
    {
        var ours = new[] { RunsTable.FileName, SummaryTable.FileName, IssuesTable.FileName, TimeSeriesTable.FileName, Experiments.Codebook.FileName, SweepManifest.FileName }
            .SelectMany(f => new[] { f, f + ".tmp" })
            .Append(FiguresFolder)
            .ToHashSet(StringComparer.Ordinal);
        var others = System.IO.Directory.EnumerateFileSystemEntries(Directory)
            .Select(Path.GetFileName)
            .Where(name => !ours.Contains(name!))
            .ToList();
        var figures = Path.Combine(Directory, FiguresFolder);
        if (System.IO.Directory.Exists(figures))
        {
            // The plotter writes PNG and SVG files and nothing else; anything else there is the user's.
            others.AddRange(System.IO.Directory.EnumerateFileSystemEntries(figures)
                .Where(entry => System.IO.Directory.Exists(entry) || !(entry.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || entry.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)))
                .Select(entry => FiguresFolder + "/" + Path.GetFileName(entry)));
        }

        others.Sort(StringComparer.Ordinal);
        if (others.Count > 0)
        {
            throw new SweepException(
                $"{Directory} holds files a sweep does not write ({string.Join(", ", others.Take(5))}{(others.Count > 5 ? ", ..." : "")}); " +
                "--force only replaces sweep results. Choose an empty or new folder.");
        }

        foreach (var name in ours)
        {
            var path = Path.Combine(Directory, name);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
            else if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
        }
    }
}
