using System.Runtime.CompilerServices;
using CoordSim.Mechanisms;

namespace CoordSim.Tests.Mechanisms;

/// <summary>
/// Every visit of every issue in flight has a hand-over log entry, so its size is memory traffic on the kernel's path:
/// the fault's kind (a byte) fits in the padding the entry already had, and the entry stays 32 bytes.
/// </summary>
public class LogEntryLayoutTests
{
    [Fact]
    public void A_log_entry_with_its_fault_is_still_32_bytes() => Assert.Equal(32, Unsafe.SizeOf<LogEntry>());
}
