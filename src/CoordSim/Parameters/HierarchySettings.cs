namespace CoordSim;

/// <summary>What the hierarchy's routing reads: who decides a single-department issue, how much error a decision adds, how departments consult each other, how emergencies climb, and how blame for a failure is shared.</summary>
/// <param name="DecisionLevel">Level that decides single-department issues (−1 already resolved to the department head).</param>
/// <param name="DecisionNoiseSigma">Decision error per fact.</param>
/// <param name="Consultation">Consultation between departments on cross-department issues.</param>
/// <param name="EmergencySkipLevels">Levels an emergency may skip on its way up.</param>
/// <param name="ShieldCap">Largest blame one person carries for a failure under the hierarchy's rule.</param>
internal sealed record HierarchySettings(int DecisionLevel, double DecisionNoiseSigma, ConsultationSettings Consultation, int EmergencySkipLevels, double ShieldCap)
{
    /// <summary>The hierarchy settings of <paramref name="p"/>.</summary>
    public static HierarchySettings From(Parameters p) =>
        new(p.EffectiveDecisionLevel, p.DecisionNoiseSigma, ConsultationSettings.From(p), p.EmergencySkipLevels, p.ShieldCap);
}
