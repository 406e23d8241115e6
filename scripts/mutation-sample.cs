// A systematic sample of a folder's lines for mutation testing, and the score it estimates, for folders whose full
// Stryker run takes longer than a working session (the simulation's own code, where each mutant runs simulations).
//
// The files given are read in ordinal order of their paths (whatever order the shell gave them) as one sequence of
// lines, cut into blocks of BLOCK lines; every EVERY-th block, starting at block PHASE, is taken (a systematic cluster sample of about 1/EVERY of the code, whose
// phase is fixed in advance rather than picked after seeing results). A mutant is in the sample when its whole
// text lies inside a taken block, so mutants that span a block's edge (a removed multi-line block or statement)
// are under-represented; the score is therefore an estimate for the mutants that fit in a block.
//
// Run from the repository root, with paths relative to src/CoordSim:
//   dotnet run scripts/mutation-sample.cs -- spans [--block 30] [--every 8] [--phase 3] FILE...
//     prints one Stryker mutate pattern per file that has a taken block ("**/FILE{start..end}..."), to pass as
//     the GLOB arguments of scripts/mutation-test.sh
//   dotnet run scripts/mutation-sample.cs -- score REPORT.json [--block 30] [--every 8] [--phase 3] FILE...
//     reads Stryker's mutation-report.json of that run (or of a full run: mutants outside the taken blocks are left
//     out and counted) and prints, per file and in all, the mutants tested, detected (of which timeouts), survived and without coverage, the score detected / (detected + survived + no
//     coverage), and a 95% interval from a bootstrap over the taken blocks (10,000 resamples, seed 1), then the
//     survivors and the mutants without coverage, one per line, to be sorted by hand
//   dotnet run scripts/mutation-sample.cs -- check REPORT.json [--block 30] [--every 8] FILE...
//     takes a complete run's report and draws from it the sample of every phase, to show how far such a sample's
//     estimate falls from the complete score and how often its interval covers it
//   dotnet run scripts/mutation-sample.cs -- timeouts REPORT.json FILE...
//     prints mutate patterns for the text of each of the report's mutants that timed out, to test them again with a
//     longer time limit (scripts/mutation-test.sh -t): on a loaded machine a time limit too short for the tests
//     counts slow runs as detections. Give that second run's report to score with --retest RETEST.json: a mutant
//     that timed out in REPORT and was tested again (same place, same change) takes its status from RETEST
#:property ManagePackageVersionsCentrally=false
#:package MathNet.Numerics@5.0.0

using System.Globalization;
using System.Text.Json;
using MathNet.Numerics.Statistics;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length < 2 || args[0] is not ("spans" or "score" or "check" or "timeouts"))
    return Usage("the first argument must be 'spans', 'score', 'check' or 'timeouts', followed by the files");

var verb = args[0];
var rest = args.Skip(1).ToList();
string? reportPath = null;
if (verb is "score" or "check" or "timeouts")
{
    reportPath = rest[0];
    rest.RemoveAt(0);
}

int block = 30, every = 8, phase = 3;
string? retestPath = null;
var files = new List<string>();
for (var i = 0; i < rest.Count; i++)
{
    if (rest[i] == "--retest" && verb == "score")
    {
        retestPath = ++i < rest.Count ? rest[i] : null;
        if (retestPath is null || !File.Exists(retestPath))
            return Usage($"--retest '{retestPath}' is not a report file");
        continue;
    }
    if (rest[i] is not ("--block" or "--every" or "--phase"))
    {
        files.Add(rest[i]);
        continue;
    }
    var name = rest[i++];
    var raw = i < rest.Count ? rest[i] : "";
    if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        return Usage($"{name} '{raw}' is not a whole number");
    if (name == "--block") block = n;
    else if (name == "--every") every = n;
    else phase = n;
}
if (block < 1 || every < 1)
    return Usage($"--block {block} and --every {every} must be above 0");
if (verb is "spans" or "score" && phase >= every) return Usage($"--phase {phase} must be below --every {every}");
if (files.Count == 0) return Usage("no files given");
files.Sort(StringComparer.Ordinal);

