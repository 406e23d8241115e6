namespace CoordSim.Engine;

/// <summary>
/// A scheduled event: a small value with a time, a tie-breaking sequence number and three
/// integers whose meaning belongs to the model that scheduled it. The engine never looks
/// inside <see cref="Kind"/>, <see cref="Subject"/> or <see cref="Data"/>.
/// </summary>
/// <param name="Time">Simulated time in days at which the event fires.</param>
/// <param name="Sequence">Order of scheduling; breaks ties between equal times deterministically.</param>
/// <param name="Kind">Model-defined event kind.</param>
/// <param name="Subject">Model-defined subject (for example a desk or a body).</param>
/// <param name="Data">Model-defined payload (for example a work item).</param>
public readonly record struct Event(double Time, long Sequence, int Kind, int Subject, int Data)
{
    /// <summary>True when this event fires before <paramref name="other"/>: earlier time, or same time and scheduled earlier.</summary>
    public bool Precedes(in Event other) =>
        Time < other.Time || (Time == other.Time && Sequence < other.Sequence);
}
