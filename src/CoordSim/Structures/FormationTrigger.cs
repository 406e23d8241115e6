namespace CoordSim.Structures;

/// <summary>When coordination bodies are formed.</summary>
public enum FormationTrigger
{
    /// <summary>At the start of the run (after the formation delay).</summary>
    Start,

    /// <summary>When the crisis starts (after the formation delay); with no mission length, dissolved when the crisis ends.</summary>
    Crisis,
}
