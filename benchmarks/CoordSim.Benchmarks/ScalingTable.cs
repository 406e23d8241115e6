using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CoordSim.Benchmarks;

/// <summary>
/// The <c>--scaling</c> mode: runs every scaling point in a child process of its own (so each
/// peak working set is that run's alone; the child first warms up for a second on small runs so
/// compilation is excluded), then prints a plain-text table of people, issues,
/// seconds, peak memory, bytes per person and bytes per in-flight issue, and writes the same
/// numbers as CSV for the plots.
/// </summary>
public static class ScalingTable
{
    /// <summary>The argument that makes the process measure one point (used by the parent).</summary>
    public const string PointArgument = "--scaling-point";

    /// <summary>The points of the full table: both series, the 10^6-people × 10^7-issues target and the backlog.</summary>
    public static IReadOnlyList<ScalingPoint> Points(int maxPeopleExponent, int maxIssuesExponent)
    {
        var points = ScalingPoint.BothSeries(maxPeopleExponent, maxIssuesExponent).ToList();
        points.Add(new ScalingPoint("target", (long)Math.Pow(10, maxPeopleExponent), (long)Math.Pow(10, maxIssuesExponent)));
        points.Add(new ScalingPoint("backlog", 0, (long)Math.Pow(10, maxIssuesExponent - 1)));
        return points;
    }

    /// <summary>
    /// Runs the table. <paramref name="args"/>: optional largest exponents of people and issues
    /// (default 6 and 7) and an optional CSV path (default BenchmarkDotNet.Artifacts/results/scaling.csv).
    /// </summary>
    public static int Run(IReadOnlyList<string> args)
    {
        var maxPeople = ParseExponent(args, 0, "maxPeopleExponent", 6, 1, 10);
        var maxIssues = ParseExponent(args, 1, "maxIssuesExponent", 7, 4, 9);
        if (maxPeople is null || maxIssues is null)
        {
            return 2;
        }

        var csv = args.Count > 2 ? args[2] : Path.Combine("BenchmarkDotNet.Artifacts", "results", "scaling.csv");
        var rows = new List<ScalingMeasurement>();
        Console.WriteLine($"Scaling table on {Environment.ProcessorCount} processor(s) available to the process, .NET {Environment.Version}");
        foreach (var point in Points(maxPeople.Value, maxIssues.Value))
        {
            Console.WriteLine($"running {point} ...");
            var row = MeasureInChild(point);
            Console.WriteLine($"  {row.Seconds:F2} s, peak {row.PeakWorkingSetBytes / 1048576.0:F0} MB");
            rows.Add(row);
        }

        Console.WriteLine();
        Console.Write(Format(rows));
        WriteCsv(csv, rows);
        Console.WriteLine($"CSV: {csv}");
        return 0;
    }

    /// <summary>The child-process side: measures one point and prints it on one line.</summary>
    public static int RunPoint(IReadOnlyList<string> args)
    {
        if (args.Count != 3)
        {
            Console.Error.WriteLine($"{PointArgument} takes three values: series, people (0 = default organisation), issues.");
            return 2;
        }

        var point = new ScalingPoint(args[0], long.Parse(args[1], CultureInfo.InvariantCulture), long.Parse(args[2], CultureInfo.InvariantCulture));
        ScalingMeasurement.WarmUp(seconds: 1.0);
        Console.WriteLine("MEASUREMENT " + ScalingMeasurement.Measure(point).Serialize());
        return 0;
    }

    /// <summary>The plain-text table of <paramref name="rows"/>.</summary>
    public static string Format(IReadOnlyList<ScalingMeasurement> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"series",-8} {"people",10} {"issues",10} {"events",12} {"in flight",10} {"setup s",8} {"run s",8} {"total s",8} {"cpu s",8} {"Mevents/s",9} {"peak MB",8} {"B/person",9} {"B/in-flight",11}");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{r.Point.Series,-8} {r.People,10} {r.Arrived,10} {r.Events,12} {r.Pending,10} {r.SetupSeconds,8:F3} {r.RunSeconds,8:F3} {r.Seconds,8:F3} {r.CpuSeconds,8:F3} {r.EventsPerSecond / 1e6,9:F2} {r.PeakWorkingSetBytes / 1048576.0,8:F0} {r.BytesPerPerson,9:F0} {(double.IsNaN(r.BytesPerInFlightIssue) ? "-" : r.BytesPerInFlightIssue.ToString("F0", CultureInfo.InvariantCulture)),11}");
        }

        return text.ToString();
    }

    private static ScalingMeasurement MeasureInChild(ScalingPoint point)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? "dotnet",
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ScalingTable).Assembly.Location);
        }

        start.ArgumentList.Add(PointArgument);
        start.ArgumentList.Add(point.Series);
        start.ArgumentList.Add(point.People.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(point.Issues.ToString(CultureInfo.InvariantCulture));
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the measuring process.");
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("MEASUREMENT ", StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"Measuring {point} failed (exit code {child.ExitCode}): {output}");
        }

        return ScalingMeasurement.Parse(line["MEASUREMENT ".Length..]);
    }

    private static void WriteCsv(string path, IReadOnlyList<ScalingMeasurement> rows)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var csv = CsvHelper.CsvWriter.ToFile(path, null);
        string[] header = ["series", "people", "issues", "events", "inFlight", "setupSeconds", "runSeconds", "seconds", "cpuSeconds", "eventsPerSecond", "peakWorkingSetBytes", "bytesPerPerson", "bytesPerInFlightIssue"];
        foreach (var name in header)
        {
            csv.WriteField(name);
        }

        csv.EndRecord();
        foreach (var r in rows)
        {
            string[] fields =
            [
                r.Point.Series,
                Invariant(r.People),
                Invariant(r.Arrived),
                Invariant(r.Events),
                Invariant(r.Pending),
                Invariant(r.SetupSeconds),
                Invariant(r.RunSeconds),
                Invariant(r.Seconds),
                Invariant(r.CpuSeconds),
                Invariant(r.EventsPerSecond),
                Invariant(r.PeakWorkingSetBytes),
                Invariant(r.BytesPerPerson),
                double.IsNaN(r.BytesPerInFlightIssue) ? string.Empty : Invariant(r.BytesPerInFlightIssue),
            ];
            foreach (var field in fields)
            {
                csv.WriteField(field);
            }

            csv.EndRecord();
        }
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static int? ParseExponent(IReadOnlyList<string> args, int index, string name, int fallback, int min, int max)
    {
        if (args.Count <= index)
        {
            return fallback;
        }

        if (int.TryParse(args[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Console.Error.WriteLine($"{name}: '{args[index]}' is not allowed; use an integer from {min} to {max}.");
        return null;
    }
}
