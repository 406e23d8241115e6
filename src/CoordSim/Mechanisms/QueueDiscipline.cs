namespace CoordSim.Mechanisms;

/// <summary>The order in which a desk takes waiting items.</summary>
public enum QueueDiscipline
{
    /// <summary>First come, first served.</summary>
    Fifo,

    /// <summary>Emergencies first (non-pre-emptive), first come first served within each class.</summary>
    UrgentFirst,
}
