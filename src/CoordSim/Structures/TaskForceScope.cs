namespace CoordSim.Structures;

/// <summary>What a task force takes on (S3's emergency vs routine axis).</summary>
public enum TaskForceScope
{
    /// <summary>Cross-department issues.</summary>
    Routine,

    /// <summary>Emergencies and the issues of an active crisis.</summary>
    Emergency,
}
