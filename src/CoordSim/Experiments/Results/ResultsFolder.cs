namespace CoordSim.Experiments;

/// <summary>The files of a sweep's results folder and the rules for starting in it.</summary>
internal sealed class ResultsFolder
{
    /// <summary>The folder plotting writes figures into.</summary>
    public const string FiguresFolder = ResultsFormat.FiguresFolder;

    /// <summary>Creates the view of <paramref name="directory"/> (which need not exist yet).</summary>
    public ResultsFolder(string directory)
    {
        Directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
    }

    /// <summary>The folder's full path.</summary>
    public string Directory { get; }

    /// <summary>runs.csv.</summary>
    public string Runs => Path.Combine(Directory, RunsTable.FileName);

    /// <summary>summary.csv.</summary>
    public string Summary => Path.Combine(Directory, SummaryTable.FileName);

    /// <summary>sensitivity.csv.</summary>
    public string Sensitivity => Path.Combine(Directory, SensitivityTable.FileName);

    /// <summary>sensitivity-convergence.csv.</summary>
    public string SensitivityConvergence => Path.Combine(Directory, SensitivityConvergenceTable.FileName);

    /// <summary>issues.csv.</summary>
    public string Issues => Path.Combine(Directory, IssuesTable.FileName);

    /// <summary>timeseries.csv.</summary>
    public string TimeSeries => Path.Combine(Directory, TimeSeriesTable.FileName);

    /// <summary>codebook.csv.</summary>
    public string Codebook => Path.Combine(Directory, Experiments.Codebook.FileName);

    /// <summary>manifest.json.</summary>
    public string Manifest => Path.Combine(Directory, SweepManifest.FileName);

    /// <summary>checksums.csv.</summary>
    public string Checksums => Path.Combine(Directory, ChecksumsTable.FileName);

    /// <summary>True when the folder does not exist or holds nothing but the lock a sweep leaves.</summary>
    public bool IsEmpty => !System.IO.Directory.Exists(Directory) || !Entries().Any();

    /// <summary>True when the folder holds a manifest.</summary>
    public bool HasManifest => File.Exists(Manifest);

    /// <summary>The files and folders a sweep writes (and the temporary files it renames into place).</summary>
    private static readonly HashSet<string> Ours = new[]
        {
            RunsTable.FileName, SummaryTable.FileName, SensitivityTable.FileName, SensitivityConvergenceTable.FileName, IssuesTable.FileName, TimeSeriesTable.FileName, ChecksumsTable.FileName,
            Experiments.Codebook.FileName, SweepManifest.FileName,
        }
        .SelectMany(f => new[] { f, f + ".tmp" })
        .Append(FiguresFolder)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The folder's entries (names), leaving out the lock that stays after a sweep.</summary>
    private IEnumerable<string> Entries() => System.IO.Directory.EnumerateFileSystemEntries(Directory)
        .Select(entry => Path.GetFileName(entry))
        .Where(name => name is not (ResultsFolderLock.FileName or ResultsFolderLock.HolderFileName));

    /// <summary>
    /// The entries of the folder that a sweep did not write, sorted (relative names): anything beside its files, and
    /// anything in figures/ but PNG and SVG files.
    /// </summary>
    private List<string> Foreign()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var others = Entries().Where(name => !Ours.Contains(name)).ToList();
        var figures = Path.Combine(Directory, FiguresFolder);
        if (System.IO.Directory.Exists(figures))
        {
            // The plotter writes PNG and SVG files and nothing else; anything else there is the user's.
            others.AddRange(System.IO.Directory.EnumerateFileSystemEntries(figures)
                .Where(entry => System.IO.Directory.Exists(entry) || !(entry.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || entry.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)))
                .Select(entry => FiguresFolder + "/" + Path.GetFileName(entry)));
        }

        others.Sort(StringComparer.Ordinal);
        return others;
    }

    /// <summary>Refuses a folder that holds files a sweep does not write, naming the first five.</summary>
    /// <exception cref="SweepException">The folder holds such files.</exception>
    public void RefuseForeign()
    {
        var others = Foreign();
        if (others.Count > 0)
        {
            throw new SweepException(
                SweepRefusal.ForeignFiles,
                $"{Directory} holds files a sweep does not write ({string.Join(", ", others.Take(5))}{(others.Count > 5 ? ", ..." : "")}).",
                "SweepOptions.Force only replaces sweep results. Choose an empty or new folder.");
        }
    }

    /// <summary>
    /// Deletes the files a sweep writes (and figures/, when it holds only figures: PNG and SVG files); refuses when
    /// anything else is there, in the folder or in figures/ (a folder of drafts, a PDF).
    /// </summary>
    /// <exception cref="SweepException">The folder holds files a sweep does not write; nothing is deleted.</exception>
    public void Clear()
    {
        RefuseForeign();

        foreach (var name in Ours)
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
