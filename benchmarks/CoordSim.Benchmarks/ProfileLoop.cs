using System.Diagnostics;
using System.Globalization;
using CoordSim.Structures;

namespace CoordSim.Benchmarks;

/// <summary>
/// The <c>--loop</c> mode: runs one structure at one size many times in a row, so a profiler
/// (for example <c>dotnet-trace collect -- dotnet CoordSim.Benchmarks.dll --loop hierarchy default 200</c>)
/// sees the steady state. Optional <c>name=value</c> arguments change parameters of the size
/// (for example <c>noiseSigma=0</c> to see what channel noise costs). Prints the mean wall and processor time per run (processor time is
/// steadier on a shared machine) and the events per second of wall time.
/// </summary>
public static class ProfileLoop
{
    /// <summary>Runs the loop; <paramref name="args"/> = structure, size, count, then any name=value parameter changes.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count < 3)
        {
            Console.Error.WriteLine("--loop takes three values: structure, size (small, default or large), count; then optional name=value parameter changes.");
            return 2;
        }

        var structure = StructureCatalog.Find(args[0]);
        if (structure is null)
        {
            Console.Error.WriteLine($"structure: '{args[0]}' is not allowed; use one of {StructureCatalog.Names}.");
            return 2;
        }

        if (!Scenarios.Sizes.Contains(args[1]))
        {
            Console.Error.WriteLine($"size: '{args[1]}' is not allowed; use one of {string.Join(", ", Scenarios.Sizes)}.");
            return 2;
        }

        if (!int.TryParse(args[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            Console.Error.WriteLine($"count: '{args[2]}' is not allowed; use a positive integer.");
            return 2;
        }

        var parameters = Scenarios.Sized(args[1]);
        var changes = new List<KeyValuePair<string, string>>();
        foreach (var change in args.Skip(3))
        {
            var equals = change.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                Console.Error.WriteLine($"parameter change: '{change}' is not allowed; use name=value, for example noiseSigma=0.");
                return 2;
            }

            changes.Add(new(change[..equals], change[(equals + 1)..]));
        }

        try
        {
            parameters = ParameterCatalog.Apply(parameters, changes).EnsureValid();
        }
        catch (ParameterException e)
        {
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine(error.Message);
            }

            return 2;
        }
        var first = Stopwatch.StartNew();
        var events = Simulation.Run(structure, parameters, Scenarios.Seed).Events;
        var cold = first.Elapsed.TotalMilliseconds;
        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            Simulation.Run(structure, parameters, Scenarios.Seed);
        }

        var mean = clock.Elapsed.TotalMilliseconds / count;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuStart).TotalMilliseconds / count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{structure.Name} {string.Join(' ', args.Skip(1).Where((_, i) => i != 1))}: {events} events; cold run {cold:F1} ms; {count} warm runs: mean {mean:F2} ms wall, {cpu:F2} ms processor; {events / mean / 1e3:F2} M events/s"));
        return 0;
    }
}
