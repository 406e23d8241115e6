namespace CoordSim;

/// <summary>What the hierarchy's routing reads: who decides a single-department issue and how much error a decision adds.</summary>
/// <param name="DecisionLevel">Level that decides single-department issues (−1 already resolved to the department head).</param>
/// <param name="DecisionNoiseSigma">Decision error per fact.</param>
internal sealed record HierarchySettings(int DecisionLevel, double DecisionNoiseSigma)
{
    /// <summary>The hierarchy settings of <paramref name="p"/>.</summary>
    public static HierarchySettings From(Parameters p) => new(p.EffectiveDecisionLevel, p.DecisionNoiseSigma);
}
