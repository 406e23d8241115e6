using System.Diagnostics;
using System.Globalization;

namespace CoordSim.Experiments;

/// <summary>
/// Merges the results folders of a sweep's shards into one folder that holds what a sweep of the whole spec on one
/// machine writes, byte for byte (manifest.json but for its timing). Every shard's runs are checked against its
/// checksums.csv first; each run's rows are then copied, in result order, from the shard that ran it, and summary.csv,
/// sensitivity.csv (morris and sobol designs), codebook.csv and the manifest are written from the spec the shards recorded. Shards and output are held while it works.
/// </summary>
internal static class ShardMerge
{
    /// <summary>Runs after which the merged checksums.csv is flushed.</summary>
    private const int CommitEvery = 1024;

    /// <summary>Merges <paramref name="directories"/> into <paramref name="directory"/>; see <see cref="Sweep.Merge"/>.</summary>
    public static SweepReport Run(IReadOnlyList<string> directories, string directory, MergeOptions options)
    {
        var clock = Stopwatch.StartNew();
        var output = new ResultsFolder(directory);
        var folders = directories.Select(d => new ResultsFolder(d)).ToList();
        RefuseFolders(folders, output, options);
        var held = new List<ResultsFolderLock>();
        try
        {
            foreach (var folder in folders)
            {
                held.Add(ResultsFolderLock.Acquire(folder.Directory, "merge"));
            }

            var (plan, manifests) = SameSweep(folders);
            var parts = Parts(plan, folders, manifests);
            Directory.CreateDirectory(output.Directory);
            using var outputHeld = ResultsFolderLock.Acquire(output.Directory, "merge");
            if (!output.IsEmpty)
            {
                // Checked again now that the folder is held: another process may have written to it since.
                RefuseOutput(output, options);
                output.Clear();
            }

            var merged = new SweepManifest(
                SweepStatus.Running, 0, manifests.Max(m => m.Threads), manifests.Min(m => m.StartedUtc), null, manifests.Sum(m => m.WallSeconds));
            var files = SweepSession.Files(plan);
            merged.Write(output.Manifest, plan, files);
            Codebook.Write(plan, output.Codebook);
            try
            {
                Copy(plan, parts, output);
                var unstable = SummaryTable.Write(plan, output.Runs, output.Summary);
                if (SensitivityTable.Applies(plan))
                {
                    SensitivityTable.Write(plan, output.Runs, output.Sensitivity, output.SensitivityConvergence);
                }

                (merged with { Status = SweepStatus.Complete, CompletedRuns = plan.RunCount, FinishedUtc = DateTime.UtcNow }).Write(output.Manifest, plan, files);
                var report = new SweepReport(output.Directory, plan.RunCount, plan.RunCount, 0, false, clock.Elapsed) { Unstable = unstable };
                options.OnComplete?.Invoke(report);
                return report;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryWrite(merged with { Status = SweepStatus.Failed, FinishedUtc = DateTime.UtcNow }, output, plan, files);
                throw;
            }
        }
        finally
        {
            foreach (var h in held)
            {
                h.Dispose();
            }
        }
    }

    /// <summary>Refuses, before anything is written or held, folders that cannot be merged into <paramref name="output"/>.</summary>
    private static void RefuseFolders(List<ResultsFolder> folders, ResultsFolder output, MergeOptions options)
    {
        if (folders.Count == 0)
        {
            throw new ArgumentException("At least one shard's folder is needed.", nameof(folders));
        }

        var twice = folders.GroupBy(f => f.Directory, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new SweepException(SweepRefusal.ShardsDoNotMerge, $"{twice.Key} is given twice.", "Give each shard's folder once.");
        }

        if (folders.Any(f => string.Equals(f.Directory, output.Directory, StringComparison.Ordinal)))
        {
            throw new SweepException(SweepRefusal.ShardsDoNotMerge, $"The merged results would go to {output.Directory}, which is one of the shards' folders.",
                "Merge into another folder.");
        }

        foreach (var folder in folders)
        {
            if (!folder.HasManifest)
            {
                throw new SweepException(SweepRefusal.NotASweepFolder,
                    $"{folder.Directory} is not a sweep's results folder: it has no {SweepManifest.FileName}.", "Give the folders the shards were run into.");
            }
        }

        if (!output.IsEmpty)
        {
            RefuseOutput(output, options);
        }
    }

    private static void RefuseOutput(ResultsFolder output, MergeOptions options)
    {
        if (!options.Force)
        {
            throw new SweepException(SweepRefusal.FolderNotEmpty, $"{output.Directory} is not empty.",
                "Set MergeOptions.Force to replace the results there, or choose another folder.");
        }

        output.RefuseForeign();
    }