// A score is taken over the lines of the code the report was made from (its "source"), so that a report older
// than the working tree is cut into the same blocks as the run that made it.
using var report = reportPath is null ? null : JsonDocument.Parse(File.ReadAllText(reportPath));
var reported = FilesOf(report);
using var retest = retestPath is null ? null : JsonDocument.Parse(File.ReadAllText(retestPath));
// The status each mutant got in the re-test run, by file, place and change.
var retested = new Dictionary<string, string>();
foreach (var (file, entry) in FilesOf(retest))
    foreach (var m in entry.GetProperty("mutants").EnumerateArray())
        retested[Key(file, m)] = m.GetProperty("status").GetString()!;
var retestedTimeouts = new List<string>(); // the new status of each timeout of the sample that was tested again

Dictionary<string, JsonElement> FilesOf(JsonDocument? document)
{
    var found = new Dictionary<string, JsonElement>();
    if (document is null) return found;
    foreach (var entry in document.RootElement.GetProperty("files").EnumerateObject())
        foreach (var file in files.Where(f => entry.Name.Replace('\\', '/').EndsWith("/" + f, StringComparison.Ordinal)))
            found[file] = entry.Value;
    return found;
}

static string Key(string file, JsonElement mutant)
{
    var location = mutant.GetProperty("location");
    var start = location.GetProperty("start");
    var end = location.GetProperty("end");
    return $"{file}:{start.GetProperty("line")}:{start.GetProperty("column")}-{end.GetProperty("line")}:{end.GetProperty("column")}"
        + $" {mutant.GetProperty("mutatorName").GetString()} {mutant.GetProperty("replacement").GetString()}";
}

var root = Path.Combine("src", "CoordSim");
// Per file: its first line's number in the whole sequence, and the character offset at which each line starts
// (one more entry than lines: the last is the text's length).
var blocksOf = new Dictionary<string, (int FirstGlobalLine, int[] LineStarts)>();
var globalLine = 0;
foreach (var file in files)
{
    var full = Path.Combine(root, file);
    string text;
    // Stryker writes a placeholder instead of the text of a file that no mutate pattern selected.
    if (reported.TryGetValue(file, out var entry) && entry.TryGetProperty("source", out var source)
        && source.GetString() is { } reportedText && reportedText != "File ignored by mutate filter")
        text = reportedText;
    else if (File.Exists(full))
        text = File.ReadAllText(full);
    else
        return Usage($"file '{file}' is not under {root}");
    var lines = text.Split('\n');
    var lineStarts = new int[lines.Length + 1];
    for (var i = 0; i < lines.Length; i++)
        lineStarts[i + 1] = Math.Min(lineStarts[i] + lines[i].Length + 1, text.Length);
    blocksOf[file] = (globalLine, lineStarts);
    globalLine += lines.Length;
}

// A Stryker mutate pattern for these character spans of the file.
static string Pattern(string file, IEnumerable<(int Start, int End)> spans) =>
    "**/" + file + string.Concat(spans.Select(s => $"{{{s.Start}..{s.End}}}"));

bool Taken(int global, int p) => global / block % every == p;

if (verb == "spans")
{
    foreach (var file in files)
    {
        var (first, lineStarts) = blocksOf[file];
        var spans = new List<(int Start, int End)>();
        (int Start, int End)? current = null;
        for (var i = 0; i < lineStarts.Length - 1; i++)
        {
            var (offset, next) = (lineStarts[i], lineStarts[i + 1]);
            if (Taken(first + i, phase))
                current = current is { } c ? (c.Start, next) : (offset, next);
            else if (current is { } done)
            {
                spans.Add(done);
                current = null;
            }
        }
        if (current is { } last) spans.Add(last);
        if (spans.Count > 0)
            Console.WriteLine(Pattern(file, spans));
    }
    return 0;
}

static bool Detected(string status) => status is "Killed" or "Timeout";

// A status of a mutant that was run against the tests (not ignored, not a compile error).
static bool Tested(string status) => status is "Killed" or "Timeout" or "Survived" or "NoCoverage";

