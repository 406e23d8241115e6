namespace CoordSim;

/// <summary>What the organisation builder reads: the shape of the departments, the service rates by level and the principals above them.</summary>
/// <param name="Departments">Number of departments.</param>
/// <param name="Levels">Levels inside a department.</param>
/// <param name="Span">Subordinates per superior.</param>
/// <param name="FrontlineRate">Service rate at level 0 (items/day).</param>
/// <param name="HeadRate">Service rate of a department head (items/day).</param>
/// <param name="PrincipalRate">Capacity a principal (government head, deputy) has for coordination: topServiceRate × topAttention (items/day).</param>
/// <param name="Deputies">Deputies in charge; departments are dealt round-robin into their portfolios.</param>
internal sealed record OrganisationSettings(int Departments, int Levels, int Span, double FrontlineRate, double HeadRate, double PrincipalRate, int Deputies)
{
    /// <summary>The settings of <paramref name="p"/>.</summary>
    public static OrganisationSettings From(Parameters p) =>
        new(p.Departments, p.Levels, p.Span, p.ServiceRate, p.HeadServiceRate, p.TopServiceRate * p.TopAttention, p.Deputies);

    /// <summary>The service rate of department level <paramref name="level"/> (0 = frontline): geometric between the frontline and the head.</summary>
    public double RateAtLevel(int level)
    {
        if (Levels == 1)
        {
            return HeadRate;
        }

        var fraction = (double)level / (Levels - 1);
        return FrontlineRate * Math.Pow(HeadRate / FrontlineRate, fraction);
    }
}