    /// <summary>The plan the shards ran and their manifests (in the folders' order), when they all ran one spec with one library.</summary>
    private static (ExperimentPlan Plan, List<SweepManifest> Manifests) SameSweep(List<ResultsFolder> folders)
    {
        var read = folders.Select(f => SweepManifest.Read(f.Manifest)).ToList();
        foreach (var (what, of) in new (string, Func<(string SpecHash, string Library, SweepManifest), string>)[] { ("spec", r => r.SpecHash), ("library", r => r.Library) })
        {
            var groups = folders.Zip(read, (f, r) => (Folder: f.Directory, Value: of(r))).GroupBy(x => x.Value, StringComparer.Ordinal).ToList();
            if (groups.Count > 1)
            {
                var ran = string.Join("; ", groups.Select(g => $"{string.Join(", ", g.Select(x => x.Folder))} ran {(what == "spec" ? "spec " : "")}{g.Key}"));
                throw new SweepException(SweepRefusal.ShardsDoNotMerge,
                    $"The folders hold shards of different sweeps ({ran}): a merge takes the shards of one spec, with the same issues and time-series options, run by one library version.",
                    "Merge the folders of one sweep; run the others again with the same spec and library.");
            }
        }

        var spec = SweepManifest.ReadSpec(folders[0].Manifest);
        var plan = spec.Plan();
        if (!string.Equals(plan.Spec.Hash, read[0].SpecHash, StringComparison.Ordinal))
        {
            throw new SweepException(SweepRefusal.UnreadableManifest,
                $"{folders[0].Manifest}'s spec gives the hash {plan.Spec.Hash}, not the {read[0].SpecHash} it records.", "Run the shard again.");
        }

        return (plan, read.Select(r => r.Manifest).ToList());
    }

    /// <summary>Each shard's folder, in shard order, after checking that the folders hold every shard once with all its runs intact.</summary>
    private static ResultsFolder[] Parts(ExperimentPlan plan, List<ResultsFolder> folders, List<SweepManifest> manifests)
    {
        var shards = manifests.Select(m => m.Shard ?? Shard.Whole).ToList();
        var counts = shards.Select(s => s.Count).Distinct().ToList();
        if (counts.Count > 1)
        {
            throw new SweepException(SweepRefusal.ShardsDoNotMerge,
                $"The folders hold shards of different cuts of the runs ({string.Join(", ", folders.Zip(shards, (f, s) => $"{f.Directory} is {Describe(s)}"))}).",
                "Merge shards cut into the same number of slices.");
        }

        var count = counts[0];
        var twice = folders.Zip(shards).GroupBy(x => x.Second.Number).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new SweepException(SweepRefusal.ShardsDoNotMerge,
                $"{Describe(twice.First().Second)} is in more than one folder ({string.Join(", ", twice.Select(x => x.First.Directory))}), so its runs would be merged twice.",
                "Give each shard's folder once.");
        }

        var parts = new ResultsFolder[count];
        var gaps = new List<ShardGap>();
        var seriesHeader = SweepSession.SeriesHeader(plan);
        for (var number = 1; number <= count; number++)
        {
            var shard = new Shard(number, count);
            var runs = shard.Runs(plan);
            var at = shards.FindIndex(s => s.Number == number);
            if (at < 0)
            {
                gaps.Add(new ShardGap(shard, null, 0, runs.Count));
                continue;
            }

            parts[number - 1] = folders[at];
            var kept = ChecksumsTable.Recover(folders[at], runs, RunsTable.Header(plan), plan.Spec.Output.Issues ? IssuesTable.Header : null, seriesHeader);
            if (kept.Done < runs.Count)
            {
                gaps.Add(new ShardGap(shard, folders[at].Directory, kept.Done, runs.Count));
            }
        }

        if (gaps.Count > 0)
        {
            throw new SweepException(SweepRefusal.ShardsDoNotMerge,
                $"Runs are missing: {string.Join("; ", gaps.Select(Describe))}.",
                "Run each missing shard with SweepOptions.Shard set to it, finish each unfinished one with SweepOptions.Resume as well, then merge again.")
            {
                Gaps = gaps,
            };
        }