if (verb == "timeouts")
{
    // The text of every mutant that timed out, as character spans of the report's own text (lines and columns
    // counted from 1, the end column just past the mutant).
    foreach (var file in files)
    {
        if (!reported.TryGetValue(file, out var entry)) continue;
        var lineStarts = blocksOf[file].LineStarts;
        int Offset(JsonElement at) =>
            lineStarts[at.GetProperty("line").GetInt32() - 1] + at.GetProperty("column").GetInt32() - 1;
        var spans = new SortedSet<(int Start, int End)>();
        foreach (var m in entry.GetProperty("mutants").EnumerateArray())
        {
            if (m.GetProperty("status").GetString() != "Timeout") continue;
            var location = m.GetProperty("location");
            spans.Add((Offset(location.GetProperty("start")), Offset(location.GetProperty("end"))));
        }
        if (spans.Count > 0)
            Console.WriteLine(Pattern(file, spans));
    }
    return 0;
}

if (verb == "check")
{
    // How well would a sample with this block and step estimate a complete run's score? Every phase's sample
    // is drawn from the complete report, and its estimate and interval are set against the complete score.
    var (all, _) = Sample(null);
    var full = Score(all);
    Console.WriteLine($"Complete run: {all.Count} mutants, score {100 * full:F2}%. Samples of blocks of {block} lines, every {every}th:");
    Console.WriteLine();
    Console.WriteLine("| Phase | Mutants | Blocks | Estimate | 95% interval | Covers the complete score |");
    Console.WriteLine("|---:|---:|---:|---:|---|---|");
    var errors = new List<double>();
    var covered = 0;
    for (var p = 0; p < every; p++)
    {
        var (taken, _) = Sample(p);
        if (taken.Count == 0)
        {
            Console.WriteLine($"| {p} | 0 | 0 | | | |");
            continue;
        }
        var estimate = Score(taken);
        var (low, high) = BootstrapInterval(taken);
        var covers = low <= full && full <= high;
        if (covers) covered++;
        errors.Add(100 * (estimate - full));
        Console.WriteLine($"| {p} | {taken.Count} | {taken.Select(m => m.Block).Distinct().Count()} | {100 * estimate:F2}% | {100 * low:F1}% to {100 * high:F1}% | {(covers ? "yes" : "no")} |");
    }
    Console.WriteLine();
    Console.WriteLine($"Estimate minus complete score: mean {errors.Average():+0.00;-0.00} points, root mean square {Math.Sqrt(errors.Average(e => e * e)):F2}, largest {errors.Max(Math.Abs):F2}; the interval covers the complete score in {covered} of {errors.Count} samples.");
    return 0;
}

var (mutants, outside) = Sample(phase);
if (mutants.Count == 0) return Usage($"the report '{reportPath}' has no tested mutant in these files");

Console.WriteLine("| File | Mutants | Detected (timeouts) | Survived | No coverage | Score | 95% interval |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
foreach (var group in mutants.GroupBy(m => m.File).OrderBy(g => g.Key, StringComparer.Ordinal))
    Console.WriteLine(Row($"`{group.Key}`", group.ToList(), interval: false));
Console.WriteLine(Row("**All**", mutants, interval: true));
Console.WriteLine();
Console.WriteLine($"{mutants.Select(m => m.Block).Distinct().Count()} blocks of {block} lines, every {every}th from block {phase}, in {files.Count} files; {outside} tested mutants of the report outside them left out.");
if (retest is not null)
{
    var outcomes = string.Join(", ", retestedTimeouts.GroupBy(r => r).OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => $"{g.Count()} {g.Key}"));
    Console.WriteLine($"Timeouts of the report tested again in '{retestPath}': {retestedTimeouts.Count} ({outcomes}); the table has their new status.");
}
Console.WriteLine();
foreach (var m in mutants.Where(m => !Detected(m.Status)).OrderBy(m => m.File, StringComparer.Ordinal).ThenBy(m => m.Line))
    Console.WriteLine($"{m.Status,-10} {m.File}:{m.Line} {m.Description}");
return 0;

