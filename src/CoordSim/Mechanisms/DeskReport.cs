using CoordSim.Organisation;

namespace CoordSim.Mechanisms;

/// <summary>Queue statistics of one desk over a run.</summary>
/// <param name="Desk">The desk.</param>
/// <param name="Completed">Items that finished service at the desk.</param>
/// <param name="MeanSojourn">Mean days from joining the queue to finishing service.</param>
/// <param name="MeanInSystem">Time-average number of items at the desk (waiting or in service).</param>
/// <param name="BusyFraction">Fraction of time the desk's servers were busy serving.</param>
public sealed record DeskReport(DeskId Desk, long Completed, double MeanSojourn, double MeanInSystem, double BusyFraction);