        return parts;
    }

    private static string Describe(Shard shard) => shard.Count == 1 ? "a whole sweep (not a shard)" : $"shard {shard}";

    private static string Describe(ShardGap gap) => gap.Directory is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Describe(gap.Shard)} ({gap.Runs} runs) is in none of the folders")
        : string.Create(CultureInfo.InvariantCulture, $"{Describe(gap.Shard)} in {gap.Directory} has {gap.Done} of its {gap.Runs} runs");

    /// <summary>Copies every run's rows, in result order, from the shard that ran it, and writes the merged checksums.csv.</summary>
    private static void Copy(ExperimentPlan plan, ResultsFolder[] parts, ResultsFolder output)
    {
        IReadOnlyList<string>?[] headers = [RunsTable.Header(plan), plan.Spec.Output.Issues ? IssuesTable.Header : null, SweepSession.SeriesHeader(plan)];
        string[] targets = [output.Runs, output.Issues, output.TimeSeries];
        var sources = parts.Select(p => new ShardRows(p, headers)).ToArray();
        var written = new FileStream?[headers.Length];
        try
        {
            for (var f = 0; f < headers.Length; f++)
            {
                if (headers[f] is { } header)
                {
                    written[f] = new FileStream(targets[f], FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
                    written[f]!.Write(CsvJournal.HeaderBytes(header));
                }
            }

            using var checksums = CsvJournal.Create(output.Checksums, ChecksumsTable.Header);
            var buffer = new byte[1 << 16];
            var marks = new JournalMark?[headers.Length];
            for (var run = 0; run < plan.RunCount; run++)
            {
                var source = sources[Shard.OffsetOf(run, plan.Structures.Count, plan.RunCount, parts.Length)];
                var spans = source.Next(run);
                for (var f = 0; f < headers.Length; f++)
                {
                    if (written[f] is { } target && spans[f] is { } span)
                    {
                        source.CopyTo(f, span, target, buffer);
                        marks[f] = new JournalMark(target.Position, span.Sha256);
                    }
                }

                checksums.Write(ChecksumsTable.Row(run, marks[0]!.Value, marks[1], marks[2]));
                if (run % CommitEvery == CommitEvery - 1)
                {
                    checksums.Commit();
                }
            }

            foreach (var target in written)
            {
                target?.Flush(flushToDisk: true);
            }

            checksums.Commit();
        }
        finally
        {
            foreach (var target in written)
            {
                target?.Dispose();
            }

            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    private static void TryWrite(SweepManifest manifest, ResultsFolder output, ExperimentPlan plan, string[] files)
    {
        try
        {
            manifest.Write(output.Manifest, plan, files);
        }
        catch (IOException)
        {
            // The first failure is the one to report; the manifest still says "running", never "complete".
        }
    }

    /// <summary>A shard's journals read run by run, as its checksums.csv (already verified) lists them.</summary>
    private sealed class ShardRows : IDisposable
    {
        private readonly CsvHelper.CsvReader _checksums;
        private readonly FileStream?[] _files;
        private readonly long[] _ends;

        public ShardRows(ResultsFolder folder, IReadOnlyList<string>?[] headers)
        {
            string[] paths = [folder.Runs, folder.Issues, folder.TimeSeries];
            _files = new FileStream?[headers.Length];
            _ends = new long[headers.Length];
            for (var f = 0; f < headers.Length; f++)
            {
                if (headers[f] is { } header)
                {
                    _files[f] = new FileStream(paths[f], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                    _ends[f] = CsvJournal.HeaderBytes(header).Length;
                }
            }

            _checksums = CsvJournal.Open(folder.Checksums);
        }

        /// <summary>Where run <paramref name="run"/>'s rows lie in each journal (null for a journal not written): the shard's next record, which must be that run's.</summary>
        public RowSpan?[] Next(int run)
        {
            if (!_checksums.Read() || _checksums.Parse<int>(0) != run)
            {
                throw new InvalidDataException($"The shard's {ChecksumsTable.FileName} changed while it was merged: its next record is not run {run}'s.");
            }

            var spans = new RowSpan?[_files.Length];
            for (var f = 0; f < _files.Length; f++)
            {
                if (_files[f] is not null)
                {
                    var end = _checksums.Parse<long>(1 + (2 * f));
                    spans[f] = new RowSpan(_ends[f], end, _checksums.GetString(2 + (2 * f)));
                    _ends[f] = end;
                }
            }

            return spans;
        }

        /// <summary>Copies the bytes of <paramref name="span"/> in journal <paramref name="file"/> to <paramref name="target"/>.</summary>
        public void CopyTo(int file, RowSpan span, Stream target, byte[] buffer) => span.Copy(_files[file]!, target, buffer);

        public void Dispose()
        {
            _checksums.Dispose();
            foreach (var f in _files)
            {
                f?.Dispose();
            }
        }
    }
}
