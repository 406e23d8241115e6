namespace CoordSim;

/// <summary>How departments agree on a cross-department issue (model-v2 §1): the chance that a consulted department deflects, the rounds tried, and the share of issues contested from the start.</summary>
/// <param name="DeflectProbability">Probability that a consulted department deflects in one round.</param>
/// <param name="Rounds">Rounds tried before the issue escalates.</param>
/// <param name="ContestedShare">Share of cross-department issues contested from the start (escalated, or put on a body's agenda, at once).</param>
/// <param name="AnswerDays">Days a consulted department takes to prepare its answer to a routine request, beyond its head's service.</param>
internal sealed record ConsultationSettings(double DeflectProbability, int Rounds, double ContestedShare, double AnswerDays)
{
    /// <summary>The consultation settings of <paramref name="p"/>.</summary>
    public static ConsultationSettings From(Parameters p) => new(p.DeflectProbability, p.ConsultationRounds, p.ContestedShare, p.ConsultationDays);
}