// The report's tested mutants whose whole text lies in a block taken at phase p (every mutant when p is null),
// and how many were left out.
(List<Mutant> Taken, int Outside) Sample(int? p)
{
    var taken = new List<Mutant>();
    var outside = 0;
    foreach (var (file, entry) in reported)
    {
        var first = blocksOf[file].FirstGlobalLine;
        foreach (var m in entry.GetProperty("mutants").EnumerateArray())
        {
            var status = m.GetProperty("status").GetString()!;
            if (status == "Timeout" && retested.TryGetValue(Key(file, m), out var again) && Tested(again))
            {
                if (p == phase) retestedTimeouts.Add(again);
                status = again;
            }
            if (!Tested(status)) continue;
            var location = m.GetProperty("location");
            var line = location.GetProperty("start").GetProperty("line").GetInt32();
            var global = first + line - 1;
            var globalEnd = first + location.GetProperty("end").GetProperty("line").GetInt32() - 1;
            if (p is { } at && (!Taken(global, at) || globalEnd / block != global / block))
            {
                outside++;
                continue;
            }
            var description = $"{m.GetProperty("mutatorName").GetString()}: {m.GetProperty("replacement").GetString()}";
            taken.Add(new Mutant(file, line, global / block, status, description));
        }
    }
    return (taken, outside);
}

static double Score(List<Mutant> rows) =>
    (double)rows.Count(r => Detected(r.Status)) / rows.Count;

static string Row(string name, List<Mutant> rows, bool interval)
{
    var detected = rows.Count(r => Detected(r.Status));
    var timeouts = rows.Count(r => r.Status == "Timeout");
    var survived = rows.Count(r => r.Status == "Survived");
    var none = rows.Count(r => r.Status == "NoCoverage");
    var score = Score(rows);
    var range = "";
    if (interval)
    {
        var (low, high) = BootstrapInterval(rows);
        range = $"{100 * low:F1}% to {100 * high:F1}%";
    }
    return $"| {name} | {rows.Count} | {detected} ({timeouts}) | {survived} | {none} | {100 * score:F2}% | {range} |";
}

// The taken blocks are the sampling units: resample them with replacement and take the ratio of detected mutants
// to mutants in the resampled blocks; the interval is the 2.5% and 97.5% quantiles of 10,000 such ratios.
static (double Low, double High) BootstrapInterval(List<Mutant> rows)
{
    var clusters = rows.GroupBy(r => r.Block)
        .Select(g => (Detected: g.Count(r => Detected(r.Status)), Total: g.Count()))
        .ToArray();
    var random = new Random(1);
    var ratios = new double[10_000];
    for (var b = 0; b < ratios.Length; b++)
    {
        int detected = 0, total = 0;
        for (var k = 0; k < clusters.Length; k++)
        {
            var c = clusters[random.Next(clusters.Length)];
            detected += c.Detected;
            total += c.Total;
        }
        ratios[b] = total == 0 ? double.NaN : (double)detected / total;
    }
    var finite = ratios.Where(double.IsFinite).ToArray();
    return (Statistics.Quantile(finite, 0.025), Statistics.Quantile(finite, 0.975));
}

static int Usage(string problem)
{
    Console.Error.WriteLine($"mutation-sample: {problem}");
    Console.Error.WriteLine("usage: dotnet run scripts/mutation-sample.cs -- spans [--block 30] [--every 8] [--phase 3] FILE...");
    Console.Error.WriteLine("       dotnet run scripts/mutation-sample.cs -- score REPORT.json [--retest RETEST.json] [--block 30] [--every 8] [--phase 3] FILE...");
    Console.Error.WriteLine("       dotnet run scripts/mutation-sample.cs -- check REPORT.json [--block 30] [--every 8] FILE...");
    Console.Error.WriteLine("       dotnet run scripts/mutation-sample.cs -- timeouts REPORT.json FILE...");
    return 2;
}

/// <summary>A tested mutant of the report: its file and line, the block (of the whole sequence) it lies in, Stryker's
/// status and what was changed.</summary>
record Mutant(string File, int Line, int Block, string Status, string Description);
