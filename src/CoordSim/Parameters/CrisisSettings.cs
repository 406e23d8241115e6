namespace CoordSim;

/// <summary>A crisis (model-v2 §4): from <see cref="Start"/> for <see cref="Days"/> days issues arrive <see cref="Multiplier"/> times as often and a share <see cref="EmergencyShare"/> of them are emergencies.</summary>
/// <param name="Start">Day the crisis starts.</param>
/// <param name="Days">Days it lasts (0 = no crisis).</param>
/// <param name="Multiplier">Factor on the arrival rate during the crisis.</param>
/// <param name="EmergencyShare">Probability that an issue arriving during the crisis is an emergency.</param>
internal sealed record CrisisSettings(double Start, double Days, double Multiplier, double EmergencyShare)
{
    /// <summary>The crisis settings of <paramref name="p"/>.</summary>
    public static CrisisSettings From(Parameters p) => new(p.CrisisStart, p.CrisisDays, p.CrisisMultiplier, p.CrisisEmergencyShare);

    /// <summary>True when there is a crisis at all.</summary>
    public bool Happens => Days > 0;

    /// <summary>The day the crisis ends.</summary>
    public double End => Start + Days;

    /// <summary>True when <paramref name="t"/> lies in the crisis.</summary>
    public bool Covers(double t) => Happens && t >= Start && t < End;
}
