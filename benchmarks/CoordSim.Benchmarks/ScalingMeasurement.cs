using System.Diagnostics;
using System.Globalization;
using CoordSim.Mechanisms;
using CoordSim.Structures;

namespace CoordSim.Benchmarks;

/// <summary>
/// What one scaling run cost, measured in a process of its own so that the peak working set
/// belongs to this run alone.
/// </summary>
/// <param name="Point">The scaling point.</param>
/// <param name="People">People in the organisation.</param>
/// <param name="Arrived">Issues that arrived.</param>
/// <param name="Pending">Issues still in flight at the end of the run.</param>
/// <param name="Events">Events processed.</param>
/// <param name="SetupSeconds">Wall time to build the organisation and the model.</param>
/// <param name="RunSeconds">Wall time of the event loop and the measures.</param>
/// <param name="CpuSeconds">Processor time of the process over setup and run (all threads, GC included).</param>
/// <param name="PeakWorkingSetBytes">Peak working set of the process (VmHWM).</param>
/// <param name="SetupBytes">Managed bytes retained by the organisation and the model before the run.</param>
/// <param name="RunBytes">Managed bytes the model retains after the run beyond <paramref name="SetupBytes"/> (in-flight pools at their high-water mark, the latency sample).</param>
public sealed record ScalingMeasurement(
    ScalingPoint Point,
    long People,
    long Arrived,
    long Pending,
    long Events,
    double SetupSeconds,
    double RunSeconds,
    double CpuSeconds,
    long PeakWorkingSetBytes,
    long SetupBytes,
    long RunBytes)
{
    private const char Separator = ';';

    /// <summary>Wall seconds of setup and run together.</summary>
    public double Seconds => SetupSeconds + RunSeconds;

    /// <summary>Events per wall second of the event loop.</summary>
    public double EventsPerSecond => RunSeconds > 0 ? Events / RunSeconds : double.NaN;

    /// <summary>Managed bytes per person retained by the organisation and the model.</summary>
    public double BytesPerPerson => (double)SetupBytes / People;

    /// <summary>
    /// Bytes the run retained per issue still in flight at the end: meaningful when most issues are
    /// in flight (the backlog point); NaN when fewer than 1000 are.
    /// </summary>
    public double BytesPerInFlightIssue => Pending >= 1000 ? (double)RunBytes / Pending : double.NaN;

    /// <summary>
    /// Runs many small hierarchy scenarios (at least 300 runs and <paramref name="seconds"/>), pausing
    /// halfway so the background compiler can finish, so that the methods of a run, the run loop
    /// included, are at full optimisation before a measurement (cold start excluded). A run's loop
    /// method is entered once per run, so it needs many runs, not one long run, to be recompiled.
    /// </summary>
    public static void WarmUp(double seconds)
    {
        var clock = Stopwatch.StartNew();
        var parameters = Scenarios.Organisation(100, 100);
        for (var round = 0; round < 2; round++)
        {
            var runs = 0;
            while (runs < 150 || clock.Elapsed.TotalSeconds < seconds * (round + 1) / 2)
            {
                Simulation.Run(Structure.Hierarchy(), parameters, Scenarios.Seed + runs);
                runs++;
            }

            Thread.Sleep(250);
        }
    }

    /// <summary>Runs <paramref name="point"/> in this process and measures it (call <see cref="WarmUp"/> first to exclude compilation).</summary>
    public static ScalingMeasurement Measure(ScalingPoint point)
    {
        var parameters = point.Parameters;
        var structure = Structure.Hierarchy();
        var process = Process.GetCurrentProcess();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var cpuStart = process.TotalProcessorTime;

        var clock = Stopwatch.StartNew();
        parameters.EnsureValid();
        var (organisation, policy) = structure.Build(parameters);
        var model = new CoordinationModel(organisation, parameters, policy, Scenarios.Seed);
        var setupSeconds = clock.Elapsed.TotalSeconds;
        var setupCpu = process.TotalProcessorTime;

        var afterSetup = GC.GetTotalMemory(forceFullCollection: true);
        var runCpuStart = process.TotalProcessorTime;
        clock.Restart();
        var result = model.Run(structure.Name);
        var runSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (setupCpu - cpuStart) + (process.TotalProcessorTime - runCpuStart);
        var afterRun = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(model);
        process.Refresh();
        return new ScalingMeasurement(
            point,
            organisation.PersonCount,
            result.Issues.Arrived,
            result.Issues.Pending,
            result.Events,
            setupSeconds,
            runSeconds,
            cpu.TotalSeconds,
            process.PeakWorkingSet64,
            afterSetup - baseline,
            afterRun - afterSetup);
    }

    /// <summary>One line for the parent process to read back.</summary>
    public string Serialize() => string.Join(
        Separator,
        Point.Series,
        Point.People.ToString(CultureInfo.InvariantCulture),
        Point.Issues.ToString(CultureInfo.InvariantCulture),
        People.ToString(CultureInfo.InvariantCulture),
        Arrived.ToString(CultureInfo.InvariantCulture),
        Pending.ToString(CultureInfo.InvariantCulture),
        Events.ToString(CultureInfo.InvariantCulture),
        SetupSeconds.ToString("R", CultureInfo.InvariantCulture),
        RunSeconds.ToString("R", CultureInfo.InvariantCulture),
        CpuSeconds.ToString("R", CultureInfo.InvariantCulture),
        PeakWorkingSetBytes.ToString(CultureInfo.InvariantCulture),
        SetupBytes.ToString(CultureInfo.InvariantCulture),
        RunBytes.ToString(CultureInfo.InvariantCulture));

    /// <summary>Reads a line written by <see cref="Serialize"/>.</summary>
    public static ScalingMeasurement Parse(string line)
    {
        var f = line.Split(Separator);
        if (f.Length != 13)
        {
            throw new FormatException($"A scaling measurement has 13 fields separated by '{Separator}'; got {f.Length}: {line}");
        }

        static long L(string s) => long.Parse(s, CultureInfo.InvariantCulture);
        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        return new ScalingMeasurement(
            new ScalingPoint(f[0], L(f[1]), L(f[2])), L(f[3]), L(f[4]), L(f[5]), L(f[6]), D(f[7]), D(f[8]), D(f[9]), L(f[10]), L(f[11]), L(f[12]));
    }
}
