using System.Runtime.InteropServices;
using CoordSim.Organisation;

namespace CoordSim.Mechanisms;

/// <summary>
/// One visit in an issue's handler log: who handled it, on which branch, in what role, how long it
/// stayed with them (queue and service) and how much error their hand-over added. The log is the
/// record responsibility and blame rules read, and, with the planted faults, the ground truth they are scored against.
/// </summary>
/// <param name="Person">Who handled it.</param>
/// <param name="Branch">Department branch, or −1 before the decision.</param>
/// <param name="Role">What the person did.</param>
/// <param name="Delay">Days the issue spent with the person (queueing plus service, or a meeting wait).</param>
/// <param name="Error">Norm of the error the person's hand-over added.</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct LogEntry(PersonId Person, int Branch, WorkRole Role, double Delay, double Error)
{
    /// <summary>Whether this visit was a planted fault, and which (the ground truth; rules never read it).</summary>
    public FaultKind Fault { get; init; }
}
