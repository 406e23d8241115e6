namespace CoordSim;

/// <summary>
/// Effort relative to identifiability: a person whose expected responsibility share in an issue is w works at speed
/// and care clamp((w / Reference)^Elasticity, Floor, Ceiling). Elasticity 0 leaves everyone at the calibrated rate.
/// </summary>
/// <param name="Elasticity">α, the exponent (0 = off).</param>
/// <param name="Reference">wRef = 1 / referenceTeamSize: the share at which a person works at the calibrated rate.</param>
/// <param name="Floor">Lowest effort.</param>
/// <param name="Ceiling">Highest effort.</param>
internal sealed record EffortSettings(double Elasticity, double Reference, double Floor, double Ceiling)
{
    /// <summary>The effort settings of <paramref name="p"/>.</summary>
    public static EffortSettings From(Parameters p) => new(p.EffortElasticity, 1 / p.ReferenceTeamSize, p.EffortFloor, p.EffortCeiling);

    /// <summary>The effort of a person expecting share <paramref name="share"/>: 1 when the rule is off.</summary>
    public double At(double share) =>
        Elasticity == 0 ? 1.0 : Math.Clamp(Math.Pow(share / Reference, Elasticity), Floor, Ceiling);
}
